// Idempotency keys for every POST. A client that retries a submission with
// the same `Idempotency-Key` gets the first response back instead of a second
// record. Keys are scoped per user; the same key with a different request is
// refused, since one of the two would otherwise be silently dropped.
import { canonicalJson, sha256Hex } from "../../../core/audit/canonical.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";

export type IdempotencyBegin =
  | { state: "new"; key: string }
  | { state: "replay"; status: number; response: unknown }
  | { state: "mismatch" }
  | { state: "in_progress" };

/** Placeholder status of a key whose first request has not finished. */
const IN_PROGRESS = 0;
/** A placeholder older than this belongs to a request that died (crash): the next retry takes it over. */
const ABANDONED_MS = 30_000;
const KEEP_MS = 24 * 3600_000;

export const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export function requestHash(method: string, url: string, body: unknown): string {
  return sha256Hex(canonicalJson({ method, url, body: body ?? null }));
}

export class IdempotencyStore {
  private lastPurge = 0;
  constructor(private readonly d: { db: Db; clock: Clock }) {}

  async begin(userId: string, clientKey: string, hash: string): Promise<IdempotencyBegin> {
    const key = `${userId}:${clientKey}`;
    const now = this.d.clock.now();
    await this.purge(now);
    const inserted = await this.d.db
      .insertInto("idempotency_keys")
      .values({ key, request_hash: hash, status: IN_PROGRESS, response: "", created_at: now.toISOString() })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { state: "new", key };
    const row = await this.d.db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
    if (!row) return this.begin(userId, clientKey, hash);
    if (row.request_hash !== hash) return { state: "mismatch" };
    if (row.status !== IN_PROGRESS) return { state: "replay", status: row.status, response: JSON.parse(row.response) as unknown };
    if (now.getTime() - Date.parse(row.created_at) < ABANDONED_MS) return { state: "in_progress" };
    const taken = await this.d.db
      .updateTable("idempotency_keys")
      .set({ created_at: now.toISOString() })
      .where("key", "=", key)
      .where("status", "=", IN_PROGRESS)
      .where("created_at", "=", row.created_at)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? { state: "new", key } : { state: "in_progress" };
  }

  async finish(key: string, status: number, response: unknown): Promise<void> {
    await this.d.db.updateTable("idempotency_keys").set({ status, response: JSON.stringify(response ?? null) }).where("key", "=", key).execute();
  }

  /** The request failed: forget the key so a corrected retry may use it. */
  async abandon(key: string): Promise<void> {
    await this.d.db.deleteFrom("idempotency_keys").where("key", "=", key).where("status", "=", IN_PROGRESS).execute();
  }

  private async purge(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < 600_000) return;
    this.lastPurge = now.getTime();
    await this.d.db.deleteFrom("idempotency_keys").where("created_at", "<", new Date(now.getTime() - KEEP_MS).toISOString()).execute();
  }
}
