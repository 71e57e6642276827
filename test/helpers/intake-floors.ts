// One floor check for every labelled intake set: the set's size must not
// change unnoticed, and each score must stay at or above its floor.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { evaluateFolder } from "../../scripts/eval-intake.ts";

export interface Floors {
  articles: number;
  labels: number;
  f1: number;
  precision: number;
  recall: number;
  place: number;
  date: number;
}

/** Scores the folder holding `moduleUrl` (pass import.meta.url) and checks it against the floors. */
export function assertIntakeFloors(moduleUrl: string, floors: Floors): void {
  const { summary } = evaluateFolder(fileURLToPath(new URL(".", moduleUrl)));
  assert.equal(summary.articles, floors.articles);
  assert.equal(summary.labels, floors.labels);
  assert.ok(summary.f1 >= floors.f1, `f1 ${summary.f1}`);
  assert.ok(summary.precision >= floors.precision, `precision ${summary.precision}`);
  assert.ok(summary.recall >= floors.recall, `recall ${summary.recall}`);
  assert.ok((summary.by_field.place ?? 0) >= floors.place, `place ${summary.by_field.place}`);
  assert.ok((summary.by_field.date ?? 0) >= floors.date, `date ${summary.by_field.date}`);
}
