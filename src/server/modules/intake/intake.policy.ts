// Who may do what in intake. Reading is decided by the access module alone.
import { canAssign, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { errors } from "../../platform/http/errors.ts";

/** Need-to-know by default: an article stays with the party that brought it in until an analyst shares it. */
export function defaultDistribution(viewer: Viewer): Distribution {
  return `party:${viewer.party}`;
}

function assignable(viewer: Viewer, path: string, d: Distribution): void {
  if (!canAssign(viewer, d)) throw errors.validation(`A ${path} of ${d} would hide this from your own party.`, [{ path, problem: "must include your own party" }]);
}

export const intakePolicy = {
  /** Liaisons keep what they bring in to their own party; analysts, the mediator and observers may share it wider. */
  share(viewer: Viewer, d: Distribution, path = "distribution"): void {
    if (viewer.party === null) throw errors.forbidden("Intake belongs to a party, the mediator or an observer; administrators hold none.");
    assignable(viewer, path, d);
    if (d !== defaultDistribution(viewer) && viewer.role === "liaison") {
      throw errors.forbidden("Only analysts share intake beyond their own party; keep the default or ask an analyst.");
    }
  },
  review(viewer: Viewer): void {
    if (viewer.party === null) throw errors.forbidden("Reviewing proposals is done by a party, the mediator or an observer; administrators hold none.");
  },
  owner(viewer: Viewer, ownerParty: string, what: string): void {
    if (viewer.party !== ownerParty) throw errors.forbidden(`Only the party that brought in this ${what} can change it.`);
  },
};
