// Floors for the sixth held-out set. It was written blind (its author read
// neither the extractor nor the other labelled sets, and ran nothing on it)
// while the gate round and the fifth round of issue 6 went on without it,
// and the lead scored it with nothing tuned on it: after the gate round,
// rules alone F1 0.536, precision gate on everything 0.602; with the gate as
// shipped (incident proposals only) F1 0.564; and at the end of the fifth
// round, as shipped, F1 0.564 again (precision 0.504, recall 0.639; place
// 0.859, date 0.897; 141 proposals for 97 required and 57 optional labels).
// Its misses were then counted by class (README), not read one by one.
// In the sixth round it was studied (now spent): retellings, date near-misses and
// protest demands were worked on with it in view, to F1 0.584 (precision 0.525,
// recall 0.66; place 0.869, date 0.922; 140 proposals).
// The floors sit a little under that score so a regression shows.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("sixth held-out set stays above its floors", () => {
  assertIntakeFloors(import.meta.url, { articles: 30, labels: 154, f1: 0.57, precision: 0.51, recall: 0.64, place: 0.85, date: 0.9 });
});
