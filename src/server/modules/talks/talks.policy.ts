// Who may do what in the talks register. Reading is the access module's alone.
import { canAssign, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { errors } from "../../platform/http/errors.ts";
import type { CommitmentRow } from "./talks.repository.ts";

export type CommitmentStatus = CommitmentRow["status"];

/** Allowed moves, and who may make them: the committed party accepts and reports progress; the mediator adjudicates. */
const moves: Record<CommitmentStatus, Partial<Record<CommitmentStatus, Array<"committed" | "mediator" | "observer">>>> = {
  proposed: { agreed: ["committed", "mediator"], lapsed: ["mediator"] },
  agreed: { in_progress: ["committed", "mediator"], fulfilled: ["mediator"], breached: ["mediator"], lapsed: ["mediator"] },
  in_progress: { fulfilled: ["mediator"], breached: ["mediator"], lapsed: ["mediator"] },
  fulfilled: { breached: ["mediator"] },
  breached: { in_progress: ["mediator"], fulfilled: ["mediator"] },
  lapsed: { agreed: ["mediator"] },
};

export const talksPolicy = {
  assignable(viewer: Viewer, path: string, dist: Distribution): void {
    if (!canAssign(viewer, dist)) throw errors.validation(`A ${path} of ${dist} would hide this from your own party.`, [{ path, problem: "must include your own party" }]);
  },
  createMeeting(viewer: Viewer): void {
    if (viewer.partyKind !== "mediator") throw errors.forbidden("Meetings are scheduled by the mediator.");
  },
  editMeeting(viewer: Viewer): void {
    if (viewer.partyKind !== "mediator") throw errors.forbidden("Only the mediator edits the agenda, minutes and outcomes.");
  },
  addDelegate(viewer: Viewer, party: string): void {
    if (viewer.party !== party && viewer.partyKind !== "mediator") throw errors.forbidden("Each party names its own delegation.");
  },
  createCommitment(viewer: Viewer): void {
    if (viewer.party === null || viewer.role === "observer") throw errors.forbidden("Commitments are recorded by the parties and the mediator.");
  },
  move(viewer: Viewer, c: CommitmentRow, to: CommitmentStatus): void {
    const allowed = moves[c.status][to];
    if (!allowed) throw errors.conflict(`A commitment that is ${c.status} cannot become ${to}.`, [{ path: "status", problem: `allowed from ${c.status}: ${Object.keys(moves[c.status]).join(", ") || "none"}` }]);
    const as: Array<"committed" | "mediator" | "observer"> = [];
    if (viewer.partyKind === "mediator") as.push("mediator");
    if (viewer.partyKind === "observer") as.push("observer");
    if (viewer.party === c.committed_party) as.push("committed");
    if (!as.some((a) => allowed.includes(a))) throw errors.forbidden(`Moving to ${to} is for: ${allowed.join(", ")}.`);
  },
  window(viewer: Viewer, kind: "truce" | "repair" | "inspection"): void {
    if (viewer.party === null) throw errors.forbidden("Windows belong to a party; administrators hold none.");
    if (kind === "inspection" && viewer.partyKind !== "observer" && viewer.partyKind !== "mediator") throw errors.forbidden("Inspections are scheduled and recorded by the observer (or the mediator).");
  },
};
