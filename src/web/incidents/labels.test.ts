// The ACLED vocabulary reads in each language: every event type and sub-event
// type of the taxonomy has a catalogue entry (none falls back to English
// unnoticed), and the Arabic and Hebrew ones are not the English words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EVENT_TYPES, SUB_EVENT_TYPES } from "../../core/incidents/taxonomy.ts";
import { translate } from "../i18n/i18n.tsx";
import { eventTypeLabel, subEventTypeLabel } from "./labels.ts";

test("every ACLED event type and sub-event type is named in English, Arabic and Hebrew", () => {
  const tr = (lang: "en" | "ar" | "he") => (k: Parameters<typeof translate>[1]) => translate(lang, k);
  for (const [values, label] of [[EVENT_TYPES, eventTypeLabel], [SUB_EVENT_TYPES, subEventTypeLabel]] as const) {
    for (const v of values) {
      const ar = label(tr("ar"), v), he = label(tr("he"), v);
      assert.notEqual(ar, v, `ar ${v}`);
      assert.notEqual(he, v, `he ${v}`);
      assert.match(ar, /[\u0600-\u06ff]/, v);
      assert.match(he, /[\u0590-\u05ff]/, v);
    }
  }
  assert.equal(subEventTypeLabel(tr("en"), "Air/drone strike"), "Air/drone strike");
  assert.equal(subEventTypeLabel(tr("ar"), "Something new"), "Something new");
});
