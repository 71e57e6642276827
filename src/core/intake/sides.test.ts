// inferSides: which sides are filled in from the place, and which never are.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inferSides, ruleSide, UNNAMED_SIDE } from "./sides.ts";
import type { Proposal, ProposedActor } from "./types.ts";

const actor = (name: string, country: string | null): ProposedActor => ({ name, id: null, country, party: null, inter: null });
const proposal = (actor1: ProposedActor | null, actor2: ProposedActor | null, country: string | null): Proposal => ({
  event_id: "p1", date: "2025-06-10", date_precision: "day", date_start: "2025-06-10", date_end: "2025-06-10",
  actor1, actor2, event_type: "Strategic developments", sub_event_type: "Other", plover: "MOBILIZE", plover_mode: null, plover_score: 0,
  location: "Jasim", place_id: null, admin1: country === "SYR" ? "SY-DR" : null, admin1_name: null, country, zone: null, lat: null, lon: null, geo_precision: null,
  fatalities: null, flags: { background: false, future: false, hypothetical: false, negated: false }, evidence: [], confidence: 0.5,
});

test("the side acted on, when untold, is the people of the place, marked inferred", () => {
  const [p] = inferSides([proposal(actor("Israel Defense Forces", "ISR"), null, "SYR")]);
  assert.deepEqual(p!.actor2, { name: UNNAMED_SIDE, id: null, country: "SYR", party: null, inter: null, inferred: "side" });
  assert.equal(p!.actor1!.inferred, undefined);
});

test("a side named without a country takes the place's; an unnamed side on the ground too, but not one that fired from afar", () => {
  const [p] = inferSides([proposal(null, actor("gunmen", null), "SYR")]);
  assert.deepEqual([p!.actor2!.name, p!.actor2!.country, p!.actor2!.inferred], ["gunmen", "SYR", "country"]);
  assert.deepEqual([p!.actor1!.name, p!.actor1!.country, p!.actor1!.inferred], [UNNAMED_SIDE, "SYR", "side"], "an arrest by someone unnamed in Syria");
  const [both] = inferSides([proposal(null, null, "SYR")]);
  assert.deepEqual([both!.actor1!.country, both!.actor2!.country], ["SYR", "SYR"]);
  const shelling = { ...proposal(null, actor("civilians", "ISR"), "ISR"), event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", plover: "ASSAULT" };
  assert.equal(inferSides([shelling])[0]!.actor1, null, "who fired from afar is not told by where it landed");
  const rally = { ...proposal(actor("protesters", "SYR"), null, "SYR"), event_type: "Protests", sub_event_type: "Peaceful protest", plover: "PROTEST" };
  assert.deepEqual([inferSides([rally])[0]!.actor2!.country, inferSides([rally])[0]!.actor2!.inferred], ["SYR", "side"], "a protest's second side: the state it is held in");
});

test("without a located place nothing is filled, and a complete proposal is returned as it was", () => {
  const bare = proposal(actor("Israel Defense Forces", "ISR"), null, null);
  assert.equal(inferSides([bare])[0], bare);
  const whole = proposal(actor("Israel Defense Forces", "ISR"), actor("Syrian government forces", "SYR"), "SYR");
  assert.equal(inferSides([whole])[0], whole);
});

test("ruleSide gives back what the rules found, for the precision gate", () => {
  const [p] = inferSides([proposal(actor("gunmen", null), null, "SYR")]);
  assert.equal(ruleSide(p!.actor2), null);
  assert.deepEqual(ruleSide(p!.actor1), actor("gunmen", null));
  const given = actor("Israel Defense Forces", "ISR");
  assert.equal(ruleSide(given), given);
});
