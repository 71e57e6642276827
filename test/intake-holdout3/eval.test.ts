// Floors for the third held-out set. It was written blind to the extractor and
// scored F1 0.654 when first run (precision 0.667, recall 0.642; place 0.955,
// date 0.907), under the 0.75 target. It is now SPENT as a blind measure: its
// failures were studied by cause and the rules generalised on them (issue 6),
// so it is a development set like holdout 1 and 2 (F1 0.901 after that
// round: precision 0.901, recall 0.901; place 0.988, date 0.977). The blind set is now
// test/intake-holdout4. The floors sit a little under the current score so a
// regression shows.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("third held-out set (spent) stays above its floors", () => {
  assertIntakeFloors(import.meta.url, { articles: 29, labels: 116, f1: 0.89, precision: 0.89, recall: 0.89, place: 0.95, date: 0.95 });
});
