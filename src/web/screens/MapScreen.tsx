// The map of the line: the pack's zones, lines and places, the disclaimer
// always in view, and a legend that doubles as the text alternative.
import { useMemo, useState } from "react";
import { dateOfDay, dayOf, type PointTable } from "../../core/api/map.ts";
import { useRealtime } from "../api/realtime.tsx";
import { navigate, useSearch } from "../app/router.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { eventTypeLabel } from "../incidents/labels.ts";
import type { ClusterInput } from "../map/MapView.tsx";
import { useApi } from "../api/use-api.ts";
import { loadBasemap } from "../map/basemap.ts";
import { LazyMap } from "../map/LazyMap.tsx";
import { loadPoints } from "../map/points.ts";
import { colors } from "../map/style.ts";
import { ErrorNote, Loading, ScreenTitle } from "../components/common.tsx";
import type { BasemapDto } from "../../core/api/packs.ts";

export function Disclaimer({ basemap }: { basemap: BasemapDto }) {
  const { t, lang } = useI18n();
  return (
    <p className="disclaimer" data-testid="disclaimer">
      <strong>{t("map.approximate")}</strong> {t("map.disclaimerText")}
      {/* The pack's own wording, quoted where the interface is not in its language. */}
      {lang !== "en" && <> <span lang="en" dir="ltr">({basemap.disclaimer})</span></>}
    </p>
  );
}

export function Legend() {
  const { t } = useI18n();
  const items: { color: string; label: string; kind: "line" | "fill" | "dot" }[] = [
    { color: colors.lineA, label: t("map.legend.lineA"), kind: "line" },
    { color: colors.lineB, label: t("map.legend.lineB"), kind: "line" },
    { color: colors.aos, label: t("map.legend.aos"), kind: "fill" },
    { color: colors.bandWest, label: t("map.legend.bandWest"), kind: "fill" },
    { color: colors.bandEast, label: t("map.legend.bandEast"), kind: "fill" },
    { color: colors.site, label: t("map.legend.site"), kind: "dot" },
    { color: colors.incident, label: t("map.legend.incident"), kind: "dot" },
  ];
  return (
    <ul className="legend" aria-label={t("map.legend.title")}>
      {items.map((i) => (
        <li key={i.label}><span className={`swatch swatch-${i.kind}`} style={{ background: i.color }} aria-hidden="true" />{i.label}</li>
      ))}
    </ul>
  );
}

/** The positions of the points from day `from` of the chosen type, with their indexes into the columns (a click reports the index). */
function toClusterInput(p: PointTable | undefined, from: number, type: string): ClusterInput {
  const n = p?.count ?? 0;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const index = new Int32Array(n);
  if (!p) return { lon, lat, index };
  const want = type ? p.types.indexOf(type) : -1;
  if (type && want < 0) return { lon: lon.subarray(0, 0), lat: lat.subarray(0, 0), index: index.subarray(0, 0) };
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (p.day[i]! < from || (want >= 0 && p.type[i] !== want)) continue;
    lon[k] = p.lonE5[i]! / 1e5;
    lat[k] = p.latE5[i]! / 1e5;
    index[k++] = i;
  }
  return { lon: lon.subarray(0, k), lat: lat.subarray(0, k), index: index.subarray(0, k) };
}

export function MapScreen() {
  const { t, date, num } = useI18n();
  const basemap = useApi(() => loadBasemap(), []);
  // Binary columns: no parsing, only typed-array views (see map/points.ts).
  const points = useApi(() => loadPoints().finally(() => performance.mark("points:parsed")), []);
  useRealtime(["incident.created", "incident.updated"], () => points.reload());
  const p = points.data;
  const total = p?.count ?? 0;
  // Newest first: the first point has the latest day, the last the earliest.
  const latestDay = total ? p!.day[0]! : dayOf(new Date().toISOString());
  const earliestDay = total ? p!.day[total - 1]! : latestDay;
  const span = Math.max(1, latestDay - earliestDay + 1);
  const [days, setDays] = useState<number | null>(null);
  const shownDays = Math.min(days ?? span, span);
  const fromDay = latestDay - shownDays + 1;
  const from = dateOfDay(fromDay);
  const [type, setType] = useState("");
  const types = useMemo(() => [...(p?.types ?? [])].sort(), [p]);
  const incidents = useMemo(() => toClusterInput(p, fromDay, type), [p, fromDay, type]);
  // /map?incident=<id>: centre on that incident and mark it (from intake review or an incident page).
  const focusId = useSearch().get("incident");
  const focus = useMemo(() => {
    const i = focusId && p ? p.ids().indexOf(focusId) : -1;
    return p && i >= 0 ? { id: focusId!, lon: p.lonE5[i]! / 1e5, lat: p.latE5[i]! / 1e5, date: dateOfDay(p.day[i]!), type: p.types[p.type[i]!]! } : undefined;
  }, [p, focusId]);
  const highlight = useMemo(() => (focus ? { id: focus.id, lon: focus.lon, lat: focus.lat, label: `${eventTypeLabel(t, focus.type)} · ${date(focus.date)}` } : undefined), [focus, t, date]);
  return (
    <section className="map-screen">
      <ScreenTitle>{t("map.title")}</ScreenTitle>
      {basemap.error ? <ErrorNote error={basemap.error} /> : null}
      {!basemap.data && !basemap.error && <Loading />}
      {basemap.data && (
        <>
          <Disclaimer basemap={basemap.data} />
          <div className="map-with-side">
            <div className="map-frame">
              <LazyMap basemap={basemap.data} label={t("map.canvasLabel")} points={p ? incidents : undefined} highlight={highlight} onIncidentClick={(i) => { const id = p?.ids()[Number(i)]; if (id) navigate(`/incidents/${id}`); }} />
            </div>
            <aside className="map-side">
              {highlight && (
                <p className="notice" data-testid="map-focus">
                  {t("map.focused", { what: highlight.label })}{" "}
                  <a href={`/incidents/${highlight.id}`} onClick={(e) => { e.preventDefault(); navigate(`/incidents/${highlight.id}`); }}>{t("intake.openIncident")}</a>
                </p>
              )}
              <h2>{t("map.filters")}</h2>
              <div className="field">
                <label htmlFor="map-days">{t("map.timeSlider", { days: shownDays })}</label>
                <input id="map-days" type="range" min={1} max={span} value={shownDays} onChange={(e) => setDays(Number(e.target.value))} aria-valuetext={t("map.fromDate", { date: date(from) })} />
                <small className="hint">{t("map.fromDate", { date: date(from) })}</small>
              </div>
              <div className="field">
                <label htmlFor="map-type">{t("incidents.type")}</label>
                <select id="map-type" value={type} onChange={(e) => setType(e.target.value)}>
                  <option value="">{t("common.all")}</option>
                  {types.map((x) => <option key={x} value={x}>{eventTypeLabel(t, x)}</option>)}
                </select>
              </div>
              <p className="small" data-testid="incident-count" aria-live="polite">{t("map.incidentsShown", { n: num(incidents.index.length), total: num(total) })}</p>
              <ErrorNote error={points.error} />
              <h2>{t("map.legend.title")}</h2>
              <Legend />
              <p className="muted small">{basemap.data.title}</p>
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
