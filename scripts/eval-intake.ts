// `npm run eval:intake -- <folder>`: runs the extractor on every labelled
// article (*.json, SCHEMA.md format) in a folder and prints one JSON line.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { actorsFileSchema, placesFileSchema } from "../src/core/agreement/gazetteer.ts";
import { extractEvents } from "../src/core/intake/extract.ts";
import { labelledArticleSchema, type LabelledArticle } from "../src/core/intake/labels.ts";
import { createAdmin1Locator, type Admin1Collection } from "../src/core/intake/locate.ts";
import { emptyTally, scoreArticle, summarise, type ScoreSummary } from "../src/core/intake/score.ts";
import type { ExtractContext, Proposal } from "../src/core/intake/types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const PACK_DIR = join(ROOT, "packs/israel-syria-1974");
// Reference polygons, only for when the pack has no admin1 layer yet (never read by product code).
const SHARED_ADMIN1 = resolve(ROOT, "../shared/data/geo/levant_admin1_ne.geojson");

/** The bundled pack's gazetteer, actors and an admin-1 locator. */
export function loadPackContext(packDir = PACK_DIR): ExtractContext {
  const places = placesFileSchema.parse(JSON.parse(readFileSync(join(packDir, "places.json"), "utf8"))).places;
  const actors = actorsFileSchema.parse(JSON.parse(readFileSync(join(packDir, "actors.json"), "utf8"))).actors;
  const admin1Path = existsSync(join(packDir, "admin1.geojson")) ? join(packDir, "admin1.geojson") : SHARED_ADMIN1;
  const locate = createAdmin1Locator(JSON.parse(readFileSync(admin1Path, "utf8")) as Admin1Collection);
  return { places, actors, locate };
}

export interface FolderResult {
  summary: ScoreSummary & { articles_per_s: number };
  details: Array<{ file: string; proposals: Proposal[]; strict: Array<[number, number]>; labels: number }>;
}

/** Every labelled article (*.json, SCHEMA.md format) of a folder, by file name, with its text; a bad file throws naming itself. */
export function readLabelledFolder(folder: string): Array<{ file: string; article: LabelledArticle; text: string }> {
  return readdirSync(folder).filter((f) => f.endsWith(".json")).sort().map((file) => {
    const path = join(folder, file);
    const parsed = labelledArticleSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
    return { file, article: parsed.data, text: parsed.data.text ?? readFileSync(resolve(dirname(path), parsed.data.article!), "utf8") };
  });
}

export function evaluateFolder(folder: string, ctx: ExtractContext = loadPackContext(), options: { gate?: boolean } = {}): FolderResult {
  const files = readLabelledFolder(folder);
  const tally = emptyTally();
  const details: FolderResult["details"] = [];
  let extractMs = 0;
  for (const { file: f, article: a, text } of files) {
    const t0 = performance.now();
    const proposals = extractEvents({ text, published: a.published, reference_date: a.reference_date ?? null }, ctx, { gate: options.gate !== false });
    extractMs += performance.now() - t0;
    const strict = scoreArticle(tally, { labels: a.events, proposals });
    details.push({ file: f, proposals, strict, labels: a.events.length });
  }
  const articlesPerS = extractMs > 0 ? Math.round((files.length / extractMs) * 1000 * 10) / 10 : 0;
  return { summary: { ...summarise(tally), articles_per_s: articlesPerS }, details };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const folder = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!folder) {
    console.error("usage: npm run eval:intake -- <folder> [--verbose] [--no-gate]");
    process.exit(2);
  }
  // --no-gate: score the hand-written rules alone, without the learned precision gate (src/core/intake/gate.ts).
  const res = evaluateFolder(resolve(folder), loadPackContext(), { gate: !process.argv.includes("--no-gate") });
  if (process.argv.includes("--verbose")) {
    for (const d of res.details) console.error(`${d.file}: labels ${d.labels}, proposed ${d.proposals.length}, matched ${d.strict.length}`);
  }
  console.log(JSON.stringify(res.summary));
}
