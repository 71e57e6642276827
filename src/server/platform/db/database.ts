// Opens the database the configuration names (an SQLite file in the data
// folder, or PostgreSQL) and brings its schema up to date with the Migrator.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider, type Transaction } from "kysely";
import type { Database } from "./schema.ts";
import * as foundation from "./migrations/2026-11-28T0900_foundation.ts";
import * as realtimeJobs from "./migrations/2026-11-29T1000_realtime_jobs.ts";
import * as hotline from "./migrations/2026-11-29T1010_hotline.ts";
import * as talks from "./migrations/2026-11-29T1200_talks.ts";
import * as incidents from "./migrations/2026-11-29T1330_incidents.ts";
import * as indicators from "./migrations/2026-11-29T1400_indicators.ts";
import * as calmRollup from "./migrations/2026-11-29T1700_calm_rollup_weighted.ts";
import * as intake from "./migrations/2026-11-29T1800_intake.ts";
import * as incidentsPartialMerged from "./migrations/2026-11-29T1900_incidents_partial_merged.ts";
import * as meetingAttachments from "./migrations/2026-11-29T2000_meeting_attachments.ts";
import * as incidentsQueryIndexes from "./migrations/2026-11-29T2100_incidents_query_indexes.ts";
import * as incidentsWeekIndex from "./migrations/2026-11-29T2110_incidents_week_index.ts";
import * as incidentsFtsStemmed from "./migrations/2026-11-30T0900_incidents_fts_stemmed.ts";
import * as incidentCountsWeekly from "./migrations/2026-11-30T0910_incident_counts_weekly.ts";
import * as incidentsFewerIndexes from "./migrations/2026-11-30T0920_incidents_fewer_indexes.ts";
import * as accessEpoch from "./migrations/2026-11-30T1000_access_epoch.ts";

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** Human description for logs, without credentials. */
  where: string;
  /** PostgreSQL schema in use (null on SQLite). */
  schema: string | null;
  /** PostgreSQL connection string (null on SQLite), for the migration lock. */
  url?: string | null;
  /**
   * SQLite: WAL checkpoints (copying the log into the database file, with its
   * fsyncs) from then on run on a worker thread of their own instead of
   * inside whichever commit crosses the threshold on the event loop. For
   * long-running servers; nothing to do on PostgreSQL.
   */
  checkpointInBackground(): void;
  close(): Promise<void>;
}

/**
 * Schema changes across processes take this lock: Kysely's migrator lists the
 * tables of every schema, which fails if another process drops a schema at
 * that moment (and two processes of one deployment should not migrate at once).
 */
export const DDL_LOCK_SQL = "SELECT pg_advisory_lock(hashtext('truceline_ddl'))";
export const DDL_UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext('truceline_ddl'))";

// Timestamped names: the Migrator runs them in this order, once each.
const migrations: Record<string, Migration> = {
  "2026-11-28T0900_foundation": foundation,
  "2026-11-29T1000_realtime_jobs": realtimeJobs,
  "2026-11-29T1010_hotline": hotline,
  "2026-11-29T1200_talks": talks,
  "2026-11-29T1330_incidents": incidents,
  "2026-11-29T1400_indicators": indicators,
  "2026-11-29T1700_calm_rollup_weighted": calmRollup,
  "2026-11-29T1800_intake": intake,
  "2026-11-29T1900_incidents_partial_merged": incidentsPartialMerged,
  "2026-11-29T2000_meeting_attachments": meetingAttachments,
  "2026-11-29T2100_incidents_query_indexes": incidentsQueryIndexes,
  "2026-11-29T2110_incidents_week_index": incidentsWeekIndex,
  "2026-11-30T0900_incidents_fts_stemmed": incidentsFtsStemmed,
  "2026-11-30T0910_incident_counts_weekly": incidentCountsWeekly,
  "2026-11-30T0920_incidents_fewer_indexes": incidentsFewerIndexes,
  "2026-11-30T1000_access_epoch": accessEpoch,
};

/**
 * The better-sqlite3 connection behind an SQLite Kysely instance, for bulk
 * write paths that want prepared statements reused across a whole import
 * (Kysely prepares every query anew). It is the same single connection, so a
 * call made inside a Kysely transaction's callback runs inside that
 * transaction. Never use it outside one for writes. Null on PostgreSQL.
 */
const nativeSqlite = new WeakMap<object, SQLite.Database>();
export function sqliteConnection(db: Db): SQLite.Database | null {
  return nativeSqlite.get(db) ?? null;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

// COUNT(*) and BIGINT come back as strings from pg by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema; created when missing. */
  schema?: string | undefined;
  /** SQLite durability: "normal" survives any process crash or kill; "full" also a power cut, at one fsync per commit. */
  sqliteSync?: "normal" | "full" | undefined;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const schema = opts.schema ?? "public";
    const bootstrap = new pg.Client({ connectionString: opts.databaseUrl });
    await bootstrap.connect();
    try {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await bootstrap.end();
    }
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: `-c search_path="${schema}"` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(opts.databaseUrl);
    return { db, dialect: "postgres", where: `postgres://${u.host}${u.pathname} schema ${schema}`, schema, url: opts.databaseUrl, checkpointInBackground: () => undefined, close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = join(opts.dataDir, "truceline.sqlite");
  const sqlite = new SQLite(file);
  // WAL for concurrent readers. In WAL mode a committed transaction is in the
  // log before the call returns, so a crash or kill -9 of the process loses
  // nothing at "normal"; "full" adds an fsync per commit against power loss.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${opts.sqliteSync === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  nativeSqlite.set(db, sqlite);
  let checkpointer: WalCheckpointer | null = null;
  return {
    db,
    dialect: "sqlite",
    where: file,
    schema: null,
    checkpointInBackground: () => {
      if (checkpointer) return;
      checkpointer = startWalCheckpointer(file, opts.sqliteSync === "full" ? "FULL" : "NORMAL");
      // The connection's own checkpoints become a backstop for a stalled worker (64 MB of log).
      sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    },
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

const CHECKPOINT_EVERY_MS = 250;
const BACKSTOP_PAGES = 16_384;

interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * A worker thread with its own connection that runs a PASSIVE checkpoint
 * every 250 ms. PASSIVE never waits for or blocks the writer or readers; a
 * commit then appends to the log only. The log restarts from its start once
 * everything in it is in the database file at a writer's next commit — in a
 * lull; under a steady stream of commits each pass is overtaken, and the log
 * restarts at the backstop, whose checkpoint on the writer's connection then
 * copies only what the worker has not (at most 250 ms of commits) and syncs.
 * Durability is unchanged: a commit is in the log before it returns, and a
 * checkpoint syncs the log before copying it and the database file after.
 */
function startWalCheckpointer(file: string, synchronous: "NORMAL" | "FULL"): WalCheckpointer {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.module);
    const db = new Database(workerData.file, { fileMustExist: true });
    db.pragma("synchronous = " + workerData.synchronous);
    const run = () => {
      try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (e) { parentPort.postMessage(String(e && e.message || e)); }
    };
    const timer = setInterval(run, workerData.everyMs);
    parentPort.on("message", () => {
      clearInterval(timer);
      run();
      db.close();
      parentPort.close();
    });
  `;
  const worker = new Worker(source, { eval: true, workerData: { module: createRequire(import.meta.url).resolve("better-sqlite3"), file, synchronous, everyMs: CHECKPOINT_EVERY_MS } });
  worker.on("message", (m: string) => process.emitWarning(`WAL checkpoint: ${m}`));
  worker.on("error", (e) => process.emitWarning(`WAL checkpointer stopped: ${e.message}`));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    stop: async () => {
      // Unref'd while it runs (it must not hold a process open), but its exit is awaited here: with nothing
      // else pending the event loop would otherwise end before the exit arrives, and the await never returns.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}

export async function migrate(handle: DbHandle): Promise<string[]> {
  const run = async () => {
    // Name the schema: otherwise Kysely finds its bookkeeping tables in any schema of the database.
    // Unordered: a migration written alongside another may land after it in history; each still runs once.
    const migrator = new Migrator({ db: handle.db, provider, allowUnorderedMigrations: true, ...(handle.schema ? { migrationTableSchema: handle.schema } : {}) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  };
  if (handle.dialect !== "postgres" || !handle.url) return run();
  const lock = new pg.Client({ connectionString: handle.url });
  await lock.connect();
  try {
    await lock.query(DDL_LOCK_SQL);
    return await run();
  } finally {
    await lock.query(DDL_UNLOCK_SQL).catch(() => undefined);
    await lock.end();
  }
}

export async function openAndMigrate(opts: OpenOptions): Promise<DbHandle> {
  const h = await openDatabase(opts);
  try {
    await migrate(h);
  } catch (e) {
    await h.close();
    throw e;
  }
  return h;
}

/**
 * Serialise writers of a shared sequence (the audit chain) across processes.
 * SQLite already serialises write transactions; PostgreSQL needs a lock held
 * until the transaction ends.
 */
export async function lockSequence(tx: Tx, dialect: Dialect, name: string): Promise<void> {
  if (dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(tx);
}
