// The calm index of a set of areas over weeks: a bar chart of the last week,
// a line chart of one chosen area with its uncertainty band, and the table
// (calm, band, change) that carries the same numbers as text.
import { useId, useState } from "react";
import { latestByArea, seriesOf, type CalmDto } from "../../core/api/indicators.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Pill } from "../components/common.tsx";
import { BarChart, LineChart, calmTone } from "./Charts.tsx";

/** `nameOf` gives areas a readable name (governorate codes or zone ids → names in the chosen language); codes show otherwise. */
export function CalmView({ data, testId, nameOf = (a) => a }: { data: CalmDto; testId: string; nameOf?: ((area: string) => string) | undefined }) {
  const { t, num, date, dir, lang } = useI18n();
  const short = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" });
  const latest = latestByArea(data);
  const [picked, setPicked] = useState<string>("");
  const area = picked && data.areas.includes(picked) ? picked : (latest[0]?.area ?? data.areas[0] ?? "");
  const series = seriesOf(data, area);
  const f1 = (n: number) => num(n, { maximumFractionDigits: 1 });
  const lastWeek = data.weeks[data.weeks.length - 1];
  const selectId = useId();
  if (!data.areas.length) return <p className="muted">{t("indicators.noData")}</p>;
  return (
    <div className="calm-view" data-testid={testId}>
      <div className="charts">
        <figure className="card">
          <figcaption>{t("indicators.lastWeek", { week: lastWeek ? date(lastWeek) : "—" })}</figcaption>
          <BarChart
            title={t("indicators.barTitle")}
            desc={t("indicators.barDesc", { n: latest.length })}
            bars={latest.map((r) => ({ label: nameOf(r.area), value: r.calm, tone: calmTone(r.calm) }))}
            dir={dir}
            format={f1}
          />
        </figure>
        <figure className="card">
          <figcaption>
            <label htmlFor={selectId}>{t("indicators.overTime")} </label>
            <select id={selectId} value={area} onChange={(e) => setPicked(e.target.value)}>
              {data.areas.map((a) => <option key={a} value={a}>{nameOf(a)}</option>)}
            </select>
          </figcaption>
          <LineChart
            title={t("indicators.lineTitle", { area: nameOf(area) })}
            desc={t("indicators.lineDesc", { n: series.length })}
            points={series.map((r) => ({ label: short.format(new Date(r.week)), value: r.calm, low: r.calm_low, high: r.calm_high }))}
            dir={dir}
            format={f1}
          />
        </figure>
      </div>
      <div className="table-scroll">
        <table data-testid={`${testId}-table`}>
          <caption className="muted small">{t("indicators.tableCaption", { week: lastWeek ? date(lastWeek) : "—" })}</caption>
          <thead>
            <tr><th scope="col">{t("indicators.area")}</th><th scope="col">{t("indicators.calm")}</th><th scope="col">{t("indicators.band")}</th><th scope="col">{t("indicators.change")}</th><th scope="col">{t("indicators.score")}</th></tr>
          </thead>
          <tbody>
            {latest.map((r) => {
              const ch = r.change?.calm ?? null;
              return (
                <tr key={r.area}>
                  <th scope="row"><bdi>{nameOf(r.area)}</bdi></th>
                  <td><Pill tone={calmTone(r.calm)}>{f1(r.calm)}</Pill></td>
                  <td><span dir="ltr">{f1(r.calm_low)}–{f1(r.calm_high)}</span></td>
                  <td>{ch === null ? "—" : ch === 0 ? t("indicators.same") : <span className={ch > 0 ? "up" : "down"}>{ch > 0 ? "▲" : "▼"} {num(Math.abs(ch), { maximumFractionDigits: 1 })} <span className="visually-hidden">{t(ch > 0 ? "indicators.calmer" : "indicators.tenser")}</span></span>}</td>
                  <td>{f1(r.score)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
