// Administration: accounts (create, disable, set password, end sessions),
// parties, the administrator's own API tokens (admin scope included), the
// deployment's public key and signed checkpoints, the bundled packs. Administrators
// hold no party's need-to-know, so nothing here shows party records.
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { listOf, okSchema, partySchema, userSchema, type UserDto } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useMe } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { checkpointListSchema, deploymentKeySchema, newCheckpointSchema } from "../../core/api/audit.ts";
import { packListSchema } from "../../core/api/packs.ts";
import { TokensSection } from "./AccountScreen.tsx";

const roles = ["liaison", "analyst", "mediator", "observer", "admin"] as const;
const partyKinds = ["party", "mediator", "observer"] as const;

function UsersSection({ parties }: { parties: z.infer<typeof partySchema>[] }) {
  const { t, date } = useI18n();
  const me = useMe();
  const users = useApi(() => api.get("/api/admin/users", listOf(userSchema)), []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ username: "", display_name: "", party: "", role: "liaison", password: "" });

  const act = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    setNotice(null);
    try { await fn(); setNotice(message); users.reload(); } catch (e) { setError(e); }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.post("/api/admin/users", userSchema, { username: form.username, display_name: form.display_name || undefined, party: form.party || null, role: form.role, password: form.password });
      setForm({ username: "", display_name: "", party: "", role: "liaison", password: "" });
    }, t("admin.userCreated", { name: form.username }));
  };
  const toggle = (u: UserDto) => act(() => api.patch(`/api/admin/users/${u.id}`, userSchema, { disabled: !u.disabled }), u.disabled ? t("admin.enabled", { name: u.username }) : t("admin.disabled", { name: u.username }));
  const setPassword = (u: UserDto) => {
    const pw = window.prompt(t("admin.newPasswordFor", { name: u.username }));
    if (pw) void act(() => api.post(`/api/admin/users/${u.id}/password`, okSchema, { password: pw }), t("admin.passwordSet", { name: u.username }));
  };
  const endSessions = (u: UserDto) => act(() => api.post(`/api/admin/users/${u.id}/revoke-sessions`, okSchema), t("admin.sessionsEnded", { name: u.username }));

  return (
    <section className="card">
      <h2>{t("admin.users")}</h2>
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <div className="table-scroll">
          <table data-testid="users-table">
            <thead><tr><th scope="col">{t("admin.username")}</th><th scope="col">{t("common.name")}</th><th scope="col">{t("admin.party")}</th><th scope="col">{t("admin.role")}</th><th scope="col">{t("admin.created")}</th><th scope="col">{t("common.status")}</th><th scope="col">{t("common.actions")}</th></tr></thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td dir="ltr">{u.username}</td>
                  <td>{u.display_name}</td>
                  <td>{u.party ?? "—"}</td>
                  <td>{t(`role.${u.role}` as MessageKey)}</td>
                  <td>{date(u.created_at)}</td>
                  <td>
                    {u.disabled ? <Pill tone="bad">{t("admin.disabledTag")}</Pill> : <Pill tone="ok">{t("account.active")}</Pill>}
                    {u.totp_enabled && <> <Pill tone="info">{t("admin.totpTag")}</Pill></>}
                  </td>
                  <td><div className="row-actions">
                    {u.id !== me.user.id && <button type="button" onClick={() => { void toggle(u); }}>{u.disabled ? t("admin.enable") : t("admin.disable")}</button>}
                    <button type="button" onClick={() => setPassword(u)}>{t("admin.setPassword")}</button>
                    <button type="button" onClick={() => { void endSessions(u); }}>{t("admin.endSessions")}</button>
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("admin.addUser")}</h3>
      <form className="grid-form" onSubmit={create}>
        <Field label={t("admin.username")}>{(id) => <input id={id} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required dir="ltr" />}</Field>
        <Field label={t("common.name")}>{(id) => <input id={id} value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} />}</Field>
        <Field label={t("admin.party")}>
          {(id) => (
            <select id={id} value={form.party} onChange={(e) => setForm({ ...form, party: e.target.value })}>
              <option value="">{t("admin.noParty")}</option>
              {parties.map((p) => <option key={p.id} value={p.id}>{p.id} — {p.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("admin.role")}>
          {(id) => (
            <select id={id} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("login.password")} hint={t("admin.passwordHint")}>{(id, hint) => <input id={id} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required aria-describedby={hint} dir="ltr" />}</Field>
        <div className="form-end"><button type="submit" className="primary">{t("admin.create")}</button></div>
      </form>
      {notice && <p className="notice" role="status">{notice}</p>}
      <ErrorNote error={error ?? users.error} />
    </section>
  );
}

function PartiesSection({ parties, reload }: { parties: z.infer<typeof partySchema>[]; reload: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ id: "", name: "", kind: "party" });
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try { await api.post("/api/admin/parties", okSchema, form); setForm({ id: "", name: "", kind: "party" }); reload(); } catch (err) { setError(err); }
  };
  return (
    <section className="card">
      <h2>{t("admin.parties")}</h2>
      <table>
        <thead><tr><th scope="col">{t("admin.partyId")}</th><th scope="col">{t("common.name")}</th><th scope="col">{t("admin.kind")}</th></tr></thead>
        <tbody>{parties.map((p) => <tr key={p.id}><td dir="ltr">{p.id}</td><td>{p.name}</td><td>{t(`partyKind.${p.kind}` as MessageKey)}</td></tr>)}</tbody>
      </table>
      <h3>{t("admin.addParty")}</h3>
      <form className="grid-form" onSubmit={(e) => { void add(e); }}>
        <Field label={t("admin.partyId")}>{(id) => <input id={id} value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value.toUpperCase() })} required dir="ltr" />}</Field>
        <Field label={t("common.name")}>{(id) => <input id={id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />}</Field>
        <Field label={t("admin.kind")}>
          {(id) => <select id={id} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>{partyKinds.map((k) => <option key={k} value={k}>{t(`partyKind.${k}`)}</option>)}</select>}
        </Field>
        <div className="form-end"><button type="submit">{t("admin.addParty")}</button></div>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}

function KeySection() {
  const { t, dateTime, num } = useI18n();
  const key = useApi(() => api.get("/api/keys/deployment", deploymentKeySchema), []);
  const checkpoints = useApi(() => api.get("/api/audit/checkpoints", checkpointListSchema), []);
  const [signed, setSigned] = useState<{ seq: number } | "unchanged" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sign = async () => {
    setError(null); setSigned(null);
    try {
      const r = await api.post("/api/audit/checkpoints", newCheckpointSchema);
      setSigned(r.checkpoint ? { seq: r.checkpoint.seq } : "unchanged");
      checkpoints.reload();
    } catch (e) { setError(e); }
  };
  const latest = checkpoints.data?.items.slice(0, 5) ?? [];
  return (
    <section className="card" data-testid="keys">
      <h2>{t("admin.key")}</h2>
      <p className="muted">{t("admin.keyText")}</p>
      {key.data && (
        <>
          <p><span className="muted">{t("admin.keyId")}</span> <code dir="ltr">{key.data.key_id}</code></p>
          <pre dir="ltr" className="pem" tabIndex={0} aria-label={t("admin.key")}>{key.data.public_key}</pre>
        </>
      )}
      <h3>{t("admin.checkpoints")}</h3>
      <p className="muted small">{t("admin.checkpointsText")}</p>
      {latest.length === 0 && checkpoints.data && <p className="muted">{t("admin.noCheckpoints")}</p>}
      {latest.length > 0 && (
        <div className="table-scroll">
          <table data-testid="checkpoints">
            <thead><tr><th scope="col">{t("admin.entry")}</th><th scope="col">{t("admin.signedAt")}</th><th scope="col">{t("admin.headHash")}</th></tr></thead>
            <tbody>{latest.map((c) => <tr key={`${c.seq}-${c.at}`}><td>{num(c.seq)}</td><td>{dateTime(c.at)}</td><td><code dir="ltr">{c.head_hash.slice(0, 16)}…</code></td></tr>)}</tbody>
          </table>
        </div>
      )}
      <button type="button" onClick={() => { void sign(); }}>{t("admin.signNow")}</button>
      {signed && <p className="notice" role="status">{signed === "unchanged" ? t("admin.checkpointUnchanged") : t("admin.checkpointSigned", { seq: num(signed.seq) })}</p>}
      <ErrorNote error={error ?? key.error ?? checkpoints.error} />
    </section>
  );
}

function PacksSection() {
  const { t, num } = useI18n();
  const packs = useApi(() => api.get("/api/packs", packListSchema), []);
  return (
    <section className="card" data-testid="packs">
      <h2>{t("admin.packs")}</h2>
      <p className="muted">{t("admin.packsText")}</p>
      {packs.loading && !packs.data && <Loading />}
      {packs.data && (
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">{t("admin.packId")}</th><th scope="col">{t("admin.packTitle")}</th><th scope="col">{t("admin.version")}</th><th scope="col">{t("admin.accuracy")}</th><th scope="col">{t("admin.parties")}</th><th scope="col">{t("admin.data")}</th></tr></thead>
            <tbody>
              {packs.data.items.map((p) => (
                <tr key={p.id}>
                  <td dir="ltr">{p.id}</td>
                  <td lang="en">{p.title}{p.approximate && <> <Pill tone="warn">{t("map.approximate")}</Pill></>}</td>
                  <td dir="ltr">{p.version}</td>
                  <td>{t("admin.accuracyM", { m: num(p.accuracy_m) })}</td>
                  <td>{p.parties.map((x) => x.id).join(", ")}</td>
                  <td><a href={`/api/packs/${encodeURIComponent(p.id)}/geojson`} download={`${p.id}.geojson`}>{t("admin.geojson")}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote error={packs.error} />
    </section>
  );
}

export function AdminScreen() {
  const { t } = useI18n();
  const parties = useApi(() => api.get("/api/parties", listOf(partySchema)), []);
  return (
    <section>
      <ScreenTitle>{t("admin.title")}</ScreenTitle>
      <p className="muted">{t("admin.intro")}</p>
      <div className="stack">
        <UsersSection parties={parties.data?.items ?? []} />
        {parties.data && <PartiesSection parties={parties.data.items} reload={parties.reload} />}
        <TokensSection scopes={["read", "write", "admin"]} />
        <KeySection />
        <PacksSection />
      </div>
    </section>
  );
}
