// Floors for the fifth held-out set. It was written blind (its author read
// neither the extractor nor the other labelled sets, and ran nothing on it)
// while the fourth round of generalisation (issue 6) went on without it, and
// was scored by the lead twice, with nothing changed in between: on the
// extractor before the round, F1 0.528 (precision 0.436, recall 0.67; 161
// proposals), and once at the end of the round, F1 0.556 (precision 0.474,
// recall 0.67; place 0.871, date 0.909; 148 proposals for 97 required and 31
// optional labels). Under the 0.75 target: the round's rules cut
// over-proposal on the text they were drawn from, and only a little here.
// That end-of-round score was the honest measure on unseen text.
// The set is now spent: the precision gate's work (issue 6, task "gate")
// trained on it and looked at its misses by class. Three places the brief
// named as gazetteer gaps (Qusayr, Hermel, Sayyida Zeinab) then lifted it to
// F1 0.581 (precision 0.496, recall 0.701; place 0.901, date 0.909) without
// the gate. Round 5 (near-misses: right event, wrong place, date, actor or
// type, fixed as general rules) took it to F1 0.667 with the gate (precision
// 0.598, recall 0.753; place 0.939, date 0.935); the floors sit a little under.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("fifth held-out set (spent) stays above its floors", () => {
  assertIntakeFloors(import.meta.url, { articles: 30, labels: 128, f1: 0.64, precision: 0.57, recall: 0.73, place: 0.92, date: 0.92 });
});
