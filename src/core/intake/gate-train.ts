// Training side of the precision gate (gate.ts): the stored form of past
// proposals and a small deterministic gradient-boosted-trees fitter. Pure.
import type { Proposal } from "./types.ts";

/** A proposal as stored for training: evidence by offsets only (the article text gives the words back). */
export type SlimProposal = Omit<Proposal, "evidence"> & { evidence: Array<Omit<Proposal["evidence"][number], "text">> };

export interface FirstContactBatch {
  /** The commit that added the reports. */
  commit: string;
  /** The extractor that proposed (the commit's parent when the same commit tuned the rules on them). */
  extractor: string;
  articles: Array<{ file: string; proposals: SlimProposal[] }>;
}

/** Drops evidence text; fills fields older extractors did not have. */
export function slimProposal(p: Proposal): SlimProposal {
  const actor = (a: Proposal["actor1"]): Proposal["actor1"] => a ? { name: a.name, id: a.id ?? null, country: a.country ?? null, party: a.party ?? null, inter: a.inter ?? null, ...(a.inferred ? { inferred: a.inferred } : {}) } : null;
  return {
    event_id: p.event_id,
    date: p.date ?? null,
    date_precision: p.date_precision ?? null,
    date_start: p.date_start ?? null,
    date_end: p.date_end ?? null,
    actor1: actor(p.actor1),
    actor2: actor(p.actor2),
    event_type: p.event_type,
    sub_event_type: p.sub_event_type,
    plover: p.plover,
    plover_mode: p.plover_mode ?? null,
    plover_score: p.plover_score ?? 0,
    location: p.location ?? null,
    place_id: p.place_id ?? null,
    admin1: p.admin1 ?? null,
    admin1_name: p.admin1_name ?? null,
    country: p.country ?? null,
    zone: p.zone ?? null,
    lat: p.lat ?? null,
    lon: p.lon ?? null,
    geo_precision: p.geo_precision ?? null,
    fatalities: p.fatalities ?? null,
    flags: { background: p.flags.background, future: p.flags.future ?? false, hypothetical: p.flags.hypothetical ?? false, negated: p.flags.negated ?? false },
    evidence: p.evidence.map((e) => (e.trigger ? { start: e.start, end: e.end, trigger: e.trigger } : { start: e.start, end: e.end })),
    confidence: p.confidence ?? 0,
  };
}

/** The proposal back with its evidence text. */
export function hydrateProposal(p: SlimProposal, text: string): Proposal {
  return { ...p, evidence: p.evidence.map((e) => ({ ...e, text: text.slice(e.start, e.end) })) };
}

export interface TreeOptions {
  /** Boosting rounds. */
  trees: number;
  /** Splits from root to leaf. */
  depth: number;
  /** Shrinkage of each tree's values. */
  rate: number;
  /** Ridge penalty on leaf values (second-order boosting, as in XGBoost). */
  lambda: number;
  /** Least summed row weight × p(1−p) on each side of a split: no leaf for a handful of rows. */
  minHessian: number;
  /** Most cut points tried per feature (quantiles of its values). */
  bins: number;
}

/**
 * A tree as flat nodes `[feature, threshold, left, right, value]`: a row goes left when its feature is at most the
 * threshold; a node with feature −1 is a leaf and adds its value to the log-odds.
 */
export type TreeNode = [number, number, number, number, number];
export interface TreeEnsemble {
  /** Log-odds before any tree. */
  base: number;
  trees: TreeNode[][];
}

/** Log-odds of a row under an ensemble. */
export function treeLogit(m: TreeEnsemble, x: readonly number[]): number {
  let z = m.base;
  for (const tree of m.trees) {
    let k = 0;
    for (;;) {
      const node = tree[k]!;
      if (node[0] < 0) { z += node[4]; break; }
      k = (x[node[0]] ?? 0) <= node[1] ? node[2] : node[3];
    }
  }
  return z;
}

/** Cut points per feature: midpoints between distinct values, thinned to quantiles when there are more than `bins`. */
function cutPoints(X: readonly (readonly number[])[], d: number, bins: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < d; k++) {
    const col = X.map((r) => r[k]!).sort((a, b) => a - b);
    const values = col.filter((v, i) => i === 0 || v !== col[i - 1]);
    if (values.length <= bins) { out.push(values.slice(1).map((v, i) => (values[i]! + v) / 2)); continue; }
    const cuts: number[] = [];
    for (let b = 1; b < bins; b++) {
      const q = col[Math.floor((b / bins) * col.length)]!;
      const next = values.find((v) => v > q);
      if (next !== undefined && cuts[cuts.length - 1] !== (q + next) / 2) cuts.push((q + next) / 2);
    }
    out.push(cuts);
  }
  return out;
}

/**
 * Gradient-boosted trees on the logistic loss (second-order steps, histogram splits), weighted rows. Deterministic
 * (the same rows give the same trees): no sampling, ties broken by feature and cut order. Trees see what a linear model cannot: a
 * trigger that is right as a strike and wrong as a clash, a cue that matters only far down an article.
 */
export function fitTrees(X: readonly (readonly number[])[], y: readonly number[], w: readonly number[], opts: TreeOptions): TreeEnsemble {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const cuts = cutPoints(X, d, opts.bins);
  // Each row's bin per feature, found once.
  const bin = X.map((r) => r.map((v, k) => {
    const c = cuts[k]!;
    let lo = 0;
    let hi = c.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (v > c[mid]!) lo = mid + 1; else hi = mid; }
    return lo;
  }));
  let wsum = 0;
  let ysum = 0;
  for (let i = 0; i < n; i++) { wsum += w[i]!; ysum += w[i]! * y[i]!; }
  const base = ysum > 0 && ysum < wsum ? Math.log(ysum / (wsum - ysum)) : 0;
  const F = new Array<number>(n).fill(base);
  const g = new Array<number>(n).fill(0);
  const h = new Array<number>(n).fill(0);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < opts.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-F[i]!));
      g[i] = w[i]! * (p - y[i]!);
      h[i] = w[i]! * Math.max(p * (1 - p), 1e-9);
    }
    const tree: TreeNode[] = [];
    const grow = (rows: number[], depth: number): number => {
      let G = 0;
      let H = 0;
      for (const i of rows) { G += g[i]!; H += h[i]!; }
      const at = tree.length;
      tree.push([-1, 0, -1, -1, (-G / (H + opts.lambda)) * opts.rate]);
      if (depth >= opts.depth) return at;
      const parent = (G * G) / (H + opts.lambda);
      let best = 1e-12;
      let bestK = -1;
      let bestB = -1;
      for (let k = 0; k < d; k++) {
        const nb = cuts[k]!.length + 1;
        if (nb < 2) continue;
        const gs = new Float64Array(nb);
        const hs = new Float64Array(nb);
        for (const i of rows) { const b = bin[i]![k]!; gs[b]! += g[i]!; hs[b]! += h[i]!; }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += gs[b]!;
          hl += hs[b]!;
          const hr = H - hl;
          if (hl < opts.minHessian || hr < opts.minHessian) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent;
          if (gain > best) { best = gain; bestK = k; bestB = b; }
        }
      }
      if (bestK < 0) return at;
      const left = rows.filter((i) => bin[i]![bestK]! <= bestB);
      const right = rows.filter((i) => bin[i]![bestK]! > bestB);
      const l = grow(left, depth + 1);
      const r = grow(right, depth + 1);
      tree[at] = [bestK, cuts[bestK]![bestB]!, l, r, 0];
      return at;
    };
    grow(Array.from({ length: n }, (_, i) => i), 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) F[i]! += treeLogit({ base: 0, trees: [tree] }, X[i]!);
  }
  return { base, trees };
}
