// ACLED CSV: the 2023 and pre-2023 column sets, header checks and row
// parsing. A row either becomes IncidentData or a reason naming each bad
// column, so the importer can report it by line and go on.
import { parseAcledDate } from "./dates.ts";
import { checkIncident, withDefaults, type IncidentData } from "./incident.ts";
import type { EventType, Precision } from "./taxonomy.ts";

export const ACLED_2023_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
  "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
  "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
] as const;

export const ACLED_PRE2023_COLUMNS = [
  "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
  "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
  "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
] as const;

/** Columns some exports add that carry nothing we store; accepted and ignored. */
const IGNORED = new Set(["data_id", "event_id_no_cnty", "iso3", "population_1km", "population_2km", "population_5km", "population_best"]);
const KNOWN = new Set<string>([...ACLED_2023_COLUMNS, ...ACLED_PRE2023_COLUMNS]);

export type AcledColumnSet = "2023" | "pre-2023";

export interface AcledHeader {
  set: AcledColumnSet;
  /** Column index of each field we read, or -1 when the set lacks it. */
  index: Record<(typeof ACLED_2023_COLUMNS)[number], number>;
  width: number;
}

export type HeaderResult = { ok: true; header: AcledHeader } | { ok: false; problem: string };

export function parseAcledHeader(fields: readonly string[]): HeaderResult {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f).trim().toLowerCase());
  const unknown = names.filter((n) => !KNOWN.has(n) && !IGNORED.has(n));
  if (unknown.length) return { ok: false, problem: `unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (expected the ACLED 2023 or pre-2023 column set)` };
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) return { ok: false, problem: `column ${dup} appears twice` };
  const set: AcledColumnSet = names.includes("disorder_type") ? "2023" : "pre-2023";
  const required = (set === "2023" ? ACLED_2023_COLUMNS : ACLED_PRE2023_COLUMNS).filter((c) => !IGNORED.has(c));
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, problem: `missing column${missing.length > 1 ? "s" : ""} for the ${set} ACLED set: ${missing.join(", ")}` };
  const index = {} as AcledHeader["index"];
  for (const c of ACLED_2023_COLUMNS) index[c] = names.indexOf(c);
  return { ok: true, header: { set, index, width: names.length } };
}

export type RowResult = { ok: true; data: IncidentData } | { ok: false; reason: string };

const INT = /^-?\d+$/;
const NUM = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

type Col = keyof AcledHeader["index"];

// Module-level helpers rather than closures per row: an import parses a million rows.
function field(h: AcledHeader, f: readonly string[], c: Col): string {
  const i = h.index[c];
  return i < 0 ? "" : f[i]!.trim();
}

function wholeNumber(h: AcledHeader, f: readonly string[], c: Col, opt: boolean, problems: string[]): number | null {
  const v = field(h, f, c);
  if (v === "") { if (!opt) problems.push(`${c}: is required`); return null; }
  if (!INT.test(v)) { problems.push(`${c}: "${v}" is not a whole number`); return null; }
  return Number(v);
}

function precisionCode(h: AcledHeader, f: readonly string[], c: "time_precision" | "geo_precision", problems: string[]): Precision {
  const v = wholeNumber(h, f, c, false, problems);
  if (v !== null && v !== 1 && v !== 2 && v !== 3) problems.push(`${c}: ${v} is not a precision code (1, 2 or 3)`);
  return (v ?? 1) as Precision;
}

function coordinate(h: AcledHeader, f: readonly string[], c: "latitude" | "longitude", lim: number, problems: string[]): number {
  const v = field(h, f, c);
  if (!NUM.test(v)) { problems.push(`${c}: "${v}" is not a number`); return 0; }
  const n = Number(v);
  if (n < -lim || n > lim) problems.push(`${c}: ${n} is out of range (-${lim} to ${lim})`);
  return n;
}

/** Parses one data row against a header. */
export function parseAcledRow(h: AcledHeader, f: readonly string[]): RowResult {
  if (f.length !== h.width) return { ok: false, reason: `has ${f.length} fields, the header has ${h.width}` };
  const problems: string[] = [];
  const id = field(h, f, "event_id_cnty");
  if (id === "") problems.push("event_id_cnty: is required");
  else if (id.length > 64) problems.push("event_id_cnty: longer than 64 characters");
  const rawDate = field(h, f, "event_date");
  const date = parseAcledDate(rawDate);
  if (!date.ok) problems.push(`event_date: ${date.problem}`);
  const year = wholeNumber(h, f, "year", true, problems);
  if (date.ok && year !== null && year !== Number(date.date.slice(0, 4))) problems.push(`year: ${year} does not match event_date ${date.date}`);
  const time_precision = precisionCode(h, f, "time_precision", problems);
  const geo_precision = precisionCode(h, f, "geo_precision", problems);
  const latitude = coordinate(h, f, "latitude", 90, problems);
  const longitude = coordinate(h, f, "longitude", 180, problems);
  const fatalities = wholeNumber(h, f, "fatalities", false, problems);
  const ts = wholeNumber(h, f, "timestamp", true, problems);
  const base = {
    event_id_cnty: id,
    event_date: date.ok ? date.date : "",
    time_precision,
    disorder_type: field(h, f, "disorder_type"),
    event_type: field(h, f, "event_type") as EventType,
    sub_event_type: field(h, f, "sub_event_type"),
    actor1: field(h, f, "actor1"),
    assoc_actor_1: field(h, f, "assoc_actor_1"),
    inter1: wholeNumber(h, f, "inter1", true, problems),
    actor2: field(h, f, "actor2"),
    assoc_actor_2: field(h, f, "assoc_actor_2"),
    inter2: wholeNumber(h, f, "inter2", true, problems),
    interaction: wholeNumber(h, f, "interaction", true, problems),
    civilian_targeting: field(h, f, "civilian_targeting"),
    iso: wholeNumber(h, f, "iso", true, problems),
    region: field(h, f, "region"),
    country: field(h, f, "country"),
    admin1: field(h, f, "admin1"),
    admin2: field(h, f, "admin2"),
    admin3: field(h, f, "admin3"),
    location: field(h, f, "location"),
    latitude,
    longitude,
    geo_precision,
    source: field(h, f, "source"),
    source_scale: field(h, f, "source_scale"),
    notes: field(h, f, "notes"),
    fatalities: fatalities ?? 0,
    tags: field(h, f, "tags"),
    acled_timestamp: ts,
  };
  if (problems.length) return { ok: false, reason: problems.join("; ") };
  const data = withDefaults(base);
  const more = checkIncident(data).filter((p) => !(p.field === "latitude" || p.field === "longitude"));
  if (more.length) return { ok: false, reason: more.map((p) => `${p.field}: ${p.problem}`).join("; ") };
  return { ok: true, data };
}

/** The ACLED 2023 row of an incident, for export. */
export function toAcledRow(d: IncidentData): Array<string | number | null> {
  return [
    d.event_id_cnty, d.event_date, Number(d.event_date.slice(0, 4)), d.time_precision, d.disorder_type, d.event_type, d.sub_event_type,
    d.actor1, d.assoc_actor_1, d.inter1, d.actor2, d.assoc_actor_2, d.inter2, d.interaction, d.civilian_targeting,
    d.iso, d.region, d.country, d.admin1, d.admin2, d.admin3, d.location, d.latitude, d.longitude, d.geo_precision,
    d.source, d.source_scale, d.notes, d.fatalities, d.tags, d.acled_timestamp,
  ];
}

/** Deletions files list event_id_cnty and when ACLED deleted it. */
export function parseDeletionsHeader(fields: readonly string[]): { ok: true; idIndex: number } | { ok: false; problem: string } {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f).trim().toLowerCase());
  const idIndex = names.indexOf("event_id_cnty");
  if (idIndex < 0) return { ok: false, problem: "missing column event_id_cnty (a deletions file lists event_id_cnty and deleted_timestamp)" };
  const unknown = names.filter((n) => n !== "event_id_cnty" && n !== "deleted_timestamp");
  if (unknown.length) return { ok: false, problem: `unknown column${unknown.length > 1 ? "s" : ""} in the deletions file: ${unknown.join(", ")}` };
  return { ok: true, idIndex };
}
