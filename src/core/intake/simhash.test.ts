import { test } from "node:test";
import assert from "node:assert/strict";
import { hammingDistance, isNearDuplicate, simhash } from "./simhash.ts";

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
