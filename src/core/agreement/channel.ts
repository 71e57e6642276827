// Deadlines of the hotline from a pack's channel rules: which rules time a
// message, when its reply is due, when it escalates, and whether a prior
// notification came early enough.
import type { Pack } from "./build.ts";
import type { ChannelRule, MessageKind } from "./schema.ts";

/** Rules for a message kind that apply to an activity touching `zones` (rules without zones apply everywhere). */
export function channelRulesFor(pack: Pack, kind: MessageKind, zones: readonly string[] = []): ChannelRule[] {
  return pack.channelRules.filter((r) => r.kind === kind && (!r.zones || r.zones.includes("*") || r.zones.some((z) => zones.includes(z))));
}

export interface ReplyDeadline {
  rule_id: string;
  reply_kind: MessageKind;
  due_at: string;
  escalations: { at: string; to: "mediator" | "observer" | "both_parties"; level: number }[];
  basis: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** When replies to a message sent at `sentAt` are due, and when each escalation fires. */
export function replyDeadlines(pack: Pack, kind: MessageKind, sentAt: Date | string, zones: readonly string[] = []): ReplyDeadline[] {
  const t = typeof sentAt === "string" ? Date.parse(sentAt) : sentAt.getTime();
  if (!Number.isFinite(t)) throw new RangeError("sentAt is not a valid time");
  return channelRulesFor(pack, kind, zones).flatMap((r) => r.reply ? [{
    rule_id: r.id,
    reply_kind: r.reply.kind,
    due_at: iso(t + r.reply.within_minutes * 60_000),
    escalations: r.escalation.map((e) => ({ at: iso(t + e.after_minutes * 60_000), to: e.to, level: e.level })),
    basis: r.basis,
  }] : []);
}

export interface LeadCheck { rule_id: string; ok: boolean; required_minutes: number; lead_minutes: number; basis: string }

/** Whether a notification sent at `sentAt` gives the required lead before the activity starts. */
export function checkNotificationLead(pack: Pack, sentAt: Date | string, activityStart: Date | string, zones: readonly string[] = []): LeadCheck[] {
  const s = typeof sentAt === "string" ? Date.parse(sentAt) : sentAt.getTime();
  const a = typeof activityStart === "string" ? Date.parse(activityStart) : activityStart.getTime();
  if (!Number.isFinite(s) || !Number.isFinite(a)) throw new RangeError("invalid time");
  const lead = Math.floor((a - s) / 60_000);
  return channelRulesFor(pack, "notification", zones).flatMap((r) => r.min_lead_minutes === undefined ? [] : [{
    rule_id: r.id, ok: lead >= r.min_lead_minutes, required_minutes: r.min_lead_minutes, lead_minutes: lead, basis: r.basis,
  }]);
}
