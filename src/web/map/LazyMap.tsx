// The only door to the map: React.lazy keeps MapLibre (and its CSS and
// worker) out of the first bundle until a screen with a map renders.
import { lazy, Suspense } from "react";
import type { MapViewProps } from "./MapView.tsx";
import { useI18n } from "../i18n/i18n.tsx";

const load = () => import("./MapView.tsx");
const MapView = lazy(load);

/** Starts downloading the map code early (e.g. while the screen fetches its data); resolves when it has arrived. */
export function preloadMap(): Promise<unknown> {
  return load();
}

export function LazyMap(props: Omit<MapViewProps, "lang" | "controlLabels">) {
  const { t, lang } = useI18n();
  const controlLabels = {
    "NavigationControl.ZoomIn": t("map.zoomIn"),
    "NavigationControl.ZoomOut": t("map.zoomOut"),
    "AttributionControl.ToggleAttribution": t("map.attribution"),
    "Map.Title": t("map.title"),
    "Marker.Title": t("map.marker"),
  };
  return (
    <Suspense fallback={<div className="map-canvas map-loading" role="status">{t("map.loading")}</div>}>
      <MapView {...props} lang={lang} controlLabels={controlLabels} />
    </Suspense>
  );
}
