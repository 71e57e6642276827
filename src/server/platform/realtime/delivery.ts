// Who may receive an event: the need-to-know rule on the event's distribution,
// narrowed (never widened) by an explicit recipient list. Pure, so the SSE
// path, the benchmark's leak oracle and the tests share one definition.
import { canSee, type Distribution, type Viewer } from "../../../core/access/distribution.ts";

export interface Recipients {
  users?: readonly string[];
  parties?: readonly string[];
}

export interface RealtimeEvent<T = unknown> {
  id: number;
  type: string;
  payload: T;
  distribution: Distribution;
  ownerParty: string | null;
  recipients: Recipients | null;
  at: string;
}

export function mayReceive(viewer: Viewer, ev: Pick<RealtimeEvent, "distribution" | "ownerParty" | "recipients">): boolean {
  if (!canSee(viewer, ev.distribution, ev.ownerParty)) return false;
  const r = ev.recipients;
  if (!r) return true;
  if (viewer.userId !== null && r.users?.includes(viewer.userId)) return true;
  return viewer.party !== null && (r.parties?.includes(viewer.party) ?? false);
}

/** One server-sent event frame. `data` is a single line of JSON. */
export function sseFrame(ev: RealtimeEvent): string {
  return `id: ${ev.id}\nevent: ${ev.type}\ndata: ${JSON.stringify({ id: ev.id, type: ev.type, at: ev.at, payload: ev.payload })}\n\n`;
}
