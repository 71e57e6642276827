// Need-to-know: who may see a record or a field. This is the single rule the
// whole product applies; the SQL filter in server/platform/access mirrors it
// and a property test keeps the two equal.
import { z } from "zod";

export type PartyKind = "party" | "mediator" | "observer";
export type Role = "liaison" | "analyst" | "mediator" | "observer" | "admin";
export const roles = ["liaison", "analyst", "mediator", "observer", "admin"] as const satisfies readonly Role[];
export const partyKinds = ["party", "mediator", "observer"] as const satisfies readonly PartyKind[];

/**
 * `party:<ID>` own party only · `group:<id>` a named sharing group ·
 * `shared` all parties + mediator + observer · `mediator` the mediator and the
 * author's party · `public` everyone, signed in or not.
 */
export type Distribution = "public" | "shared" | "mediator" | `party:${string}` | `group:${string}`;

export const partyIdPattern = /^[A-Z][A-Z0-9_]{1,15}$/;
export const groupIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const distributionSchema = z.string().refine(isDistribution, {
  message: "use public, shared, mediator, party:<PARTY ID> or group:<group id>",
}) as unknown as z.ZodType<Distribution>;

export function isDistribution(s: string): s is Distribution {
  if (s === "public" || s === "shared" || s === "mediator") return true;
  if (s.startsWith("party:")) return partyIdPattern.test(s.slice(6));
  if (s.startsWith("group:")) return groupIdPattern.test(s.slice(6));
  return false;
}

/** Who is looking. `party` is null for administrators and the public. */
export interface Viewer {
  userId: string | null;
  party: string | null;
  partyKind: PartyKind | null;
  /** Sharing groups the viewer's party belongs to. */
  groups: readonly string[];
  role: Role | null;
}

export const publicViewer: Viewer = { userId: null, party: null, partyKind: null, groups: [], role: null };

/**
 * May `viewer` see something with distribution `dist` whose author party is
 * `ownerParty`? Administrators hold no party, so they see only public data.
 */
export function canSee(viewer: Viewer, dist: Distribution, ownerParty: string | null): boolean {
  if (dist === "public") return true;
  if (viewer.party === null) return false;
  if (dist === "shared") return true;
  if (dist === "mediator") return viewer.partyKind === "mediator" || (ownerParty !== null && viewer.party === ownerParty);
  if (dist.startsWith("party:")) return dist.slice(6) === viewer.party;
  if (dist.startsWith("group:")) return viewer.groups.includes(dist.slice(6));
  return false;
}

/** A field is visible only when both it and its record are: the most restrictive wins. */
export function canSeeField(viewer: Viewer, recordDist: Distribution, fieldDist: Distribution | null, ownerParty: string | null): boolean {
  return canSee(viewer, recordDist, ownerParty) && (fieldDist === null || canSee(viewer, fieldDist, ownerParty));
}

/**
 * A writer may only choose a distribution that still includes its own party:
 * otherwise it would publish something it could not read back.
 */
export function canAssign(viewer: Viewer, dist: Distribution): boolean {
  return viewer.party !== null && canSee(viewer, dist, viewer.party);
}
