// The rewritten list queries (actor as a merge of two index-ordered pages,
// keyset cursor as a row-value comparison, visibility as IN-list plus a
// residual check) must return exactly what the plain definition says: every
// visible, unmerged row matching the filter, newest first, page after page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eachDialect } from "../../../../test/helpers/dialects.ts";
import { startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { ACTORS, writeAcledCsv } from "../../../../bench/incident-data.ts";
import { canSee, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { systemActor } from "../../platform/audit/audit.service.ts";
import { AcledImporter } from "./acled-import.ts";
import type { Cursor, GroupKey, IncidentFilter, IncidentRow } from "./incident.repository.ts";

const viewers: Viewer[] = [
  { userId: "a", party: "ISR", partyKind: "party", groups: [], role: "analyst" },
  { userId: "b", party: "SYR", partyKind: "party", groups: [], role: "analyst" },
  { userId: "c", party: "USA", partyKind: "mediator", groups: [], role: "analyst" },
  { userId: "d", party: null, partyKind: null, groups: [], role: "analyst" },
];

eachDialect("incident list queries against their plain definition", (dialect) => {
  let t: TestApp;
  let dir: string;
  let all: IncidentRow[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "truceline-q-"));
    await writeAcledCsv(join(dir, "a.csv"), 600, 11);
    t = await startTestApp(dialect);
    await new AcledImporter(t.ctx.incidents).import(systemActor, createReadStream(join(dir, "a.csv")), { distribution: "shared" });
    // Spread the rows over every kind of distribution and owner, and merge a few (test data, written directly).
    const rows = await t.ctx.db.selectFrom("incidents").select(["id"]).orderBy("id").execute();
    const kinds: Array<[string, string | null]> = [["shared", null], ["party:ISR", "ISR"], ["party:SYR", "SYR"], ["mediator", "ISR"], ["mediator", "SYR"], ["public", null]];
    for (let i = 0; i < rows.length; i++) {
      const [distribution, owner_party] = kinds[i % kinds.length]!;
      await t.ctx.db.updateTable("incidents").set({ distribution, owner_party, ...(i % 37 === 5 ? { merged_into: rows[0]!.id } : {}) }).where("id", "=", rows[i]!.id).execute();
    }
    // Some rows name the same actor on both sides: they must appear once.
    await t.ctx.db.updateTable("incidents").set({ actor2: "Hezbollah" }).where("actor1", "=", "Hezbollah").where("event_date", ">", "2024-01-01").execute();
    all = await t.ctx.db.selectFrom("incidents").selectAll().execute();
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expected = (v: Viewer, keep: (r: IncidentRow) => boolean) =>
    all.filter((r) => r.merged_into === null && canSee(v, r.distribution as Distribution, r.owner_party) && keep(r))
      .sort((a, b) => (a.event_date === b.event_date ? (a.id < b.id ? 1 : -1) : a.event_date < b.event_date ? 1 : -1))
      .map((r) => r.id);

  async function walk(v: Viewer, f: IncidentFilter, limit: number): Promise<string[]> {
    const out: string[] = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 1000; i++) {
      const rows: IncidentRow[] = await t.ctx.incidents.list(v, f, cursor, limit);
      out.push(...rows.map((r) => r.id));
      if (rows.length < limit) break;
      const l = rows[rows.length - 1]!;
      cursor = { event_date: l.event_date, id: l.id };
    }
    return out;
  }

  test("by actor: every visible row naming the actor on either side, once, newest first, across pages", async () => {
    for (const v of viewers) {
      for (const actor of ["Hezbollah", ACTORS[0]!, ACTORS[9]!, "Nobody at all"]) {
        const want = expected(v, (r) => r.actor1 === actor || r.actor2 === actor);
        assert.deepEqual(await walk(v, { actor }, 7), want, `${v.party ?? "none"} ${actor}`);
        assert.deepEqual(await walk(v, { actor, event_type: "Battles", from: "2020-01-01" }, 5), expected(v, (r) => (r.actor1 === actor || r.actor2 === actor) && r.event_type === "Battles" && r.event_date >= "2020-01-01"));
      }
    }
  });

  test("type and date filters page by the row-value cursor without gaps or repeats", async () => {
    for (const v of viewers) {
      assert.deepEqual(await walk(v, { event_type: "Battles", from: "2019-06-01" }, 9), expected(v, (r) => r.event_type === "Battles" && r.event_date >= "2019-06-01"));
      assert.deepEqual(await walk(v, {}, 50), expected(v, () => true));
    }
  });

  test("counts agree with the rows each viewer may see", async () => {
    for (const v of viewers) {
      assert.equal(await t.ctx.incidents.count(v, { sub_event_type: "Air/drone strike", from: "2018-01-01" }), expected(v, (r) => r.sub_event_type === "Air/drone strike" && r.event_date >= "2018-01-01").length);
      const byZone = await t.ctx.incidents.countBy(v, { from: "2017-01-01" }, ["zone", "week"]);
      assert.equal(byZone.reduce((s, r) => s + Number(r.n), 0), expected(v, (r) => r.event_date >= "2017-01-01").length);
      // Bounds on days that are not Mondays and that the viewer has rows on: the implied week bounds must not drop or add edge days.
      const byId = new Map(all.map((r) => [r.id, r]));
      const seen = expected(v, () => true).map((id) => byId.get(id)!.event_date).filter((d) => new Date(d).getUTCDay() !== 1);
      const from = seen[Math.floor(seen.length * 0.7)]!, to = seen[Math.floor(seen.length * 0.2)]!;
      for (const keys of [["zone", "week"], ["admin1", "week"], ["week"]] as const) {
        const got = await t.ctx.incidents.countBy(v, { from, to }, keys);
        const want = new Map<string, number>();
        for (const id of expected(v, (r) => r.event_date >= from && r.event_date <= to)) {
          const r = byId.get(id)!;
          const k = keys.map((x) => (x === "zone" ? r.zone : x === "admin1" ? r.pack_admin1 : r.week)).join("|");
          want.set(k, (want.get(k) ?? 0) + 1);
        }
        assert.deepEqual(new Map(got.map((g) => [keys.map((x) => g[x]).join("|"), Number(g.n)])), want, keys.join(","));
      }
    }
  });

  test("counts from the weekly cells equal counts of the rows, for any bounds, filters and keys", async () => {
    const byId = new Map(all.map((r) => [r.id, r]));
    const keyOf: Record<string, (r: IncidentRow) => string | null> = {
      zone: (r) => r.zone, admin1: (r) => r.pack_admin1, event_type: (r) => r.event_type, sub_event_type: (r) => r.sub_event_type,
      verification: (r) => r.verification, party: (r) => r.owner_party, week: (r) => r.week,
    };
    const dates = [...new Set(all.map((r) => r.event_date))].sort();
    // Bounds on Mondays, Sundays, mid-week days, inside one week, and open.
    const pick = (i: number) => dates[Math.floor(dates.length * i)]!;
    const bounds: Array<[string | undefined, string | undefined]> = [
      [undefined, undefined], [pick(0.3), undefined], [undefined, pick(0.6)], [pick(0.2), pick(0.8)],
      ["2019-07-01", "2021-03-07"], ["2019-07-03", "2019-07-06"], ["2020-01-06", "2020-01-12"], ["2018-02-05", "2018-02-04"],
    ];
    const filters: Array<Partial<IncidentFilter>> = [{}, { zone: "aos" }, { event_type: "Battles" }, { sub_event_type: "Air/drone strike", verification: "reported" }, { admin1: "SY-QU" }];
    const keySets: GroupKey[][] = [[], ["week"], ["zone", "week"], ["admin1"], ["party", "event_type"], ["verification", "sub_event_type", "week"]];
    for (const v of viewers) {
      for (const [from, to] of bounds) {
        for (const extra of filters) {
          const f: IncidentFilter = { ...extra, ...(from ? { from } : {}), ...(to ? { to } : {}) };
          const rows = expected(v, (r) => (!from || r.event_date >= from) && (!to || r.event_date <= to) && (!extra.zone || r.zone === extra.zone) &&
            (!extra.event_type || r.event_type === extra.event_type) && (!extra.sub_event_type || r.sub_event_type === extra.sub_event_type) &&
            (!extra.verification || r.verification === extra.verification) && (!extra.admin1 || r.pack_admin1 === extra.admin1)).map((id) => byId.get(id)!);
          assert.equal(await t.ctx.incidents.count(v, f), rows.length, JSON.stringify(f));
          for (const keys of keySets) {
            const want = new Map<string, [number, number]>();
            for (const r of rows) {
              const k = JSON.stringify(keys.map((x) => keyOf[x]!(r)));
              const c = want.get(k) ?? [0, 0];
              want.set(k, [c[0] + 1, c[1] + r.fatalities]);
            }
            if (!keys.length && !want.size) want.set("[]", [0, 0]); // no keys: always the one total row
            const got = await t.ctx.incidents.countBy(v, f, keys);
            assert.deepEqual(new Map(got.map((g) => [JSON.stringify(keys.map((x) => g[x] ?? null)), [Number(g.n), Number(g.fatalities)]])), want, `${v.party} ${JSON.stringify(f)} by ${keys.join(",")}`);
          }
        }
      }
    }
  });
});
