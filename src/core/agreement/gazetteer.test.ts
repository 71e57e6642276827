import { test } from "node:test";
import assert from "node:assert/strict";
import { placeSchema } from "./gazetteer.ts";

test("a place needs an English name and valid coordinates", () => {
  const bad = placeSchema.safeParse({ id: "x", names: { en: [] }, feature: "town", lon: 200, lat: 33, source: "t" });
  assert.equal(bad.success, false);
  const good = placeSchema.parse({ id: "quneitra", names: { en: ["Quneitra"] }, feature: "town", lon: 35.82, lat: 33.12, source: "GeoNames" });
  assert.deepEqual(good.names.ar, []);
});
