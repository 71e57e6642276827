// `npm run agree:intake -- <first folder> <second folder>`: how well two
// labellings of the same articles (SCHEMA.md format, matched by file name)
// agree under the SCHEMA.md rule. Prints one JSON line: the second scored
// against the first and the other way round, with all labels and with
// required labels only as the "proposals".
import { resolve } from "node:path";
import { agreement } from "../src/core/intake/agreement.ts";
import type { EventLabel } from "../src/core/intake/labels.ts";
import { readLabelledFolder } from "./eval-intake.ts";

const load = (folder: string): Map<string, EventLabel[]> => new Map(readLabelledFolder(folder).map((a) => [a.file, a.article.events]));

const [first, second] = process.argv.slice(2).filter((a) => !a.startsWith("-"));
if (!first || !second) {
  console.error("usage: npm run agree:intake -- <first folder> <second folder>");
  process.exit(2);
}
const a = agreement(load(resolve(first)), load(resolve(second)));
const brief = (s: typeof a.secondVsFirst) => ({ precision: s.precision, recall: s.recall, f1: s.f1, proposed: s.proposed, matched: s.matched });
console.log(JSON.stringify({
  articles: a.articles,
  second_vs_first: brief(a.secondVsFirst),
  first_vs_second: brief(a.firstVsSecond),
  second_required_vs_first: brief(a.secondRequiredVsFirst),
  first_required_vs_second: brief(a.firstRequiredVsSecond),
}));
