import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { actorsFileSchema, placesFileSchema } from "../../src/core/agreement/gazetteer.ts";
import { extractEvents } from "../../src/core/intake/extract.ts";
import type { ExtractContext } from "../../src/core/intake/types.ts";

// Tests may read the bundled pack; the extractor itself never does.
const pack = new URL("../../packs/israel-syria-1974/", import.meta.url);
const places = placesFileSchema.parse(JSON.parse(readFileSync(new URL("places.json", pack), "utf8"))).places;
const actors = actorsFileSchema.parse(JSON.parse(readFileSync(new URL("actors.json", pack), "utf8"))).actors;
// A stand-in for the polygons: Syria east of 35.8 E, Israel west of it.
const ctx: ExtractContext = {
  places, actors,
  locate: (lon, lat) => lat > 32 && lat < 34 && lon > 35 && lon < 37 ? (lon > 35.8 ? { country: "SYR", admin1: "SY-XX" } : { country: "ISR", admin1: "IL-Z" }) : null,
};

test("one report, several events, with evidence, actors, place and date", () => {
  const text = "Israeli troops raided Beit Jinn on Thursday and detained three men. One resident was killed when soldiers fired at villagers. Israeli jets later struck near Kuya.";
  const out = extractEvents({ text, published: "2025-06-13" }, ctx);
  assert.deepEqual(out.map((p) => p.sub_event_type), ["Arrests", "Attack", "Air/drone strike"]);
  const [arrest, attack, strike] = out;
  assert.equal(arrest!.place_id, "beit-jinn");
  assert.equal(arrest!.actor1?.country, "ISR");
  assert.equal(arrest!.date, "2025-06-12");
  assert.equal(attack!.actor2?.id, "civilians");
  assert.equal(attack!.fatalities, 1);
  assert.equal(strike!.geo_precision, 2);
  assert.equal(strike!.place_id, "kuya");
  for (const p of out) for (const e of p.evidence) assert.equal(text.slice(e.start, e.end), e.text);
});

test("negated, future and hypothetical events are dropped unless asked for", () => {
  const text = "No clashes were reported in Sweida. Israel will strike any force that deploys south of Damascus. Talks could resume next month.";
  assert.equal(extractEvents({ text, published: "2025-03-01" }, ctx).length, 0);
  const all = extractEvents({ text, published: "2025-03-01" }, ctx, { includeNonFactual: true });
  assert.ok(all.length >= 2);
  assert.ok(all.every((p) => p.flags.negated || p.flags.future || p.flags.hypothetical));
});

test("homonyms lean toward the article's region; Arabic and Hebrew names are found", () => {
  const sy = extractEvents({ text: "Clashes erupted in Ash Shajarah near Jamla in the Yarmouk Basin on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(sy?.place_id, "ash-shajarah-sy");
  const ar = extractEvents({ text: "Israeli jets struck targets in بيت جن on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(ar?.place_id, "beit-jinn");
  const he = extractEvents({ text: "Israeli troops entered קונייטרה on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(he?.place_id, "quneitra");
});

test("background events keep an open date and the flag", () => {
  const out = extractEvents({ text: "Israel had previously launched airstrikes near Damascus.", published: "2025-05-28" }, ctx);
  assert.equal(out[0]?.flags.background, true);
  assert.deepEqual([out[0]?.date, out[0]?.date_end], [null, "2025-05-28"]);
});

test("never throws, offsets always slice the evidence, dates stay ordered (property)", () => {
  const words = ["Israeli", "jets", "struck", "Quneitra", "on", "Tuesday", "clashes", "in", "Sweida", "killing", "two", ".", "\n", "talks", "Syria", "Israel", "met", "last week", "no", "will", "arrested", "Daraa", "U.S.", "in early May", ","];
  fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.option(fc.constantFrom("2025-01-01", "2025-05-28", "2024-12-31"), { nil: null }), (parts, published) => {
    const text = parts.join(" ");
    for (const p of extractEvents({ text, published }, ctx, { includeNonFactual: true })) {
      for (const e of p.evidence) assert.equal(text.slice(e.start, e.end), e.text);
      if (p.date_start && p.date_end) assert.ok(p.date_start <= p.date_end);
      assert.ok(p.confidence > 0 && p.confidence < 1);
    }
  }), { numRuns: 200 });
});
