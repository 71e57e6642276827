// A locate() built from admin-1 polygons (GeoJSON already parsed by the caller),
// for use until the agreement classifier answers zone questions as well.
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { LocateFn, Location } from "./types.ts";

interface Admin1Props { iso_3166_2?: string; adm0_a3?: string; name?: string; name_en?: string }
export interface Admin1Collection { features: Array<{ type: string; properties?: Admin1Props | null; geometry: { type: string; coordinates: unknown } | null }> }

// Natural Earth draws the UNDOF area of separation as its own pseudo-unit;
// administratively it belongs to Quneitra, so it is reported as SY-QU with a zone.
const PSEUDO_UNITS: Record<string, { admin1: string; name: string; zone: string }> = {
  "SY-X01~": { admin1: "SY-QU", name: "Quneitra", zone: "area-of-separation" },
};

/** ISO 3166 alpha-2 -> alpha-3 for the countries the intake meets. */
export const ALPHA2_TO_3: Record<string, string> = { SY: "SYR", IL: "ISR", LB: "LBN", JO: "JOR", PS: "PSE", SA: "SAU", AZ: "AZE", FR: "FRA", US: "USA", TR: "TUR", RU: "RUS", IR: "IRN", AE: "ARE", QA: "QAT", EG: "EGY", GB: "GBR", IQ: "IRQ", CH: "CHE" };

export function countryOfAdmin1(code: string | null | undefined): string | null {
  return code ? ALPHA2_TO_3[code.slice(0, 2)] ?? null : null;
}

export function createAdmin1Locator(fc: Admin1Collection): LocateFn {
  const units = fc.features
    .filter((f) => f.geometry && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon"))
    .map((f) => {
      const coords = f.geometry!.coordinates as number[][][] | number[][][][];
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      const rings = (f.geometry!.type === "Polygon" ? [coords] : coords) as number[][][][];
      for (const poly of rings) for (const ring of poly) for (const pt of ring) {
        const x = pt[0] ?? 0, y = pt[1] ?? 0;
        if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
      }
      return { feature: f as unknown as Feature<Polygon | MultiPolygon>, props: f.properties ?? {}, bbox: [minX, minY, maxX, maxY] as const };
    });
  return (lon: number, lat: number): Location | null => {
    for (const u of units) {
      const [x0, y0, x1, y1] = u.bbox;
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      if (!booleanPointInPolygon([lon, lat], u.feature)) continue;
      const code = u.props.iso_3166_2 ?? null;
      const pseudo = code ? PSEUDO_UNITS[code] : undefined;
      const country = u.props.adm0_a3 ?? countryOfAdmin1(code);
      if (pseudo) return { country, admin1: pseudo.admin1, admin1_name: pseudo.name, zone: pseudo.zone };
      return { country, admin1: code, admin1_name: u.props.name_en ?? u.props.name ?? null, zone: null };
    }
    return null;
  };
}
