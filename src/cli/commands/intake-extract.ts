// `truceline intake extract <file> [--published YYYY-MM-DD] [--all]`: runs
// the extractor on a text file and prints the proposals as JSON. Stores nothing.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { actorsFileSchema, placesFileSchema } from "../../core/agreement/gazetteer.ts";
import { extractEvents } from "../../core/intake/extract.ts";
import { createAdmin1Locator, type Admin1Collection } from "../../core/intake/locate.ts";
import type { LocateFn } from "../../core/intake/types.ts";
import { CliError, type CliCommand } from "../command.ts";

const BUNDLED_PACK = resolve(dirname(fileURLToPath(import.meta.url)), "../../../packs/israel-syria-1974");

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith("--")) throw new CliError(`${name} needs a value`);
  return v;
}

/** Strips markup from HTML input so sentences and offsets refer to readable text. */
function plainText(raw: string, file: string): string {
  if (!/\.html?$/i.test(file)) return raw;
  return raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|div|h\d|li|br)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, "’")
    .replace(/[ \t]+/g, " ");
}

export const intakeExtractCommand: CliCommand = {
  path: ["intake", "extract"],
  summary: "Propose events from an article file (prints JSON, stores nothing)",
  usage: "truceline intake extract <file> [--published YYYY-MM-DD] [--pack <dir>] [--all]",
  run: async (args, io) => {
    const file = args.find((a, i) => !a.startsWith("--") && !["--published", "--pack"].includes(args[i - 1] ?? ""));
    if (!file) throw new CliError("give the article file: truceline intake extract <file> [--published YYYY-MM-DD]");
    const published = option(args, "--published") ?? null;
    if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new CliError("--published must be YYYY-MM-DD");
    const path = resolve(io.cwd, file);
    if (!existsSync(path)) throw new CliError(`no such file: ${file}`);
    const packDir = resolve(io.cwd, option(args, "--pack") ?? BUNDLED_PACK);
    const read = (name: string): unknown => {
      const p = join(packDir, name);
      if (!existsSync(p)) throw new CliError(`the pack has no ${name}: ${packDir}`);
      return JSON.parse(readFileSync(p, "utf8"));
    };
    const places = placesFileSchema.parse(read("places.json")).places;
    const actors = actorsFileSchema.parse(read("actors.json")).actors;
    const admin1 = join(packDir, "admin1.geojson");
    const locate: LocateFn = existsSync(admin1) ? createAdmin1Locator(JSON.parse(readFileSync(admin1, "utf8")) as Admin1Collection) : () => null;
    const text = plainText(readFileSync(path, "utf8"), path);
    const proposals = extractEvents({ text, published }, { places, actors, locate }, { includeNonFactual: args.includes("--all") });
    io.out(JSON.stringify({ file, published, proposals }, null, 2));
    return 0;
  },
};
