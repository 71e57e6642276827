// bench:indicators — the calm index for every zone and every governorate over
// 52 weeks, on 1,000,000 incidents in SQLite, as a party user. Reference, in
// the same run: the same figures from a GROUP BY over the incidents table
// itself (what the roll-up saves). Prints one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { loadConfig } from "../src/server/config.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import { loadViewer } from "../src/server/platform/access.ts";
import { systemActor } from "../src/server/platform/audit/audit.service.ts";
import { addWeeks } from "../src/core/indicators/weeks.ts";
import { aggregateCells, computeCalmIndex, type WeeklyCell } from "../src/core/indicators/calm-index.ts";
import { visibleTo } from "../src/server/platform/access.ts";
import { categorySql } from "../src/server/platform/db/migrations/2026-11-29T1400_indicators.ts";

const N = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "tl-bench-ind-"));
const started = Date.now();
try {
  const config = loadConfig({}, {}, { dataDir: dir, logLevel: "silent", kdfLogN: 10 });
  let rt = await createRuntime(config);
  for (const [id, kind] of [["ISR", "party"], ["SYR", "party"], ["USA", "mediator"], ["UNDOF", "observer"]] as const) await rt.ctx.accounts.addParty(systemActor, { id, name: id, kind });
  await rt.ctx.db.insertInto("incident_sets").values({ id: "set_bench", action: "bench", distribution: "shared", owner_party: null, created_at: "2025-01-01T00:00:00Z" }).execute();
  const zones = [...(await rt.ctx.indicators.knownAreas("zone"))];
  const admins = await rt.ctx.indicators.knownAreas("admin1");
  await rt.close();

  // Bulk load straight into SQLite: the roll-up triggers run for every row, as they would for an import.
  const raw = new SQLite(join(dir, "truceline.sqlite"));
  // Preparation only, not what is measured: no fsync, a large page cache.
  raw.pragma("synchronous = OFF");
  raw.pragma("cache_size = -262144");
  // Generated inside SQLite (a recursive CTE) so the load is quick; the roll-up triggers run for every row as for an import.
  const last = "2025-12-29";
  const first = addWeeks(last, -51);
  const pick = (list: readonly string[], salt: number) => `(CASE ((i * ${salt} + ${salt % 97}) % ${list.length}) ${list.map((v, k) => `WHEN ${k} THEN '${v}'`).join(" ")} END)`;
  const types = ["Explosions/Remote violence|Air/drone strike", "Explosions/Remote violence|Shelling/artillery/missile attack", "Battles|Armed clash", "Strategic developments|Other", "Protests|Peaceful protest"];
  const t0 = Date.now();
  raw.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${N - 1}),
    g AS (SELECT i, date('${first}', '+' || ((i * 7919) % 364) || ' days') AS d, ${pick(types, 31)} AS ty, ${pick(["shared|", "party:ISR|ISR", "party:SYR|SYR", "mediator|SYR", "public|"], 17)} AS di FROM n)
    INSERT INTO incidents (id, event_date, week, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, civilian_targeting, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, error_radius_m, source, source_scale, notes, fatalities, tags, zone, pack_admin1, verification, distribution, owner_party, created_at, updated_at, audit_set)
    SELECT 'inc_' || i, d, date(d, '-' || ((CAST(strftime('%w', d) AS integer) + 6) % 7) || ' days'), 1, 'Political violence',
      substr(ty, 1, instr(ty, '|') - 1), substr(ty, instr(ty, '|') + 1), 'a', '', '', '', '', '', '', '', '', '', '', 33, 35.9, 1 + (i * 13) % 3, 0, '', '', '',
      (i * 11) % 3, CASE WHEN i % 20 = 0 THEN 'incursion' ELSE '' END, ${pick(zones, 7)}, ${pick(admins, 19)}, ${pick(["reported", "under_review", "corroborated", "verified", "disputed", "rejected"], 23)},
      substr(di, 1, instr(di, '|') - 1), nullif(substr(di, instr(di, '|') + 1), ''), '2025-01-01', '2025-01-01', 'set_bench'
    FROM g`);
  const loadMs = Date.now() - t0;
  raw.close();

  rt = await createRuntime(config, { skipIntegrityCheck: true });
  const viewer = await loadViewer(rt.ctx.db, { id: "bench", party_id: "SYR", role: "analyst" });
  const run = async () => {
    const a = performance.now();
    const z = await rt.ctx.indicators.calmIndex(viewer, { area_type: "zone", to: last, weeks: 52 });
    const g = await rt.ctx.indicators.calmIndex(viewer, { area_type: "admin1", to: last, weeks: 52 });
    return { ms: performance.now() - a, rows: z.rows.length + g.rows.length };
  };
  // The reference: the same cells from the incidents table directly.
  const naive = async () => {
    const a = performance.now();
    for (const [type, col] of [["zone", "zone"], ["admin1", "pack_admin1"]] as const) {
      const rows = await rt.ctx.db
        .selectFrom("incidents")
        .select([sql<string>`${sql.ref(col)}`.as("area"), "week", sql<string>`${sql.raw(categorySql("incidents"))}`.as("category"), "verification", "geo_precision", sql<number>`count(*)`.as("events"), sql<number>`sum(fatalities)`.as("fatalities")])
        .where("week", ">=", addWeeks(last, -52))
        .where("week", "<=", last)
        .where("merged_into", "is", null)
        .where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party"))
        .where(sql<boolean>`(${sql.raw(categorySql("incidents"))}) is not null`)
        .groupBy([sql.ref(col), "week", sql.raw(categorySql("incidents")), "verification", "geo_precision"])
        .execute();
      const cells = rows.map((r) => ({ area: r.area, week: r.week, category: r.category, verification: r.verification, precision: Math.max(1, Math.min(3, Number(r.geo_precision))), events: Number(r.events), fatalities: Number(r.fatalities) }) as WeeklyCell);
      computeCalmIndex(aggregateCells(cells), type === "zone" ? zones : admins, Array.from({ length: 53 }, (_, i) => addWeeks(last, i - 52)));
    }
    return performance.now() - a;
  };
  await run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 7; i++) {
    const r = await run();
    times.push(r.ms);
    rows = r.rows;
  }
  times.sort((x, y) => x - y);
  const naiveMs = await naive();
  const ms = times[3]!;
  console.log(JSON.stringify({
    incidents: N,
    ms: Math.round(ms * 10) / 10,
    p_max_ms: Math.round(times[6]! * 10) / 10,
    areas: zones.length + admins.length,
    weeks: 52,
    rows,
    reference: "GROUP BY over the incidents table, same viewer and weeks",
    reference_ms: Math.round(naiveMs),
    ratio_vs_reference: Math.round((naiveMs / ms) * 10) / 10,
    target_ms: 200,
    load_ms: loadMs,
    timing: "median of 7 runs after one warm-up",
    runtime_s: Math.round((Date.now() - started) / 1000),
  }));
  await rt.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
