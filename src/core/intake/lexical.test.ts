import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLexicalModel, LEXICAL_TYPES, lexicalScores, lexicalTerms, trainLexical, type LexicalRow } from "./lexical.ts";

test("terms: lower-cased words and adjacent pairs, digits folded, each once", () => {
  assert.deepEqual(lexicalTerms("Shells hit 3 homes; shells HIT again."), ["shells", "shells hit", "hit", "hit #", "#", "# homes", "homes", "homes shells", "hit again", "again"]);
  assert.deepEqual(lexicalTerms("—"), []);
});

const kinds = (over: Partial<Record<(typeof LEXICAL_TYPES)[number], number>>): number[] => LEXICAL_TYPES.map((t) => over[t] ?? 0);
const rows: LexicalRow[] = [];
for (const place of ["Jasim", "Nawa", "Tasil", "Hader", "Quneitra", "Kuya"]) {
  rows.push({ terms: lexicalTerms(`Artillery shelled the outskirts of ${place} on Monday.`), y: kinds({ "Explosions/Remote violence": 1 }) });
  rows.push({ terms: lexicalTerms(`Hundreds of protesters gathered in the square of ${place}.`), y: kinds({ Protests: 1 }) });
  rows.push({ terms: lexicalTerms(`The market in ${place} reopened and prices fell.`), y: kinds({}) });
}

test("training learns which words cite which type, and is deterministic", () => {
  const model = trainLexical(rows);
  assert.deepEqual(model, trainLexical(rows));
  const shelled = lexicalScores(model, "Tanks shelled the outskirts of Sanamayn.");
  const crowd = lexicalScores(model, "Protesters gathered outside the governorate building.");
  const erv = LEXICAL_TYPES.indexOf("Explosions/Remote violence");
  const prot = LEXICAL_TYPES.indexOf("Protests");
  assert.ok(shelled[erv]! > 0.5 && shelled[prot]! < 0.5, String(shelled));
  assert.ok(crowd[prot]! > 0.5 && crowd[erv]! < 0.5, String(crowd));
  // Words never seen weigh nothing: only the bias speaks, and it says "probably no event".
  assert.ok(lexicalScores(model, "Zzz qqq.").every((p) => p < 0.5));
});

test("a model for other types is refused", () => {
  assert.throws(() => checkLexicalModel({ types: ["Battles"], bias: [0], weights: {} }), /does not match/);
  assert.doesNotThrow(() => checkLexicalModel({ types: [...LEXICAL_TYPES], bias: LEXICAL_TYPES.map(() => 0), weights: {} }));
});
