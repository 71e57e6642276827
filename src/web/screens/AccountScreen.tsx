// My account: two-factor sign-in, API tokens (secret shown once), open
// sessions, and my party's sharing groups.
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { createdTokenSchema, groupSchema, listOf, okSchema, sessionSchema, tokenSchema } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useMe, useSession } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { meSchema } from "../../core/api/accounts.ts";

function TotpSection() {
  const { t } = useI18n();
  const me = useMe();
  const { signedIn } = useSession();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (me.user.totp_enabled || done) return <section className="card"><h2>{t("account.totp")}</h2><p><Pill tone="ok">{t("account.totpOn")}</Pill></p></section>;
  const start = async () => {
    setError(null);
    try { setSetup(await api.post("/api/auth/totp/setup", z.object({ secret: z.string(), uri: z.string() }))); } catch (e) { setError(e); }
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post("/api/auth/totp/enable", okSchema, { code });
      setDone(true);
      signedIn(await api.get("/api/auth/me", meSchema));
    } catch (err) { setError(err); }
  };
  return (
    <section className="card">
      <h2>{t("account.totp")}</h2>
      <p>{t("account.totpOff")}</p>
      {!setup && <button type="button" onClick={() => { void start(); }}>{t("account.totpStart")}</button>}
      {setup && (
        <form onSubmit={(e) => { void confirm(e); }}>
          <p>{t("account.totpSecret")}</p>
          <p><code dir="ltr" data-testid="totp-secret">{setup.secret}</code></p>
          <Field label={t("login.totp")}>
            {(id) => <input id={id} inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))} dir="ltr" />}
          </Field>
          <button type="submit" className="primary">{t("account.totpConfirm")}</button>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

type Scope = "read" | "write" | "admin";
const scopeLabel: Record<Scope, MessageKey> = { read: "account.scopeRead", write: "account.scopeWrite", admin: "account.scopeAdmin" };

/** The caller's own API tokens; administrators may also give a token the admin scope. */
export function TokensSection({ scopes = ["read", "write"] }: { scopes?: Scope[] }) {
  const { t, dateTime } = useI18n();
  const tokens = useApi(() => api.get("/api/tokens", listOf(tokenSchema)), []);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("read");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post("/api/tokens", createdTokenSchema, { name, scopes: [scope] });
      setCreated(r.token);
      setName("");
      tokens.reload();
    } catch (err) { setError(err); }
  };
  const revoke = async (id: string) => {
    try { await api.delete(`/api/tokens/${encodeURIComponent(id)}`, okSchema); tokens.reload(); } catch (err) { setError(err); }
  };
  return (
    <section className="card" data-testid="tokens">
      <h2>{t("account.tokens")}</h2>
      {tokens.loading && !tokens.data && <Loading />}
      {tokens.data && tokens.data.items.length === 0 && <p className="muted">{t("account.noTokens")}</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("common.name")}</th><th scope="col">{t("account.scopes")}</th><th scope="col">{t("account.expires")}</th><th scope="col">{t("common.status")}</th><th scope="col"><span className="visually-hidden">{t("common.actions")}</span></th></tr></thead>
          <tbody>
            {tokens.data.items.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td dir="ltr">{k.scopes.join(", ")}</td>
                <td>{dateTime(k.expires_at)}</td>
                <td>{k.revoked_at ? <Pill tone="muted">{t("account.revoked")}</Pill> : <Pill tone="ok">{t("account.active")}</Pill>}</td>
                <td>{!k.revoked_at && <button type="button" onClick={() => { void revoke(k.id); }} aria-label={t("account.revokeNamed", { name: k.name })}>{t("account.revoke")}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => { void create(e); }}>
        <Field label={t("account.tokenName")}>{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />}</Field>
        <Field label={t("account.scopes")}>
          {(id) => (
            <select id={id} value={scope} onChange={(e) => setScope(scopes.find((x) => x === e.target.value) ?? "read")}>
              {scopes.map((x) => <option key={x} value={x}>{t(scopeLabel[x])}</option>)}
            </select>
          )}
        </Field>
        <button type="submit">{t("account.createToken")}</button>
      </form>
      {created && (
        <div className="notice" role="status">
          <p>{t("account.tokenOnce")}</p>
          <p><code dir="ltr" data-testid="new-token">{created}</code></p>
        </div>
      )}
      <ErrorNote error={error ?? tokens.error} />
    </section>
  );
}

function SessionsSection() {
  const { t, dateTime } = useI18n();
  const sessions = useApi(() => api.get("/api/auth/sessions", listOf(sessionSchema)), []);
  const [error, setError] = useState<unknown>(null);
  const revoke = async (id: string) => {
    try { await api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`, okSchema); sessions.reload(); } catch (e) { setError(e); }
  };
  return (
    <section className="card">
      <h2>{t("account.sessions")}</h2>
      {sessions.data && (
        <ul className="plain">
          {sessions.data.items.map((s) => (
            <li key={s.id}>
              {t("account.sessionSince", { when: dateTime(s.created_at) })}{" "}
              {s.current ? <Pill tone="info">{t("account.thisSession")}</Pill> : <button type="button" onClick={() => { void revoke(s.id); }}>{t("account.endSession")}</button>}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error ?? sessions.error} />
    </section>
  );
}

function GroupsSection() {
  const { t } = useI18n();
  const groups = useApi(() => api.get("/api/groups", listOf(groupSchema)), []);
  return (
    <section className="card">
      <h2>{t("account.groups")}</h2>
      {groups.data && groups.data.items.length === 0 && <p className="muted">{t("account.noGroups")}</p>}
      {groups.data && groups.data.items.length > 0 && (
        <ul className="plain">
          {groups.data.items.map((g) => <li key={g.id}><strong>{g.name}</strong> <span className="muted">({g.owner_party}{g.members ? ` · ${g.members.join(", ")}` : ""})</span></li>)}
        </ul>
      )}
      <ErrorNote error={groups.error} />
    </section>
  );
}

export function AccountScreen() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <section>
      <ScreenTitle>{t("account.title")}</ScreenTitle>
      <div className="stack">
        <TotpSection />
        <TokensSection />
        <SessionsSection />
        {me.user.party && <GroupsSection />}
      </div>
    </section>
  );
}
