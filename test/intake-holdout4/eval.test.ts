// Floors for the fourth held-out set. It was written blind (its author read
// neither the extractor nor the other labelled sets) and scored exactly once,
// by the lead, at the end of the third round of generalisation (issue 6):
// F1 0.55 (precision 0.448, recall 0.711; place 0.867, date 0.842) — under
// the 0.75 target, mostly from over-proposal (169 proposals for 130 labels).
// That first score is the honest measure of the extractor on unseen text. The
// set is now spent: the next round may study its misses, and a new blind set
// must then be written. The floors sit a little under the first score so a
// regression shows.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("fourth held-out set stays above the floors of its one blind score", () => {
  assertIntakeFloors(import.meta.url, { articles: 30, labels: 130, f1: 0.53, precision: 0.43, recall: 0.69, place: 0.85, date: 0.82 });
});
