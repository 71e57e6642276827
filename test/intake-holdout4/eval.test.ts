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
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { evaluateFolder } from "../../scripts/eval-intake.ts";

const holdout = fileURLToPath(new URL(".", import.meta.url));

test("fourth held-out set stays above the floors of its one blind score", () => {
  const { summary } = evaluateFolder(holdout);
  assert.equal(summary.articles, 30);
  assert.equal(summary.labels, 130);
  assert.ok(summary.f1 >= 0.53, `f1 ${summary.f1}`);
  assert.ok(summary.precision >= 0.43, `precision ${summary.precision}`);
  assert.ok(summary.recall >= 0.69, `recall ${summary.recall}`);
  assert.ok((summary.by_field.place ?? 0) >= 0.85, `place ${summary.by_field.place}`);
  assert.ok((summary.by_field.date ?? 0) >= 0.82, `date ${summary.by_field.date}`);
});
