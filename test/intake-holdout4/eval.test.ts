// Floors for the fourth held-out set. It was written blind (its author read
// neither the extractor nor the other labelled sets) and scored exactly once,
// by the lead, at the end of the third round of generalisation (issue 6):
// F1 0.55 (precision 0.448, recall 0.711; place 0.867, date 0.842) — under
// the 0.75 target, mostly from over-proposal (169 proposals for 130 labels).
// That first score is the honest measure of the extractor on unseen text.
// The set is now SPENT: the fourth round studied its misses by cause and the
// rules were broadened after its blind score, so its scores since are
// development figures, not a blind measure (holdout5 is the next blind set).
// The floors sit a little under the current scores so a regression shows
// (recall 0.87 → 0.86 when the precision gate went on by default: it drops
// a few proposals that were right, and more that were wrong).
import { test } from "node:test";
import { assertIntakeFloors } from "../helpers/intake-floors.ts";

test("fourth held-out set (spent) stays above its floors", () => {
  assertIntakeFloors(import.meta.url, { articles: 30, labels: 130, f1: 0.8, precision: 0.75, recall: 0.86, place: 0.89, date: 0.94 });
});
