// Stored timers. `schedule(tx, …)` writes a job in the caller's transaction;
// every server process polls for due jobs and runs each one inside a
// transaction that also marks it done, so its effects and its completion
// commit together: a crash mid-job leaves it pending, and a job never runs to
// completion twice. On PostgreSQL processes claim with FOR UPDATE SKIP LOCKED
// and never wait on one another; SQLite serialises writers itself.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db, DbOrTx, Dialect, Tx } from "../db/database.ts";
import { newId } from "../ids.ts";
import type { Statements } from "../db/statements.ts";

export interface Job<T = unknown> {
  id: string;
  kind: string;
  key: string | null;
  dueAt: string;
  payload: T;
  attempts: number;
}

/** Runs in the transaction that marks the job done; throw to retry later with backoff. */
export type JobHandler = (tx: Tx, job: Job) => Promise<void>;

export interface ScheduleInput {
  kind: string;
  dueAt: Date | string;
  payload: unknown;
  /** Idempotent scheduling: a second job with the same key is ignored. */
  key?: string | undefined;
}

export interface JobsOptions {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  /** How often a process looks for due jobs; 250 ms keeps every timer within 1 s of its time. */
  pollMs?: number;
  maxAttempts?: number;
}

export class JobService {
  readonly processId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private readonly handlers = new Map<string, JobHandler>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private started: Promise<void> | null = null;

  constructor(private readonly d: JobsOptions) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async schedule(db: DbOrTx, input: ScheduleInput): Promise<void> {
    const dueAt = typeof input.dueAt === "string" ? input.dueAt : input.dueAt.toISOString();
    await db
      .insertInto("jobs")
      .values({ id: newId("job"), kind: input.kind, key: input.key ?? null, due_at: dueAt, payload: JSON.stringify(input.payload ?? null), status: "pending", attempts: 0, last_error: null, created_at: this.d.clock.now().toISOString(), done_at: null, done_by: null })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
  }

  /** Several jobs in one statement inside the caller's transaction (`st`); same rules as `schedule`. */
  async scheduleWith(st: Statements, inputs: readonly ScheduleInput[]): Promise<void> {
    if (!inputs.length) return;
    const created = this.d.clock.now().toISOString();
    const params = inputs.flatMap((i) => [newId("job"), i.kind, i.key ?? null, typeof i.dueAt === "string" ? i.dueAt : i.dueAt.toISOString(), JSON.stringify(i.payload ?? null), created]);
    await st.run(`insert into jobs (id, kind, key, due_at, payload, status, attempts, last_error, created_at, done_at, done_by) values ${inputs.map(() => "(?, ?, ?, ?, ?, 'pending', 0, null, ?, null, null)").join(", ")} on conflict (key) do nothing`, params);
  }

  /** Drop pending jobs whose key starts with `prefix` (e.g. a met deadline's escalations). */
  async cancel(db: DbOrTx, keyPrefix: string): Promise<void> {
    await db.deleteFrom("jobs").where("status", "=", "pending").where("key", "like", `${keyPrefix.replace(/[\\%_]/g, (c) => "\\" + c)}%`).execute();
  }

  /** Runs every job due by the clock's now; serialised within the process. Returns how many ran. */
  runDue(limit = 10_000): Promise<number> {
    const run = this.chain.then(async () => {
      let n = 0;
      while (n < limit) {
        const r = await this.runOne();
        if (r === "none") break;
        n++;
      }
      return n;
    });
    this.chain = run.catch(() => 0);
    return run;
  }

  /** Starts polling; resolves after a first pass, so jobs that fell due while the server was down fire at once. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.runDue().catch((err: unknown) => process.emitWarning(`jobs: ${(err as Error).message}`));
      this.timer = setInterval(() => {
        this.runDue().catch((err: unknown) => process.emitWarning(`jobs: ${(err as Error).message}`));
      }, this.d.pollMs ?? 250);
      this.timer.unref();
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
    this.started = null;
  }

  private async runOne(): Promise<"none" | "ran" | "failed"> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return "none";
    const now = this.d.clock.now().toISOString();
    // Cheap look first, so an idle poll opens no transaction.
    const due = await this.d.db.selectFrom("jobs").select("id").where("status", "=", "pending").where("due_at", "<=", now).where("kind", "in", kinds).limit(1).executeTakeFirst();
    if (!due) return "none";
    let picked: { id: string; attempts: number } | null = null;
    try {
      const ran = await this.d.db.transaction().execute(async (tx) => {
        let q = tx.selectFrom("jobs").selectAll().where("status", "=", "pending").where("due_at", "<=", now).where("kind", "in", kinds).orderBy("due_at").orderBy("id").limit(1);
        if (this.d.dialect === "postgres") q = q.forUpdate().skipLocked();
        const job = await q.executeTakeFirst();
        if (!job) return false;
        // The claim is the transaction's first write: on SQLite a second process
        // racing for the same row fails here or finds it no longer pending.
        const claimed = await tx.updateTable("jobs").set({ status: "done", done_at: now, done_by: this.processId }).where("id", "=", job.id).where("status", "=", "pending").executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return false;
        picked = { id: job.id, attempts: job.attempts };
        await this.handlers.get(job.kind)!(tx, { id: job.id, kind: job.kind, key: job.key, dueAt: job.due_at, payload: JSON.parse(job.payload) as unknown, attempts: job.attempts });
        return true;
      });
      return ran ? "ran" : "none";
    } catch (err) {
      const p = picked as { id: string; attempts: number } | null;
      if (!p) throw err;
      const attempts = p.attempts + 1;
      const backoffMs = Math.min(300_000, 1000 * 2 ** attempts);
      await this.d.db
        .updateTable("jobs")
        .set({ attempts, last_error: String((err as Error).message ?? err).slice(0, 1000), due_at: new Date(Date.parse(now) + backoffMs).toISOString(), status: attempts >= (this.d.maxAttempts ?? 8) ? "failed" : "pending" })
        .where("id", "=", p.id)
        .where("status", "=", "pending")
        .execute();
      return "failed";
    }
  }
}
