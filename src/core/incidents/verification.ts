// The verification workflow: reported → under review → corroborated →
// verified / disputed / rejected. Observers and the mediator adjudicate; a
// party's liaison may only ask for a review. Every move needs a reason.
import type { PartyKind, Role } from "../access/distribution.ts";
import type { VerificationState } from "./taxonomy.ts";

export interface Mover {
  partyKind: PartyKind | null;
  role: Role | null;
}

type Who = "adjudicator" | "mediator" | "liaison";

/** Allowed moves and who may make each. */
export const TRANSITIONS: Record<VerificationState, Partial<Record<VerificationState, readonly Who[]>>> = {
  reported: { under_review: ["adjudicator", "liaison"], rejected: ["adjudicator"] },
  under_review: { corroborated: ["adjudicator"], disputed: ["adjudicator"], rejected: ["adjudicator"] },
  corroborated: { verified: ["adjudicator"], disputed: ["adjudicator"], rejected: ["adjudicator"] },
  disputed: { under_review: ["adjudicator"], corroborated: ["adjudicator"], rejected: ["adjudicator"] },
  // Closing states reopen only by the mediator, with a reason, so a settled record is not churned.
  verified: { under_review: ["mediator"], disputed: ["mediator"] },
  rejected: { under_review: ["mediator"] },
};

function roles(m: Mover): Set<Who> {
  const out = new Set<Who>();
  if (m.partyKind === "observer" || m.partyKind === "mediator") out.add("adjudicator");
  if (m.partyKind === "mediator") out.add("mediator");
  if (m.partyKind === "party" && m.role === "liaison") out.add("liaison");
  return out;
}

export type MoveCheck = { ok: true } | { ok: false; kind: "invalid" | "forbidden" | "reason"; problem: string };

export function checkMove(from: VerificationState, to: VerificationState, who: Mover, reason: string): MoveCheck {
  const allowed = TRANSITIONS[from][to];
  if (!allowed) {
    const next = Object.keys(TRANSITIONS[from]);
    return { ok: false, kind: "invalid", problem: `cannot move from ${from} to ${to}; from ${from} the next states are ${next.join(", ") || "none"}` };
  }
  const mine = roles(who);
  if (!allowed.some((w) => mine.has(w))) {
    return { ok: false, kind: "forbidden", problem: `moving from ${from} to ${to} is for ${allowed.map((w) => (w === "adjudicator" ? "observers and the mediator" : w === "mediator" ? "the mediator" : "a party's liaison officer")).join(" or ")}` };
  }
  if (reason.trim().length < 3) return { ok: false, kind: "reason", problem: "a reason is required" };
  return { ok: true };
}

/** The moves a user could make from a state (for the UI). */
export function movesFor(from: VerificationState, who: Mover): VerificationState[] {
  const mine = roles(who);
  return (Object.entries(TRANSITIONS[from]) as Array<[VerificationState, readonly Who[]]>).filter(([, w]) => w.some((x) => mine.has(x))).map(([s]) => s);
}
