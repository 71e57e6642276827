// The incident vocabulary: ACLED event types and sub-types, disorder types,
// actor (inter) codes and precision codes, PLOVER categories and modes, and
// the verification states. Values are ACLED's and PLOVER's own spellings so
// imports and exports round-trip without translation tables.

export const ACLED_EVENT_TYPES = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
} as const satisfies Record<string, readonly string[]>;

export type EventType = keyof typeof ACLED_EVENT_TYPES;
export type SubEventType = (typeof ACLED_EVENT_TYPES)[EventType][number];
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as EventType[];
export const SUB_EVENT_TYPES = EVENT_TYPES.flatMap((t) => ACLED_EVENT_TYPES[t] as readonly string[]) as SubEventType[];

export function isEventType(s: string): s is EventType {
  return Object.prototype.hasOwnProperty.call(ACLED_EVENT_TYPES, s);
}
export function isSubEventTypeOf(type: EventType, sub: string): sub is SubEventType {
  return (ACLED_EVENT_TYPES[type] as readonly string[]).includes(sub);
}
/** The event type a sub-type belongs to (sub-types are unique across types). */
export function eventTypeOf(sub: string): EventType | null {
  for (const t of EVENT_TYPES) if ((ACLED_EVENT_TYPES[t] as readonly string[]).includes(sub)) return t;
  return null;
}

/** ACLED 2023+: the disorder type follows from the event type (a few sub-types are both). */
export const DISORDER_TYPES = ["Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"] as const;
export type DisorderType = (typeof DISORDER_TYPES)[number];
export function defaultDisorderType(type: EventType, sub: string): DisorderType {
  if (type === "Protests") return sub === "Excessive force against protesters" ? "Political violence; Demonstrations" : "Demonstrations";
  if (type === "Riots") return sub === "Mob violence" ? "Political violence; Demonstrations" : "Demonstrations";
  if (type === "Strategic developments") return "Strategic developments";
  return "Political violence";
}

/** ACLED actor type codes (inter1/inter2); 0 = no second actor. */
export const INTER_CODES: Record<number, string> = {
  0: "none", 1: "state forces", 2: "rebel groups", 3: "political militias", 4: "identity militias",
  5: "rioters", 6: "protesters", 7: "civilians", 8: "external/other forces",
};

/** Precision: 1 = exact town / actual date, 2 = nearby / within the week, 3 = region / within the month. */
export const PRECISION_CODES = [1, 2, 3] as const;
export type Precision = (typeof PRECISION_CODES)[number];
/** Error radius a geo precision implies when none is given, in metres. */
export const DEFAULT_ERROR_RADIUS_M: Record<Precision, number> = { 1: 2_000, 2: 15_000, 3: 50_000 };

export const PLOVER_EVENTS = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;
export type PloverEvent = (typeof PLOVER_EVENTS)[number];

/** Modes we use, per category; anything else is rejected so exports stay comparable. */
export const PLOVER_MODES: Record<PloverEvent, readonly string[]> = {
  AGREE: ["ceasefire", "settlement", "meeting"],
  CONSULT: ["meeting", "phone", "third-party"],
  SUPPORT: ["praise", "endorse"],
  CONCEDE: ["ceasefire", "withdraw", "release", "policy"],
  COOPERATE: ["information", "security"],
  AID: ["humanitarian", "military", "economic"],
  RETREAT: ["withdraw", "ceasefire", "access", "release", "disarm"],
  REQUEST: ["meeting", "ceasefire", "withdraw", "assistance"],
  ACCUSE: ["violation", "aggression"],
  REJECT: ["proposal", "accusation"],
  THREATEN: ["force", "sanction"],
  PROTEST: ["demonstrate", "riot", "formal"],
  SANCTION: ["suspend", "expel"],
  MOBILIZE: ["troops", "weapons", "alert"],
  COERCE: ["arrest", "seize", "destroy", "restrict", "abduct"],
  ASSAULT: ["aerial", "drone", "heavy-weapons", "firearms", "explosive", "cbrn", "sexual", "beating"],
};
export const PLOVER_CONTEXTS = ["military", "territory", "political", "civilian", "humanitarian", "border"] as const;

export const VERIFICATION_STATES = ["reported", "under_review", "corroborated", "verified", "disputed", "rejected"] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const CLAIM_KINDS = ["party_account", "observer_finding", "news_candidate", "mediator_note"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
