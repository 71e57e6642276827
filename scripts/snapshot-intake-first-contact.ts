// One-off, reproducible from git history: what the extractor proposed for each
// batch of labelled reports the first time it saw them, before any rule was
// tuned on them. These are the errors the extractor makes on unseen text, the
// ones the precision gate must learn; the current extractor on the same
// reports is tuned and errs far less. Writes test/intake-gate/first-contact.json
// (proposals without their evidence text, which the offsets give back).
//
// `tsx scripts/snapshot-intake-first-contact.ts` — needs the git history and
// ../shared; each past extractor is unpacked under the OS temp dir.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article, ExtractContext, Proposal } from "../src/core/intake/types.ts";
import { labelledArticleSchema } from "../src/core/intake/labels.ts";
import { slimProposal, type FirstContactBatch } from "../src/core/intake/gate-train.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "test/intake-gate/first-contact.json");
const WORK = join(tmpdir(), "truceline-first-contact");

/**
 * Each batch: the commit that added its reports, and whether that commit also
 * changed the rules for them (then its parent is the extractor at first contact).
 * Holdout 5 is left out: nothing has been tuned on it, so the current extractor's
 * proposals on it are its first contact, and the trainer makes them live.
 */
const BATCHES: Array<{ commit: string; tunedInSameCommit: boolean }> = [
  { commit: "5bdf33d", tunedInSameCommit: false }, // holdout 1
  { commit: "c5cd64e", tunedInSameCommit: false }, // holdout 2
  { commit: "3779445", tunedInSameCommit: false }, // holdout 3
  { commit: "19849c1", tunedInSameCommit: false }, // holdout 4
  ...["5edd2c5", "262e0cf", "7c6c493", "97e10eb", "6c4ed8b", "13a4b0e", "cd77acb"].map((commit) => ({ commit, tunedInSameCommit: true })),
  ...["09bf141", "0c7a902", "7cfb6d7", "d3c1abc", "9f3a79b", "074ded5", "d1e22ba", "c3e145d", "16d3e54", "5aea293", "ac5622e"].map((commit) => ({ commit, tunedInSameCommit: true })),
  { commit: "fbf4b7d", tunedInSameCommit: false }, // train AW–BB, committed alone before any rule was tuned on them
  { commit: "6e21a27", tunedInSameCommit: false }, // train BC–BF, committed alone after the eleventh round, which was their first contact
  { commit: "fdb3403", tunedInSameCommit: false }, // train BG–BJ, committed alone after the twelfth round, which was their first contact
  { commit: "64a66ac", tunedInSameCommit: false }, // train BK–BN, committed alone after the thirteenth round, which was their first contact
  { commit: "f9ee681", tunedInSameCommit: false }, // train BO–BR, committed alone during the fourteenth round, before any rule saw them: the thirteenth round's extractor is their first contact
];

const git = (...args: string[]): string => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });

/** Unpacks the extractor of one commit (src, scripts, packs) beside links to today's node_modules and ../shared. */
function unpack(sha: string): string {
  const dir = join(WORK, sha);
  if (!existsSync(join(dir, "src"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} src scripts packs | tar -x -C "${dir}"`], { cwd: ROOT });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  }
  // The old eval script finds the reference admin-1 polygons at ROOT/../shared.
  if (!existsSync(join(WORK, "shared"))) symlinkSync(resolve(ROOT, "../shared"), join(WORK, "shared"));
  return dir;
}

interface OldExtractor {
  extractEvents: (a: Article, ctx: ExtractContext) => Proposal[];
  loadPackContext: () => ExtractContext;
}

const batches: FirstContactBatch[] = [];
for (const b of BATCHES) {
  const added = git("show", "--format=", "--diff-filter=A", "--name-only", b.commit).split("\n")
    .filter((f) => /^test\/intake[^/]*\/[^/]+\.json$/.test(f)).sort();
  const extractorSha = git("rev-parse", b.tunedInSameCommit ? `${b.commit}^` : b.commit).trim();
  const dir = unpack(extractorSha);
  const ex = await import(join(dir, "src/core/intake/extract.ts")) as Pick<OldExtractor, "extractEvents">;
  const ev = await import(join(dir, "scripts/eval-intake.ts")) as Pick<OldExtractor, "loadPackContext">;
  const ctx = ev.loadPackContext();
  const articles: FirstContactBatch["articles"] = [];
  for (const file of added) {
    // Today's text and labels: only the extractor is taken from the past.
    const a = labelledArticleSchema.parse(JSON.parse(readFileSync(join(ROOT, file), "utf8")));
    const text = a.text ?? readFileSync(resolve(dirname(join(ROOT, file)), a.article!), "utf8");
    const proposals = ex.extractEvents({ text, published: a.published, reference_date: a.reference_date ?? null }, ctx);
    articles.push({ file, proposals: proposals.map(slimProposal) });
  }
  batches.push({ commit: b.commit, extractor: extractorSha.slice(0, 7), articles });
  console.error(`${b.commit} (extractor ${extractorSha.slice(0, 7)}): ${articles.length} reports, ${articles.reduce((n, x) => n + x.proposals.length, 0)} proposals`);
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({ note: "written by scripts/snapshot-intake-first-contact.ts", batches }) + "\n");
