// The agreement check's findings read in each language: every message id has
// a wording with all its values filled, Arabic and Hebrew are not English,
// zones come by name, and a finding stored before message ids keeps its English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findingEnglish, type FindingText } from "../../core/agreement/finding-text.ts";
import { languages, translate, type Lang } from "../i18n/i18n.tsx";
import { findingWords } from "./findings.ts";

const samples: FindingText[] = [
  { key: "not_party", values: { party: "LBN" } },
  { key: "line.stays", values: { side: "west", line: "A", line_name: "Line A", near: false, accuracy_m: 1000 } },
  { key: "line.stays", values: { side: "east", line: "B", line_name: "Line B", near: true, accuracy_m: 1000 } },
  { key: "line.beyond", values: { side: "west", line: "A", line_name: "Line A" } },
  { key: "line.touches", values: { line: "B", line_name: "Line B", accuracy_m: 1000 } },
  { key: "forces.police_only", values: {} },
  { key: "forces.none_declared", values: {} },
  { key: "forces.none_allowed", values: {} },
  { key: "forces.may_enter", values: { zone: "aos", accuracy_m: 1000 } },
  { key: "max.above", values: { total: 90, item: "tanks", zone: "east-0-10", max: 75, activities: 2, near: true, accuracy_m: 1000 } },
  { key: "max.within", values: { total: 20, item: "troops", zone: "east-0-10", max: 6000, activities: 1 } },
  { key: "calibre.wrong", values: { count: 4, calibres: "155", allowed_mm: 122 } },
  { key: "calibre.unknown", values: { count: 4, allowed_mm: 122 } },
  { key: "calibre.ok", values: { allowed_mm: 122 } },
  { key: "range.over", values: { count: 2, max_km: 20 } },
  { key: "range.unknown", values: { count: 2 } },
  { key: "range.ok", values: { max_km: 20 } },
  { key: "sam.present", values: { count: 1, zone: "east-20-25", near: false, accuracy_m: 1000 } },
  { key: "observation.in_site", values: { sites: "Mount Hermon" } },
  { key: "observation.clear", values: {} },
  { key: "no_limit", values: {} },
  { key: "outside", values: {} },
  { key: "notice.short", values: { lead_min: 30, required_min: 360, short_min: 330 } },
];
const i18nFor = (lang: Lang) => ({
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars),
  num: (n: number) => new Intl.NumberFormat(lang).format(n),
});
const zones: Record<string, string> = { "east-0-10": "منطقة-اختبار" };

test("every finding reads in English, Arabic and Hebrew with its values filled in", () => {
  for (const m of samples) {
    const f = { message: findingEnglish(m), text: m };
    const texts = Object.fromEntries(languages.map((l) => [l, findingWords(i18nFor(l), f).text])) as Record<Lang, string>;
    for (const l of languages) assert.doesNotMatch(texts[l], /\{\w+\}|undefined|NaN/, `${m.key} ${l}: ${texts[l]}`);
    assert.notEqual(texts.ar, texts.en, m.key);
    assert.notEqual(texts.he, texts.en, m.key);
  }
  // English worded in the browser says what the server's English says (zone ids aside, which the browser names,
  // and numbers, which it writes with the language's grouping: 1,000).
  const ungrouped = (x: string) => x.replace(/(\d),(\d{3})/g, "$1$2");
  for (const m of samples.filter((x) => !("zone" in x.values))) assert.equal(ungrouped(findingWords(i18nFor("en"), { message: findingEnglish(m), text: m }).text), findingEnglish(m), m.key);
});

test("zones by name, items and sides translated; old findings keep their English", () => {
  const above = samples.find((m) => m.key === "max.above")!;
  const ar = findingWords(i18nFor("ar"), { message: findingEnglish(above), text: above }, (z) => zones[z] ?? z).text;
  assert.ok(ar.includes("منطقة-اختبار") && ar.includes("دبابات"), ar);
  assert.doesNotMatch(ar, /tanks|east-0-10/);
  const stays = samples[1]!;
  assert.match(findingWords(i18nFor("he"), { message: findingEnglish(stays), text: stays }).text, /ממערב לקו A/);
  const old = findingWords(i18nFor("ar"), { message: "stays west of Line A" });
  assert.deepEqual(old, { text: "stays west of Line A", english: true });
});
