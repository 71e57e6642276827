// Benchmark: import 1,000,000 generated ACLED rows (0.1% bad) with the
// product's importer — validation, pack classification, indexes, full-text
// index and audit included — and, in the same run, the same CSV with the
// sqlite3 shell's .import into a bare table as the raw floor. Prints one JSON line.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/server/config.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import type { ImportSummary } from "../src/server/modules/incidents/acled-import.ts";
import { writeAcledCsv } from "./incident-data.ts";
import Database from "better-sqlite3";
import { INCIDENT_COLUMNS } from "../src/server/modules/incidents/incident-audit.ts";

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

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 160);
let peak = 0;

async function main() {
  const work = mkdtempSync(join(tmpdir(), "truceline-bench-import-"));
  const csv = join(work, "acled.csv");
  const g0 = performance.now();
  const { bad } = await writeAcledCsv(csv, N);
  const genS = (performance.now() - g0) / 1000;
  const bytes = statSync(csv).size;

  // Raw floor: the sqlite3 shell parses the CSV in C into a table of text columns, no checks, no indexes.
  const sqlite3 = ensureSqlite3();
  const rawDb = join(work, "raw.sqlite");
  const r0 = performance.now();
  execFileSync(sqlite3, [rawDb], { input: `.mode csv\n.import ${csv} bare\n`, stdio: ["pipe", "ignore", "inherit"] });
  const rawS = (performance.now() - r0) / 1000;

  // The product's importer as an operator runs it: the `truceline incidents import` command in its own process,
  // so peak RSS is the importer's alone (not this script's generator). The heap cap is the one README advises
  // for batch imports: the importer's live set is ~60-80 MB, and without a cap V8 lets garbage pile up to ~3x that.
  rmSync(BENCH_DATA, { recursive: true, force: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, "bin/truceline.js"), "incidents", "import", csv, "--data", BENCH_DATA], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  const hwm = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch { /* the process has just exited */ }
  };
  const poll = setInterval(hwm, 20);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearInterval(poll);
  const s = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 3) throw new Error(`truceline incidents import exited with ${code}`);
  const sum = JSON.parse(out) as ImportSummary;

  const driverRowsPerS = driverFloor(join(BENCH_DATA, "truceline.sqlite"), join(work, "floor.sqlite"));

  // The start-up integrity check reads every audited row: time a full restart on the imported data (BENCH_RESTART=1; it adds ~15 s).
  let startS: number | null = null;
  if (process.env.BENCH_RESTART === "1") {
    const config = loadConfig({}, {}, { dataDir: BENCH_DATA, logLevel: "silent", checkpointSeconds: 0 });
    const c0 = performance.now();
    const rt2 = await createRuntime(config);
    startS = Math.round(((performance.now() - c0) / 1000) * 10) / 10;
    await rt2.close();
  }

  rmSync(work, { recursive: true, force: true });
  const rows = sum.imported + sum.updated + sum.unchanged + sum.errors.length + (sum.errors_truncated ?? 0);
  console.log(JSON.stringify({
    rows,
    rows_per_s: Math.round(rows / s),
    raw_rows_per_s: Math.round(rows / rawS),
    ratio_vs_raw: Math.round((rawS / s) * 1000) / 1000,
    driver_floor_rows_per_s: driverRowsPerS,
    driver_floor_ratio_vs_raw: Math.round((driverRowsPerS / (rows / rawS)) * 1000) / 1000,
    peak_rss_mb: Math.round(peak / 1048576),
    imported: sum.imported,
    errors: sum.errors.length + (sum.errors_truncated ?? 0),
    bad_rows_generated: bad,
    csv_mb: Math.round(bytes / 1048576),
    import_s: Math.round(s * 10) / 10,
    raw_s: Math.round(rawS * 10) / 10,
    generate_csv_s: Math.round(genS * 10) / 10,
    bench_s: Math.round(performance.now() / 100) / 10,
    heap_cap_mb: HEAP_MB,
    restart_with_integrity_check_s: startS,
    data: existsSync(BENCH_DATA) ? BENCH_DATA : null,
  }));
}

/**
 * The ceiling of any importer written on this driver: the imported rows, already built, written through one
 * better-sqlite3 prepared statement into a table of the same columns with no key, index, trigger, check or
 * audit, 10,000 rows a transaction. Sampled (rate does not depend on table size without indexes).
 */
function driverFloor(imported: string, scratch: string, sample = 200_000): number {
  const src = new Database(imported, { readonly: true });
  const dst = new Database(scratch);
  dst.pragma("journal_mode = WAL");
  dst.pragma("synchronous = NORMAL");
  dst.exec(`create table bare (${INCIDENT_COLUMNS.join(", ")})`);
  const insert = dst.prepare(`insert into bare values (${INCIDENT_COLUMNS.map(() => "?").join(", ")})`);
  const read = src.prepare(`select rowid, ${INCIDENT_COLUMNS.join(", ")} from incidents where rowid > ? order by rowid limit 10000`).raw();
  const write = dst.transaction((rows: unknown[][]) => { for (const r of rows) insert.run(r); });
  let ms = 0, n = 0, after = 0;
  while (n < sample) {
    const got = read.all(after) as unknown[][];
    if (!got.length) break;
    after = got[got.length - 1]![0] as number;
    const rows = got.map((r) => r.slice(1));
    const t = performance.now();
    write(rows);
    ms += performance.now() - t;
    n += rows.length;
  }
  src.close();
  dst.close();
  return Math.round(n / (ms / 1000));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
