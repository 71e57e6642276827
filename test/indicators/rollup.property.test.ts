// Property: after any sequence of incident inserts, updates and deletes, the
// trigger-kept weighted roll-up equals the pure weighCell() summed over the
// incidents themselves (category rule and weights included) — on every database.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { eachDialect, testConfig } from "../helpers/dialects.ts";
import { createRuntime, type Runtime } from "../../src/server/bootstrap.ts";
import { categoryOf, weighCell, type AggregatedCell, type VerificationState } from "../../src/core/indicators/calm-index.ts";
import type { IncidentsTable } from "../../src/server/modules/incidents/incident.table.ts";

const types: Array<[string, string]> = [
  ["Explosions/Remote violence", "Air/drone strike"],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Battles", "Armed clash"],
  ["Strategic developments", "Other"],
  ["Strategic developments", "Headquarters or base established"],
  ["Protests", "Peaceful protest"],
];

const incident = fc.record({
  type: fc.nat(types.length - 1),
  tags: fc.constantFrom("", "incursion", "patrol"),
  plover: fc.constantFrom<[string | null, string | null]>([null, null], ["MOBILIZE", "troops"], ["ASSAULT", "aerial"]),
  week: fc.constantFrom("2025-05-05", "2025-05-12", "2025-05-19"),
  zone: fc.constantFrom<string | null>("east-0-10", "aos", null),
  admin1: fc.constantFrom<string | null>("SY-QU", "SY-DR", null),
  verification: fc.constantFrom("reported", "verified", "disputed", "rejected"),
  precision: fc.integer({ min: 1, max: 3 }),
  distribution: fc.constantFrom("shared", "party:ISR", "public", "mediator"),
  owner: fc.constantFrom<string | null>("ISR", "SYR", null),
  fatalities: fc.nat(5),
  merged: fc.boolean(),
});

eachDialect("incident weekly roll-up", (dialect) => {
  let rt: Runtime;
  let cleanup: () => Promise<void>;
  let n = 0;
  before(async () => {
    const c = testConfig(dialect);
    cleanup = c.cleanup;
    rt = await createRuntime(c.config);
    await rt.ctx.db.insertInto("incident_sets").values({ id: "set_test", action: "test", distribution: "shared", owner_party: null, created_at: "2025-01-01T00:00:00Z" }).execute();
  });
  after(async () => {
    await rt.close();
    await cleanup();
  });

  function toPlain(x: { type: number; tags: string; plover: [string | null, string | null]; week: string; zone: string | null; admin1: string | null; verification: string; precision: number; distribution: string; owner: string | null; fatalities: number; merged: boolean }, id: string): IncidentsTable {
    const [event_type, sub_event_type] = types[x.type]!;
    return {
      id, event_id_cnty: null, event_date: x.week, week: x.week, time_precision: 1, disorder_type: "", event_type, sub_event_type,
      actor1: "a", assoc_actor_1: "", inter1: null, actor2: "", assoc_actor_2: "", inter2: null, interaction: null, civilian_targeting: "", iso: null,
      region: "", country: "", admin1: "", admin2: "", admin3: "", location: "", latitude: 33, longitude: 35.9, geo_precision: x.precision, error_radius_m: 0,
      source: "", source_distribution: null, source_scale: "", notes: "", fatalities: x.fatalities, tags: x.tags, acled_timestamp: null,
      plover_event: x.plover[0], plover_mode: x.plover[1], plover_context: null, zone: x.zone, line_distances: null, near_line: null, pack_admin1: x.admin1,
      pack_id: null, pack_version: null, verification: x.verification, merged_into: x.merged ? "inc_other" : null, distribution: x.distribution, owner_party: x.owner,
      created_by: null, created_at: "2025-01-01T00:00:00Z", updated_at: "2025-01-01T00:00:00Z", audit_set: "set_test",
    };
  }

  test("roll-up equals a recount after random writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(incident, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(11), incident), { maxLength: 6 }), fc.array(fc.nat(11), { maxLength: 3 }), async (inserts, updates, deletes) => {
        const db = rt.ctx.db;
        await db.deleteFrom("incidents").execute();
        const ids: string[] = [];
        for (const x of inserts) {
          const id = `inc_${n++}`;
          ids.push(id);
          await db.insertInto("incidents").values(toPlain(x, id)).execute();
        }
        for (const [i, x] of updates) {
          const id = ids[i % ids.length]!;
          const { id: _id, ...rest } = toPlain(x, id);
          await db.updateTable("incidents").set(rest).where("id", "=", id).execute();
        }
        for (const i of deletes) await db.deleteFrom("incidents").where("id", "=", ids[i % ids.length]!).execute();

        const all = await db.selectFrom("incidents").selectAll().execute();
        type Sums = Omit<AggregatedCell, "area" | "week" | "category">;
        const expected = new Map<string, Sums>();
        for (const r of all) {
          const cat = categoryOf({ event_type: r.event_type, sub_event_type: r.sub_event_type, tags: r.tags, plover: r.plover_event, plover_mode: r.plover_mode });
          if (cat === null || r.merged_into !== null) continue;
          const w = weighCell({ area: "", week: r.week, category: cat, verification: r.verification as VerificationState, precision: r.geo_precision as 1 | 2 | 3, events: 1, fatalities: r.fatalities });
          for (const [type, area] of [["zone", r.zone ?? "outside"], ["admin1", r.pack_admin1 ?? "none"]] as const) {
            const k = [type, area, r.week, cat, r.distribution, r.owner_party ?? ""].join("|");
            const v = expected.get(k) ?? { events: 0, fatalities: 0, w_events: 0, w_fatalities: 0, score: 0, score_low: 0, score_high: 0 };
            for (const f of Object.keys(v) as Array<keyof Sums>) v[f] += w[f];
            expected.set(k, v);
          }
        }
        const got = new Map<string, Sums>();
        for (const r of await db.selectFrom("calm_weekly").selectAll().execute()) {
          const v = { events: Number(r.events), fatalities: Number(r.fatalities), w_events: Number(r.w_events), w_fatalities: Number(r.w_fatalities), score: Number(r.score), score_low: Number(r.score_low), score_high: Number(r.score_high) };
          // Cells emptied by deletes stay behind with zeros; they count for nothing.
          if (v.events === 0 && Object.values(v).every((x) => Math.abs(x) < 1e-9)) continue;
          got.set([r.area_type, r.area, r.week, r.category, r.distribution, r.owner_party].join("|"), v);
        }
        assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
        for (const [k, v] of expected) {
          const g = got.get(k)!;
          for (const f of Object.keys(v) as Array<keyof Sums>) assert.ok(Math.abs(g[f] - v[f]) < 1e-6, `${k} ${f}: ${g[f]} vs ${v[f]}`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
