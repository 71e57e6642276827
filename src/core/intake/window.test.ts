import { test } from "node:test";
import assert from "node:assert/strict";
import { trainLexical, LEXICAL_DEFAULTS } from "./lexical.ts";
import { checkWindowModel, windowScore, windowTerms, WINDOW_TYPES } from "./window.ts";
import type { Proposal } from "./types.ts";

const at = (text: string, trigger: string, sub = "Air/drone strike"): Pick<Proposal, "evidence" | "sub_event_type"> => {
  const start = text.indexOf(trigger);
  return { sub_event_type: sub, evidence: [{ start: 0, end: text.length, text, trigger: { start, end: start + trigger.length, text: trigger } }] };
};

test("window terms: the trigger alone and by sub-type, and up to five words each side with their pairs, marked by side", () => {
  const text = "Late on Monday 2 Israeli drones struck a depot near Beit Jinn, residents said.";
  const terms = windowTerms(text, at(text, "struck"));
  assert.ok(terms.includes("t:struck") && terms.includes("t:struck|Air/drone strike") && terms.includes("st:Air/drone strike"));
  assert.deepEqual(terms.filter((t) => t.startsWith("b:") && !t.includes(" ")), ["b:on", "b:monday", "b:#", "b:israeli", "b:drones"]);
  assert.deepEqual(terms.filter((t) => t.startsWith("a:") && !t.includes(" ")), ["a:a", "a:depot", "a:near", "a:beit", "a:jinn"]);
  assert.ok(terms.includes("b:israeli drones") && terms.includes("a:near beit"));
  assert.ok(!terms.some((t) => t.includes("residents")), "six words away is out of the window");
  assert.deepEqual(windowTerms(text, { sub_event_type: "x", evidence: [{ start: 0, end: 5, text: "On Mo" }] }), ["notrigger"]);
});

test("the window model learns which neighbours make a proposal right, and is checked for its one type", () => {
  const rows = [];
  for (const place of ["Jasim", "Nawa", "Tasil", "Hader", "Quneitra", "Kuya"]) {
    const news = `Drones struck a depot in ${place} on Monday.`;
    const trend = `Strikes since January have hit ${place} often.`;
    rows.push({ terms: windowTerms(news, at(news, "struck")), y: [1] });
    rows.push({ terms: windowTerms(trend, at(trend, "Strikes")), y: [0] });
  }
  const model = checkWindowModel(trainLexical(rows, LEXICAL_DEFAULTS, WINDOW_TYPES));
  const fresh = "Drones struck a checkpoint in Sanamayn on Tuesday.";
  const habit = "Strikes since March have hit Inkhil.";
  assert.ok(windowScore(model, fresh, at(fresh, "struck")) > 0.5);
  assert.ok(windowScore(model, habit, at(habit, "Strikes")) < 0.5);
  assert.throws(() => checkWindowModel({ types: ["Battles"], bias: [0], weights: {} }), /window model/);
});
