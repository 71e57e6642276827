// Tampering behind the server's back: each change to the audit table or to an
// audited record is caught by `truceline audit verify` on an export and by the
// server's own check at start, which names what is wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { eachDialect, testConfig, type TestDialect } from "../helpers/dialects.ts";
import { createRuntime, IntegrityError } from "../../src/server/bootstrap.ts";
import { main } from "../../src/cli/main.ts";
import type { Config } from "../../src/server/config.ts";
import { seedParties } from "../helpers/app.ts";
import { systemActor } from "../../src/server/platform/audit/audit.service.ts";
import type { Db } from "../../src/server/platform/db/database.ts";

function cliEnv(config: Config): NodeJS.ProcessEnv {
  return { TRUCELINE_DATA: config.dataDir, ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, TRUCELINE_DB_SCHEMA: config.databaseSchema } : {}), TRUCELINE_KDF_LOG_N: "10" };
}

async function cli(config: Config, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: cliEnv(config), cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A deployment with some history: parties, users, notes, and a signed checkpoint. */
async function deployment(dialect: TestDialect) {
  const { config, cleanup } = testConfig(dialect);
  const rt = await createRuntime(config);
  await seedParties(rt.ctx);
  const u = await rt.ctx.accounts.addUser(systemActor, { username: "isr.analyst", party: "ISR", role: "analyst", password: "long enough password" });
  const v = await rt.ctx.accounts.viewerOf(rt.ctx.db, u.id);
  for (let i = 0; i < 4; i++) await rt.ctx.notes.create(v, { title: `note ${i}`, body: "b", distribution: i % 2 ? "shared" : "party:ISR" });
  await rt.ctx.audit.checkpoint(rt.ctx.db);
  await rt.close();
  return { config, cleanup };
}

async function tamper(config: Config, fn: (db: Db) => Promise<void>): Promise<void> {
  const rt = await createRuntime(config, { skipIntegrityCheck: true });
  await fn(rt.ctx.db);
  await rt.close();
}

async function expectStartRefused(config: Config, pattern: RegExp): Promise<void> {
  const startProblems = await createRuntime(config).then(
    async (rt) => {
      await rt.close();
      return null;
    },
    (e: unknown) => e,
  );
  assert.ok(startProblems instanceof IntegrityError, "the server refuses to start");
  assert.match((startProblems).message, pattern);
}

eachDialect("audit tamper detection", (dialect) => {
  test("an untouched deployment verifies, for the operator and for each party", async () => {
    const { config, cleanup } = await deployment(dialect);
    const file = join(config.dataDir, "full.json");
    assert.equal((await cli(config, ["audit", "export", "--out", file])).code, 0);
    const ok = await cli(config, ["audit", "verify", file]);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).ok, true);
    const syrFile = join(config.dataDir, "syr.json");
    assert.equal((await cli(config, ["audit", "export", "--party", "SYR", "--out", syrFile])).code, 0);
    const syr = JSON.parse(readFileSync(syrFile, "utf8"));
    assert.ok(syr.entries.some((e: { hidden?: boolean }) => e.hidden), "ISR-only entries are placeholders for SYR");
    assert.ok(!readFileSync(syrFile, "utf8").includes("party:ISR"), "no hidden content leaks");
    const keyFile = join(config.dataDir, "pub.pem");
    writeFileSync(keyFile, JSON.parse((await cli(config, ["keys", "show"])).out).public_key);
    const v = await cli(config, ["audit", "verify", syrFile, "--public-key", keyFile]);
    assert.equal(v.code, 0, v.err);
    // A party that edits its own copy is caught too.
    const visible = syr.entries.find((e: { hidden?: boolean }) => !e.hidden);
    visible.action = "note.delete";
    writeFileSync(syrFile, JSON.stringify(syr));
    const bad = await cli(config, ["audit", "verify", syrFile, "--public-key", keyFile]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, new RegExp(`entry ${visible.seq} was altered`));
    await cleanup();
  });

  const cases: Array<[string, (db: Db) => Promise<void>, RegExp, RegExp]> = [
    ["edit", (db) => db.updateTable("audit_log").set({ action: "note.harmless" }).where("seq", "=", 6).execute().then(() => undefined), /entry 6 was altered/, /audit chain: entry 6 was altered/],
    ["delete", (db) => db.deleteFrom("audit_log").where("seq", "=", 5).execute().then(() => undefined), /entry 5 is missing/, /entry 5 is missing/],
    [
      "insert",
      async (db) => {
        const last = await db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
        await db.insertInto("audit_log").values({ ...last, seq: last.seq + 1, prev_hash: last.hash, action: "note.create", subject_id: "note_forged" }).execute();
      },
      /was altered|not covered/,
      /audit chain/,
    ],
    [
      "reorder",
      async (db) => {
        await db.updateTable("audit_log").set({ seq: -1 }).where("seq", "=", 3).execute();
        await db.updateTable("audit_log").set({ seq: 3 }).where("seq", "=", 4).execute();
        await db.updateTable("audit_log").set({ seq: 4 }).where("seq", "=", -1).execute();
      },
      /does not link|altered|out of order/,
      /audit chain/,
    ],
    ["truncate tail", (db) => sql`delete from audit_log where seq > 8`.execute(db).then(() => undefined), /truncated/, /truncated/],
    ["truncate all", (db) => sql`delete from audit_log`.execute(db).then(() => undefined), /truncated|missing/, /never recorded in the audit log/],
    ["edit a record", (db) => db.updateTable("notes").set({ title: "rewritten" }).where("title", "=", "note 1").execute().then(() => undefined), /$^/, /note note_\w+: its row in table notes differs/],
    [
      "insert a record",
      async (db) => {
        const n = await db.selectFrom("notes").selectAll().limit(1).executeTakeFirstOrThrow();
        await db.insertInto("notes").values({ ...n, id: "note_smuggled" }).execute();
      },
      /$^/,
      /note note_smuggled: present in table notes but never recorded/,
    ],
    ["delete a record", (db) => db.deleteFrom("notes").where("title", "=", "note 2").execute().then(() => undefined), /$^/, /missing from table notes \(deleted behind/],
  ];

  for (const [name, fn, verifyPattern, startPattern] of cases) {
    test(`${name} is detected`, async () => {
      const { config, cleanup } = await deployment(dialect);
      await tamper(config, fn);
      const file = join(config.dataDir, "export.json");
      assert.equal((await cli(config, ["audit", "export", "--out", file])).code, 0);
      const ver = await cli(config, ["audit", "verify", file]);
      if (verifyPattern.source !== "$^") {
        assert.equal(ver.code, 1, `verify must fail: ${ver.out}`);
        assert.match(ver.err, verifyPattern);
      }
      await expectStartRefused(config, startPattern);
      await cleanup();
    });
  }
});
