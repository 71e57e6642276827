// The measured verdict reads in each language: every message id has a
// wording with all its values filled in, numbers and dates in the language's
// own digits and formats, and the Arabic and Hebrew wordings are not English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measuredSummary, type MeasuredMessage } from "../../core/talks/criteria.ts";
import { languages, translate, type Lang } from "../i18n/i18n.tsx";
import { measuredText } from "./measured.ts";

const samples: MeasuredMessage[] = [
  { key: "max.breached", values: { count: 4, week: "2025-06-09", max: 2 } },
  { key: "max.fulfilled", values: { max: 2, weeks: 8, worst: 1 } },
  { key: "max.in_progress", values: { done: 3, weeks: 8, max: 2 } },
  { key: "inspections.breached", values: { count: 2, item: "artillery", zone: "AOS", date: "2025-06-12" } },
  { key: "inspections.none", values: { zone: "AOS", from: "2025-06-01" } },
  { key: "inspections.clear", values: { item: "tanks", n: 5, zone: "B1" } },
  { key: "lead.none", values: { party: "SYR", from: "2025-06-01" } },
  { key: "lead.share", values: { share: 0.875, n: 16, hours: 6, required: 0.95 } },
  { key: "unavailable", values: { source: "incidents" } },
  { key: "unavailable", values: { source: "hotline" } },
];

const i18nFor = (lang: Lang) => ({
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars),
  date: (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso)),
  num: (n: number, opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, opts).format(n),
});

test("every measured message reads in English, Arabic and Hebrew with its values filled in", () => {
  for (const m of samples) {
    const texts = Object.fromEntries(languages.map((l) => [l, measuredText(i18nFor(l), m)])) as Record<Lang, string>;
    for (const l of languages) assert.doesNotMatch(texts[l], /\{\w+\}/, `${m.key} in ${l}: ${texts[l]}`);
    assert.notEqual(texts.ar, texts.en, m.key);
    assert.notEqual(texts.he, texts.en, m.key);
    assert.notEqual(texts.ar, texts.he, m.key);
  }
});

test("numbers, shares and dates follow the language", () => {
  const share = samples.find((m) => m.key === "lead.share")!;
  assert.match(measuredText(i18nFor("en"), share), /87\.5%.*16.*95%/);
  // The share as the language writes a percentage (not the raw fraction).
  const arPct = new Intl.NumberFormat("ar", { style: "percent", maximumFractionDigits: 1 }).format(0.875);
  assert.ok(measuredText(i18nFor("ar"), share).includes(arPct));
  assert.doesNotMatch(measuredText(i18nFor("ar"), share), /0\.875/);
  const breached = samples[0]!;
  assert.match(measuredText(i18nFor("en"), breached), /Jun 9, 2025/);
  assert.match(measuredText(i18nFor("he"), breached), /ביוני/);
  // The English summary the API also carries stays the server's own wording.
  assert.equal(measuredSummary(breached), "4 incidents in the week of 2025-06-09, above the limit of 2");
});

test("zones and limit items in the verdict are named in the reader's language", () => {
  const zoneName = (id: string) => (id === "AOS" ? "منطقة الفصل" : id);
  const breached = samples.find((m) => m.key === "inspections.breached")!;
  const ar = measuredText(i18nFor("ar"), breached, zoneName);
  assert.ok(ar.includes("منطقة الفصل"), ar);
  assert.ok(ar.includes("مدفعية"), ar);
  assert.doesNotMatch(ar, /artillery|AOS/);
  assert.match(measuredText(i18nFor("he"), samples.find((m) => m.key === "inspections.clear")!), /טנקים/);
  // An item no pack names stays as written; without a zone function the id shows.
  const other = measuredText(i18nFor("en"), { key: "inspections.clear", values: { item: "radars", n: 2, zone: "AOS" } });
  assert.match(other, /radars.*AOS/);
});
