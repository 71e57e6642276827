// The map of the line: the pack's zones, lines and places, the disclaimer
// always in view, and a legend that doubles as the text alternative.
import { useEffect, useMemo, useState } from "react";
import { mapPointsShallowSchema, type MapPoints } from "../../core/api/map.ts";
import { api } from "../api/client.ts";
import { useRealtime } from "../api/realtime.tsx";
import { navigate, useSearch } from "../app/router.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { eventTypeLabel } from "../incidents/labels.ts";
import type { FeatureCollection } from "../map/MapView.tsx";
import { useApi } from "../api/use-api.ts";
import { loadBasemap } from "../map/basemap.ts";
import { LazyMap, preloadMap } from "../map/LazyMap.tsx";
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

const DAY = 86_400_000;

/** Incident points → a FeatureCollection, keeping those in [from, to] of the chosen type. */
function toFeatures(p: MapPoints | undefined, from: string, type: string): FeatureCollection {
  const features: FeatureCollection["features"] = [];
  for (const [id, lon, lat, date, et] of p?.rows ?? []) {
    if (date < from || (type && et !== type)) continue;
    features.push({ type: "Feature", properties: { id, type: et }, geometry: { type: "Point", coordinates: [lon, lat] } });
  }
  return { type: "FeatureCollection", features };
}

export function MapScreen() {
  const { t, date, num } = useI18n();
  // Start fetching the map code with the data, not after it.
  useEffect(() => { preloadMap(); }, []);
  const basemap = useApi(() => loadBasemap(), []);
  const points = useApi(() => api.get("/api/incidents/points", mapPointsShallowSchema), []);
  useRealtime(["incident.created", "incident.updated"], () => points.reload());
  const rows = points.data?.rows ?? [];
  const latest = rows[0]?.[3] ?? new Date().toISOString().slice(0, 10);
  const earliest = rows[rows.length - 1]?.[3] ?? latest;
  const span = Math.max(1, Math.round((Date.parse(latest) - Date.parse(earliest)) / DAY) + 1);
  const [days, setDays] = useState<number | null>(null);
  const shownDays = Math.min(days ?? span, span);
  const from = new Date(Date.parse(latest) - (shownDays - 1) * DAY).toISOString().slice(0, 10);
  const [type, setType] = useState("");
  const types = useMemo(() => [...new Set(rows.map((r) => r[4]))].sort(), [rows]);
  const incidents = useMemo(() => toFeatures(points.data, from, type), [points.data, from, type]);
  // /map?incident=<id>: centre on that incident and mark it (from intake review or an incident page).
  const focusId = useSearch().get("incident");
  const focus = useMemo(() => {
    const r = focusId ? rows.find((x) => x[0] === focusId) : undefined;
    return r ? { id: r[0], lon: r[1], lat: r[2], date: r[3], type: r[4] } : undefined;
  }, [rows, focusId]);
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
              <LazyMap basemap={basemap.data} label={t("map.canvasLabel")} incidents={incidents} highlight={highlight} onIncidentClick={(id) => navigate(`/incidents/${id}`)} />
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
              <p className="small" data-testid="incident-count" aria-live="polite">{t("map.incidentsShown", { n: num(incidents.features.length), total: num(rows.length) })}</p>
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
