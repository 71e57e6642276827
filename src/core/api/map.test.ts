// The binary map points decode to exactly the JSON columns they were encoded
// from (coordinates at five decimals, dictionaries, days, ids, the flag), and
// columns built from joined pages (the SQLite read) equal those built row by
// row, truncation included.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dateOfDay, dayOf, decodePoints, encodePoints, PointColumnsBuilder, pointsJson, type PointColumns, type PointRow } from "./map.ts";

/** All the rows as columns, with the flag given. */
function toColumns(rows: PointRow[], truncated: boolean): PointColumns {
  const b = new PointColumnsBuilder(Math.max(1, rows.length));
  for (const r of rows) b.addRow(r);
  return { ...b.finish(), truncated };
}

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
    const c = toColumns(rows, truncated);
    const cols = pointsJson(c);
    const bytes = encodePoints(c);
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

test("columns from joined pages equal columns from rows, cut at the limit", () => {
  const joinPage = (rows: PointRow[]) => ({
    n: rows.length,
    ids: rows.map((r) => r[0]).join("\n"),
    lonE5: rows.map((r) => Math.round(r[1] * 1e5)).join(","),
    latE5: rows.map((r) => Math.round(r[2] * 1e5)).join(","),
    day: rows.map((r) => dayOf(r[3])).join(","),
    types: rows.map((r) => r[4]).join("\n"),
    verifications: rows.map((r) => r[5]).join("\n"),
  });
  fc.assert(fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 25 }), (rows, limit, pageSize) => {
    const byRow = new PointColumnsBuilder(limit, 4);
    for (const r of rows) byRow.addRow(r);
    const byPage = new PointColumnsBuilder(limit, 4);
    for (let i = 0; i < rows.length; i += pageSize) byPage.addPage(joinPage(rows.slice(i, i + pageSize)));
    const a = byRow.finish();
    const b = byPage.finish();
    assert.deepEqual(pointsJson(b), pointsJson(a));
    assert.equal(a.count, Math.min(limit, rows.length));
    assert.equal(a.truncated, rows.length > limit);
    assert.deepEqual(pointsJson(a).ids, rows.slice(0, limit).map((r) => r[0]));
  }));
});

test("a page whose columns do not line up is refused, not misread", () => {
  const b = new PointColumnsBuilder(10);
  assert.throws(() => b.addPage({ n: 2, ids: "a\nb", lonE5: "1", latE5: "1,2", day: "1,2", types: "x\nx", verifications: "v\nv" }), /expected 2/);
});
