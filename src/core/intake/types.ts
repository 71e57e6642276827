// Shapes the extractor takes and returns. Plain data, so the intake service
// can store proposals as JSON and the review queue can show them as they are.
import type { Actor, Place } from "../agreement/gazetteer.ts";
import type { DatePrecision } from "./dates.ts";

export interface Article {
  text: string;
  /** ISO date (YYYY-MM-DD) the page states, or null. */
  published: string | null;
  /** Date to resolve relative expressions against when `published` is null. */
  reference_date?: string | null;
  /** BCP 47 tag; English is assumed when absent. */
  language?: string | null;
}

/** What the pack's polygons say about a point. Country and admin1 come from here, never from a gazetteer code. */
export interface Location {
  /** ISO 3166 alpha-3. */
  country: string | null;
  /** ISO 3166-2 code of the first-level unit. */
  admin1: string | null;
  admin1_name?: string | null;
  /** Agreement zone, e.g. "area-of-separation", when the classifier knows it. */
  zone?: string | null;
}
export type LocateFn = (lon: number, lat: number) => Location | null;

export interface ExtractContext {
  places: readonly Place[];
  actors: readonly Actor[];
  locate: LocateFn;
}

export interface ExtractOptions {
  /** Keep events flagged future, hypothetical or negated (dropped by default: they did not happen). */
  includeNonFactual?: boolean;
  /**
   * Pass the rules' proposals through the learned precision gate (gate.ts): incident proposals it rates below its
   * threshold are dropped, and every proposal carries its probability as the confidence. On unless `false`.
   */
  gate?: boolean;
}

export interface Evidence {
  text: string;
  /** Offsets into the article text: `article.text.slice(start, end) === text`. */
  start: number;
  end: number;
  /** The trigger word(s) inside the sentence, article offsets. */
  trigger?: { start: number; end: number; text: string };
}

export interface ProposedActor {
  name: string;
  /** Pack actor id, or null for a name found by the recogniser only. */
  id: string | null;
  country: string | null;
  party: string | null;
  /** ACLED inter code as it applies to this event (8 for state forces acting abroad). */
  inter: number | null;
  /**
   * Filled in from where the event happened (sides.ts): `side` when the text names no such side,
   * `country` when it names one without a country ("gunmen"); `article` for the attacker of a strike told
   * without one, taken from the state the article names most (extract.ts). Absent when the text gave it.
   */
  inferred?: "side" | "country" | "article";
}

export interface Proposal {
  event_id: string;
  date: string | null;
  date_precision: DatePrecision | null;
  date_start: string | null;
  date_end: string | null;
  actor1: ProposedActor | null;
  actor2: ProposedActor | null;
  event_type: string;
  sub_event_type: string;
  plover: string;
  plover_mode: string | null;
  /** PLOVER-style intensity, −10…+10. */
  plover_score: number;
  location: string | null;
  place_id: string | null;
  admin1: string | null;
  admin1_name: string | null;
  country: string | null;
  zone: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: 1 | 2 | 3 | null;
  fatalities: number | null;
  flags: { background: boolean; future: boolean; hypothetical: boolean; negated: boolean };
  evidence: Evidence[];
  confidence: number;
}
