// Floors for the third held-out set. It was written blind to the extractor and
// scored F1 0.654 when first run (precision 0.667, recall 0.642; place 0.955,
// date 0.907), under the 0.75 target. It is now SPENT as a blind measure: its
// failures were studied by cause and the rules generalised on them (issue 6),
// so it is a development set like holdout 1 and 2 (F1 0.901 after that
// round: precision 0.901, recall 0.901; place 0.988, date 0.977). The blind set is now
// test/intake-holdout4. The floors sit a little under the current score so a
// regression shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { evaluateFolder } from "../../scripts/eval-intake.ts";

const holdout = fileURLToPath(new URL(".", import.meta.url));

test("third held-out set (spent) stays above its floors", () => {
  const { summary } = evaluateFolder(holdout);
  assert.equal(summary.articles, 29);
  assert.equal(summary.labels, 116);
  assert.ok(summary.f1 >= 0.87, `f1 ${summary.f1}`);
  assert.ok(summary.precision >= 0.87, `precision ${summary.precision}`);
  assert.ok(summary.recall >= 0.86, `recall ${summary.recall}`);
  assert.ok((summary.by_field.place ?? 0) >= 0.95, `place ${summary.by_field.place}`);
  assert.ok((summary.by_field.date ?? 0) >= 0.95, `date ${summary.by_field.date}`);
});
