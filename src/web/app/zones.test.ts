// Zone labels: the pack's name in the reader's language, English when the
// pack has none in it, the id when the pack does not know the zone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { areaLabel, zoneLabel, type AreaNames } from "./zones.ts";

test("a zone id reads as the pack's name in the language, with fallbacks", () => {
  const names: AreaNames = new Map([
    ["aos", { en: "Area of separation", ar: "منطقة الفصل", he: "אזור ההפרדה" }],
    ["east-0-10", { en: "0–10 km east of Line B" }],
  ]);
  assert.equal(zoneLabel(names, "ar", "aos", "outside-label"), "منطقة الفصل");
  assert.equal(zoneLabel(names, "he", "aos", "outside-label"), "אזור ההפרדה");
  assert.equal(zoneLabel(names, "he", "east-0-10", "outside-label"), "0–10 km east of Line B");
  assert.equal(zoneLabel(names, "en", "west-9-99", "outside-label"), "west-9-99");
  assert.equal(zoneLabel(undefined, "ar", "aos", "outside-label"), "aos");
  assert.equal(zoneLabel(names, "ar", "outside", "خارج المناطق"), "خارج المناطق");
});

test("a governorate code reads as its name in the language, the code when unknown", () => {
  const names: AreaNames = new Map([["SY-QU", { en: "Quneitra", ar: "القنيطرة" }]]);
  assert.equal(areaLabel(names, "ar", "SY-QU"), "القنيطرة");
  assert.equal(areaLabel(names, "he", "SY-QU"), "Quneitra");
  assert.equal(areaLabel(names, "en", "SY-X01~"), "SY-X01~");
});
