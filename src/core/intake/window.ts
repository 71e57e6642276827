// A reading of the words around each proposal's trigger: the chance that a
// proposal with these neighbours is right under SCHEMA.md's rule, learned from
// what past extractors proposed on reports they had not been tuned on. The
// sentence-wide lexical model (lexical.ts) sees which sentences labellers cite;
// this one sees the trigger's own company ("strikes on" against "strikes
// since", "clashes broke out" against "clashes have become"), and the trigger
// word by the sub-type the rules gave it. The precision gate reads it as one
// feature. Pure: the weights come in as data (window-model.json, trained with
// the gate by scripts/train-intake-gate.ts).
import { lexicalWords as words, scoreTerms, type LexicalModel } from "./lexical.ts";
import type { Proposal } from "./types.ts";

/** The one "type" the window model scores. */
export const WINDOW_TYPES = ["match"] as const;
/** Words read on each side of the trigger. */
export const WINDOW_WORDS = 5;

/**
 * The trigger word (alone and with the proposal's sub-type), the sub-type, and the words and adjacent pairs
 * within WINDOW_WORDS before and after the trigger, each marked by its side. No trigger: one term saying so.
 */
export function windowTerms(text: string, p: Pick<Proposal, "evidence" | "sub_event_type">): string[] {
  const trig = p.evidence[0]?.trigger;
  if (!trig) return ["notrigger"];
  const before = words(text.slice(Math.max(0, trig.start - 200), trig.start)).slice(-WINDOW_WORDS);
  const after = words(text.slice(trig.end, trig.end + 200)).slice(0, WINDOW_WORDS);
  const t = trig.text.toLowerCase();
  const out = new Set<string>([`t:${t}`, `t:${t}|${p.sub_event_type}`, `st:${p.sub_event_type}`]);
  for (const w of before) out.add(`b:${w}`);
  for (const w of after) out.add(`a:${w}`);
  for (let k = 0; k + 1 < before.length; k++) out.add(`b:${before[k]} ${before[k + 1]}`);
  for (let k = 0; k + 1 < after.length; k++) out.add(`a:${after[k]} ${after[k + 1]}`);
  return [...out];
}

/** The chance the proposal is right, by the words around its trigger. */
export function windowScore(model: LexicalModel, text: string, p: Pick<Proposal, "evidence" | "sub_event_type">): number {
  return scoreTerms(model, windowTerms(text, p))[0]!;
}

/** Checks that a model is a window model (one "match" type), not the sentence model. */
export function checkWindowModel(model: LexicalModel): LexicalModel {
  if (model.types.length !== 1 || model.types[0] !== WINDOW_TYPES[0] || model.bias.length !== 1) {
    throw new Error("intake window model is not a one-type window model; run npm run train:intake");
  }
  return model;
}
