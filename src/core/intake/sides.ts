// Sides the text does not name. ACLED codes an actor it cannot identify by
// the country it acts in ("Unidentified Armed Group (Syria)", "Civilians
// (Syria)"), so a side named without a country ("gunmen") takes the country
// where the event happened, and a proposal with no side acted on gets the
// people of that place. An unnamed side that acted on the ground takes the
// place's country as well; one that fired from afar is never guessed from the
// place hit.
// The reviewer sees a filled side marked as inferred and can change it. Pure.
import type { Proposal, ProposedActor } from "./types.ts";

/** The states along the line and its neighbours, whose places are where their own people act. */
const LINE_STATES = new Set(["SYR", "ISR", "LBN", "JOR"]);

/** The name an inferred side carries; the same the rules use for an unnamed target. */
export const UNNAMED_SIDE = "Unnamed side";

function unnamed(country: string): ProposedActor {
  return { name: UNNAMED_SIDE, id: null, country, party: null, inter: null, inferred: "side" };
}

/**
 * Fills each proposal's missing second side, and sides without a country,
 * with the country of the event's place. A proposal with no located place is
 * left as it is: there is nothing to infer from.
 */
export function inferSides(proposals: readonly Proposal[]): Proposal[] {
  return proposals.map((p) => {
    const where = p.country;
    if (!where) return p;
    // Talks and agreements abroad ("signed in Jeddah", "met in Baku"): the host country is the venue, not a party.
    if ((p.plover === "CONSULT" || p.plover === "AGREE") && !LINE_STATES.has(where)) return p;
    let a1 = p.actor1;
    let a2 = p.actor2;
    if (a1 && !a1.country) a1 = { ...a1, country: where, inferred: "country" };
    if (a2 && !a2.country) a2 = { ...a2, country: where, inferred: "country" };
    // The side acted on is of the place; for a protest, the state protested in (labellers name it as the second side as
    // often as they leave it empty, and an empty slot never matches a named one).
    if (!a2) a2 = unnamed(where);
    // An unnamed side that acted on the ground — gunmen, a family, whoever made an arrest — is of the place too, as ACLED
    // codes an "Unidentified Armed Group (Syria)". Not one that fired from afar: mortars on the Golan came from Syria, and
    // a strike's side is the article's (extract.ts), not the ground's.
    if (!a1 && p.event_type !== "Explosions/Remote violence") a1 = unnamed(where);
    return a1 === p.actor1 && a2 === p.actor2 ? p : { ...p, actor1: a1, actor2: a2 };
  });
}

/** A side as the rules gave it, before inferSides: what the precision gate judges, so its trained weights stay valid. */
export function ruleSide(a: ProposedActor | null): ProposedActor | null {
  if (!a?.inferred) return a;
  if (a.inferred === "side" || a.inferred === "article") return null;
  const { inferred: _inferred, ...given } = a;
  return { ...given, country: null };
}
