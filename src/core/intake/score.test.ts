import { test } from "node:test";
import assert from "node:assert/strict";
import { eventLabelSchema } from "./labels.ts";
import { admin1Key, emptyTally, scoreArticle, summarise, type ScoredProposal } from "./score.ts";

const label = eventLabelSchema.parse({
  event_id: "x1", date: "2025-05-02", date_precision: "day", date_start: "2025-05-02", date_end: "2025-05-02",
  actor1_country: "ISR", actor2_country: null, event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "FIGHT",
  admin1: "As-Sweida", lat: 32.709, lon: 36.57, evidence: ["Israeli jets struck Sweida."],
});
const proposal = (over: Partial<ScoredProposal> = {}): ScoredProposal => ({
  event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "ASSAULT",
  actor1: { country: "SYR" }, actor2: { country: "ISR" }, admin1: "SY-SU", lat: null, lon: null, date: "2025-05-03",
  flags: { background: false }, evidence: [{ text: "Israeli jets struck Sweida." }], ...over,
});

test("admin-1 names and codes compare as one", () => {
  assert.equal(admin1Key("Suwayda"), "SY-SU");
  assert.equal(admin1Key("As Suwayda'"), "SY-SU");
  assert.equal(admin1Key("As-Sweida"), "SY-SU");
  assert.equal(admin1Key("SY-X01~"), "SY-QU");
});

test("matches in either actor order, within a day of the range, FIGHT = ASSAULT", () => {
  const t = emptyTally();
  scoreArticle(t, { labels: [label], proposals: [proposal()] });
  const s = summarise(t);
  assert.deepEqual([s.matched, s.precision, s.recall], [1, 1, 1]);
  assert.equal(s.by_field.plover, 1);
});

test("wrong date, place or type does not match; optional labels are neutral", () => {
  for (const bad of [proposal({ date: "2025-05-05" }), proposal({ admin1: "SY-DR" }), proposal({ event_type: "Battles" }), proposal({ date: null })]) {
    const t = emptyTally();
    scoreArticle(t, { labels: [label], proposals: [bad] });
    assert.equal(summarise(t).matched, 0);
  }
  const t = emptyTally();
  scoreArticle(t, { labels: [{ ...label, optional: true }], proposals: [proposal()] });
  const s = summarise(t);
  assert.deepEqual([s.matched, s.proposed, s.precision, s.recall], [0, 1, 0, 0]);
});

test("coordinates within 25 km count when admin areas are missing", () => {
  const t = emptyTally();
  scoreArticle(t, { labels: [{ ...label, admin1: null }], proposals: [proposal({ admin1: null, lat: 32.75, lon: 36.6 })] });
  assert.equal(summarise(t).matched, 1);
});

test("field accuracy counts a strictly matched label with the proposal it matched, not a look-alike from its sentence", () => {
  // Two proposals from the label's sentence: the first agrees on sub-type and PLOVER but has the wrong day, the second
  // matches the label outright. The label is found with the right date; the first proposal is left over, unaligned.
  const lookalike = proposal({ date: "2025-04-20" });
  const right = proposal({ sub_event_type: "Shelling/artillery/missile attack", plover: "COERCE" });
  const t = emptyTally();
  scoreArticle(t, { labels: [label], proposals: [lookalike, right] });
  const s = summarise(t);
  assert.equal(s.matched, 1);
  assert.equal(s.by_field.aligned, 1);
  assert.equal(s.by_field.date, 1);
  assert.equal(s.by_field.sub_type, 0);
});
