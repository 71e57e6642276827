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
  const v = partyVerdict(viewer, ev);
  return v === "all" || (v === "named" && viewer.userId !== null && ev.recipients!.users!.includes(viewer.userId));
}

/**
 * The same rule for everyone who shares the viewer's access (party, kind,
 * groups, role): "all" may receive, "none" may not, "named" only the users
 * the recipients list names. The stream fan-out decides once per audience.
 */
export function partyVerdict(viewer: Viewer, ev: Pick<RealtimeEvent, "distribution" | "ownerParty" | "recipients">): "all" | "none" | "named" {
  if (!canSee(viewer, ev.distribution, ev.ownerParty)) return "none";
  const r = ev.recipients;
  if (!r) return "all";
  if (viewer.party !== null && r.parties?.includes(viewer.party)) return "all";
  return r.users?.length ? "named" : "none";
}

/** One server-sent event frame. `data` is a single line of JSON. */
export function sseFrame(ev: RealtimeEvent): string {
  return sseFrameJson(ev.id, ev.type, ev.at, JSON.stringify(ev.payload ?? null));
}

/**
 * The same frame from the payload as stored (JSON text written by
 * JSON.stringify, so on one line): no parse and re-serialise per event.
 */
export function sseFrameJson(id: number, type: string, at: string, payloadJson: string): string {
  return `id: ${id}\nevent: ${type}\ndata: {"id":${id},"type":${JSON.stringify(type)},"at":${JSON.stringify(at)},"payload":${payloadJson}}\n\n`;
}
