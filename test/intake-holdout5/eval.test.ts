// Floors for the fifth held-out set. It was written blind (its author read
// neither the extractor nor the other labelled sets, and ran nothing on it)
// while the fourth round of generalisation (issue 6) went on without it, and
// was scored by the lead twice, with nothing changed in between: on the
// extractor before the round, F1 0.528 (precision 0.436, recall 0.67; 161
// proposals), and once at the end of the round, F1 0.556 (precision 0.474,
// recall 0.67; place 0.871, date 0.909; 148 proposals for 97 required and 31
// optional labels). Under the 0.75 target: the round's rules cut
// over-proposal on the text they were drawn from, and only a little here.
// That end-of-round score is the honest measure on unseen text. Nobody has
// looked at its misses; once someone does, the set is spent.
// The floors sit a little under it so a regression shows.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("fifth held-out set stays above the floors of its blind score", () => {
  assertIntakeFloors(import.meta.url, { articles: 30, labels: 128, f1: 0.53, precision: 0.45, recall: 0.65, place: 0.85, date: 0.89 });
});
