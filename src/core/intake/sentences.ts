// Sentence splitting with character offsets into the original text.
// Rule-based on purpose: news prose is regular enough, and the offsets must be exact.

export interface Sentence {
  index: number;
  /** Paragraph number (blank-line or newline separated). */
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "capt", "sgt", "st", "no", "vs", "prof", "sen", "rep", "gov", "jr", "sr",
  "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "mt", "ft",
  "e.g", "i.e", "u.s", "u.n", "u.k", "a.m", "p.m",
]);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i] ?? "")) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Single initials ("A. Smith") and dotted acronyms ("U.S.").
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a] ?? "")) a++;
    while (b > a && /\s/.test(text[b - 1] ?? "")) b--;
    if (b > a) out.push({ index: out.length, paragraph, start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (ch === "\n") {
      push(start, i);
      start = i + 1;
      if (out.length > 0 && out[out.length - 1]!.paragraph === paragraph) paragraph++;
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "؟") continue;
    let j = i + 1;
    while (j < text.length && /["”’')\]»]/.test(text[j] ?? "")) j++;
    if (j < text.length && !/[ \t]/.test(text[j] ?? "")) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k] ?? "")) k++;
    const next = text[k] ?? "";
    if (k < text.length && next !== "\n" && !/[\p{Lu}\p{N}"“‘'(\u0590-\u06ff]/u.test(next)) continue;
    if (ch === "." && endsWithAbbreviation(text, i)) {
      // "U.S." can still end a sentence; only trust it when the next word is a common sentence opener.
      const nextWord = /^\p{L}+/u.exec(text.slice(k))?.[0] ?? "";
      if (!/^(The|A|An|In|On|It|He|She|They|This|That|These|Those|But|And|Israel|Syria|Syrian|Israeli)$/.test(nextWord)) continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.length);
  return out;
}
