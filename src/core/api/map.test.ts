// The binary map points decode to exactly the JSON columns they were encoded
// from (coordinates at five decimals, dictionaries, days, ids, the flag).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dateOfDay, decodePoints, encodePoints, toColumns, type PointRow } from "./map.ts";

const row = fc.tuple(
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes("\n")),
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
  fc.integer({ min: -3000, max: 40000 }).map(dateOfDay),
  fc.constantFrom("Battles", "Explosions/Remote violence", "Riots", "Ünïcode — أحداث"),
  fc.constantFrom("reported", "verified", "disputed"),
) as fc.Arbitrary<PointRow>;

test("binary points decode to the same columns as the JSON form", () => {
  fc.assert(fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), (rows, truncated) => {
    const cols = toColumns(rows, truncated);
    const bytes = encodePoints(cols);
    // A copy at another offset: the decoder must not depend on the sender's buffer.
    const t = decodePoints(bytes.slice().buffer);
    assert.equal(t.count, rows.length);
    assert.equal(t.truncated, truncated);
    assert.deepEqual(t.ids(), cols.ids);
    assert.deepEqual([...t.lonE5].map((v) => v / 1e5), cols.lon);
    assert.deepEqual([...t.latE5].map((v) => v / 1e5), cols.lat);
    assert.deepEqual([...t.day], cols.day);
    assert.deepEqual([...t.type].map((i) => t.types[i]), rows.map((r) => r[4]));
    assert.deepEqual([...t.verification].map((i) => t.verifications[i]), rows.map((r) => r[5]));
  }));
});

test("a wrong or cut answer is refused", () => {
  assert.throws(() => decodePoints(new TextEncoder().encode("{\"count\":0}").buffer), /not a map points answer/);
  const bytes = encodePoints(toColumns([["inc_a", 35.8, 33.1, "2026-05-16", "Battles", "reported"]], false));
  assert.throws(() => decodePoints(bytes.slice(0, bytes.length - 10).buffer), /cut short/);
});
