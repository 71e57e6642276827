// Exports as streams of text: ACLED CSV (2023 columns), PLOVER JSONL and
// GeoJSON. Each reads through the same filtered iterator as the list, so an
// export holds exactly what its reader may see — and the presenter drops
// fields (source names) whose own distribution is stricter.
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import { canSeeField } from "../../../core/access/distribution.ts";
import { ACLED_2023_COLUMNS, toAcledRow } from "../../../core/incidents/acled.ts";
import { csvLine } from "../../../core/incidents/csv.ts";
import type { IncidentData } from "../../../core/incidents/incident.ts";
import { toPloverRecord } from "../../../core/incidents/plover.ts";
import type { IncidentRow } from "./incident.repository.ts";

export type ExportFormat = "acled" | "plover" | "geojson";

export const exportContentType: Record<ExportFormat, string> = {
  acled: "text/csv; charset=utf-8",
  plover: "application/x-ndjson; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};

function sourceFor(viewer: Viewer, r: IncidentRow): string {
  return canSeeField(viewer, r.distribution as Distribution, r.source_distribution as Distribution | null, r.owner_party) ? r.source : "";
}

export function geoJsonFeature(viewer: Viewer, r: IncidentRow): Record<string, unknown> {
  return {
    type: "Feature",
    id: r.id,
    geometry: { type: "Point", coordinates: [r.longitude, r.latitude] },
    properties: {
      id: r.id, event_id_cnty: r.event_id_cnty, event_date: r.event_date, event_type: r.event_type, sub_event_type: r.sub_event_type,
      actor1: r.actor1, actor2: r.actor2, location: r.location, fatalities: r.fatalities, verification: r.verification,
      zone: r.zone, near_line: r.near_line, admin1: r.pack_admin1, geo_precision: r.geo_precision, error_radius_m: r.error_radius_m,
      source: sourceFor(viewer, r) || null, distribution: r.distribution,
    },
  };
}

export async function* exportLines(viewer: Viewer, format: ExportFormat, rows: AsyncIterable<IncidentRow>): AsyncGenerator<string> {
  if (format === "acled") yield csvLine(ACLED_2023_COLUMNS);
  if (format === "geojson") yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const r of rows) {
    switch (format) {
      case "acled":
        yield csvLine(toAcledRow({ ...(r as unknown as IncidentData), event_id_cnty: r.event_id_cnty ?? r.id, source: sourceFor(viewer, r) }));
        break;
      case "plover":
        yield JSON.stringify(toPloverRecord(r)) + "\n";
        break;
      case "geojson":
        yield (first ? "" : ",\n") + JSON.stringify(geoJsonFeature(viewer, r));
        break;
    }
    first = false;
  }
  if (format === "geojson") yield "\n]}\n";
}
