// A small synthetic pack for tests: two straight north–south lines 0.05°
// apart, an area of separation between them, and two rectangular countries.
// Simple enough that expected areas and distances can be worked out by hand.
export function miniPackFiles(): Record<string, unknown> {
  const lineA = [[35.8, 33.3], [35.8, 33.0]];
  const lineB = [[35.85, 33.3], [35.85, 33.0]];
  const rect = (x0: number, y0: number, x1: number, y1: number) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
  const band = (id: string, line: string, side: string, from: number, to: number, countries: string[]) => ({ id, name: id, kind: "band", line, side, from_km: from, to_km: to, clip_to_countries: countries, minus: ["aos"] });
  return {
    "pack.json": {
      format: "truceline-pack/1", id: "mini", title: "Mini test pack", version: "1.0.0",
      agreement: { name: "Test agreement", signed: "2000-01-01", text_source: "text" },
      parties: [{ id: "WST", name: "West", line: "line_A", side: "west", country: "WWW" }, { id: "EST", name: "East", line: "line_B", side: "east", country: "EEE" }],
      mediators: [{ id: "MED", name: "Mediator" }], observers: [{ id: "OBS", name: "Observer" }],
      sources: [{ id: "text", title: "Treaty text", url: "https://example.org/treaty" }],
      approximate: true, accuracy_m: 1000, disclaimer: "approximate — test", attribution: "synthetic",
    },
    "lines.geojson": { type: "FeatureCollection", features: [
      { type: "Feature", properties: { id: "line_A", key: "A", name: "Line A", source: "text" }, geometry: { type: "LineString", coordinates: lineA } },
      { type: "Feature", properties: { id: "line_B", key: "B", name: "Line B", source: "text" }, geometry: { type: "LineString", coordinates: lineB } },
    ] },
    "zones.geojson": { type: "FeatureCollection", features: [
      { type: "Feature", properties: { id: "aos", source: "text" }, geometry: { type: "Polygon", coordinates: [[[35.8, 33.3], [35.8, 33.0], [35.85, 33.0], [35.85, 33.3], [35.8, 33.3]]] } },
    ] },
    "sites.geojson": { type: "FeatureCollection", features: [
      { type: "Feature", properties: { id: "summit", name: "Summit posts", kind: "posts", radius_km: 2, source: "text" }, geometry: { type: "Point", coordinates: [35.825, 33.28] } },
    ] },
    "countries.geojson": { type: "FeatureCollection", features: [
      { type: "Feature", properties: { iso3: "WWW", name: "Westland" }, geometry: { type: "Polygon", coordinates: rect(35.0, 32.5, 35.825, 33.8) } },
      { type: "Feature", properties: { iso3: "EEE", name: "Eastland" }, geometry: { type: "Polygon", coordinates: rect(35.825, 32.5, 36.6, 33.8) } },
    ] },
    "admin1.geojson": { type: "FeatureCollection", features: [
      { type: "Feature", properties: { iso_3166_2: "WW-1", name_en: "West One" }, geometry: { type: "Polygon", coordinates: rect(35.0, 32.5, 35.825, 33.8) } },
      { type: "Feature", properties: { iso_3166_2: "EE-1", name_en: "East One" }, geometry: { type: "Polygon", coordinates: rect(35.825, 32.5, 36.6, 33.8) } },
    ] },
    "zones.json": { zones: [
      { id: "aos", name: "Area of separation", kind: "polygon", feature: "aos" },
      band("west-0-10", "line_A", "west", 0, 10, ["WWW", "EEE"]),
      band("west-10-20", "line_A", "west", 10, 20, ["WWW", "EEE"]),
      band("west-20-25", "line_A", "west", 20, 25, ["WWW", "EEE"]),
      band("east-0-10", "line_B", "east", 0, 10, ["EEE", "WWW"]),
      band("east-10-20", "line_B", "east", 10, 20, ["EEE", "WWW"]),
      band("east-20-25", "line_B", "east", 20, 25, ["EEE", "WWW"]),
    ] },
    "limits.json": { limits: [
      { id: "wst-west", zones: ["*"], parties: ["WST"], rule: { kind: "own_side", applies_to: "ground_forces" }, text: "West stays west of A", clause: "B.1", source: "text" },
      { id: "est-east", zones: ["*"], parties: ["EST"], rule: { kind: "own_side", applies_to: "ground_forces" }, text: "East stays east of B", clause: "B.4", source: "text" },
      { id: "air", zones: ["*"], rule: { kind: "own_side", applies_to: "aircraft" }, text: "Aircraft up to own line", clause: "B.6", source: "text" },
      { id: "aos-none", zones: ["aos"], rule: { kind: "no_military_forces" }, text: "No forces in the AoS", clause: "(4)", source: "text" },
      { id: "summit-obs", zones: ["aos"], rule: { kind: "no_military_observation", sites: ["summit"] }, text: "No observation at the summit", clause: "(5)", source: "text" },
      { id: "b10-troops", zones: ["west-0-10", "east-0-10"], rule: { kind: "max", item: "troops", max: 6000 }, text: "6,000 men", clause: "(1)(b)", source: "text" },
      { id: "b10-tanks", zones: ["west-0-10", "east-0-10"], rule: { kind: "max", item: "tanks", max: 75 }, text: "75 tanks", clause: "(1)(a)", source: "text" },
      { id: "b10-art", zones: ["west-0-10", "east-0-10"], rule: { kind: "max", item: "artillery", max: 36 }, text: "36 guns", clause: "(1)(a)", source: "text" },
      { id: "b10-cal", zones: ["west-0-10", "east-0-10"], rule: { kind: "artillery_calibre_only", caliber_mm: 122 }, text: "122 mm only", clause: "(1)(a)", source: "text" },
      { id: "b20-range", zones: ["west-10-20", "east-10-20"], rule: { kind: "artillery_max_range", max_range_km: 20 }, text: "range ≤ 20 km", clause: "(2)(a)", source: "text" },
      { id: "b25-sam", zones: ["aos", "west-0-10", "west-10-20", "west-20-25", "east-0-10", "east-10-20", "east-20-25"], rule: { kind: "no_sam" }, text: "no SAM", clause: "(2)(c)", source: "text" },
    ] },
    "channel-rules.json": { rules: [
      { id: "notify", kind: "notification", min_lead_minutes: 360, reply: { kind: "acknowledgement", within_minutes: 30 }, escalation: [{ after_minutes: 30, to: "mediator", level: 1 }], basis: "procedure" },
    ] },
  };
}
