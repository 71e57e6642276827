// Evidence highlighting: the runs rebuild the text exactly, and a character is
// marked exactly when some evidence range covers it.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { highlightRuns } from "./intake.ts";

test("highlight runs rebuild the text and mark exactly the covered characters", () => {
  fc.assert(fc.property(
    fc.string({ maxLength: 60 }),
    fc.array(fc.record({ start: fc.integer({ min: -5, max: 70 }), end: fc.integer({ min: -5, max: 70 }) }), { maxLength: 6 }),
    (text, ranges) => {
      const runs = highlightRuns(text, ranges);
      assert.equal(runs.map((r) => r.text).join(""), text);
      let i = 0;
      for (const r of runs) {
        assert.ok(r.text.length > 0, "no empty runs");
        for (let k = 0; k < r.text.length; k++, i++) {
          const covered = ranges.some((x) => x.start <= i && i < x.end);
          assert.equal(r.mark, covered, `character ${i}`);
        }
      }
      for (let k = 1; k < runs.length; k++) assert.notEqual(runs[k]!.mark, runs[k - 1]!.mark, "neighbouring runs differ");
    },
  ));
});

test("a sentence range marks that sentence only", () => {
  const text = "One. Two three. Four.";
  assert.deepEqual(highlightRuns(text, [{ start: 5, end: 15 }]), [
    { text: "One. ", mark: false }, { text: "Two three.", mark: true }, { text: " Four.", mark: false },
  ]);
});
