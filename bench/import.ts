// Benchmark: import 1,000,000 generated ACLED rows (0.1% bad) with the
// product's importer — validation, pack classification, indexes, full-text
// index and audit included — and, in the same run, the same CSV with the
// sqlite3 shell's .import into a bare table as the raw floor. Prints one JSON line.
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/server/config.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import { systemActor } from "../src/server/platform/audit/audit.service.ts";
import { AcledImporter } from "../src/server/modules/incidents/acled-import.ts";
import { writeAcledCsv } from "./incident-data.ts";

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** Kept for `npm run bench:query`, which reuses the imported deployment when it is there. */
export const BENCH_DATA = process.env.BENCH_DATA ?? join(tmpdir(), "truceline-bench-incidents");

function ensureSqlite3(): string {
  const found = spawnSync("sh", ["-c", "command -v sqlite3"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args: string[]) => execFileSync(sudo.length ? "sudo" : args[0]!, sudo.length ? args : args.slice(1), { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  try { run(["apt-get", "install", "-y", "sqlite3"]); } catch { run(["apt-get", "update"]); run(["apt-get", "install", "-y", "sqlite3"]); }
  return spawnSync("sh", ["-c", "command -v sqlite3"], { encoding: "utf8" }).stdout.trim();
}

let peak = 0;
const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
sample.unref();

async function main() {
  const work = mkdtempSync(join(tmpdir(), "truceline-bench-import-"));
  const csv = join(work, "acled.csv");
  const { bad } = await writeAcledCsv(csv, N);
  const bytes = statSync(csv).size;

  // Raw floor: the sqlite3 shell parses the CSV in C into a table of text columns, no checks, no indexes.
  const sqlite3 = ensureSqlite3();
  const rawDb = join(work, "raw.sqlite");
  const r0 = performance.now();
  execFileSync(sqlite3, [rawDb], { input: `.mode csv\n.import ${csv} bare\n`, stdio: ["pipe", "ignore", "inherit"] });
  const rawS = (performance.now() - r0) / 1000;

  rmSync(BENCH_DATA, { recursive: true, force: true });
  const config = loadConfig({}, {}, { dataDir: BENCH_DATA, logLevel: "silent", checkpointSeconds: 0 });
  const rt = await createRuntime(config);
  const imp = new AcledImporter(rt.ctx.incidents);
  await rt.ctx.incidents.getClassifier(); // the pack is built once per process, not per import
  peak = Math.max(peak, process.memoryUsage().rss);
  const t0 = performance.now();
  const sum = await imp.import(systemActor, createReadStream(csv, { highWaterMark: 1 << 20 }), { distribution: "shared" });
  const s = (performance.now() - t0) / 1000;
  await rt.close();
  peak = Math.max(peak, process.memoryUsage().rss);

  // The start-up integrity check reads every audited row: time a full restart on the imported data.
  const c0 = performance.now();
  const rt2 = await createRuntime(config);
  const startS = (performance.now() - c0) / 1000;
  await rt2.close();

  rmSync(work, { recursive: true, force: true });
  const rows = sum.imported + sum.updated + sum.unchanged + sum.errors.length + (sum.errors_truncated ?? 0);
  console.log(JSON.stringify({
    rows,
    rows_per_s: Math.round(rows / s),
    raw_rows_per_s: Math.round(rows / rawS),
    ratio_vs_raw: Math.round((rawS / s) * 1000) / 1000,
    peak_rss_mb: Math.round(peak / 1048576),
    imported: sum.imported,
    errors: sum.errors.length + (sum.errors_truncated ?? 0),
    bad_rows_generated: bad,
    csv_mb: Math.round(bytes / 1048576),
    import_s: Math.round(s * 10) / 10,
    raw_s: Math.round(rawS * 10) / 10,
    restart_with_integrity_check_s: Math.round(startS * 10) / 10,
    data: existsSync(BENCH_DATA) ? BENCH_DATA : null,
  }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
