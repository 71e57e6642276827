// Floors for the second held-out set. It was written blind to the extractor and
// scored F1 0.571 when first run (under the 0.75 target). It is now SPENT as a
// blind measure: its failures were studied for their causes and the rules were
// generalised on them (issue 6), after which it scores F1 0.908. The blind set
// after it was test/intake-holdout3 (spent too); now test/intake-holdout4. The floors sit a little under the current score
// so a regression shows.
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("second held-out set (spent) stays above its floors", () => {
  assertIntakeFloors(import.meta.url, { articles: 28, labels: 100, f1: 0.91, precision: 0.93, recall: 0.88, place: 0.93, date: 0.93 });
});
