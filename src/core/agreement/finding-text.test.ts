// Findings carry a message id with values as well as English: every finding an
// activity check makes has a `text` the wire schema accepts, whose English
// wording is exactly the `message`, and no wording leaves a value unfilled.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { buildPack } from "./build.ts";
import { checkActivity, type ActivityInput } from "./activity.ts";
import { findingEnglish, findingTextSchema, type FindingText } from "./finding-text.ts";
import { miniPackFiles } from "./fixture.ts";

const pack = buildPack(miniPackFiles());
const KM_LON = 93.43;
const at = (dKmFromB: number) => ({ type: "Point", coordinates: [35.85 + dKmFromB / KM_LON, 33.15] });

test("every finding of a check has a text whose English is its message (property over forces and places)", () => {
  const forces = fc.record({
    troops: fc.nat({ max: 9000 }), tanks: fc.nat({ max: 200 }), sam: fc.nat({ max: 3 }), police: fc.nat({ max: 50 }),
    artillery: fc.array(fc.record({ count: fc.integer({ min: 1, max: 40 }), caliber_mm: fc.option(fc.constantFrom(105, 122, 155), { nil: undefined }), range_km: fc.option(fc.integer({ min: 5, max: 40 }), { nil: undefined }) }), { maxLength: 2 }),
  });
  fc.assert(fc.property(forces, fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom("EST", "WST", "ZZZ"), (f, km, party) => {
    const act: ActivityInput = { id: "a1", party, geometry: at(km), start: "2025-06-01T06:00:00Z", end: "2025-06-01T18:00:00Z", forces: f };
    for (const finding of checkActivity(pack, act).findings) {
      const text = findingTextSchema.parse(finding.text);
      assert.equal(findingEnglish(text), finding.message);
      assert.doesNotMatch(finding.message, /undefined|NaN|\[object/);
    }
  }), { numRuns: 150 });
});

test("the English wordings, one per message id", () => {
  const samples: Array<[FindingText, string]> = [
    [{ key: "line.stays", values: { side: "east", line: "B", line_name: "Line B", near: true, accuracy_m: 1000 } }, "stays east of Line B, but within ±1000 m of a line drawn only approximately"],
    [{ key: "max.above", values: { total: 90, item: "tanks", zone: "east-0-10", max: 75, activities: 2, near: false, accuracy_m: 1000 } }, "90 tanks across 2 concurrent activities in east-0-10, above the limit of 75"],
    [{ key: "max.within", values: { total: 20, item: "tanks", zone: "east-0-10", max: 75, activities: 1 } }, "20 tanks in east-0-10, within the limit of 75"],
    [{ key: "notice.short", values: { lead_min: 30, required_min: 360, short_min: 330 } }, "short notice: the activity starts in 30 min, the channel rules ask for 360 min (330 min short)"],
    [{ key: "outside", values: {} }, "outside every zone of the agreement"],
  ];
  for (const [m, english] of samples) assert.equal(findingEnglish(m), english);
});
