// Benchmark: ten typical incident queries as a party user on the incidents
// `npm run bench:import` left behind (or a fresh import when there are none).
// Each query runs through the service, visibility filter included; prints
// p50 and p99 per query in one JSON line.
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { loadConfig } from "../src/server/config.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import { systemActor } from "../src/server/platform/audit/audit.service.ts";
import { loadViewer } from "../src/server/platform/access.ts";
import { AcledImporter } from "../src/server/modules/incidents/acled-import.ts";
import type { Cursor, IncidentFilter } from "../src/server/modules/incidents/incident.repository.ts";
import { addDays } from "../src/core/incidents/dates.ts";
import { writeAcledCsv } from "./incident-data.ts";

const DATA = process.env.BENCH_DATA ?? join(tmpdir(), "truceline-bench-incidents");
const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const BUDGET_MS = 8000;

async function main() {
  const config = loadConfig({}, {}, { dataDir: DATA, logLevel: "silent", checkpointSeconds: 0 });
  let rt = await createRuntime(config);
  let total = Number((await rt.ctx.db.selectFrom("incidents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  if (total === 0) {
    await rt.close();
    rmSync(DATA, { recursive: true, force: true });
    rt = await createRuntime(config);
    const work = mkdtempSync(join(tmpdir(), "truceline-bench-query-"));
    await writeAcledCsv(join(work, "acled.csv"), N);
    await new AcledImporter(rt.ctx.incidents).import(systemActor, createReadStream(join(work, "acled.csv"), { highWaterMark: 1 << 20 }), { distribution: "shared" });
    rmSync(work, { recursive: true, force: true });
    total = Number((await rt.ctx.db.selectFrom("incidents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  }
  const ctx = rt.ctx;
  if (!(await ctx.accounts.listParties()).some((p) => p.id === "ISR")) await ctx.accounts.addParty(systemActor, { id: "ISR", name: "Israel", kind: "party" });
  const viewer = await loadViewer(ctx.db, { id: "bench", party_id: "ISR", role: "analyst" });
  const last = (await ctx.db.selectFrom("incidents").select(sql<string>`max(event_date)`.as("d")).executeTakeFirstOrThrow()).d;
  const svc = ctx.incidents;
  const list = (f: IncidentFilter, after: Cursor | null = null, limit = 50) => svc.list(viewer, f, after, limit);

  // Page 50 of a filtered list: walk to page 49 once, then time fetching page 50 from its cursor.
  const battles: IncidentFilter = { event_type: "Battles", from: addDays(last, -730) };
  let cursor: Cursor | null = null;
  for (let p = 1; p < 50; p++) {
    const rows = await list(battles, cursor);
    const l = rows[rows.length - 1]!;
    cursor = { event_date: l.event_date, id: l.id };
  }

  const queries: Record<string, () => Promise<unknown>> = {
    last_7_days_in_zone: () => list({ zone: "aos", from: addDays(last, -7) }),
    bbox_and_type: () => list({ bbox: [35.8, 33.1, 35.95, 33.25], event_type: "Explosions/Remote violence" }),
    by_actor: () => list({ actor: "Hezbollah" }),
    weekly_counts_per_zone_year: () => svc.countBy(viewer, { from: addDays(last, -365) }, ["zone", "week"]),
    free_text: () => list({ q: "Jasim drone" }),
    page_50_filtered: () => list(battles, cursor),
    counts_by_admin1_30_days: () => svc.countBy(viewer, { from: addDays(last, -30) }, ["admin1"]),
    verification_state_in_admin1: () => list({ verification: "reported", admin1: "SY-DR", from: addDays(last, -90) }),
    map_30_days_500: () => list({ from: addDays(last, -30) }, null, 500),
    count_subtype_year: () => svc.count(viewer, { sub_event_type: "Air/drone strike", from: addDays(last, -365) }),
  };

  const out: Record<string, { p50_ms: number; p99_ms: number; runs: number }> = {};
  for (const [name, q] of Object.entries(queries)) {
    for (let i = 0; i < 3; i++) await q();
    const times: number[] = [];
    const start = performance.now();
    while (times.length < RUNS && performance.now() - start < BUDGET_MS) {
      const t0 = performance.now();
      await q();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! * 100) / 100;
    out[name] = { p50_ms: pct(50), p99_ms: pct(99), runs: times.length };
  }
  await rt.close();
  const worst = Math.max(...Object.values(out).map((v) => v.p99_ms));
  console.log(JSON.stringify({ rows: total, dialect: ctx.dialect, viewer: "ISR analyst", worst_p99_ms: worst, queries: out, data: existsSync(DATA) ? DATA : null }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
