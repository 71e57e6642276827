// Hotline fixtures: signing keys registered for demo users, a thread, and a
// signed send through the real HTTP routes.
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { generateSigningKey, signDraft, type Draft, type SigningKey } from "../../src/core/hotline/client.ts";
import type { MessageKind } from "../../src/core/hotline/protocol.ts";
import type { Session, TestApp } from "./app.ts";

export interface Speaker {
  session: Session;
  key: SigningKey;
}

export async function speaker(t: TestApp, username: string): Promise<Speaker> {
  const session = await t.login(username);
  const key = generateSigningKey();
  const res = await t.call(session, "POST", "/api/hotline/keys", { public_key: key.publicKey, label: "test" });
  assert.equal(res.statusCode, 201, res.body);
  return { session, key };
}

export async function openThread(t: TestApp, s: Speaker, parties: string[], via: "direct" | "mediator" = "mediator"): Promise<string> {
  const res = await t.call(s.session, "POST", "/api/hotline/threads", { title: "Sector north channel", parties, via });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

/** A polygon of about 2 × 2 km on the Israeli side, well clear of the lines. */
export function areaWest(dx = 0): { type: "Polygon"; coordinates: number[][][] } {
  const x = 35.62 + dx, y = 33.0;
  return { type: "Polygon", coordinates: [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]]] };
}

export function notificationBody(t: TestApp, startInMinutes: number, opts: { troops?: number; dx?: number; hours?: number } = {}) {
  const start = new Date(t.ctx.clock.now().getTime() + startInMinutes * 60_000);
  const end = new Date(start.getTime() + (opts.hours ?? 4) * 3600_000);
  return { area: areaWest(opts.dx), window: { start: start.toISOString(), end: end.toISOString() }, forces: { troops: opts.troops ?? 40 }, description: "live-fire exercise" };
}

export function draft(t: TestApp, s: Speaker, threadId: string, kind: MessageKind, body: unknown, extra: Partial<Draft> = {}) {
  return signDraft(s.key, { deployment: t.ctx.deploymentId, thread_id: threadId, sender: s.session.userId, kind, body, ...extra }, t.ctx.clock.now());
}

export async function send(t: TestApp, s: Speaker, threadId: string, kind: MessageKind, body: unknown, extra: Partial<Draft> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.call(s.session, "POST", `/api/hotline/threads/${threadId}/messages`, draft(t, s, threadId, kind, body, extra), headers);
}
