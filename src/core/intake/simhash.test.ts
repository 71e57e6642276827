import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS, simhash, simhashBandProbes, simhashBands } from "./simhash.ts";

const story = "Israeli forces advanced into the village of Jubata al-Khashab in northern Quneitra on Tuesday and set up a checkpoint on the main road, residents said, adding that several homes were searched and two young men were questioned before being released later in the evening.";

test("near-duplicates are close, different stories are far", () => {
  const a = simhash(story);
  const b = simhash(story.replace("Tuesday", "Tuesday morning").replace("residents said", "locals said"));
  const c = simhash("Hundreds of people rallied in Sweida on Friday against the new constitution, carrying flags and chanting slogans in the central square for several hours.");
  assert.equal(a.length, 16);
  assert.equal(simhash(story.toUpperCase()), a);
  assert.ok(hammingDistance(a, b) < hammingDistance(a, c));
  assert.ok(hammingDistance(a, c) > 10);
  assert.ok(isNearDuplicate(a, a));
});

// Property: single-word edits of random ~100-word texts stay near-duplicates; unrelated texts do not.
const VOCAB = ("israeli syrian forces troops village town struck shelled killed wounded residents said army ministry statement " +
  "quneitra daraa sweida damascus countryside road checkpoint patrol drone aircraft night morning tuesday friday local " +
  "gunmen clashes protest agreement talks delegation envoy border line zone separation observers monitor report houses " +
  "farmland bulldozers entered withdrew arrested detained men young women children hospital officials security police " +
  "the a of in on at and to from by with near after before during while two three several dozens hundreds").split(" ");
const textArb = fc.array(fc.constantFrom(...VOCAB), { minLength: 90, maxLength: 110 });
const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom("delete", "replace", "insert"), word: fc.constantFrom(...VOCAB) });

function applyEdit(words: string[], e: { at: number; kind: string; word: string }): string[] {
  const out = [...words];
  const i = e.at % out.length;
  if (e.kind === "delete") out.splice(i, 1);
  else if (e.kind === "insert") out.splice(i, 0, e.word);
  else out[i] = e.word === out[i] ? `${e.word}s` : e.word;
  return out;
}

test("property: one-word edits of ~100-word texts stay within the near-duplicate threshold in ≥ 95% of cases", () => {
  const samples = fc.sample(fc.tuple(textArb, edit), { numRuns: 2000, seed: 20261128 });
  let near = 0;
  for (const [words, e] of samples) if (isNearDuplicate(simhash(words.join(" ")), simhash(applyEdit(words, e).join(" ")))) near++;
  assert.ok(near / samples.length >= 0.95, `${near} of ${samples.length} edits stayed within ${NEAR_DUPLICATE_BITS} bits`);
});

test("property: unrelated random texts are not near-duplicates", () => {
  fc.assert(fc.property(textArb, textArb, (a, b) => !isNearDuplicate(simhash(a.join(" ")), simhash(b.join(" ")))), { numRuns: 500, seed: 7 });
});

test("property: band probes find every hash within the threshold", () => {
  fc.assert(fc.property(fc.array(fc.nat({ max: 63 }), { maxLength: NEAR_DUPLICATE_BITS }), textArb, (flips, words) => {
    const h = simhash(words.join(" "));
    let hi = parseInt(h.slice(0, 8), 16), lo = parseInt(h.slice(8), 16);
    for (const b of flips) { if (b < 32) hi = (hi ^ (1 << b)) >>> 0; else lo = (lo ^ (1 << (b - 32))) >>> 0; }
    const other = hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
    const probes = simhashBandProbes(h);
    const bands = simhashBands(other);
    return hammingDistance(h, other) > NEAR_DUPLICATE_BITS || bands.some((b, i) => probes[i]!.includes(b));
  }), { numRuns: 300, seed: 3 });
});
