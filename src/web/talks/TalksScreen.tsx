// The talks and commitments board: commitments with their measured status,
// history and status moves; meetings with agenda, minutes (sanitized by the
// server), delegations and attachments; scheduled windows and the inspection
// cadence per zone. Commitment changes and overdue inspections arrive live.
import { useState, type FormEvent } from "react";
import {
  cadenceSchema, commitmentListSchema, commitmentMoves, commitmentSchema, meetingListSchema, windowListSchema,
  type CommitmentDto, type CommitmentStatus, type MeetingDto,
} from "../../core/api/talks.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime, type RealtimeEvent } from "../api/realtime.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { measuredText } from "./measured.ts";
import { NewCommitment, NewMeeting } from "./TalksCreate.tsx";
import { useMe } from "../app/session.tsx";
import { useZoneLabel } from "../app/zones.ts";

const statusTone: Record<CommitmentStatus, "ok" | "warn" | "bad" | "info" | "muted"> = {
  proposed: "muted", agreed: "info", in_progress: "info", fulfilled: "ok", breached: "bad", lapsed: "warn",
};

interface Alert { id: number; text: string }

export default function TalksScreen() {
  const { t, dateTime } = useI18n();
  const zoneName = useZoneLabel();
  const commitments = useApi(() => api.get("/api/commitments", commitmentListSchema), []);
  const meetings = useApi(() => api.get("/api/meetings", meetingListSchema), []);
  const windows = useApi(() => api.get("/api/windows", windowListSchema), []);
  const cadence = useApi(() => api.get("/api/inspections/cadence", cadenceSchema), []);
  const me = useMe();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [changed, setChanged] = useState<Record<string, number>>({});

  useRealtime(["commitment.changed"], (ev: RealtimeEvent) => {
    const p = ev.payload as { id?: string; status?: string };
    if (p.id) setChanged((c) => ({ ...c, [p.id!]: ev.id }));
    commitments.reload();
  });
  useRealtime(["inspection.overdue", "inspection.completed", "window.scheduled"], (ev) => {
    if (ev.type === "inspection.overdue") {
      const p = ev.payload as { zone?: string; last_inspection?: string | null };
      setAlerts((a) => [{ id: ev.id, text: t("talks.overdueAlert", { zone: p.zone ? zoneName(p.zone) : "?", last: p.last_inspection ? dateTime(p.last_inspection) : t("talks.never") }) }, ...a].slice(0, 5));
    }
    cadence.reload();
    windows.reload();
  });
  useRealtime(["meeting.created"], () => meetings.reload());

  return (
    <section className="talks">
      <ScreenTitle>{t("talks.title")}</ScreenTitle>
      <nav aria-label={t("talks.sections")} className="in-page">
        <a href="#commitments">{t("talks.commitments")}</a> · <a href="#meetings">{t("talks.meetings")}</a> · <a href="#inspections">{t("talks.inspections")}</a>
      </nav>
      {alerts.length > 0 && (
        <div className="escalations" role="alert" data-testid="talks-alerts">
          <ul className="plain">{alerts.map((a) => <li key={a.id}>{a.text}</li>)}</ul>
        </div>
      )}

      <h2 id="commitments">{t("talks.commitments")}</h2>
      {me.user.party !== null && me.user.role !== "observer" && <NewCommitment meetings={meetings.data?.items ?? []} onCreated={commitments.reload} />}
      <ErrorNote error={commitments.error} />
      {!commitments.data && !commitments.error && <Loading />}
      {commitments.data?.items.length === 0 && <p className="muted">{t("talks.noCommitments")}</p>}
      <div className="commitments" data-testid="commitments">
        {commitments.data?.items.map((c) => <CommitmentCard key={`${c.id}:${changed[c.id] ?? 0}`} c={c} onMoved={commitments.reload} />)}
      </div>

      <h2 id="meetings">{t("talks.meetings")}</h2>
      {me.party_kind === "mediator" && <NewMeeting onCreated={meetings.reload} />}
      <ErrorNote error={meetings.error} />
      {meetings.data?.items.length === 0 && <p className="muted">{t("talks.noMeetings")}</p>}
      <div className="stack" data-testid="meetings">
        {meetings.data?.items.map((m) => <MeetingCard key={m.id} m={m} />)}
      </div>

      <h2 id="inspections">{t("talks.inspections")}</h2>
      <ErrorNote error={cadence.error} />
      {cadence.data && (
        <div className="table-scroll">
          <table data-testid="cadence">
            <caption className="muted small">{t("talks.cadenceCaption", { days: cadence.data.interval_days })}</caption>
            <thead><tr><th scope="col">{t("incidents.zone")}</th><th scope="col">{t("talks.lastInspection")}</th><th scope="col">{t("talks.nextDue")}</th><th scope="col">{t("common.status")}</th></tr></thead>
            <tbody>
              {cadence.data.items.map((r) => (
                <tr key={r.zone}>
                  <td><bdi>{zoneName(r.zone)}</bdi></td>
                  <td>{r.last_inspection ? dateTime(r.last_inspection) : t("talks.never")}</td>
                  <td>{r.due ? dateTime(r.due) : "—"}</td>
                  <td>{r.overdue ? <Pill tone="bad">{t("talks.overdue")}</Pill> : <Pill tone="ok">{t("talks.onSchedule")}</Pill>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("talks.windows")}</h3>
      <ErrorNote error={windows.error} />
      {windows.data?.items.length === 0 && <p className="muted">{t("talks.noWindows")}</p>}
      <ul className="plain" data-testid="windows">
        {windows.data?.items.map((w) => (
          <li key={w.id}>
            <Pill tone={w.status === "completed" ? "ok" : w.status === "cancelled" ? "muted" : "info"}>{t(`window.${w.kind}` as MessageKey)}</Pill>{" "}
            <bdi>{w.title}</bdi> {w.zone && <span className="muted">(<bdi>{zoneName(w.zone)}</bdi>)</span>} · {dateTime(w.starts_at)} – {dateTime(w.ends_at)}
            {w.findings && <span className="muted small"> · {Object.entries(w.findings).map(([k, v]) => `${k}: ${v}`).join(", ")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CommitmentCard({ c, onMoved }: { c: CommitmentDto; onMoved: () => void }) {
  const i18n = useI18n();
  const zoneName = useZoneLabel();
  const { t, date, dateTime, dir } = i18n;
  // The arrow points from the committed party to the beneficiary in reading order.
  const arrow = dir === "rtl" ? "←" : "→";
  const [open, setOpen] = useState(false);
  const detail = useApi(async () => (open ? api.get(`/api/commitments/${encodeURIComponent(c.id)}`, commitmentSchema) : undefined), [open, c.id, c.updated_at]);
  const next = commitmentMoves[c.status];
  const [to, setTo] = useState<CommitmentStatus | "">("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const move = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setBusy(true); setError(null);
    try {
      await api.post(`/api/commitments/${encodeURIComponent(c.id)}/status`, commitmentSchema, { status: to, reason });
      setReason(""); setTo("");
      onMoved();
      detail.reload();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <article className="card commitment" data-testid="commitment" data-status={c.status}>
      <p className="commitment-head">
        <Pill tone={statusTone[c.status]}>{t(`commitment.${c.status}` as MessageKey)}</Pill>{" "}
        <span className="muted small">{t(c.kind === "cbm" ? "talks.cbm" : "talks.commitment")} · {c.committed_party}{c.beneficiary_party && <> {arrow} {c.beneficiary_party}</>}{c.due_date && <> · {t("talks.due", { date: date(c.due_date) })}</>}</span>
      </p>
      <p className="commitment-text"><bdi>{c.text}</bdi></p>
      {c.measured && (
        <p className="small">
          <Pill tone={c.measured.on_track ? "ok" : "bad"}>{t(c.measured.on_track ? "talks.onTrack" : "talks.offTrack")}</Pill>{" "}
          {t("talks.measured")}: <span data-testid="measured-summary">{measuredText(i18n, c.measured.message, zoneName)}</span>
        </p>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t("talks.historyAndStatus")}</summary>
        {open && !detail.data && <Loading />}
        {detail.data?.history && (
          <ol className="plain history">
            {detail.data.history.map((h, i) => (
              <li key={i}>{dateTime(h.at)} · {h.actor_party ?? "—"}: <strong>{t(`commitment.${h.status}` as MessageKey)}</strong> — <bdi>{h.reason}</bdi></li>
            ))}
          </ol>
        )}
        {next.length > 0 && (
          <form className="inline-form" onSubmit={(e) => { void move(e); }}>
            <Field label={t("talks.moveTo")}>
              {(id) => (
                <select id={id} value={to} onChange={(e) => setTo(e.target.value as CommitmentStatus)}>
                  <option value="">—</option>
                  {next.map((s) => <option key={s} value={s}>{t(`commitment.${s}` as MessageKey)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t("incidents.reason")}>{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} size={30} />}</Field>
            <button type="submit" disabled={busy || !to || reason.trim().length < 3}>{t("talks.move")}</button>
          </form>
        )}
        <ErrorNote error={error} />
      </details>
    </article>
  );
}

function MeetingCard({ m }: { m: MeetingDto }) {
  const { t, dateTime, num } = useI18n();
  const parties = [...new Set([...m.delegates.map((d) => d.party), ...Object.keys(m.undisclosed_delegates)])].sort();
  return (
    <article className="card meeting" data-testid="meeting">
      <h3><bdi>{m.title}</bdi></h3>
      <p className="muted small">{dateTime(m.starts_at)} – {dateTime(m.ends_at)} · <bdi>{m.place}</bdi> · {t(`meetingFormat.${m.format}` as MessageKey)}</p>
      {m.agenda.length > 0 && (<><h4>{t("talks.agenda")}</h4><ol>{m.agenda.map((a, i) => <li key={i}><bdi>{a}</bdi></li>)}</ol></>)}
      <h4>{t("talks.minutes")}</h4>
      {m.minutes_redacted ? <p className="muted">{t("incidents.withheld")}</p>
        : m.minutes_html ? <div className="minutes" dir="auto" dangerouslySetInnerHTML={{ __html: m.minutes_html }} />
          : <p className="muted">{t("talks.noMinutes")}</p>}
      {m.outcomes.length > 0 && (<><h4>{t("talks.outcomes")}</h4><ul>{m.outcomes.map((o, i) => <li key={i}><bdi>{o}</bdi></li>)}</ul></>)}
      {parties.length > 0 && (
        <>
          <h4>{t("talks.delegations")}</h4>
          <ul className="plain">
            {parties.map((p) => {
              const named = m.delegates.filter((d) => d.party === p);
              const hidden = m.undisclosed_delegates[p] ?? 0;
              return (
                <li key={p}>
                  <strong>{p}</strong>: {named.map((d, i) => <span key={d.id}>{i > 0 && ", "}<bdi>{d.name}</bdi> <span className="muted">(<bdi>{d.role_title}</bdi>)</span></span>)}
                  {hidden > 0 && <span className="muted">{named.length > 0 && " · "}{t("talks.undisclosed", { n: num(hidden) })}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {m.attachments.length > 0 && (
        <>
          <h4>{t("talks.attachments")}</h4>
          <ul className="plain">
            {m.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/meetings/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(a.id)}`} download={a.file_name}>{a.file_name}</a>{" "}
                <span className="muted small" dir="ltr">({num(Math.max(1, Math.ceil(a.size / 1024)))} KB · sha256 {a.sha256.slice(0, 12)}…)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
