// Text folding and tokenisation shared by the gazetteer, actor and trigger
// matchers. Every token keeps its offsets in the original text, so evidence
// and highlights always point at what the reader sees.

export interface Token {
  /** Folded form used for matching. */
  norm: string;
  /** The token as written. */
  raw: string;
  start: number;
  end: number;
}

// Apostrophes, ayn/hamza marks and Hebrew geresh vary freely between
// transliterations, so they are dropped inside words.
const INNER = "'’‘`ʿʾ\"״׳";
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}]|[${INNER}](?=[\\p{L}\\p{N}]))*`, "gu");
const ARABIC = /[\u0600-\u06ff]/;
const HEBREW = /[\u0590-\u05ff]/;
// Arabic article forms written with a hyphen ("as-Suwayda", "ash-Shajara").
const HYPHEN_ARTICLES = new Set(["al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "ath", "adh", "es", "ed", "er", "et", "en", "ul", "ad"]);
// "al"/"el" are not English words, so they are dropped even without a hyphen.
const ALWAYS_ARTICLES = new Set(["al", "el"]);

export function foldArabic(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي");
}

export function foldHebrew(s: string): string {
  return s.replace(/[\u0591-\u05c7]/g, "").replace(/["״׳']/g, "");
}

/** Words already folded: news text repeats its words, and folding (NFKD, several replaces) is the tokenizer's main cost. Bounded. */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 50_000;

/** Folds one word: lower case, no diacritics or apostrophes, light spelling normalisation for Latin script. */
export function foldWord(raw: string): string {
  const hit = FOLDED.get(raw);
  if (hit !== undefined) return hit;
  const folded = foldUncached(raw);
  if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
  FOLDED.set(raw, folded);
  return folded;
}

function foldUncached(raw: string): string {
  if (ARABIC.test(raw)) return foldArabic(raw);
  if (HEBREW.test(raw)) return foldHebrew(raw);
  let s = raw.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  s = s.replace(/[’'‘`ʿʾ]s$/u, ""); // possessive: "Syria's" -> "syria"
  s = s.replace(/[’'‘`ʿʾ"״׳]/gu, "");
  // Transliterations double letters and add a final h at will: Jassem/Jasem, Jamlah/Jamla.
  s = s.replace(/(.)\1+/g, "$1");
  if (s.length > 3) s = s.replace(/([aei])h$/, "$1");
  return s;
}

/** Tokenises `text` (or the slice [from, to)) into folded tokens with offsets. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const norm = foldWord(raw);
    if (!norm) continue;
    if (ALWAYS_ARTICLES.has(norm) || (HYPHEN_ARTICLES.has(norm) && text[end] === "-" && /\p{L}/u.test(text[end + 1] ?? ""))) continue;
    out.push({ norm, raw, start, end });
  }
  return out;
}

/** Folded token strings of a name, as used for indexing. */
export function foldName(name: string): string[] {
  return tokenize(name).map((t) => t.norm);
}

/** Variants of a token with Arabic or Hebrew one-letter clitics removed ("بدرعا" -> "درعا"). */
export function cliticVariants(norm: string): string[] {
  const first = norm[0] ?? "";
  if (ARABIC.test(first) && norm.length > 3) {
    const out: string[] = [];
    if ("وفبلك".includes(first)) {
      out.push(norm.slice(1));
      const second = norm[1] ?? "";
      if ("بلك".includes(second) && norm.length > 4) out.push(norm.slice(2));
    }
    return out;
  }
  if (HEBREW.test(first) && norm.length > 2) {
    const out: string[] = [];
    if ("בהולמשכ".includes(first)) {
      out.push(norm.slice(1));
      const second = norm[1] ?? "";
      if ("בהלמכ".includes(second) && norm.length > 3) out.push(norm.slice(2));
    }
    return out;
  }
  return [];
}

export interface PhraseMatch<T> {
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  start: number;
  end: number;
  values: T[];
}

interface Entry<T> { rest: string[]; value: T; caseSensitive: string | null }

/**
 * A multi-word dictionary keyed by the first folded token. Matching is
 * greedy longest-first and never overlaps, which is what a reader does with
 * "Mazraat Beit Jinn" against "Beit Jinn".
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  add(name: string, value: T): void {
    const toks = foldName(name);
    const head = toks[0];
    if (head === undefined) return;
    // Short all-capital acronyms ("US", "IS", "IDF") must be written in capitals, or "us" and "is" would match.
    const compact = name.replace(/[.\s]/g, "");
    const caseSensitive = /^[A-Z]{2,5}$/.test(compact) ? compact : null;
    const list = this.byFirst.get(head) ?? [];
    if (!list.some((e) => e.value === value && e.rest.join(" ") === toks.slice(1).join(" "))) {
      list.push({ rest: toks.slice(1), value, caseSensitive });
      list.sort((a, b) => b.rest.length - a.rest.length);
    }
    this.byFirst.set(head, list);
  }

  match(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.matchAt(tokens, i);
      if (found) {
        out.push(found);
        i = found.to;
      } else i++;
    }
    return out;
  }

  private matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    const tok = tokens[i];
    if (!tok) return null;
    for (const head of [tok.norm, ...cliticVariants(tok.norm)]) {
      const list = this.byFirst.get(head);
      if (!list) continue;
      let bestLen = -1;
      let values: T[] = [];
      for (const e of list) {
        if (e.rest.length < bestLen) break;
        if (!e.rest.every((w, k) => tokens[i + 1 + k]?.norm === w)) continue;
        if (e.caseSensitive) {
          const rawSpan = tokens.slice(i, i + 1 + e.rest.length).map((t) => t.raw).join("");
          if (rawSpan !== e.caseSensitive) continue;
        }
        if (e.rest.length > bestLen) {
          bestLen = e.rest.length;
          values = [e.value];
        } else if (!values.includes(e.value)) values.push(e.value);
      }
      if (bestLen >= 0) {
        const last = tokens[i + bestLen];
        if (!last) continue;
        return { from: i, to: i + bestLen + 1, start: tok.start, end: last.end, values };
      }
    }
    return null;
  }
}
