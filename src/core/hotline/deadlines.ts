// Deadlines from the pack's channel rules: how much notice an activity needed
// and how short of it a notification fell, which replies a message expects and
// by when, and when an unanswered message escalates. Times are the server's
// receive times, the only ones both sides can prove.
import type { ChannelRule, MessageKind } from "../agreement/schema.ts";
import type { Timing } from "./protocol.ts";

const MINUTE = 60_000;

/** Rules for a message kind; a rule limited to zones applies only when the message touches one of them. */
export function rulesFor(rules: readonly ChannelRule[], kind: MessageKind, zones: readonly string[] | null): ChannelRule[] {
  return rules.filter((r) => r.kind === kind && (!r.zones || (zones !== null && r.zones.some((z) => zones.includes(z)))));
}

/**
 * Notice given for an activity starting at `activityStart`, against the
 * strictest applicable lead-time rule. Null when no rule asks for notice.
 */
export function notificationTiming(rules: readonly ChannelRule[], receivedAt: string, activityStart: string, zones: readonly string[] | null): Timing | null {
  const withLead = rulesFor(rules, "notification", zones).filter((r) => r.min_lead_minutes !== undefined);
  if (!withLead.length) return null;
  const rule = withLead.reduce((a, b) => (b.min_lead_minutes! > a.min_lead_minutes! ? b : a));
  const required = rule.min_lead_minutes!;
  const leadExact = (Date.parse(activityStart) - Date.parse(receivedAt)) / MINUTE;
  const late = leadExact < required;
  return {
    rule_id: rule.id,
    required_lead_minutes: required,
    lead_minutes: Math.floor(leadExact),
    late,
    // Whole minutes, rounded up: a notification 10 s short is 1 minute short, never 0.
    shortfall_minutes: late ? Math.ceil(required - leadExact) : null,
  };
}

export interface ExpectedReply {
  rule_id: string;
  reply_kind: MessageKind;
  due_at: string;
  escalations: Array<{ level: number; at: string; to: "mediator" | "observer" | "both_parties" }>;
}

/** Replies a message of this kind calls for, each with its due time and escalation steps. */
export function expectedReplies(rules: readonly ChannelRule[], kind: MessageKind, receivedAt: string, zones: readonly string[] | null): ExpectedReply[] {
  const t0 = Date.parse(receivedAt);
  return rulesFor(rules, kind, zones)
    .filter((r) => r.reply !== undefined)
    .map((r) => ({
      rule_id: r.id,
      reply_kind: r.reply!.kind,
      due_at: new Date(t0 + r.reply!.within_minutes * MINUTE).toISOString(),
      escalations: [...r.escalation].sort((a, b) => a.level - b.level).map((e) => ({ level: e.level, at: new Date(t0 + e.after_minutes * MINUTE).toISOString(), to: e.to })),
    }));
}

/** Does `reply` meet a deadline set by `original`? It must be of the expected kind, name the original, and come from another party. */
export function meetsDeadline(deadline: { reply_kind: MessageKind; message_id: string; sender_party: string }, reply: { kind: MessageKind; refers_to: string | null; sender_party: string }): boolean {
  return reply.kind === deadline.reply_kind && reply.refers_to === deadline.message_id && reply.sender_party !== deadline.sender_party;
}

/** How late a reply is (minutes, rounded up), or 0 when on time. */
export function minutesLate(dueAt: string, at: string): number {
  return Math.max(0, Math.ceil((Date.parse(at) - Date.parse(dueAt)) / MINUTE));
}

/** Deployment overrides replace the pack's rule with the same id, or add new ones. */
export function mergeRules(pack: readonly ChannelRule[], overrides: readonly ChannelRule[]): ChannelRule[] {
  const byId = new Map(pack.map((r) => [r.id, r]));
  for (const o of overrides) byId.set(o.id, o);
  return [...byId.values()];
}
