// The precision gate: its features on sentences written for the test, the
// committed model's shape, what applying it does, and the fitter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { actorsFileSchema, placesFileSchema } from "../agreement/gazetteer.ts";
import placesJson from "../../../packs/israel-syria-1974/places.json" with { type: "json" };
import actorsJson from "../../../packs/israel-syria-1974/actors.json" with { type: "json" };
import modelJson from "./gate-model.json" with { type: "json" };
import lexicalJson from "./lexical-model.json" with { type: "json" };
import windowJson from "./window-model.json" with { type: "json" };
import { checkWindowModel, windowScore } from "./window.ts";
import { checkLexicalModel, lexicalScores, LEXICAL_TYPES } from "./lexical.ts";
import { extractEvents } from "./extract.ts";
import { FEATURE_NAMES, applyGate, checkGateModel, contextOrDiplomacy, gateFeatures, gateKeeps, gateScore, type GateModel } from "./gate.ts";
import { fitTrees, hydrateProposal, slimProposal, treeLogit, type TreeEnsemble } from "./gate-train.ts";
import type { Article, ExtractContext, Proposal } from "./types.ts";

const ctx: ExtractContext = {
  places: placesFileSchema.parse(placesJson).places,
  actors: actorsFileSchema.parse(actorsJson).actors,
  locate: (lon, lat) => lat > 32 && lat < 34 && lon > 35 && lon < 37 ? (lon > 35.8 ? { country: "SYR", admin1: "SY-XX" } : { country: "ISR", admin1: "IL-Z" }) : null,
};

/** The rules' proposals (ungated) and each one's features by name. */
function featuresOf(article: Article): Array<{ p: Proposal; f: Record<string, number> }> {
  const proposals = extractEvents(article, ctx, { gate: false });
  return gateFeatures(article, proposals).map((row, i) => ({ p: proposals[i]!, f: Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, row[k]!])) }));
}

test("features: type, trigger, sentence cues, date and place as the proposal has them", () => {
  const article = { text: "Israeli jets reportedly struck a depot near Beit Jinn on Thursday, a monitor said.", published: "2025-06-13" };
  const [row] = featuresOf(article);
  assert.ok(row);
  assert.equal(row.f["type:Explosions/Remote violence"], 1);
  assert.equal(row.f["sub:Air/drone strike"], 1);
  assert.equal(row.f["trigger:strike"], 1, "the lexicon entry that matched where the trigger stands");
  assert.equal(row.f["trigger:ed"], 1);
  assert.equal(row.f["cue:hedge"], 1);
  assert.equal(row.f["cue:said"], 1);
  assert.equal(row.f["cue:neg"], 0);
  assert.equal(row.f["place:gazetteer"], 1);
  assert.equal(row.f["date:day"], 1);
  assert.equal(row.f["date:default"], 0);
  assert.ok(Math.abs(row.f["date:days-back"]! - Math.log1p(1)) < 1e-9);
  assert.equal(row.f["sentence:first"], 1);
  assert.equal(row.f["article:proposals"], Math.log1p(1));
  assert.equal(row.f["article:undated"], 0);
});

test("features: a quote, an earlier act of the kind at the same place, an act with no day of its own", () => {
  const quoted = featuresOf({ text: "Israeli troops detained two men in Beit Jinn on Monday. \"They raided Beit Jinn too,\" a resident said.", published: "2025-06-13" });
  assert.deepEqual(quoted.map((r) => r.p.sub_event_type), ["Arrests", "Other"]);
  assert.equal(quoted[0]!.f["trigger:in-quote"], 0);
  assert.equal(quoted[1]!.f["trigger:in-quote"], 1);
  assert.equal(quoted[1]!.f["cue:quote"], 1);
  assert.equal(quoted[1]!.f["sentence:first"], 0);
  const again = featuresOf({ text: "Israeli troops raided Beit Jinn on Monday. On Wednesday, soldiers raided Beit Jinn again and searched homes, a resident said.", published: "2025-06-13" });
  assert.deepEqual(again.map((r) => [r.f["article:earlier-same-place"], r.f["article:earlier-twin"]]), [[0, 0], [1, 0]], "the second raid is on another day: same place, not a twin");
  const [undated] = featuresOf({ text: "Israeli troops raided Kuya, residents said.", published: "2025-06-13" });
  assert.equal(undated!.f["date:default"], 1, "no day of its own: the week before publication");
  assert.equal(undated!.f["date:week"], 1);
});

test("the committed model fits the gate's features and gives probabilities", () => {
  const model = checkGateModel(modelJson as unknown as GateModel);
  assert.deepEqual(model.features, [...FEATURE_NAMES]);
  const trees = model.trees!;
  assert.ok(trees.trees.length >= 100 && Number.isFinite(trees.base));
  assert.ok(trees.trees.every((t) => t.every((n) => n.every(Number.isFinite))));
  // The trees split on many features, not one.
  assert.ok(new Set(trees.trees.flatMap((t) => t.filter((n) => n[0] >= 0).map((n) => n[0]))).size > 20);
  assert.ok(model.threshold > 0 && model.threshold < 1, `threshold ${model.threshold}`);
  assert.throws(() => checkGateModel({ ...model, features: model.features.slice(1) }), /does not match/);
  assert.throws(() => checkGateModel({ ...model, trees: { base: 0, trees: [[[FEATURE_NAMES.length, 0.5, 1, 2, 0], [-1, 0, -1, -1, 1], [-1, 0, -1, -1, -1]]] } }), /does not match/, "a split on a feature the gate does not have");
  const linear = { features: [...FEATURE_NAMES], weights: FEATURE_NAMES.map(() => 0), bias: 0, threshold: 0.5 };
  assert.equal(checkGateModel(linear), linear);
  assert.throws(() => checkGateModel({ ...linear, weights: linear.weights.slice(1) }), /does not match/);
});

test("boosted trees: a split sends a row left when its feature is at most the cut; leaves add to the log-odds", () => {
  const m: TreeEnsemble = { base: 0.5, trees: [[[0, 0.5, 1, 2, 0], [-1, 0, -1, -1, -1], [-1, 0, -1, -1, 2]], [[-1, 0, -1, -1, 0.25]]] };
  assert.equal(treeLogit(m, [0.5, 9]), 0.5 - 1 + 0.25);
  assert.equal(treeLogit(m, [0.6, 9]), 0.5 + 2 + 0.25);
  const model: GateModel = { features: [...FEATURE_NAMES], trees: m, threshold: 0.5 };
  assert.equal(gateScore(model, [1]), 1 / (1 + Math.exp(-2.75)));
});

test("the tree fitter finds an interaction no weighted sum can, and is deterministic", () => {
  // y is 1 exactly when the two features differ (exclusive or), with (0, 0) rarer than the rest: no weighted sum gets
  // all four cells right, two levels of splits do.
  const X: number[][] = [];
  const y: number[] = [];
  for (const [a, b, n] of [[0, 0, 20], [0, 1, 60], [1, 0, 60], [1, 1, 60]] as const) {
    for (let i = 0; i < n; i++) { X.push([a, b, (i % 7) / 7]); y.push(a !== b ? 1 : 0); }
  }
  const w = X.map(() => 1);
  const opts = { trees: 30, depth: 2, rate: 0.3, lambda: 1, minHessian: 1, bins: 16 };
  const m = fitTrees(X, y, w, opts);
  const p = (x: number[]): number => 1 / (1 + Math.exp(-treeLogit(m, x)));
  assert.ok(p([1, 0, 0]) > 0.9 && p([0, 1, 0]) > 0.9 && p([0, 0, 0]) < 0.1 && p([1, 1, 0]) < 0.1);
  assert.deepEqual(fitTrees(X, y, w, opts), m);
  // Row weights count: the same rows, the positives weighed down, give lower probabilities.
  const light = fitTrees(X, y, y.map((v) => (v ? 0.2 : 1)), opts);
  assert.ok(1 / (1 + Math.exp(-treeLogit(light, [1, 0, 0]))) < p([1, 0, 0]));
});

test("applying the gate drops what scores under the threshold, renumbers, and puts the probability in confidence", () => {
  const article = { text: "Israeli jets struck a depot near Beit Jinn on Thursday. Protesters rallied in Sweida on Friday.", published: "2025-06-14" };
  const proposals = extractEvents(article, ctx, { gate: false });
  assert.equal(proposals.length, 2);
  const rows = gateFeatures(article, proposals);
  // A model that only looks at whether the act is a protest.
  const weights = FEATURE_NAMES.map((n) => (n === "type:Protests" ? -4 : 0));
  const model: GateModel = { features: [...FEATURE_NAMES], weights, bias: 2, threshold: 0.5 };
  assert.ok(gateScore(model, rows[0]!) > 0.8 && gateScore(model, rows[1]!) < 0.2);
  const kept = applyGate(article, proposals, model);
  assert.deepEqual(kept.map((p) => [p.event_id, p.event_type, p.confidence]), [["p1", "Explosions/Remote violence", 0.88]]);
  assert.equal(applyGate(article, proposals, model, true).length, 2);
  // Background events and diplomacy (meetings, agreements, releases, aid) are judged like any act when something else
  // clears the threshold…
  const context = proposals.map((p, i) => (i === 1 ? { ...p, flags: { ...p.flags, background: true } } : p));
  assert.deepEqual(applyGate(article, context, model).map((p) => p.event_type), ["Explosions/Remote violence"]);
  const talks = proposals.map((p, i) => (i === 1 ? { ...p, event_type: "Strategic developments", plover: "CONSULT" } : p));
  // (A model that also doubts every strategic development.)
  const doubting: GateModel = { ...model, weights: FEATURE_NAMES.map((n) => (n === "type:Protests" || n === "type:Strategic developments" ? -4 : 0)) };
  assert.deepEqual(applyGate(article, talks, doubting).map((p) => p.event_type), ["Explosions/Remote violence"]);
  assert.ok(contextOrDiplomacy(talks[1]!) && !contextOrDiplomacy(proposals[1]!));
  assert.ok(!contextOrDiplomacy({ ...talks[1]!, plover: "MOBILIZE" }), "an incursion is no diplomacy");
  // …and all kept when nothing is more likely right than not (an article of talks or history): the acts still go.
  const strict = { ...doubting, threshold: 0.95 };
  assert.deepEqual(applyGate(article, talks, strict).map((p) => p.plover), ["CONSULT"]);
  assert.deepEqual(applyGate(article, context, strict).map((p) => p.flags.background), [true]);
  assert.deepEqual(applyGate(article, proposals, strict), []);
  assert.deepEqual(gateKeeps(talks, [0.6, 0.1], 0.2), [true, false], "a report of incidents: context judged");
  assert.deepEqual(gateKeeps(talks, [0.4, 0.1], 0.2), [true, true], "nothing more likely than not: context kept");
  assert.deepEqual(gateKeeps(talks, [0.1, 0.15], 0.2), [false, true]);
  assert.deepEqual(gateKeeps(proposals, [0.1, 0.15], 0.2), [false, false]);
  // Only an act makes a report of incidents: a meeting however likely does not, and the context beside it stays.
  assert.deepEqual(gateKeeps([talks[1]!, context[1]!], [0.9, 0.1], 0.2), [true, true]);
  assert.deepEqual(gateKeeps([proposals[0]!, context[1]!], [0.9, 0.1], 0.2), [true, false]);
  // Through extractEvents (on by default), with the committed model: a subset of the rules' proposals, each with the model's probability.
  const gated = extractEvents(article, ctx);
  const committed = checkGateModel(modelJson as unknown as GateModel);
  // …which reads each sentence with the committed lexical model.
  const lexical = checkLexicalModel(lexicalJson);
  const win = checkWindowModel(windowJson);
  const lexRows = gateFeatures(article, proposals, { lexical: (sentence) => lexicalScores(lexical, sentence), window: (text, p) => windowScore(win, text, p) });
  const pct = (x: number): number => Math.min(0.99, Math.max(0.01, Math.round(x * 100) / 100));
  const probs = lexRows.map((r) => gateScore(committed, r));
  const keep = gateKeeps(proposals, probs, committed.threshold);
  const expected = proposals.flatMap((_, i) => (keep[i] ? [pct(probs[i]!)] : []));
  assert.deepEqual(gated.map((p) => p.confidence), expected);
  assert.deepEqual(extractEvents(article, ctx, { gate: false }), proposals, "gate: false gives the rules' proposals");
});

test("the lexical features: the sentence's chance of citing the proposal's type, and of any type; zero when no lexical model is given", () => {
  const article = { text: "Israeli jets struck a depot near Beit Jinn on Thursday. Protesters rallied in Sweida on Friday.", published: "2025-06-14" };
  const proposals = extractEvents(article, ctx, { gate: false });
  const at = (n: string): number => FEATURE_NAMES.indexOf(n);
  for (const row of gateFeatures(article, proposals)) assert.deepEqual([row[at("lexical:type")], row[at("lexical:any")]], [0, 0]);
  // A stand-in reader: the first sentence reads as an explosion, the second as a protest.
  const fake = (sentence: string): number[] => LEXICAL_TYPES.map((t) => (sentence.startsWith("Israeli") ? (t === "Explosions/Remote violence" ? 0.9 : 0.1) : t === "Protests" ? 0.7 : 0.2));
  const rows = gateFeatures(article, proposals, { lexical: fake });
  assert.deepEqual(rows.map((r) => [r[at("lexical:type")], r[at("lexical:any")]]), [[0.9, 0.9], [0.7, 0.7]]);
  const wrongType = gateFeatures(article, [{ ...proposals[1]!, event_type: "Battles" }], { lexical: fake });
  assert.deepEqual([wrongType[0]![at("lexical:type")], wrongType[0]![at("lexical:any")]], [0.2, 0.7]);
  // The window reader's figure goes in as it comes, per proposal; none given, zero.
  for (const row of gateFeatures(article, proposals)) assert.equal(row[at("window:match")], 0);
  const byTrigger = (_text: string, p: Proposal): number => (p.event_type === "Explosions/Remote violence" ? 0.8 : 0.3);
  assert.deepEqual(gateFeatures(article, proposals, { window: byTrigger }).map((r) => r[at("window:match")]), [0.8, 0.3]);
});

test("the tree fitter finds the signal of one feature, its leaf penalty shrinks, and a stored proposal comes back whole", () => {
  // y mostly follows the first feature; the second is spread evenly over both classes.
  const X = [[1, 0], [1, 1], [1, 0], [1, 1], [0, 0], [0, 1], [0, 0], [0, 1]];
  const y = [1, 1, 0, 1, 0, 0, 1, 0];
  const w = X.map(() => 1);
  const opts = { trees: 10, depth: 1, rate: 0.3, lambda: 0.1, minHessian: 0.5, bins: 8 };
  const m = fitTrees(X, y, w, opts);
  assert.ok(m.trees.every((t) => t.length === 3 && t[0]![0] === 0), "every stump splits on the first feature");
  const lift = (e: TreeEnsemble): number => treeLogit(e, [1, 0]) - treeLogit(e, [0, 0]);
  assert.ok(lift(m) > 1);
  // A heavier leaf penalty, smaller steps.
  assert.ok(lift(fitTrees(X, y, w, { ...opts, lambda: 10 })) < lift(m));
  const text = "Israeli jets struck a depot near Beit Jinn on Thursday.";
  const [p] = extractEvents({ text, published: "2025-06-13" }, ctx, { gate: false });
  assert.deepEqual(hydrateProposal(slimProposal(p!), text), p);
});
