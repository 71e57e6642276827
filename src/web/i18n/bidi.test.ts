// Number ranges in right-to-left text: an en dash between digits is a neutral
// character, so in an Arabic or Hebrew paragraph the bidi algorithm lays
// "0–10" out as "10–0". A hyphen-minus between digits joins them into one
// left-to-right number run. Checked for the catalogues and the packs' names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ar } from "./ar.ts";
import { he } from "./he.ts";

const reversible = /\d\s*[–—]\s*\d/;

test("Arabic and Hebrew messages write number ranges with a hyphen-minus", () => {
  for (const [lang, cat] of [["ar", ar], ["he", he]] as const) {
    for (const [key, text] of Object.entries(cat)) assert.doesNotMatch(text, reversible, `${lang} ${key}: ${text}`);
  }
});

test("packs' Arabic and Hebrew zone names write number ranges with a hyphen-minus", () => {
  const packs = join(import.meta.dirname, "../../../packs");
  for (const pack of readdirSync(packs, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const zones = JSON.parse(readFileSync(join(packs, pack.name, "zones.json"), "utf8")) as { zones: Array<{ id: string; names?: Record<string, string> }> };
    for (const z of zones.zones) for (const lang of ["ar", "he"]) {
      const name = z.names?.[lang];
      if (name) assert.doesNotMatch(name, reversible, `${pack.name} ${z.id} ${lang}: ${name}`);
    }
  }
});
