// The incident register: a filtered list, and one incident with every
// party's claim side by side, its verification history and moves, and its
// evidence files.
import { useState, type FormEvent, type MouseEvent } from "react";
import { z } from "zod";
import { detailSchema, incidentSchema, type IncidentDto } from "../../core/api/incidents.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime } from "../api/realtime.tsx";
import { match, navigate, usePath } from "../app/router.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { claimKindLabel, eventTypeLabel, subEventTypeLabel, verificationLabel, verificationTone } from "./labels.ts";
import { useZoneLabel } from "../app/zones.ts";

const listSchema = z.object({ items: z.array(incidentSchema), next_cursor: z.string().nullable() });
const taxonomySchema = z.object({ event_types: z.record(z.string(), z.array(z.string())), verification_states: z.array(z.string()) }).passthrough();

export default function IncidentsScreen() {
  const path = usePath();
  const id = match("/incidents/:id", path)?.id;
  return id ? <IncidentDetail id={id} /> : <IncidentList />;
}

const link = (to: string) => (e: MouseEvent) => { e.preventDefault(); navigate(to); };

function IncidentList() {
  const { t, date, num } = useI18n();
  const zoneName = useZoneLabel();
  const taxonomy = useApi(() => api.get("/api/incidents/taxonomy", taxonomySchema), []);
  const [filters, setFilters] = useState({ from: "", to: "", event_type: "", verification: "", q: "" });
  const [applied, setApplied] = useState(filters);
  const [pages, setPages] = useState<IncidentDto[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const qs = (c: string | null) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(applied)) if (v) p.set(k, v);
    if (c) p.set("cursor", c);
    p.set("limit", "50");
    return p.toString();
  };
  const first = useApi(async () => {
    const r = await api.get(`/api/incidents?${qs(null)}`, listSchema);
    setPages([r.items]);
    setCursor(r.next_cursor);
    return r;
  }, [JSON.stringify(applied)]);
  useRealtime(["incident.created", "incident.updated"], () => first.reload());
  const more = async () => {
    const r = await api.get(`/api/incidents?${qs(cursor)}`, listSchema);
    setPages((p) => [...p, r.items]);
    setCursor(r.next_cursor);
  };
  const submit = (e: FormEvent) => { e.preventDefault(); setApplied(filters); };
  const items = pages.flat();
  return (
    <section>
      <ScreenTitle>{t("incidents.title")}</ScreenTitle>
      <form className="grid-form filters" onSubmit={submit} aria-label={t("incidents.filters")}>
        <Field label={t("incidents.from")}>{(id) => <input id={id} type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} dir="ltr" />}</Field>
        <Field label={t("incidents.to")}>{(id) => <input id={id} type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} dir="ltr" />}</Field>
        <Field label={t("incidents.type")}>
          {(id) => (
            <select id={id} value={filters.event_type} onChange={(e) => setFilters({ ...filters, event_type: e.target.value })}>
              <option value="">{t("common.all")}</option>
              {Object.keys(taxonomy.data?.event_types ?? {}).map((k) => <option key={k} value={k}>{eventTypeLabel(t, k)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("incidents.verification")}>
          {(id) => (
            <select id={id} value={filters.verification} onChange={(e) => setFilters({ ...filters, verification: e.target.value })}>
              <option value="">{t("common.all")}</option>
              {(taxonomy.data?.verification_states ?? []).map((k) => <option key={k} value={k}>{verificationLabel(t, k)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("incidents.search")}>{(id) => <input id={id} type="search" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />}</Field>
        <div className="form-end"><button type="submit" className="primary">{t("incidents.apply")}</button></div>
      </form>
      <ErrorNote error={first.error} />
      {first.loading && !items.length && <Loading />}
      {!first.loading && items.length === 0 && <p className="muted">{t("incidents.none")}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table data-testid="incident-table">
            <thead><tr><th scope="col">{t("incidents.date")}</th><th scope="col">{t("incidents.type")}</th><th scope="col">{t("incidents.location")}</th><th scope="col">{t("incidents.zone")}</th><th scope="col">{t("incidents.fatalities")}</th><th scope="col">{t("incidents.verification")}</th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td><a href={`/incidents/${i.id}`} onClick={link(`/incidents/${i.id}`)}>{date(i.event_date)}</a></td>
                  <td>{eventTypeLabel(t, i.event_type)}<br /><span className="muted small">{subEventTypeLabel(t, i.sub_event_type)}</span></td>
                  <td><bdi>{i.location || "—"}</bdi></td>
                  <td><bdi>{zoneName(i.classification.zone)}</bdi></td>
                  <td>{num(i.fatalities)}</td>
                  <td><Pill tone={verificationTone(i.verification)}>{verificationLabel(t, i.verification)}</Pill></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <p><button type="button" onClick={() => { void more(); }}>{t("incidents.more")}</button></p>}
    </section>
  );
}

function IncidentDetail({ id }: { id: string }) {
  const { t, date, dateTime, num } = useI18n();
  const zoneName = useZoneLabel();
  const detail = useApi(() => api.get(`/api/incidents/${encodeURIComponent(id)}`, detailSchema), [id]);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const move = async (to: string) => {
    setError(null);
    try {
      await api.post(`/api/incidents/${encodeURIComponent(id)}/verification`, incidentSchema, { to, reason });
      setReason("");
      detail.reload();
    } catch (e) { setError(e); }
  };
  if (detail.error) return <section><ScreenTitle>{t("incidents.title")}</ScreenTitle><ErrorNote error={detail.error} /></section>;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const i = d.incident;
  const claimById = new Map(d.claims.map((c) => [c.id, c]));
  return (
    <section data-testid="incident-detail">
      <p><a href="/incidents" onClick={link("/incidents")}>← {t("incidents.back")}</a></p>
      <ScreenTitle>{eventTypeLabel(t, i.event_type)} · <bdi>{i.location || i.admin1 || t("incidents.unknownPlace")}</bdi></ScreenTitle>
      <p>
        <Pill tone={verificationTone(i.verification)}>{verificationLabel(t, i.verification)}</Pill>{" "}
        {d.disputed && <Pill tone="bad">{t("incidents.disputed")}</Pill>}{" "}
        <span className="muted">{date(i.event_date)} · <span>{subEventTypeLabel(t, i.sub_event_type)}</span> · {t("incidents.fatalitiesN", { n: i.fatalities })}</span>
      </p>
      <dl className="facts">
        <dt>{t("incidents.zone")}</dt><dd><bdi>{zoneName(i.classification.zone)}</bdi></dd>
        <dt>{t("incidents.nearLine")}</dt><dd>{i.classification.near_line ?? "—"}{i.classification.distance_km && Object.entries(i.classification.distance_km).map(([k, v]) => <span key={k} className="muted"> · {k}: {num(v, { maximumFractionDigits: 1 })} km</span>)}</dd>
        <dt>{t("incidents.actors")}</dt><dd>{[i.actor1, i.actor2].filter(Boolean).map((a, k) => <span key={k}>{k > 0 && " — "}<bdi>{a}</bdi></span>)}</dd>
        <dt>{t("incidents.position")}</dt><dd dir="ltr">{num(i.latitude, { maximumFractionDigits: 4 })}, {num(i.longitude, { maximumFractionDigits: 4 })}</dd>
        <dt>{t("incidents.source")}</dt><dd>{i.source_redacted ? <Pill tone="muted">{t("incidents.withheld")}</Pill> : <bdi>{i.source || "—"}</bdi>}</dd>
      </dl>
      {i.notes && <p className="message-text"><bdi>{i.notes}</bdi></p>}

      <h2>{t("incidents.claims")}</h2>
      {d.by_party.length === 0 && <p className="muted">{t("incidents.noClaims")}</p>}
      <div className="claims-grid" data-testid="claims">
        {d.by_party.map((col) => (
          <div key={col.party} className="claim-col">
            <h3>{col.party}</h3>
            {col.claims.map((cid) => {
              const c = claimById.get(cid);
              if (!c) return null;
              return (
                <article key={c.id} className="card claim">
                  <p className="small"><Pill tone="info">{claimKindLabel(t, c.kind)}</Pill> <span className="muted">{dateTime(c.created_at)}</span></p>
                  {c.narrative_redacted ? <p className="muted">{t("incidents.withheld")}</p> : <p className="message-text"><bdi>{c.narrative}</bdi></p>}
                  {c.responsible_actor && <p className="small">{t("incidents.responsible")}: <bdi>{c.responsible_actor}</bdi></p>}
                  {c.fatalities !== null && <p className="small">{t("incidents.fatalitiesN", { n: c.fatalities })}</p>}
                </article>
              );
            })}
          </div>
        ))}
      </div>

      <h2>{t("incidents.verificationHistory")}</h2>
      <ol className="plain">
        {d.verification_history.map((v) => (
          <li key={v.id}>{dateTime(v.at)} · {v.by_party ?? "—"}: {verificationLabel(t, v.from)} → <strong>{verificationLabel(t, v.to)}</strong> — <bdi>{v.reason}</bdi></li>
        ))}
      </ol>
      {d.next_states.length > 0 && (
        <div className="card">
          <Field label={t("incidents.reason")}>{(fid) => <textarea id={fid} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="row-actions">
            {d.next_states.map((s) => <button key={s} type="button" disabled={!reason.trim()} onClick={() => { void move(s); }}>{t("incidents.moveTo", { state: verificationLabel(t, s) })}</button>)}
          </div>
          <ErrorNote error={error} />
        </div>
      )}

      <h2>{t("incidents.evidence")}</h2>
      {d.evidence.length === 0 ? <p className="muted">{t("incidents.noEvidence")}</p> : (
        <ul className="plain">
          {d.evidence.map((e) => (
            <li key={e.id}><a href={`/api/incidents/${encodeURIComponent(id)}/evidence/${encodeURIComponent(e.id)}`} download={e.file_name}>{e.file_name}</a> <span className="muted small" dir="ltr">({num(Math.ceil(e.size_bytes / 1024))} KB · sha256 {e.sha256.slice(0, 12)}…)</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
