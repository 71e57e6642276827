// Demo hotline: one thread between the parties through the mediator, with a
// signed notification of activity, its acknowledgement, and a question and
// answer about it — so the hotline, its receipts and the lead-time commitment
// have something real to show. The messages are signed exactly as a client
// signs them, with keys made here for the two liaison officers; the private
// halves are not kept (a browser makes and registers its own key on first send).
import type { Viewer } from "../../../core/access/distribution.ts";
import { generateSigningKey, signDraft, type SigningKey } from "../../../core/hotline/client.ts";
import type { MessageKind } from "../../../core/hotline/protocol.ts";
import type { AppContext } from "../../context.ts";

const HOUR = 3_600_000;

export async function seedHotlineDemo(ctx: AppContext, v: { isr: Viewer; syr: Viewer }): Promise<void> {
  const keys = new Map<Viewer, SigningKey>();
  for (const who of [v.isr, v.syr]) {
    const key = generateSigningKey();
    await ctx.hotline.registerKey(who, { public_key: key.publicKey, label: "demo seeding key (private half discarded)" });
    keys.set(who, key);
  }
  const thread = await ctx.hotline.createThread(v.isr, { title: "Northern sector: activity notices", parties: ["SYR"], via: "mediator" });
  const send = async (who: Viewer, kind: MessageKind, body: unknown, refersTo: string | null = null) => {
    const now = ctx.clock.now();
    const req = signDraft(keys.get(who)!, { deployment: ctx.deploymentId, thread_id: thread.id, sender: who.userId!, kind, body, refers_to: refersTo }, now);
    return ctx.hotline.send(who, thread.id, req);
  };
  const start = Math.ceil((ctx.clock.now().getTime() + 9 * HOUR) / HOUR) * HOUR;
  // About 2 × 2 km some 15 km west of Line A, clear of the area of separation.
  const area = { type: "Polygon", coordinates: [[[35.62, 33.0], [35.64, 33.0], [35.64, 33.02], [35.62, 33.02], [35.62, 33.0]]] };
  const notice = await send(v.isr, "notification", {
    area,
    window: { start: new Date(start).toISOString(), end: new Date(start + 4 * HOUR).toISOString() },
    forces: { troops: 60 },
    description: "Small-arms live-fire training on a fixed range. No vehicles leave the range and nothing is fired eastward.",
  });
  await send(v.syr, "acknowledgement", { text: "Received. Our posts east of Line B have been told." }, notice.id);
  const question = await send(v.syr, "query", { text: "Will firing go on after dark?" }, notice.id);
  await send(v.isr, "answer", { text: "No. Firing stops at the end of the window and the range is cleared within the hour." }, question.id);
}
