// Public API of the intake extractor (pure core).
export { extractEvents } from "./extract.ts";
export { simhash, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS, simhashBands, simhashBandProbes } from "./simhash.ts";
export { splitSentences, type Sentence } from "./sentences.ts";
export { findDates, type DateRange, type DateMention, type DatePrecision } from "./dates.ts";
export { createAdmin1Locator, countryOfAdmin1, type Admin1Collection } from "./locate.ts";
export { emptyTally, scoreArticle, summarise, admin1Key, type ScoreSummary, type ScoredProposal } from "./score.ts";
export { labelledArticleSchema, eventLabelSchema, type LabelledArticle, type EventLabel } from "./labels.ts";
export type { Article, ExtractContext, ExtractOptions, Evidence, LocateFn, Location, Proposal, ProposedActor } from "./types.ts";
