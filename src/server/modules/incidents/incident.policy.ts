// Who may write what in the incident register. Reading is decided by the
// access module alone (visibleTo in SQL, canSee for loaded rows).
import { canAssign, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import type { ClaimKind } from "../../../core/incidents/taxonomy.ts";
import { errors } from "../../platform/http/errors.ts";
import type { ClaimRow, IncidentRow } from "./incident.repository.ts";

function assignable(viewer: Viewer, path: string, d: Distribution | null | undefined): void {
  if (d !== null && d !== undefined && !canAssign(viewer, d)) throw errors.validation(`A ${path} of ${d} would hide this from your own party.`, [{ path, problem: "must include your own party" }]);
}

export const incidentPolicy = {
  create(viewer: Viewer, dist: Distribution, sourceDist: Distribution | null): void {
    if (viewer.party === null) throw errors.forbidden("Incidents are recorded by a party, the mediator or an observer; administrators hold none.");
    assignable(viewer, "distribution", dist);
    assignable(viewer, "source_distribution", sourceDist);
  },
  /** The recording party edits its incident; imported ACLED records change only by re-import. */
  update(viewer: Viewer, row: IncidentRow): void {
    if (row.owner_party === null) throw errors.forbidden("This incident came from an ACLED import; it changes by importing a newer row, not by editing.");
    if (viewer.party !== row.owner_party) throw errors.forbidden("Only the party that recorded this incident can change it; add your own claim instead.");
  },
  claim(viewer: Viewer, kind: ClaimKind, dist: Distribution, narrativeDist: Distribution | null): void {
    if (viewer.party === null) throw errors.forbidden("Claims belong to a party, the mediator or an observer; administrators hold none.");
    const allowed: Record<ClaimKind, boolean> = {
      party_account: viewer.partyKind === "party",
      observer_finding: viewer.partyKind === "observer",
      mediator_note: viewer.partyKind === "mediator",
      news_candidate: true,
    };
    if (!allowed[kind]) throw errors.forbidden(`A ${kind.replace("_", " ")} is written by ${kind === "party_account" ? "a party" : kind === "observer_finding" ? "an observer" : "the mediator"}.`);
    assignable(viewer, "distribution", dist);
    assignable(viewer, "narrative_distribution", narrativeDist);
  },
  /** A party never edits another's claim. */
  updateClaim(viewer: Viewer, claim: ClaimRow): void {
    if (viewer.party !== claim.author_party) throw errors.forbidden("Only the party that wrote this claim can change it.");
  },
  adjudicate(viewer: Viewer, what: string): void {
    if (viewer.partyKind !== "observer" && viewer.partyKind !== "mediator") throw errors.forbidden(`Only observers and the mediator ${what}.`);
  },
  evidence(viewer: Viewer, dist: Distribution): void {
    if (viewer.party === null) throw errors.forbidden("Evidence is filed by a party, the mediator or an observer; administrators hold none.");
    assignable(viewer, "distribution", dist);
  },
};
