// Builds the AppContext from a validated configuration: opens and migrates the
// database, loads the deployment key, and refuses to go on when the audit chain
// or an audited table was tampered with — saying exactly what is wrong.
import { readFileSync } from "node:fs";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { AuditService } from "./platform/audit/audit.service.ts";
import { systemClock, type Clock } from "./platform/clock.ts";
import { loadOrCreateDeploymentKey } from "./platform/crypto/keys.ts";
import { openAndMigrate, type Db, type DbHandle } from "./platform/db/database.ts";
import { newId } from "./platform/ids.ts";
import { AccountService } from "./modules/accounts/account.service.ts";
import { NoteService } from "./modules/notes/note.service.ts";
import { JobService } from "./platform/jobs/jobs.service.ts";
import { RealtimeService } from "./platform/realtime/realtime.service.ts";
import { HotlineService } from "./modules/hotline/hotline.service.ts";
import { TalksService } from "./modules/talks/talks.service.ts";
import { IndicatorsService, criterionSources, hotlineFigures } from "./modules/indicators/indicators.service.ts";
import { ReportService } from "./modules/indicators/report.service.ts";
import { loadBundledPack, loadBundledClassifier } from "./modules/agreements/pack-files.ts";
import { IncidentService } from "./modules/incidents/incident.service.ts";
import { EvidenceStore } from "./modules/incidents/evidence.ts";
import { IntakeService, intakePack } from "./modules/intake/intake.service.ts";

export const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export class IntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing to start: the database does not match its audit log.\n${problems.map((p) => `  - ${p}`).join("\n")}\nRestore from a backup, or investigate with \`truceline audit verify\`.`);
  }
}

async function meta(db: Db, key: string, create: () => string): Promise<string> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  if (row) return row.value;
  await db.insertInto("meta").values({ key, value: create() }).onConflict((oc) => oc.column("key").doNothing()).execute();
  return (await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirstOrThrow()).value;
}

export interface Runtime {
  ctx: AppContext;
  handle: DbHandle;
  close(): Promise<void>;
}

export async function createRuntime(config: Config, opts: { clock?: Clock; skipIntegrityCheck?: boolean } = {}): Promise<Runtime> {
  const handle = await openAndMigrate({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema, sqliteSync: config.sqliteSync });
  try {
    const clock = opts.clock ?? systemClock;
    const key = loadOrCreateDeploymentKey(config.dataDir, config.keyFile);
    const deploymentId = await meta(handle.db, "deployment_id", () => newId("dep"));
    const recordedKey = await meta(handle.db, "deployment_key_id", () => key.keyId);
    if (recordedKey !== key.keyId) {
      throw new Error(`The deployment key (${key.keyId}) is not the one this database was signed with (${recordedKey}). Point TRUCELINE_DATA or TRUCELINE_KEY_FILE at the right key.`);
    }
    const audit = new AuditService(handle.dialect, key, deploymentId, clock);
    if (!opts.skipIntegrityCheck) {
      const check = await audit.integrityCheck(handle.db);
      if (!check.ok) throw new IntegrityError(check.problems);
    }
    const jobs = new JobService({ db: handle.db, dialect: handle.dialect, clock });
    const realtime = new RealtimeService({ db: handle.db, dialect: handle.dialect, clock, jobs, listen: config.databaseUrl && handle.schema ? { url: config.databaseUrl, schema: handle.schema } : undefined });
    const talks = new TalksService({ db: handle.db, audit, clock, realtime, jobs, files: new EvidenceStore(config.dataDir, config.evidenceMaxBytes), sources: criterionSources(handle.db), inspectionZones: async () => (await loadBundledPack(config.pack)).zones.map((z) => z.id) });
    const indicators = new IndicatorsService({
      db: handle.db,
      clock,
      publicDelayDays: config.publicDelayDays,
      areas: { zones: async () => (await loadBundledPack(config.pack)).zones.map((z) => z.id), admin1: async () => (await loadBundledPack(config.pack)).admin1.map((a) => ({ code: a.code, name: a.name_en })) },
    });
    const ctx: AppContext = {
      config,
      db: handle.db,
      dialect: handle.dialect,
      clock,
      key,
      deploymentId,
      version,
      audit,
      accounts: new AccountService({ db: handle.db, dialect: handle.dialect, audit, clock, kdfLogN: config.kdfLogN, sessionHours: config.sessionHours, loginMaxFailures: config.loginMaxFailures, lockoutMinutes: config.lockoutMinutes }),
      notes: new NoteService({ db: handle.db, audit, clock }),
      realtime,
      jobs,
      hotline: new HotlineService({ db: handle.db, dialect: handle.dialect, audit, clock, key, deploymentId, realtime, jobs, dataDir: config.dataDir, packId: config.pack }),
      talks,
      indicators,
      reports: new ReportService({
        db: handle.db, audit, clock, dataDir: config.dataDir, demo: config.demo, pack: () => loadBundledPack(config.pack), indicators, talks, jobs,
        hotlineFigures: (viewer, from, to) => hotlineFigures(handle.db, viewer, from, to, clock.now()),
        parties: async () => (await ctx.accounts.listParties()).map((p) => p.id),
        log: (err) => process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: "weekly report generation failed", err: String((err as Error).stack ?? err) })}\n`),
      }),
      incidents: new IncidentService({ db: handle.db, dialect: handle.dialect, audit, clock, dataDir: config.dataDir, evidenceMaxBytes: config.evidenceMaxBytes, classifier: () => loadBundledClassifier(config.pack) }),
      intake: new IntakeService({ db: handle.db, audit, clock, jobs, incidents: () => ctx.incidents, fetch: { allowPrivate: config.intakeAllowPrivate, maxBytes: config.intakeMaxBytes, timeoutMs: config.intakeTimeoutMs }, pack: () => intakePack(config.pack) }),
    };
    return { ctx, handle, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
