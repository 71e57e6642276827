// Runs a suite on every database: SQLite always (a temp file), PostgreSQL when
// TEST_DATABASE_URL is set, each run in its own schema so runs never collide.
import { describe } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "../../src/server/config.ts";
import { DDL_LOCK_SQL, DDL_UNLOCK_SQL } from "../../src/server/platform/db/database.ts";

export type TestDialect = "sqlite" | "postgres";

export function dialects(): TestDialect[] {
  const only = process.env.TRUCELINE_TEST_DIALECTS;
  const out: TestDialect[] = [];
  if (!only || only.includes("sqlite")) out.push("sqlite");
  if (process.env.TEST_DATABASE_URL && (!only || only.includes("postgres"))) out.push("postgres");
  return out;
}

let counter = 0;

/** A fresh configuration on a fresh database of the given dialect, and a cleanup. */
export function testConfig(dialect: TestDialect, overrides: Partial<Config> = {}): { config: Config; cleanup: () => Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), "truceline-test-"));
  const schema = dialect === "postgres" ? `t_${process.pid}_${Date.now().toString(36)}_${counter++}` : undefined;
  const config = loadConfig(
    {},
    {},
    {
      dataDir,
      databaseUrl: dialect === "postgres" ? process.env.TEST_DATABASE_URL : undefined,
      databaseSchema: schema,
      kdfLogN: 10,
      logLevel: "silent",
      checkpointSeconds: 0,
      ...overrides,
    },
  );
  return {
    config,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await c.connect();
        // Under the DDL lock: a migration elsewhere lists every schema's tables and must not see one vanish.
        await c.query(DDL_LOCK_SQL);
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.query(DDL_UNLOCK_SQL);
        await c.end();
      }
    },
  };
}

/** describe() once per dialect, named after it. */
export function eachDialect(name: string, fn: (dialect: TestDialect) => void): void {
  for (const d of dialects()) describe(`${name} [${d}]`, () => fn(d));
}
