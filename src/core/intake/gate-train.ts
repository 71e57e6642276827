// Training side of the precision gate (gate.ts): the stored form of past
// proposals and a small deterministic logistic-regression fitter. Pure.
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

export interface FitOptions {
  /** Ridge penalty on the standardised weights (not on the bias). */
  l2: number;
  /** Newton steps; the log-loss is convex and a few dozen are plenty. */
  iterations?: number;
}

/**
 * Weighted logistic regression by Newton's method on standardised features,
 * returned on the raw scale. No randomness anywhere: the same rows give the
 * same weights, so the committed model can be reproduced exactly.
 */
export function fitLogistic(X: readonly (readonly number[])[], y: readonly number[], w: readonly number[], opts: FitOptions): { weights: number[]; bias: number } {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  let wsum = 0;
  for (let i = 0; i < n; i++) { wsum += w[i]!; for (let k = 0; k < d; k++) mean[k]! += w[i]! * X[i]![k]!; }
  for (let k = 0; k < d; k++) mean[k]! /= wsum || 1;
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) sd[k]! += w[i]! * (X[i]![k]! - mean[k]!) ** 2;
  // A feature that never varies gets unit scale and, under the penalty, a zero weight.
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]! / (wsum || 1)) || 1;
  const Z = X.map((row) => row.map((v, k) => (v - mean[k]!) / sd[k]!));
  // Parameters: bias at index d.
  const beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (opts.iterations ?? 30); it++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const z = Z[i]!;
      let eta = beta[d]!;
      for (let k = 0; k < d; k++) eta += beta[k]! * z[k]!;
      const p = 1 / (1 + Math.exp(-eta));
      const r = w[i]! * (p - y[i]!);
      const s = w[i]! * Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k < d; k++) {
        if (z[k] === 0) continue;
        g[k]! += r * z[k]!;
        const hk = H[k]!;
        for (let m = 0; m <= k; m++) if (z[m] !== 0) hk[m]! += s * z[k]! * z[m]!;
        H[d]![k]! += s * z[k]!;
      }
      g[d]! += r;
      H[d]![d]! += s;
    }
    for (let k = 0; k < d; k++) { g[k]! += opts.l2 * beta[k]!; H[k]![k]! += opts.l2; }
    // Symmetrise the lower triangle filled above.
    for (let k = 0; k <= d; k++) for (let m = 0; m < k; m++) H[m]![k] = H[k]![m]!;
    for (let k = 0; k < d; k++) H[k]![d] = H[d]![k]!;
    const step = solveSymmetric(H, g);
    let moved = 0;
    for (let k = 0; k <= d; k++) { beta[k]! -= step[k]!; moved = Math.max(moved, Math.abs(step[k]!)); }
    if (moved < 1e-9) break;
  }
  const weights = beta.slice(0, d).map((b, k) => b / sd[k]!);
  const bias = beta[d]! - weights.reduce((acc, wk, k) => acc + wk * mean[k]!, 0);
  return { weights, bias };
}

/** Solves H x = g for a symmetric positive-definite H (Cholesky). */
function solveSymmetric(H: number[][], g: number[]): number[] {
  const d = g.length;
  const L = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i]![j]!;
      for (let k = 0; k < j; k++) sum -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[j]![j]!;
    }
  }
  const t = new Array<number>(d).fill(0);
  for (let i = 0; i < d; i++) {
    let sum = g[i]!;
    for (let k = 0; k < i; k++) sum -= L[i]![k]! * t[k]!;
    t[i] = sum / L[i]![i]!;
  }
  const x = new Array<number>(d).fill(0);
  for (let i = d - 1; i >= 0; i--) {
    let sum = t[i]!;
    for (let k = i + 1; k < d; k++) sum -= L[k]![i]! * x[k]!;
    x[i] = sum / L[i]![i]!;
  }
  return x;
}
