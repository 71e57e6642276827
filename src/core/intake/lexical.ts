// A lexical reading of each sentence: for every ACLED event type, the chance
// that a labeller would cite this sentence as evidence of an event of that type,
// from the sentence's words and word pairs alone. The rules see constructions;
// this sees vocabulary across hundreds of labelled reports ("held up a patrol",
// "chanting for", "monitor has counted"), and the precision gate reads it as
// one more feature. Pure: the weights come in as data (lexical-model.json,
// trained with the gate by scripts/train-intake-gate.ts).

/** The event types scored, in the order of every weight vector. */
export const LEXICAL_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Strategic developments"] as const;

export interface LexicalModel {
  types: string[];
  /** Per type. */
  bias: number[];
  /** Term → one weight per type. Terms missing here weigh nothing. */
  weights: Record<string, number[]>;
  trained?: unknown;
}

/** The words the lexical readers see: lower-cased, digits folded to "#" (window.ts reads the same). */
export function lexicalWords(text: string): string[] {
  return text.toLowerCase().replace(/\d+/g, "#").match(/[a-z#'’-]+/g) ?? [];
}

/** Unigrams and adjacent pairs of lexicalWords, each once. */
export function lexicalTerms(sentence: string): string[] {
  const words = lexicalWords(sentence);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
  }
  return [...out];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One probability per type of the model, from terms already made. */
export function scoreTerms(model: LexicalModel, terms: readonly string[]): number[] {
  const z = [...model.bias];
  for (const t of terms) {
    const w = model.weights[t];
    if (w) for (let k = 0; k < z.length; k++) z[k]! += w[k] ?? 0;
  }
  return z.map(sigmoid);
}

/** One probability per LEXICAL_TYPES entry. */
export function lexicalScores(model: LexicalModel, sentence: string): number[] {
  return scoreTerms(model, lexicalTerms(sentence));
}

export interface LexicalRow {
  terms: readonly string[];
  /** 1 when a label of that type cites the sentence, per type (LEXICAL_TYPES, or the types trainLexical is given). */
  y: readonly number[];
}

export interface LexicalTrainOptions {
  epochs: number;
  /** AdaGrad step. */
  rate: number;
  /** Ridge penalty per step. */
  l2: number;
  /** Terms seen in fewer training sentences are ignored (they only memorise). */
  minCount: number;
}
export const LEXICAL_DEFAULTS: LexicalTrainOptions = { epochs: 4, rate: 0.3, l2: 1e-4, minCount: 2 };

/**
 * Logistic regression per type by AdaGrad over the rows in the order given: no randomness, so the same rows give
 * the same weights. Weights under 0.01 in every type are dropped and the rest rounded, to keep the file small.
 * The same learner reads the words around a trigger (window.ts), with one type of its own.
 */
export function trainLexical(rows: readonly LexicalRow[], opts: LexicalTrainOptions = LEXICAL_DEFAULTS, types: readonly string[] = LEXICAL_TYPES): LexicalModel {
  const k = types.length;
  const count = new Map<string, number>();
  for (const r of rows) for (const t of r.terms) count.set(t, (count.get(t) ?? 0) + 1);
  const kept = rows.map((r) => r.terms.filter((t) => (count.get(t) ?? 0) >= opts.minCount));
  const w = new Map<string, number[]>();
  const g2 = new Map<string, number[]>();
  const bias = new Array<number>(k).fill(0);
  for (let ep = 0; ep < opts.epochs; ep++) {
    rows.forEach((r, i) => {
      const terms = kept[i]!;
      for (let c = 0; c < k; c++) {
        let z = bias[c]!;
        for (const t of terms) z += w.get(t)?.[c] ?? 0;
        const grad = sigmoid(z) - r.y[c]!;
        bias[c]! -= 0.05 * grad;
        for (const t of terms) {
          let wt = w.get(t);
          let gt = g2.get(t);
          if (!wt || !gt) { wt = new Array<number>(k).fill(0); gt = new Array<number>(k).fill(0); w.set(t, wt); g2.set(t, gt); }
          const g = grad + opts.l2 * wt[c]!;
          gt[c]! += g * g;
          wt[c]! -= (opts.rate * g) / Math.sqrt(gt[c]! + 1e-8);
        }
      }
    });
  }
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4 || 0; // no -0: JSON writes it as 0
  const weights: Record<string, number[]> = {};
  for (const t of [...w.keys()].sort()) {
    const v = w.get(t)!;
    if (v.some((x) => Math.abs(x) >= 0.01)) weights[t] = v.map(r4);
  }
  return { types: [...types], bias: bias.map(r4), weights };
}

/** Checks that a model scores the types this code expects, in its order. */
export function checkLexicalModel(model: LexicalModel): LexicalModel {
  if (model.types.length !== LEXICAL_TYPES.length || model.types.some((t, i) => t !== LEXICAL_TYPES[i])) {
    throw new Error("intake lexical model does not match the event types; run npm run train:intake");
  }
  return model;
}
