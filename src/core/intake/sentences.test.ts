import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSentences } from "./sentences.ts";

test("splits on full stops but not after U.S. or initials", () => {
  const text = "The U.S. envoy met Gen. Smith on Monday. Israeli jets struck Kuya.\nA new paragraph follows!";
  const s = splitSentences(text);
  assert.deepEqual(s.map((x) => x.text), ["The U.S. envoy met Gen. Smith on Monday.", "Israeli jets struck Kuya.", "A new paragraph follows!"]);
  assert.equal(s[2]!.paragraph, 1);
});

test("offsets always slice the sentence text out of the original", () => {
  fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom("Israeli", "jets", "U.S.", "struck", "Kuya.", "\n", "  ", "Mr.", "It", "rained!", "What?", "2.5", "«a»")), { maxLength: 40 }), (parts) => {
    const text = parts.join(" ");
    for (const s of splitSentences(text)) {
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(s.text.trim().length > 0);
    }
  }));
});
