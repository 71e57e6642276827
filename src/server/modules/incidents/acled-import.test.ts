// The ACLED importer on a real database: both column sets, idempotency,
// updates, deletions, bad rows by line, and the audit chain still verifying.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../../../../test/helpers/dialects.ts";
import { startTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { ACLED_2023_COLUMNS, ACLED_PRE2023_COLUMNS } from "../../../core/incidents/acled.ts";
import { csvLine } from "../../../core/incidents/csv.ts";
import { systemActor } from "../../platform/audit/audit.service.ts";
import { createRuntime } from "../../bootstrap.ts";
import { AcledImporter } from "./acled-import.ts";

const row = (over: Record<string, string | number> = {}): Record<string, string | number> => ({
  event_id_cnty: "SYR1", event_date: "2025-05-16", year: 2025, time_precision: 1, disorder_type: "Political violence",
  event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", actor1: "Military Forces of Israel (2022-)",
  assoc_actor_1: "", inter1: 8, actor2: "", assoc_actor_2: "", inter2: 0, interaction: 80, civilian_targeting: "", iso: 760,
  region: "Middle East", country: "Syria", admin1: "Quneitra", admin2: "Quneitra", admin3: "Khan Arnaba", location: "Jubata al Khashab",
  latitude: 33.2261, longitude: 35.8178, geo_precision: 1, source: "SOHR", source_scale: "Other", notes: "Shelling near the village, \"heavy\"; no casualties.",
  fatalities: 0, tags: "", timestamp: 1747400000, ...over,
});
const csv = (cols: readonly string[], rows: Array<Record<string, string | number>>) => csvLine(cols) + rows.map((r) => csvLine(cols.map((c) => r[c] ?? ""))).join("");
async function* chunks(s: string, n = 37) {
  for (let i = 0; i < s.length; i += n) yield Buffer.from(s.slice(i, i + n));
}

eachDialect("ACLED import", (dialect) => {
  let t: TestApp;
  let imp: AcledImporter;
  before(async () => {
    t = await startTestApp(dialect);
    imp = new AcledImporter(t.ctx.incidents);
  });
  after(async () => t.close());

  test("imports good rows, reports each bad row by line, and is idempotent", async () => {
    const rows = [
      row(),
      row({ event_id_cnty: "SYR2", event_date: "17-05-2025", notes: "line one\nline two" }),
      row({ event_id_cnty: "SYR3", event_date: "31-02-2025" }),
      row({ event_id_cnty: "SYR4", event_date: "18 May 2025", latitude: 95 }),
      row({ event_id_cnty: "SYR5", event_type: "Skirmish" }),
      row({ event_id_cnty: "SYR6", event_date: "19 May 2025", latitude: 32.71, longitude: 36.56, admin1: "As-Sweida" }),
    ];
    const text = csv(ACLED_2023_COLUMNS, rows);
    const s = await imp.import(systemActor, chunks(text), { distribution: "shared" });
    assert.equal(s.imported, 3);
    assert.equal(s.columns, "2023");
    // SYR2's notes span two physical lines, so the rows after it start one line later.
    assert.deepEqual(s.errors.map((e) => e.line), [5, 6, 7]);
    assert.match(s.errors[0]!.reason, /^event_date: .*not a real calendar date/);
    assert.match(s.errors[1]!.reason, /^latitude: 95 is out of range/);
    assert.match(s.errors[2]!.reason, /^event_type: unknown event type "Skirmish"/);
    const again = await imp.import(systemActor, chunks(text), { distribution: "shared" });
    assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, 3]);
    const stored = await t.ctx.db.selectFrom("incidents").selectAll().orderBy("event_id_cnty").execute();
    assert.equal(stored.length, 3);
    const first = stored[0]!;
    assert.equal(first.zone, "aos", "classified at write: the area of separation");
    const c = await t.ctx.incidents.getClassifier();
    assert.equal(first.pack_admin1, c.classifyPoint(35.8178 as never, 33.2261 as never).admin1);
    assert.ok(first.pack_admin1);
    assert.equal(stored[2]!.pack_admin1, "SY-SU", "Sweida");
    assert.equal(first.pack_id, "israel-syria-1974");
    assert.ok(JSON.parse(first.line_distances!).A >= 0);
    assert.equal(stored[1]!.notes, "line one\nline two");
  });

  test("a later row updates in place; pre-2023 files import too; deletions delete", async () => {
    const s = await imp.import(systemActor, chunks(csv(ACLED_2023_COLUMNS, [row({ fatalities: 2, notes: "Revised: two killed." })])), { distribution: "shared" });
    assert.deepEqual([s.imported, s.updated], [0, 1]);
    const r = await t.ctx.db.selectFrom("incidents").select(["fatalities", "notes"]).where("event_id_cnty", "=", "SYR1").executeTakeFirstOrThrow();
    assert.equal(r.fatalities, 2);
    const old = { ...row({ event_id_cnty: "SYR900", event_date: "03-01-2021", year: 2021 }), data_id: 9, event_id_no_cnty: 900, iso3: "SYR" };
    const s2 = await imp.import(systemActor, chunks(csv(ACLED_PRE2023_COLUMNS, [old])), { distribution: "shared" });
    assert.equal(s2.columns, "pre-2023");
    assert.equal(s2.imported, 1);
    const del = await imp.deletions(systemActor, chunks("event_id_cnty,deleted_timestamp\nSYR900,1750000000\nNOPE1,1750000000\n"), { imported: 0, updated: 0, unchanged: 0, deleted: 0, columns: null, errors: [] });
    assert.equal(del.deleted, 1);
    assert.equal((await t.ctx.db.selectFrom("incidents").select("id").where("event_id_cnty", "=", "SYR900").execute()).length, 0);
  });

  test("a bad header stops before anything is written", async () => {
    const before = (await t.ctx.db.selectFrom("incidents").select("id").execute()).length;
    const s = await imp.import(systemActor, chunks(csv([...ACLED_2023_COLUMNS, "colour"], [row({ event_id_cnty: "SYR77" })])), { distribution: "shared" });
    assert.equal(s.errors[0]!.line, 1);
    assert.match(s.errors[0]!.reason, /unknown column: colour/);
    const miss = await imp.import(systemActor, chunks(csv(ACLED_2023_COLUMNS.filter((c) => c !== "latitude"), [row({ event_id_cnty: "SYR78" })])), { distribution: "shared" });
    assert.match(miss.errors[0]!.reason, /missing column.*latitude/);
    assert.equal((await t.ctx.db.selectFrom("incidents").select("id").execute()).length, before);
  });

  test("the audit chain vouches for imported rows: it verifies, and a row edited behind the server's back is caught", async () => {
    const ok = await t.ctx.audit.integrityCheck(t.ctx.db);
    assert.deepEqual(ok.problems, []);
    await t.ctx.db.updateTable("incidents").set({ fatalities: 99 }).where("event_id_cnty", "=", "SYR2").execute();
    const bad = await t.ctx.audit.integrityCheck(t.ctx.db);
    assert.equal(bad.ok, false);
    assert.ok(bad.problems.some((p) => p.startsWith("incident_set ")), bad.problems.join("\n"));
    await t.ctx.db.updateTable("incidents").set({ fatalities: 0 }).where("event_id_cnty", "=", "SYR2").execute();
    assert.deepEqual((await t.ctx.audit.integrityCheck(t.ctx.db)).problems, []);
    await t.ctx.db.deleteFrom("incidents").where("event_id_cnty", "=", "SYR6").execute();
    assert.equal((await t.ctx.audit.integrityCheck(t.ctx.db)).ok, false, "a row deleted behind the server's back is caught");
  });
});

eachDialect("ACLED import: a failing batch leaves nothing of itself", (dialect) => {
  test("the batch that fails is rolled back whole; earlier batches stay", async () => {
    const t = await startTestApp(dialect);
    try {
      const imp = new AcledImporter(t.ctx.incidents);
      const rows = Array.from({ length: 7 }, (_, i) => row({ event_id_cnty: `B${i}` }));
      // An event id over the column's patience: make the 6th row's insert fail inside the second batch.
      const svc = t.ctx.incidents;
      const orig = svc.writeRows.bind(svc);
      let calls = 0;
      svc.writeRows = async (tx, actor, action, w) => {
        calls++;
        await orig(tx, actor, action, w);
        if (calls === 2) throw new Error("simulated crash after the writes, before commit");
      };
      await assert.rejects(imp.import(systemActor, chunks(csv(ACLED_2023_COLUMNS, rows)), { distribution: "shared", batchSize: 4 }), /simulated crash/);
      svc.writeRows = orig;
      const ids = (await t.ctx.db.selectFrom("incidents").select("event_id_cnty").orderBy("event_id_cnty").execute()).map((r) => r.event_id_cnty);
      assert.deepEqual(ids, ["B0", "B1", "B2", "B3"]);
      assert.deepEqual((await t.ctx.audit.integrityCheck(t.ctx.db)).problems, []);
      // The server restarts cleanly on the same data.
      await t.runtime.close();
      const rt = await createRuntime(t.config);
      await rt.close();
      t.runtime.close = async () => undefined;
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});

eachDialect("reclassification after a pack change", (dialect) => {
  test("rows classified under another pack version are reclassified, audited, and the chain still matches", async () => {
    const t = await startTestApp(dialect);
    try {
      const imp = new AcledImporter(t.ctx.incidents);
      await imp.import(systemActor, chunks(csv(ACLED_2023_COLUMNS, [row({ event_id_cnty: "R1" }), row({ event_id_cnty: "R2" })])), { distribution: "shared" });
      // Pretend R1 was classified by an older pack: done through the service so the chain records it.
      const r1 = (await t.ctx.db.selectFrom("incidents").selectAll().where("event_id_cnty", "=", "R1").executeTakeFirstOrThrow());
      await t.ctx.db.transaction().execute((tx) => t.ctx.incidents.writeRows(tx, systemActor, "incident.reclassify", { replaces: [{ ...r1, zone: "old-zone", pack_version: "0.0.1" }] }));
      const r = await t.ctx.incidents.reclassifyStale(systemActor);
      assert.deepEqual([r.checked, r.changed], [1, 1]);
      const now = await t.ctx.db.selectFrom("incidents").select(["zone", "pack_version"]).where("event_id_cnty", "=", "R1").executeTakeFirstOrThrow();
      assert.equal(now.zone, "aos");
      assert.equal(now.pack_version, (await t.ctx.incidents.getClassifier()).pack.meta.version);
      assert.deepEqual((await t.ctx.incidents.reclassifyStale(systemActor)).changed, 0);
      assert.deepEqual((await t.ctx.audit.integrityCheck(t.ctx.db)).problems, []);
    } finally {
      await t.close();
    }
  });
});
