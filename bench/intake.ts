// `npm run bench:intake`: articles per second on one core for ~2,500-character
// reports built from the development set. Prints one JSON line.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPackContext } from "../scripts/eval-intake.ts";
import { extractEvents } from "../src/core/intake/extract.ts";
import { simhash } from "../src/core/intake/simhash.ts";

const TARGET_CHARS = 2500;
const dir = fileURLToPath(new URL("../test/intake/", import.meta.url));
const docs = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(dir + f, "utf8")) as { text: string; published: string | null });
// Each benchmark article stitches consecutive development reports (as separate paragraphs) to the target length.
const articles: Array<{ text: string; published: string | null }> = [];
for (let i = 0; i < docs.length; i++) {
  let text = "";
  for (let j = i; text.length < TARGET_CHARS; j = (j + 1) % docs.length) text += (text ? "\n" : "") + docs[j]!.text;
  articles.push({ text: text.slice(0, text.lastIndexOf(".", TARGET_CHARS + 200) + 1) || text, published: docs[i]!.published });
}
const ctx = loadPackContext();
for (const a of articles) extractEvents(a, ctx); // warm-up: indexes, JIT
const budgetMs = 10_000;
let n = 0;
let events = 0;
const t0 = performance.now();
while (performance.now() - t0 < budgetMs && n < 5000) {
  const a = articles[n % articles.length]!;
  events += extractEvents(a, ctx).length;
  simhash(a.text);
  n++;
}
const seconds = (performance.now() - t0) / 1000;
const chars = Math.round(articles.reduce((s, a) => s + a.text.length, 0) / articles.length);
const rate = Math.round((n / seconds) * 10) / 10;
console.log(JSON.stringify({ articles: n, chars_per_article: chars, articles_per_s: rate, target: 100, events_per_article: Math.round((events / n) * 10) / 10, seconds: Math.round(seconds * 10) / 10, includes: "extractEvents + simhash" }));
