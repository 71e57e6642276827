// Floors for the blind held-out set: written without reading the extractor and
// never used to tune it. It is the honest measure of how the extractor does on
// unseen reports: F1 0.571 when first scored, under the 0.75 target. The floors
// sit a little under that so a regression shows; raise them only when a change
// made for other reasons lifts the score — never tune on these files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { evaluateFolder } from "../../scripts/eval-intake.ts";

const holdout = fileURLToPath(new URL(".", import.meta.url));

test("blind held-out set stays above its floors", () => {
  const { summary } = evaluateFolder(holdout);
  assert.equal(summary.articles, 28);
  assert.equal(summary.labels, 100);
  assert.ok(summary.f1 >= 0.54, `f1 ${summary.f1}`);
  assert.ok((summary.by_field.place ?? 0) >= 0.87, `place ${summary.by_field.place}`);
  assert.ok((summary.by_field.date ?? 0) >= 0.88, `date ${summary.by_field.date}`);
});
