// `truceline pack validate <dir>` and `truceline classify --pack <id> <file>`.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { CliCommand, CliIo } from "../command.ts";
import { CliError } from "../command.ts";
import { parse, str } from "../args.ts";
import { PackNotFoundError, classifierForFolder, loadBundledClassifier, loadPackFolder } from "../../server/modules/agreements/pack-files.ts";
import type { Classifier } from "../../core/agreement/classify.ts";
import { InputError, PackValidationError, formatIssue } from "../../core/agreement/errors.ts";
import { lat, lon } from "../../core/geo/index.ts";

const DEFAULT_MAX = 1_000_000;

const validate: CliCommand = {
  path: ["pack", "validate"],
  summary: "Check an agreement pack folder and derive its zones",
  usage: "truceline pack validate <dir>",
  async run(args, io) {
    const { positionals } = parse(args, {});
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new CliError("give exactly one pack folder");
    try {
      const pack = await loadPackFolder(resolve(io.cwd, dir));
      io.out(`ok: ${pack.id} ${pack.meta.version} — ${pack.lines.length} lines, ${pack.zones.length} zones, ${pack.limits.length} limits, ${pack.channelRules.length} channel rules, ${pack.places?.places.length ?? 0} places, ${pack.actors?.actors.length ?? 0} actors${pack.meta.approximate ? ` (approximate, ±${pack.meta.accuracy_m} m: ${pack.meta.disclaimer})` : ""}`);
      for (const z of pack.zones) io.out(`  ${z.id.padEnd(12)} ${z.areaKm2.toFixed(1).padStart(8)} km²  ${z.name}`);
      return 0;
    } catch (e) {
      if (e instanceof PackNotFoundError) throw new CliError(`no pack folder at ${dir}`);
      if (!(e instanceof PackValidationError)) throw e;
      for (const i of e.issues) io.err(formatIssue(i));
      io.err(`${e.issues.length} problem${e.issues.length === 1 ? "" : "s"} in ${dir}`);
      return 1;
    }
  },
};

interface Row { line: number; id: string; lon: number; lat: number }

function parseNumber(raw: string | undefined, what: string, line: number): number {
  const v = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isFinite(v)) throw new CliError(`line ${line}: ${what} "${raw ?? ""}" is not a number`);
  return v;
}

function csvRows(text: string): Row[] {
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
    records = parsed as string[][];
  } catch (e) {
    throw new CliError(`not valid CSV: ${(e as Error).message}`);
  }
  const rows: Row[] = [];
  // Line numbers count the header too; blank lines are skipped by the parser, so track them from the raw text.
  const lineNos: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => { if (l.trim() !== "") lineNos.push(i + 1); });
  records.forEach((r, i) => {
    const line = lineNos[i] ?? i + 1;
    if (i === 0 && r[1]?.toLowerCase() === "lon") return; // header
    if (r.length < 3) throw new CliError(`line ${line}: expected id,lon,lat`);
    const lo = parseNumber(r[1], "lon", line), la = parseNumber(r[2], "lat", line);
    if (lo < -180 || lo > 180) throw new CliError(`line ${line}: lon ${lo} is out of range (-180…180)`);
    if (la < -90 || la > 90) throw new CliError(`line ${line}: lat ${la} is out of range (-90…90)${Math.abs(lo) <= 90 ? "; are lon and lat swapped?" : ""}`);
    rows.push({ line, id: r[0] ?? "", lon: lo, lat: la });
  });
  return rows;
}

type GeoItem = { kind: "point"; row: Row } | { kind: "geometry"; index: number; id: string; geometry: unknown };

function geojsonItems(text: string): GeoItem[] {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) { throw new CliError(`not valid JSON: ${(e as Error).message}`); }
  const o = doc as { type?: unknown; features?: unknown };
  const feats: unknown[] = o && o.type === "FeatureCollection" && Array.isArray(o.features) ? o.features : o && o.type === "Feature" ? [o] : [];
  if (!feats.length) throw new CliError("expected a GeoJSON FeatureCollection or Feature with at least one feature");
  return feats.map((f, i): GeoItem => {
    const ft = f as { type?: unknown; id?: unknown; properties?: { id?: unknown } | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const rawId = ft?.properties?.id ?? ft?.id;
    const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : String(i + 1);
    if (!ft || ft.type !== "Feature" || !ft.geometry) throw new CliError(`feature ${i} (${id}): not a GeoJSON Feature with a geometry`);
    if (ft.geometry.type === "Point") {
      const c = ft.geometry.coordinates;
      if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== "number" || typeof c[1] !== "number" || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) throw new CliError(`feature ${i} (${id}): geometry.coordinates must be [lon, lat] numbers`);
      const [lo, la] = c as [number, number];
      if (lo < -180 || lo > 180 || la < -90 || la > 90) throw new CliError(`feature ${i} (${id}): [${lo}, ${la}] is out of range`);
      return { kind: "point", row: { line: i, id, lon: lo, lat: la } };
    }
    return { kind: "geometry", index: i, id, geometry: ft.geometry };
  });
}

async function classifierFrom(packArg: string, io: CliIo): Promise<Classifier> {
  try {
    return packArg.includes("/") || packArg.startsWith(".") ? await classifierForFolder(resolve(io.cwd, packArg)) : await loadBundledClassifier(packArg);
  } catch (e) {
    if (e instanceof PackValidationError) throw new CliError(`pack ${packArg}: ${e.issues.slice(0, 5).map(formatIssue).join("; ")}`);
    if (e instanceof PackNotFoundError) throw new CliError(`${e.message}; bundled packs live in packs/<id>, or pass a folder path`);
    throw e;
  }
}

const classify: CliCommand = {
  path: ["classify"],
  summary: "Classify points (CSV id,lon,lat) or GeoJSON features against a pack's zones",
  usage: "truceline classify --pack <id|dir> [--max N] <file.csv|file.geojson|->",
  async run(args, io) {
    const { values, positionals } = parse(args, { pack: { type: "string" }, max: { type: "string" } });
    const packArg = str(values.pack) ?? "israel-syria-1974";
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError("give exactly one input file (CSV id,lon,lat or GeoJSON)");
    const max = values.max === undefined ? DEFAULT_MAX : Number(values.max);
    if (!Number.isInteger(max) || max < 1) throw new CliError("--max must be a positive whole number");
    const text = file === "-" ? await readStdin() : await readFile(resolve(io.cwd, file), "utf8").catch((e: NodeJS.ErrnoException) => { throw new CliError(`cannot read ${file}: ${e.code ?? e.message}`); });
    const isJson = /\.(geo)?json$/i.test(file) || /^\s*[{[]/.test(text);
    const items: GeoItem[] = isJson ? geojsonItems(text) : csvRows(text).map((row) => ({ kind: "point", row }));
    if (items.length > max) throw new CliError(`too many inputs: ${items.length} (at most ${max}; raise --max)`);
    const c = await classifierFrom(packArg, io);
    for (const it of items) {
      if (it.kind === "point") {
        const r = c.classifyPoint(lon(it.row.lon), lat(it.row.lat));
        io.out(JSON.stringify({ id: it.row.id, zone: r.zone, distance_km: r.distance_km, side: r.side, near_line: r.near_line, certain: r.certain, admin1: r.admin1, ...(r.sites.length ? { sites: r.sites } : {}), ...(r.note ? { note: r.note } : {}), ...(r.hint ? { hint: r.hint } : {}) }));
      } else {
        try {
          const g = c.classifyGeometry(it.geometry);
          io.out(JSON.stringify({ id: it.id, type: g.type, zones: g.zones, distance_km: g.distance_km, near_line: g.near_line, ...(g.total_length_km !== undefined ? { length_km: g.total_length_km } : {}), ...(g.total_area_km2 !== undefined ? { area_km2: g.total_area_km2 } : {}) }));
        } catch (e) {
          if (e instanceof InputError) throw new CliError(`feature ${it.index} (${it.id}): ${e.message}`);
          throw e;
        }
      }
    }
    return 0;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const ch of process.stdin) chunks.push(ch as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export const packCommands: CliCommand[] = [validate, classify];
