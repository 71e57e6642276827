// 64-bit SimHash over word shingles, for linking near-duplicate articles
// (the same wire story on several sites). Two 32-bit halves keep it in plain
// numbers, which is faster than BigInt arithmetic.
import { tokenize } from "./text.ts";

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** SimHash of a text as 16 hex digits. Word 3-shingles; case, accents and punctuation ignored. */
export function simhash(text: string): string {
  const words = tokenize(text).map((t) => t.norm);
  const v = new Int32Array(64);
  const shingles = words.length < 3 ? [words.join(" ")] : words.slice(0, -2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  for (const sh of shingles) {
    const hi = fnv1a(sh, 0x811c9dc5);
    const lo = fnv1a(sh, 0x9747b28c);
    for (let b = 0; b < 32; b++) {
      v[b] = (v[b] ?? 0) + ((hi >>> b) & 1 ? 1 : -1);
      v[32 + b] = (v[32 + b] ?? 0) + ((lo >>> b) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if ((v[b] ?? 0) > 0) hi |= 1 << b;
    if ((v[32 + b] ?? 0) > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

function popcount(x: number): number {
  let n = x >>> 0;
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Number of differing bits between two SimHash values (0..64). */
export function hammingDistance(a: string, b: string): number {
  const ah = parseInt(a.slice(0, 8), 16), al = parseInt(a.slice(8, 16), 16);
  const bh = parseInt(b.slice(0, 8), 16), bl = parseInt(b.slice(8, 16), 16);
  return popcount(ah ^ bh) + popcount(al ^ bl);
}

/**
 * Bits two texts' SimHash values may differ by and still be near-duplicates.
 * Deleting or changing one word of an ~800-character article alters about five
 * of its ~130 word 3-shingles, which moves 4–6 bits on average and up to ~10
 * (measured on the intake sets: ≤ 10 bits in 99.8% of single-word edits, ≤ 3 in
 * only 37%); unrelated articles differ by 19 bits or more (about 32 on average).
 */
export const NEAR_DUPLICATE_BITS = 10;

/** Near-duplicate when at most `maxBits` bits differ. */
export function isNearDuplicate(a: string, b: string, maxBits = NEAR_DUPLICATE_BITS): boolean {
  return hammingDistance(a, b) <= maxBits;
}

/** The four 16-bit bands of a SimHash (4 hex digits each), as stored for candidate lookup. */
export function simhashBands(h: string): [string, string, string, string] {
  return [h.slice(0, 4), h.slice(4, 8), h.slice(8, 12), h.slice(12, 16)];
}

/**
 * Band values to look up so that every hash within `maxBits` bits is found:
 * by pigeonhole one of the four bands differs in at most ⌊maxBits / 4⌋ bits,
 * so each band is probed with all values that close to it (137 per band for 2 bits).
 */
export function simhashBandProbes(h: string, maxBits = NEAR_DUPLICATE_BITS): [string[], string[], string[], string[]] {
  const radius = Math.floor(maxBits / 4);
  const probe = (band: string): string[] => {
    const v = parseInt(band, 16);
    const out = new Set<number>([v]);
    let frontier = [v];
    for (let r = 0; r < radius; r++) {
      const next: number[] = [];
      for (const x of frontier) for (let b = 0; b < 16; b++) {
        const y = x ^ (1 << b);
        if (!out.has(y)) { out.add(y); next.push(y); }
      }
      frontier = next;
    }
    return [...out].map((x) => x.toString(16).padStart(4, "0"));
  };
  const [b0, b1, b2, b3] = simhashBands(h);
  return [probe(b0), probe(b1), probe(b2), probe(b3)];
}
