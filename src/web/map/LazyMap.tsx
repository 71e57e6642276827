// The only door to the map: a dynamic import keeps MapLibre (and its CSS and
// worker) out of the first bundle until a screen with a map renders. Not
// React.lazy: a Suspense boundary reveals its content up to 300 ms after the
// code has arrived (React batches reveals), and the map should start at once.
import { useEffect, useState } from "react";
import type * as MapViewModule from "./MapView.tsx";
import type { MapViewProps } from "./MapView.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote } from "../components/common.tsx";

type MapModule = typeof MapViewModule;
let loaded: MapModule | null = null;
let loading: Promise<MapModule> | null = null;

/** Starts downloading the map code (e.g. on arriving at a map route, while the screen fetches its data); resolves when it has arrived. */
export function preloadMap(): Promise<MapModule> {
  loading ??= import("./MapView.tsx").then((m) => (loaded = m)).catch((e: unknown) => { loading = null; throw e; });
  return loading;
}

export function LazyMap(props: Omit<MapViewProps, "lang" | "controlLabels">) {
  const { t, lang } = useI18n();
  const [mod, setMod] = useState<MapModule | null>(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    let live = true;
    preloadMap().then((m) => { if (live) setMod(m); }, (e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [mod]);
  if (!mod) return error ? <ErrorNote error={error} /> : <div className="map-canvas map-loading" role="status">{t("map.loading")}</div>;
  const controlLabels = {
    "NavigationControl.ZoomIn": t("map.zoomIn"),
    "NavigationControl.ZoomOut": t("map.zoomOut"),
    "AttributionControl.ToggleAttribution": t("map.attribution"),
    "Map.Title": t("map.title"),
    "Marker.Title": t("map.marker"),
  };
  const MapView = mod.default;
  return <MapView {...props} lang={lang} controlLabels={controlLabels} />;
}
