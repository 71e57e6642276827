// Recording on the talks board: the mediator schedules a meeting (date,
// place, format, agenda); a party or the mediator records a commitment or
// confidence-building measure (committed party, beneficiary, meeting, due
// date). Each says who may see it; the server checks who may do what.
import { useState, type FormEvent } from "react";
import { listOf, partySchema } from "../../core/api/accounts.ts";
import { commitmentSchema, meetingFormats, meetingSchema, type MeetingDto } from "../../core/api/talks.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useMe } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote, Field } from "../components/common.tsx";

/** The audiences a record can be given here, as the server's distribution values. */
function DistributionField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const options: Array<[string, string]> = [
    ["shared", t("distribution.shared")],
    ["mediator", t("distribution.mediator")],
    ...(me.user.party ? [[`party:${me.user.party}`, t("distribution.own")] as [string, string]] : []),
    ["public", t("distribution.public")],
  ];
  return (
    <Field label={t("talks.distribution")}>
      {(id) => <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>{options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>}
    </Field>
  );
}

/** Runs a create call with busy and error state; the notice is kept as data so a language switch re-words it. */
function useCreate() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (fn: () => Promise<string>) => {
    setBusy(true); setError(null); setDone(null);
    try { setDone(await fn()); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return { busy, error, done, run };
}

/** A datetime-local value (taken as UTC, as every time on the board is shown) → ISO 8601. */
const utc = (local: string) => `${local}:00Z`;

export function NewMeeting({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const empty = { title: "", starts: "", ends: "", place: "", format: "in_person", agenda: "", distribution: "shared" };
  const [f, setF] = useState(empty);
  const c = useCreate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void c.run(async () => {
      const agenda = f.agenda.split("\n").map((x) => x.trim()).filter(Boolean);
      const m = await api.post("/api/meetings", meetingSchema, { title: f.title, starts_at: utc(f.starts), ends_at: utc(f.ends), place: f.place, format: f.format, agenda, distribution: f.distribution });
      setF(empty);
      onCreated();
      return m.title;
    });
  };
  return (
    <details className="card" data-testid="new-meeting">
      <summary>{t("talks.newMeeting")}</summary>
      <form className="grid-form" onSubmit={submit}>
        <Field label={t("talks.meetingTitle")}>{(id) => <input id={id} required value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />}</Field>
        <Field label={t("talks.startsAt")} hint={t("talks.utcHint")}>{(id, hint) => <input id={id} type="datetime-local" dir="ltr" required value={f.starts} aria-describedby={hint} onChange={(e) => setF({ ...f, starts: e.target.value })} />}</Field>
        <Field label={t("talks.endsAt")}>{(id) => <input id={id} type="datetime-local" dir="ltr" required value={f.ends} min={f.starts || undefined} onChange={(e) => setF({ ...f, ends: e.target.value })} />}</Field>
        <Field label={t("talks.place")}>{(id) => <input id={id} required value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} />}</Field>
        <Field label={t("talks.format")}>
          {(id) => <select id={id} value={f.format} onChange={(e) => setF({ ...f, format: e.target.value })}>{meetingFormats.map((x) => <option key={x} value={x}>{t(`meetingFormat.${x}`)}</option>)}</select>}
        </Field>
        <DistributionField value={f.distribution} onChange={(distribution) => setF({ ...f, distribution })} />
        <Field label={t("talks.agendaLines")}>{(id) => <textarea id={id} rows={3} value={f.agenda} onChange={(e) => setF({ ...f, agenda: e.target.value })} />}</Field>
        <div className="form-end"><button type="submit" className="primary" disabled={c.busy}>{t("talks.schedule")}</button></div>
      </form>
      <ErrorNote error={c.error} />
      {c.done && <p className="notice" role="status">{t("talks.meetingScheduled", { title: c.done })}</p>}
    </details>
  );
}

export function NewCommitment({ meetings, onCreated }: { meetings: MeetingDto[]; onCreated: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const parties = useApi(() => api.get("/api/parties", listOf(partySchema)), []);
  const sides = (parties.data?.items ?? []).filter((p) => p.kind === "party");
  const empty = { text: "", committed: me.user.party ?? "", beneficiary: "", kind: "commitment", due: "", meeting: "", distribution: "shared" };
  const [f, setF] = useState(empty);
  const c = useCreate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void c.run(async () => {
      await api.post("/api/commitments", commitmentSchema, {
        text: f.text, committed_party: f.committed, beneficiary_party: f.beneficiary || null, kind: f.kind, due_date: f.due || null,
        ...(f.meeting ? { meeting_id: f.meeting } : {}), distribution: f.distribution,
      });
      setF(empty);
      onCreated();
      return f.text;
    });
  };
  return (
    <details className="card" data-testid="new-commitment">
      <summary>{t("talks.newCommitment")}</summary>
      <form className="grid-form" onSubmit={submit}>
        <Field label={t("talks.commitmentText")}>{(id) => <textarea id={id} rows={2} required value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />}</Field>
        <Field label={t("talks.kind")}>
          {(id) => <select id={id} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}><option value="commitment">{t("talks.commitment")}</option><option value="cbm">{t("talks.cbm")}</option></select>}
        </Field>
        <Field label={t("talks.committedParty")}>
          {(id) => <select id={id} required value={f.committed} onChange={(e) => setF({ ...f, committed: e.target.value })}><option value="">—</option>{sides.map((p) => <option key={p.id} value={p.id}>{p.id} — {p.name}</option>)}</select>}
        </Field>
        <Field label={t("talks.beneficiary")}>
          {(id) => <select id={id} value={f.beneficiary} onChange={(e) => setF({ ...f, beneficiary: e.target.value })}><option value="">{t("talks.none")}</option>{sides.map((p) => <option key={p.id} value={p.id}>{p.id} — {p.name}</option>)}</select>}
        </Field>
        <Field label={t("talks.dueDate")}>{(id) => <input id={id} type="date" dir="ltr" value={f.due} onChange={(e) => setF({ ...f, due: e.target.value })} />}</Field>
        <Field label={t("talks.meeting")}>
          {(id) => <select id={id} value={f.meeting} onChange={(e) => setF({ ...f, meeting: e.target.value })}><option value="">{t("talks.none")}</option>{meetings.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}</select>}
        </Field>
        <DistributionField value={f.distribution} onChange={(distribution) => setF({ ...f, distribution })} />
        <div className="form-end"><button type="submit" className="primary" disabled={c.busy || !f.committed}>{t("talks.record")}</button></div>
      </form>
      <ErrorNote error={c.error ?? parties.error} />
      {c.done && <p className="notice" role="status">{t("talks.commitmentRecorded")}</p>}
    </details>
  );
}
