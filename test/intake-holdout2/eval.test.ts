// Floors for the second held-out set. It was written blind to the extractor and
// scored F1 0.571 when first run (under the 0.75 target). It is now SPENT as a
// blind measure: its failures were studied for their causes and the rules were
// generalised on them (issue 6), after which it scores F1 0.908. The blind set
// after it was test/intake-holdout3 (spent too); now test/intake-holdout4. The floors sit a little under the current score
// so a regression shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { evaluateFolder } from "../../scripts/eval-intake.ts";

const holdout = fileURLToPath(new URL(".", import.meta.url));

test("second held-out set (spent) stays above its floors", () => {
  const { summary } = evaluateFolder(holdout);
  assert.equal(summary.articles, 28);
  assert.equal(summary.labels, 100);
  assert.ok(summary.f1 >= 0.89, `f1 ${summary.f1}`);
  assert.ok(summary.precision >= 0.9, `precision ${summary.precision}`);
  assert.ok(summary.recall >= 0.88, `recall ${summary.recall}`);
  assert.ok((summary.by_field.place ?? 0) >= 0.93, `place ${summary.by_field.place}`);
  assert.ok((summary.by_field.date ?? 0) >= 0.93, `date ${summary.by_field.date}`);
});
