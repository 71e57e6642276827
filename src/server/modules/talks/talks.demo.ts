// Demo talks: a past direct meeting with private delegations and minutes, a
// scheduled follow-up, commitments with measured criteria, an inspection
// done and one scheduled. Dates are relative to the demo's start.
import type { Viewer } from "../../../core/access/distribution.ts";
import { weekOf } from "../../../core/indicators/weeks.ts";
import type { AppContext } from "../../context.ts";

const DAY = 86_400_000;

export async function seedTalksDemo(ctx: AppContext, v: { isr: Viewer; syr: Viewer; usa: Viewer; undof: Viewer }): Promise<void> {
  const now = ctx.clock.now().getTime();
  const at = (days: number, hour = 9) => new Date(Math.floor((now + days * DAY) / DAY) * DAY + hour * 3_600_000).toISOString();
  const past = await ctx.talks.createMeeting(v.usa, {
    title: "Direct security talks, round 2",
    starts_at: at(-9),
    ends_at: at(-9, 14),
    place: "Baku",
    format: "in_person",
    agenda: ["Reducing incursions near the area of separation", "A tested hotline with agreed reply times", "Return to the 1974 lines"],
    distribution: "shared",
  });
  await ctx.talks.updateMeeting(v.usa, past.id, {
    minutes_md: "## Summary\n\nBoth delegations met face to face under US chairmanship.\n\n- The parties agreed to **test the hotline weekly**.\n- UNDOF will report on heavy weapons in the 0–10 km band east of Line B.\n- A further round is planned within three weeks.",
    outcomes: ["Weekly hotline test", "UNDOF inspection of the 0–10 km band", "Next round within three weeks"],
  });
  await ctx.talks.addDelegate(v.isr, past.id, { party: "ISR", name: "Head of delegation (name withheld)", role_title: "security official" });
  await ctx.talks.addDelegate(v.syr, past.id, { party: "SYR", name: "Head of delegation (name withheld)", role_title: "security official" });
  await ctx.talks.createMeeting(v.usa, { title: "Direct security talks, round 3", starts_at: at(6), ends_at: at(6, 13), place: "Paris", format: "in_person", agenda: ["Review of commitments", "De-confliction procedures"], distribution: "shared" });

  const c1 = await ctx.talks.createCommitment(v.usa, {
    meeting_id: past.id,
    text: "No air or drone strikes in the 0–10 km band east of Line B for four weeks",
    committed_party: "ISR",
    beneficiary_party: "SYR",
    kind: "cbm",
    due_date: at(19).slice(0, 10),
    criterion: { kind: "max_incidents_per_week", event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", zone: "east-0-10", max: 0, weeks: 4, from: weekOf(at(-8)) },
    distribution: "shared",
  });
  await ctx.talks.moveCommitment(v.isr, c1.id, "agreed", "accepted at round 2", [{ type: "meeting", id: past.id }]);
  const c2 = await ctx.talks.createCommitment(v.usa, {
    meeting_id: past.id,
    text: "No artillery in the 0–10 km band east of Line B at UNDOF inspections",
    committed_party: "SYR",
    beneficiary_party: "ISR",
    kind: "commitment",
    due_date: at(20).slice(0, 10),
    criterion: { kind: "none_found_at_inspections", zone: "east-0-10", item: "artillery", from: at(-9).slice(0, 10) },
    distribution: "shared",
  });
  await ctx.talks.moveCommitment(v.syr, c2.id, "agreed", "accepted at round 2", [{ type: "meeting", id: past.id }]);
  await ctx.talks.createCommitment(v.usa, {
    text: "At least 95% of notifications sent with six hours' notice",
    committed_party: "ISR",
    kind: "commitment",
    due_date: at(30).slice(0, 10),
    criterion: { kind: "notification_lead_share", party: "ISR", min_hours: 6, share: 0.95, from: at(-9).slice(0, 10) },
    distribution: "shared",
  });

  const done = await ctx.talks.createWindow(v.undof, { kind: "inspection", title: "Fortnightly inspection, 0–10 km east of Line B", zone: "east-0-10", starts_at: at(-4, 6), ends_at: at(-4, 12), distribution: "shared" });
  await ctx.talks.completeInspection(v.undof, done.id, { artillery: 0, tanks: 38, troops: 4100 }, at(-4, 11));
  await ctx.talks.createWindow(v.undof, { kind: "inspection", title: "Fortnightly inspection, 0–10 km west of Line A", zone: "west-0-10", starts_at: at(2, 6), ends_at: at(2, 12), distribution: "shared" });
  await ctx.talks.createWindow(v.isr, { kind: "repair", title: "Fence repair near Majdal Shams", starts_at: at(1, 6), ends_at: at(1, 11), distribution: "shared" });
}
