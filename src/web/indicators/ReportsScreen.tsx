// Situation reports: those for my party's audience and the public ones, a
// form to generate one now for a week, and links to the stored HTML and PDF.
import { useState, type FormEvent } from "react";
import { reportListSchema, reportSchema, type ReportDto } from "../../core/api/indicators.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useMe } from "../app/session.tsx";
import { languageNames, languages, isLang, useI18n, type Lang } from "../i18n/i18n.tsx";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";

/** The Monday of the week before `now`, as YYYY-MM-DD (the last complete week). */
function lastWeek(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const back = ((d.getUTCDay() + 6) % 7) + 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

export default function ReportsScreen() {
  const { t, lang } = useI18n();
  const me = useMe();
  const list = useApi(() => api.get("/api/reports", reportListSchema), []);
  const party = me.user.party ?? "";
  const audiences = [party, ...(me.party_kind === "mediator" ? ["public"] : [])].filter(Boolean);
  const [audience, setAudience] = useState(party);
  const [week, setWeek] = useState(() => lastWeek(new Date()));
  const [language, setLanguage] = useState<Lang>(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<string | null>(null);
  const generate = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setMade(null);
    try {
      const r = await api.post("/api/reports", reportSchema, { audience, week, language });
      setMade(r.id);
      list.reload();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <section>
      <ScreenTitle>{t("reports.title")}</ScreenTitle>
      <form className="card inline-form" onSubmit={(e) => { void generate(e); }} aria-label={t("reports.generate")} data-testid="report-form">
        <Field label={t("reports.audience")}>
          {(id) => <select id={id} value={audience} onChange={(e) => setAudience(e.target.value)}>{audiences.map((a) => <option key={a} value={a}>{a === "public" ? t("reports.public") : a}</option>)}</select>}
        </Field>
        <Field label={t("reports.week")}>{(id) => <input id={id} type="date" dir="ltr" value={week} required onChange={(e) => setWeek(e.target.value)} />}</Field>
        <Field label={t("app.language")}>
          {(id) => <select id={id} value={language} onChange={(e) => { if (isLang(e.target.value)) setLanguage(e.target.value); }}>{languages.map((l) => <option key={l} value={l} lang={l}>{languageNames[l]}</option>)}</select>}
        </Field>
        <button type="submit" className="primary" disabled={busy || !audience}>{busy ? t("reports.generating") : t("reports.generate")}</button>
      </form>
      <ErrorNote error={error} />
      {made && <p className="notice" role="status">{t("reports.made")}</p>}
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t("reports.none")}</p>}
      {list.data && list.data.items.length > 0 && <ReportTable items={list.data.items} highlight={made} />}
    </section>
  );
}

export function ReportTable({ items, highlight }: { items: ReportDto[]; highlight?: string | null }) {
  const { t, date, dateTime } = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid="reports-table">
        <thead><tr><th scope="col">{t("reports.period")}</th><th scope="col">{t("reports.audience")}</th><th scope="col">{t("app.language")}</th><th scope="col">{t("reports.created")}</th><th scope="col">{t("reports.open")}</th></tr></thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} className={r.id === highlight ? "row-new" : undefined} data-report={r.id}>
              <td>{date(r.period_start)} – {date(r.period_end)}</td>
              <td>{r.audience === "public" ? <Pill tone="info">{t("reports.public")}</Pill> : r.audience}</td>
              <td>{isLang(r.language) ? <span lang={r.language}>{languageNames[r.language]}</span> : r.language}</td>
              <td>{dateTime(r.created_at)}</td>
              <td className="row-actions">
                <a href={`/api/reports/${encodeURIComponent(r.id)}/html`} target="_blank" rel="noopener">{t("reports.html")}</a>
                <a href={`/api/reports/${encodeURIComponent(r.id)}/pdf`} target="_blank" rel="noopener">{t("reports.pdf")}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
