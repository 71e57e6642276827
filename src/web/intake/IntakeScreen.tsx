// Intake review: the queue of events the extractor proposed from articles,
// one proposal beside its article with the evidence highlighted at its
// character offsets, and the analyst's decision (accept as a new incident or
// onto a suggested duplicate, edit then accept, reject with a reason). An
// article pasted here goes through the extractor at once.
import { useState, type FormEvent, type MouseEvent } from "react";
import {
  acceptResultSchema, highlightRuns, ingestSchema, articleSchema, proposalDetailSchema, proposalListSchema, rejectResultSchema,
  type IntakeProposal, type ProposalDetail,
} from "../../core/api/intake.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime } from "../api/realtime.tsx";
import { match, navigate, usePath } from "../app/router.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { FetchArticle, Feeds, UploadArticle } from "./IntakeSources.tsx";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { eventTypeLabel } from "../incidents/labels.ts";
import { useActorLabel, usePlaceLabel, useZoneLabel } from "../app/zones.ts";
import { UNNAMED_SIDE } from "../../core/intake/sides.ts";

const link = (to: string) => (e: MouseEvent) => { e.preventDefault(); navigate(to); };
const statuses = ["pending", "accepted", "rejected"] as const;
type Status = (typeof statuses)[number];
const statusTone = { pending: "info", accepted: "ok", rejected: "muted" } as const;

export default function IntakeScreen() {
  const { t } = useI18n();
  const path = usePath();
  const id = match("/intake/:id", path)?.id;
  const [status, setStatus] = useState<Status>("pending");
  const list = useApi(() => api.get(`/api/intake/proposals?status=${status}&limit=100`, proposalListSchema), [status]);
  useRealtime(["intake.proposed"], () => list.reload());
  const stored = (first: string | null) => { setStatus("pending"); list.reload(); if (first) navigate(`/intake/${first}`); };
  return (
    <section>
      <ScreenTitle>{t("intake.title")}</ScreenTitle>
      <div className="review-layout">
        <div>
          <PasteArticle onDone={stored} />
          <UploadArticle onDone={stored} />
          <FetchArticle onDone={stored} />
          <Feeds onPolled={() => { setStatus("pending"); list.reload(); }} />
          <h2>{t("intake.queue")}</h2>
          <div className="field">
            <label htmlFor="intake-status">{t("common.status")}</label>
            <select id="intake-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              {statuses.map((s) => <option key={s} value={s}>{t(`intake.status.${s}` as MessageKey)}</option>)}
            </select>
          </div>
          <ErrorNote error={list.error} />
          {list.loading && !list.data && <Loading />}
          {list.data && list.data.items.length === 0 && <p className="muted">{t("intake.empty")}</p>}
          <ul className="plain proposal-list" data-testid="proposal-list">
            {list.data?.items.map((p) => <ProposalItem key={p.id} p={p} current={p.id === id} />)}
          </ul>
        </div>
        <div>
          {id ? <ProposalReview key={id} id={id} onDecided={() => list.reload()} /> : <p className="muted">{t("intake.pick")}</p>}
        </div>
      </div>
    </section>
  );
}

function ProposalItem({ p, current }: { p: IntakeProposal; current: boolean }) {
  const { t, date } = useI18n();
  const placeLabel = usePlaceLabel();
  const e = p.event;
  return (
    <li>
      <a href={`/intake/${p.id}`} onClick={link(`/intake/${p.id}`)} aria-current={current ? "page" : undefined}>
        <strong>{eventTypeLabel(t, e.event_type)}</strong> · <bdi>{placeLabel(e.place_id, e.location) ?? t("incidents.unknownPlace")}</bdi>
        <br />
        <span className="muted small">{e.date ? date(e.date) : "—"} · {t("intake.confidence", { pct: Math.round(p.confidence * 100) })}</span>
      </a>
    </li>
  );
}

function PasteArticle({ onDone }: { onDone: (firstProposal: string | null) => void }) {
  const { t, num } = useI18n();
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [published, setPublished] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Kept as data, not a sentence, so a language switch re-words it.
  const [result, setResult] = useState<{ n: number; duplicate: boolean } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setResult(null);
    try {
      const r = await api.post("/api/intake/articles", ingestSchema, { text, ...(title ? { title } : {}), ...(published ? { published } : {}) });
      setResult({ n: r.proposals.length, duplicate: r.duplicate !== null });
      setText(""); setTitle(""); setPublished("");
      onDone(r.proposals.find((p) => p.status === "pending")?.id ?? null);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <details className="card paste" open={false} data-testid="paste-source">
      <summary>{t("intake.paste")}</summary>
      <form onSubmit={(e) => { void submit(e); }} data-testid="paste-form">
        <Field label={t("intake.articleTitle")}>{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label={t("intake.published")}>{(id) => <input id={id} type="date" dir="ltr" value={published} onChange={(e) => setPublished(e.target.value)} />}</Field>
        <Field label={t("intake.articleText")}>{(id) => <textarea id={id} rows={6} required value={text} onChange={(e) => setText(e.target.value)} />}</Field>
        <button type="submit" className="primary" disabled={busy || !text.trim()}>{busy ? t("intake.extracting") : t("intake.extract")}</button>
        <ErrorNote error={error} />
        {result && <p className="notice" role="status">{result.duplicate ? t("intake.pastedDuplicate") : t("intake.pasted", { n: num(result.n) })}</p>}
      </form>
    </details>
  );
}

interface Edits { date: string; event_type: string; location: string; lat: string; lon: string; fatalities: string; actor1: string; actor2: string }

function editsFrom(d: ProposalDetail): Edits {
  const e = d.event;
  return {
    date: e.date ?? "", event_type: e.event_type, location: e.location ?? "", lat: e.lat === null ? "" : String(e.lat), lon: e.lon === null ? "" : String(e.lon),
    fatalities: e.fatalities === null ? "" : String(e.fatalities), actor1: e.actor1?.name ?? "", actor2: e.actor2?.name ?? "",
  };
}

/** Only the fields the reviewer changed go to the server, so the accuracy report counts real edits. */
function changedEdits(orig: Edits, now: Edits): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (now.date !== orig.date && now.date) out.date = now.date;
  if (now.event_type !== orig.event_type) out.event_type = now.event_type;
  if (now.location !== orig.location) out.location = now.location || null;
  if (now.lat !== orig.lat && now.lat !== "") out.lat = Number(now.lat);
  if (now.lon !== orig.lon && now.lon !== "") out.lon = Number(now.lon);
  if (now.fatalities !== orig.fatalities) out.fatalities = now.fatalities === "" ? null : Number(now.fatalities);
  if (now.actor1 !== orig.actor1 && now.actor1) out.actor1 = now.actor1;
  if (now.actor2 !== orig.actor2) out.actor2 = now.actor2 || null;
  return out;
}

const EVENT_TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots", "strategic_developments"];

function ProposalReview({ id, onDecided }: { id: string; onDecided: () => void }) {
  const { t, date, num } = useI18n();
  const zoneName = useZoneLabel();
  const actorLabel = useActorLabel();
  const placeLabel = usePlaceLabel();
  const detail = useApi(() => api.get(`/api/intake/proposals/${encodeURIComponent(id)}`, proposalDetailSchema), [id]);
  const articleId = detail.data?.article_id;
  const article = useApi(async () => (articleId ? api.get(`/api/intake/articles/${encodeURIComponent(articleId)}`, articleSchema) : undefined), [articleId]);
  const [editing, setEditing] = useState<Edits | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState<{ incident: string; existing: boolean } | null>(null);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const e = d.event;
  const pending = d.status === "pending" && !accepted;

  const act = async (fn: () => Promise<void>) => {
    setBusy(true); setError(null);
    try { await fn(); onDecided(); detail.reload(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const accept = (body: Record<string, unknown>) => act(async () => {
    const r = await api.post(`/api/intake/proposals/${encodeURIComponent(id)}/accept`, acceptResultSchema, body);
    setAccepted({ incident: r.incident_id, existing: r.existing_incident });
    setEditing(null);
  });
  const reject = () => act(async () => { await api.post(`/api/intake/proposals/${encodeURIComponent(id)}/reject`, rejectResultSchema, { reason }); setReason(""); });
  const flags = Object.entries(e.flags).filter(([, v]) => v).map(([k]) => k);
  const incidentId = accepted?.incident ?? d.decision?.incident_id ?? null;

  return (
    <article className="stack" data-testid="proposal-review">
      <div className="card">
        <h2>
          {eventTypeLabel(t, e.event_type)} · <bdi>{placeLabel(e.place_id, e.location) ?? t("incidents.unknownPlace")}</bdi>{" "}
          <Pill tone={statusTone[d.status]}>{t(`intake.status.${accepted ? "accepted" : d.status}` as MessageKey)}</Pill>
        </h2>
        <dl className="facts">
          <dt>{t("incidents.date")}</dt><dd>{e.date ? date(e.date) : "—"}</dd>
          <dt>{t("incidents.actors")}</dt><dd>{[e.actor1, e.actor2].flatMap((a) => (a ? [a] : [])).map((a, k) => {
            // A side the text does not name (the rules' or core/intake/sides.ts's): said in the reader's language, marked as inferred.
            const unnamed = a.id === null && a.name === UNNAMED_SIDE;
            const inferred = unnamed ? "side" : a.inferred;
            return <span key={k}>{k > 0 && " — "}<bdi>{unnamed ? t("intake.unnamedSide") : actorLabel(a)}</bdi>{inferred && <> <Pill tone="warn">{t(`intake.inferred.${inferred}`)}</Pill></>}</span>;
          })}</dd>
          <dt>{t("incidents.zone")}</dt><dd><bdi>{zoneName(e.zone)}</bdi></dd>
          <dt>{t("incidents.position")}</dt><dd dir="ltr">{e.lat === null || e.lon === null ? "—" : `${num(e.lat, { maximumFractionDigits: 4 })}, ${num(e.lon, { maximumFractionDigits: 4 })}`}</dd>
          <dt>{t("incidents.fatalities")}</dt><dd>{e.fatalities === null ? "—" : num(e.fatalities)}</dd>
          <dt>{t("intake.confidenceLabel")}</dt><dd>{num(d.confidence, { style: "percent" })}</dd>
          {flags.length > 0 && <><dt>{t("intake.flags")}</dt><dd>{flags.map((f) => <Pill key={f} tone="warn">{t(`intake.flag.${f}` as MessageKey)}</Pill>)}</dd></>}
        </dl>
      </div>

      <div className="card">
        <h2>{t("intake.article")}{article.data?.title && <> · <bdi>{article.data.title}</bdi></>}</h2>
        {article.data ? <ArticleText text={article.data.text} ranges={e.evidence} lang={article.data.language} /> : <Loading />}
        <p className="muted small">{t("intake.evidenceHint")}</p>
      </div>

      {incidentId && (
        <p className="notice" role="status" data-testid="accepted-notice">
          {accepted?.existing || d.decision?.existing_incident ? t("intake.attached") : t("intake.created")}{" "}
          <a href={`/incidents/${incidentId}`} onClick={link(`/incidents/${incidentId}`)}>{t("intake.openIncident")}</a>{" · "}
          <a href={`/map?incident=${encodeURIComponent(incidentId)}`} onClick={link(`/map?incident=${encodeURIComponent(incidentId)}`)} data-testid="show-on-map">{t("intake.showOnMap")}</a>
        </p>
      )}
      {d.decision?.decision === "rejected" && <p className="muted">{t("intake.rejectedBecause", { reason: d.decision.reason ?? "" })}</p>}

      {pending && (
        <div className="card" data-testid="decide">
          <h2>{t("intake.decide")}</h2>
          {d.duplicate_candidates.length > 0 && (
            <>
              <h3>{t("intake.duplicates")}</h3>
              <ul className="plain">
                {d.duplicate_candidates.map((c) => (
                  <li key={c.incident_id}>
                    <a href={`/incidents/${c.incident_id}`} onClick={link(`/incidents/${c.incident_id}`)}>{date(c.event_date)} · <bdi>{c.location || "—"}</bdi></a>{" "}
                    <span className="muted small">{t("intake.km", { km: num(c.distance_km, { maximumFractionDigits: 1 }) })}</span>{" "}
                    <button type="button" disabled={busy} onClick={() => { void accept({ incident_id: c.incident_id }); }}>{t("intake.attachTo")}</button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="row-actions">
            <button type="button" className="primary" disabled={busy || e.lat === null} onClick={() => { void accept({ new_incident: true }); }}>{t("intake.acceptNew")}</button>
            <button type="button" disabled={busy} aria-expanded={editing !== null} onClick={() => setEditing(editing ? null : editsFrom(d))}>{t("intake.edit")}</button>
          </div>
          {editing && (
            <form className="grid-form edit-form" onSubmit={(ev) => { ev.preventDefault(); void accept({ new_incident: true, edits: changedEdits(editsFrom(d), editing) }); }} aria-label={t("intake.edit")}>
              <Field label={t("incidents.date")}>{(fid) => <input id={fid} type="date" dir="ltr" value={editing.date} onChange={(x) => setEditing({ ...editing, date: x.target.value })} />}</Field>
              <Field label={t("incidents.type")}>
                {(fid) => <select id={fid} value={editing.event_type} onChange={(x) => setEditing({ ...editing, event_type: x.target.value })}>{EVENT_TYPES.map((k) => <option key={k} value={k}>{eventTypeLabel(t, k)}</option>)}</select>}
              </Field>
              <Field label={t("incidents.location")}>{(fid) => <input id={fid} value={editing.location} onChange={(x) => setEditing({ ...editing, location: x.target.value })} />}</Field>
              <Field label={t("intake.lat")}>{(fid) => <input id={fid} inputMode="decimal" dir="ltr" value={editing.lat} onChange={(x) => setEditing({ ...editing, lat: x.target.value })} />}</Field>
              <Field label={t("intake.lon")}>{(fid) => <input id={fid} inputMode="decimal" dir="ltr" value={editing.lon} onChange={(x) => setEditing({ ...editing, lon: x.target.value })} />}</Field>
              <Field label={t("incidents.fatalities")}>{(fid) => <input id={fid} type="number" min={0} dir="ltr" value={editing.fatalities} onChange={(x) => setEditing({ ...editing, fatalities: x.target.value })} />}</Field>
              <Field label={t("intake.actor1")}>{(fid) => <input id={fid} value={editing.actor1} onChange={(x) => setEditing({ ...editing, actor1: x.target.value })} />}</Field>
              <Field label={t("intake.actor2")}>{(fid) => <input id={fid} value={editing.actor2} onChange={(x) => setEditing({ ...editing, actor2: x.target.value })} />}</Field>
              <div className="form-end"><button type="submit" className="primary" disabled={busy}>{t("intake.saveAccept")}</button></div>
            </form>
          )}
          <form className="inline-form" onSubmit={(ev) => { ev.preventDefault(); void reject(); }}>
            <Field label={t("intake.rejectReason")}>{(fid) => <input id={fid} value={reason} onChange={(x) => setReason(x.target.value)} size={32} />}</Field>
            <button type="submit" disabled={busy || !reason.trim()}>{t("intake.reject")}</button>
          </form>
          <ErrorNote error={error} />
        </div>
      )}
    </article>
  );
}

/** The article with the evidence runs marked; the text keeps its own language and direction. */
export function ArticleText({ text, ranges, lang }: { text: string; ranges: ReadonlyArray<{ start: number; end: number }>; lang: string }) {
  const runs = highlightRuns(text, ranges);
  return (
    <p className="article-text" lang={lang} dir="auto" data-testid="article-text">
      {runs.map((r, i) => (r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}
    </p>
  );
}
