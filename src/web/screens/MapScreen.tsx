// The map of the line: the pack's zones, lines and places, the disclaimer
// always in view, and a legend that doubles as the text alternative.
import { useI18n } from "../i18n/i18n.tsx";
import { useApi } from "../api/use-api.ts";
import { loadBasemap } from "../map/basemap.ts";
import { LazyMap } from "../map/LazyMap.tsx";
import { colors } from "../map/style.ts";
import { ErrorNote, Loading, ScreenTitle } from "../components/common.tsx";
import type { BasemapDto } from "../../core/api/packs.ts";

export function Disclaimer({ basemap }: { basemap: BasemapDto }) {
  const { t } = useI18n();
  return (
    <p className="disclaimer" data-testid="disclaimer">
      <strong>{t("map.approximate")}</strong> {t("map.disclaimerText")} <span lang="en" dir="ltr">({basemap.disclaimer})</span>
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

export function MapScreen() {
  const { t } = useI18n();
  const basemap = useApi(() => loadBasemap(), []);
  return (
    <section className="map-screen">
      <ScreenTitle>{t("map.title")}</ScreenTitle>
      {basemap.error ? <ErrorNote error={basemap.error} /> : null}
      {!basemap.data && !basemap.error && <Loading />}
      {basemap.data && (
        <>
          <Disclaimer basemap={basemap.data} />
          <div className="map-with-side">
            <div className="map-frame"><LazyMap basemap={basemap.data} label={t("map.canvasLabel")} /></div>
            <aside className="map-side">
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
