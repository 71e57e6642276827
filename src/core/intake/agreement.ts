// Agreement between two labellings of the same articles under the SCHEMA.md
// rule: one person's labels are scored as if they were proposals against the
// other's. It tells how far the scoring rule itself lets two careful readers
// agree, the ceiling an extractor is measured against. Pure.
import type { EventLabel } from "./labels.ts";
import { emptyTally, scoreArticle, summarise, type ScoredProposal, type ScoreSummary } from "./score.ts";

/** A label read as a proposal: its best date, its place, its sides' countries, its evidence. */
export function labelAsProposal(l: EventLabel): ScoredProposal {
  return {
    event_type: l.event_type,
    sub_event_type: l.sub_event_type ?? "",
    plover: l.plover ?? "",
    actor1: { country: l.actor1_country },
    actor2: { country: l.actor2_country },
    admin1: l.admin1,
    lat: l.lat,
    lon: l.lon,
    date: l.date,
    fatalities: l.fatalities,
    flags: { background: l.reported_by_article_as_past_background },
    evidence: l.evidence.map((text) => ({ text })),
  };
}

export interface Agreement {
  /** Articles both labellings have. */
  articles: number;
  /** `second`'s labels (all of them) scored against `first`'s, and the other way round. */
  secondVsFirst: ScoreSummary;
  firstVsSecond: ScoreSummary;
  /** The same with only the required labels of the side scored as proposals. */
  secondRequiredVsFirst: ScoreSummary;
  firstRequiredVsSecond: ScoreSummary;
}

/** Both directions, keyed by article file name; articles only one side has are left out. */
export function agreement(first: ReadonlyMap<string, readonly EventLabel[]>, second: ReadonlyMap<string, readonly EventLabel[]>): Agreement {
  const score = (gold: ReadonlyMap<string, readonly EventLabel[]>, sys: ReadonlyMap<string, readonly EventLabel[]>, requiredOnly: boolean): ScoreSummary => {
    const tally = emptyTally();
    for (const [file, labels] of gold) {
      const other = sys.get(file);
      if (!other) continue;
      scoreArticle(tally, { labels, proposals: other.filter((l) => !requiredOnly || !l.optional).map(labelAsProposal) });
    }
    return summarise(tally);
  };
  return {
    articles: [...first.keys()].filter((k) => second.has(k)).length,
    secondVsFirst: score(first, second, false),
    firstVsSecond: score(second, first, false),
    secondRequiredVsFirst: score(first, second, true),
    firstRequiredVsSecond: score(second, first, true),
  };
}
