// Sign-in: username and password; when the server answers totp_required the
// six-digit code field appears and takes focus, and the form is sent again.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { meSchema } from "../../core/api/accounts.ts";
import { api, ApiError } from "../api/client.ts";
import { useSession } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Field } from "../components/common.tsx";

export function LoginScreen() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => { if (needTotp) totpRef.current?.focus(); }, [needTotp]);
  useEffect(() => { headingRef.current?.focus(); }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.post("/api/auth/login", meSchema, { username, password, ...(needTotp ? { totp } : {}) });
      signedIn(me);
    } catch (err) {
      if (err instanceof ApiError && err.code === "totp_required") {
        if (needTotp) setError(t("login.totpWrong"));
        setNeedTotp(true);
      } else if (err instanceof ApiError && err.status === 429) setError(err.message);
      else if (err instanceof ApiError && err.code === "network") setError(t("error.network"));
      else if (err instanceof ApiError && err.code === "validation_failed" && needTotp) setError(t("login.totpFormat"));
      else setError(t("login.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card login-card">
      <h1 ref={headingRef} tabIndex={-1}>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      <form onSubmit={(e) => { void submit(e); }} noValidate>
        <Field label={t("login.username")}>
          {(id) => <input id={id} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required dir="ltr" />}
        </Field>
        <Field label={t("login.password")}>
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required dir="ltr" />}
        </Field>
        {needTotp && (
          <Field label={t("login.totp")} hint={t("login.totpHint")}>
            {(id, hint) => (
              <input id={id} ref={totpRef} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
                value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ""))} aria-describedby={hint} dir="ltr" />
            )}
          </Field>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t("login.signingIn") : t("login.submit")}</button>
      </form>
    </section>
  );
}
