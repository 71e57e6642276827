// Article text -> proposed events. Pure: the pack's places and actors and a
// locate() function come in through the context; nothing is read or fetched.
import type { Place } from "../agreement/gazetteer.ts";
import { addDays, daysToIso, findDates, isBoilerplateDateLine, isoToDays, type DateMention, type DateRange } from "./dates.ts";
import { AIR_CONTEXT, ARMED_TARGET, CIVILIAN_TARGET, DRONE_CONTEXT, PROTEST_CUE, PROTEST_FORCE, PROTEST_INTERVENTION, SHELL_CONTEXT, TRIGGERS, ploverScore, type TriggerDef } from "./lexicon.ts";
import { distanceKm, findActors, packIndex, resolveHomonym, type ActorMention, type PackIndex } from "./lookup.ts";
import { countryOfAdmin1 } from "./locate.ts";
import { applyGate, checkGateModel, type GateModel, type GateReaders } from "./gate.ts";
import { inferSides, UNNAMED_SIDE } from "./sides.ts";
import gateModelJson from "./gate-model.json" with { type: "json" };
import lexicalModelJson from "./lexical-model.json" with { type: "json" };
import { checkLexicalModel, lexicalScores } from "./lexical.ts";
import windowModelJson from "./window-model.json" with { type: "json" };
import { checkWindowModel, windowScore } from "./window.ts";
import { splitSentences, type Sentence } from "./sentences.ts";
import { tokenize } from "./text.ts";
import type { Article, Evidence, ExtractContext, ExtractOptions, Location, Proposal, ProposedActor } from "./types.ts";

interface PlaceMention {
  place: Place | null;
  /** Name as written (for places the gazetteer lacks). */
  name: string;
  start: number;
  end: number;
  near: boolean;
  /** Governorate or region named with an unknown village, used for its admin area. */
  region: Place | null;
  score: number;
  /** A capitalised name after "in"/"near" that neither the gazetteer nor the actor list knows: probably a place, less sure. */
  guessed?: boolean;
}

interface Candidate {
  sentence: Sentence;
  def: TriggerDef;
  event_type: string;
  sub_event_type: string;
  plover: string;
  mode: string | null;
  trigger: { start: number; end: number; text: string };
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  place: PlaceMention | null;
  placeInherited: boolean;
  date: DateRange;
  dateExplicit: boolean;
  fatalities: number | null;
  flags: Proposal["flags"];
  evidence: Sentence[];
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };
const NUM = "(\\d+|a (?:hundred|thousand)|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)";
/** Numbers that count, without the articles ("two members of a local faction were killed" is two). */
const NUM_COUNT = NUM.replace("|a|an|", "|");
const FATALITY_RES = [
  new RegExp(`\\b(?:killing|killed|kills|kill|leaving|left|claimed the lives of)\\s+(?:its\\s+|their\\s+|the\\s+)?(?:at least\\s+|some\\s+|about\\s+|nearly\\s+|more than\\s+)?${NUM}\\b(?!\\s+(?:wounded|injured))`, "gi"),
  // "two soldiers were killed", "13 residents, including children, were killed"; the words between may not start another clause.
  new RegExp(`\\b${NUM}\\s+(?!(?:days?|weeks?|months?|years?|hours?|times?|sides?)\\b)(?:(?!(?:said|says|say|reported|told|according|after|when|while|and|but|${NUM_COUNT})\\b)[\\w-]+\\s+|of\\s+one\\s+){0,6}?(?:[\\w-]+,\\s+(?:including|among them|most of them|many of them|mostly|the|a|an)\\b[^,.;]{0,40},\\s+)?(?:were|was|have been|had been|being)?\\s*(?:killed|dead|died|lost their lives)\\b`, "gi"),
  new RegExp(`\\bdeath toll\\s+(?:\\w+\\s+){0,3}?(?:to|at|of)\\s+(?:at least\\s+)?${NUM}\\b`, "gi"),
];
/** Tolls told without a number. */
const WORDED_TOLLS: Array<[RegExp, number]> = [
  // "killing its driver", "killed a shepherd": one victim named by a singular noun.
  [/\b(?:killing|killed|kills|shot dead|shooting dead|gunned down)\s+(?:its|the|their|a|an|one)\s+(?:[\w-]+\s+)?(?:driver|man|woman|child|boy|girl|soldier|officer|fighter|member|commander|resident|civilian|farmer|shepherd|passenger|teenager|youth|journalist|policeman|doctor|teacher)\b/gi, 1],
  // "the driver, his uncle, was killed": one victim, an aside between.
  [/\b(?:the|a|an|one)\s+(?:[\w-]+\s+)?(?:driver|man|woman|child|boy|girl|soldier|officer|fighter|member|commander|resident|civilian|farmer|shepherd|passenger|teenager|youth|journalist|policeman|doctor|teacher)(?:,\s+[^,.;]{1,30},)?\s+(?:was|is)\s+(?:shot\s+and\s+)?killed\b/gi, 1],
];

/** After a toll ("killing three policemen"), more victims of the same act: " and a passer-by", " and two children". */
const TOLL_AND = new RegExp(`^\\s+(?:[\\w-]+\\s+){0,2}?and\\s+${NUM}\\s+(?:[\\w-]+\\s+)?(?:passers?-by|civilians?|children|child|women|woman|men|man|soldiers?|officers?|policem[ae]n|members?|residents?|fighters?|others?)\\b(?!\\s+(?:were\\s+|was\\s+)?(?:wounded|injured|hurt))`, "i");
const NEGATION = /\b(no|not|never|denied|denies|deny|without|nor|neither|refuted|dismissed reports of|resisted|resisting|refused|refusing|didn't|did not|has not|have not|had not|was not|were not)\b[^,;:]*$/i;
const FUTURE = /\b(will|shall|expects?|expected|due to|ahead of|later this (?:week|month|year)|calls? on|called on|compel|plans? to|planned|planning|intends? to|intend|intention to|expected to|set to|to be held|scheduled|upcoming|next week|next month|is to|are to|prepar(?:e|es|ing) to|vow(?:ed|s)? to|pledg(?:ed|es) to|ready to|seeks? to|sought to|call(?:ed|s|ing)? for|demand(?:ed|s|ing)?|urg(?:ed|es|ing)|warn(?:ed|s|ing)? (?:of|against|that)|threaten(?:ed|s|ing)? (?:to|with)|would)\b[^,;:]*$/i;
const HYPOTHETICAL = /\b(could|might|if|whether|possible|possibility|potential|pave the way|prospect of|risk of|fears? of|aimed at|aim(?:s|ed)? to|to ensure|prevent(?:ing|ion of)?|reduc(?:e|ing|tion (?:of|in))|avoid(?:ing)?|curb(?:ing)?|halt(?:ing)?|stop(?:ping)?|end(?:ing)?|de-?escalat\w*)\b[^,;:]*$/i;
const TREND = /\b(every|each|any|days of|weeks of|months of|decrease in|increase in|decline in|drop in|rise in|fewer|number of|frequency of|spate of|string of|series of|a wave of|(?<!\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s)more(?!\s+than\b)|(?:several|many|multiple|numerous|repeated|\d+|two|three|four|five) rounds of)\s+(?:[\w-]+\s+){0,2}$/i;
const BACKGROUND = /\b(previously|earlier (?:this year|last year|back-channel|talks|contacts|rounds?)|(?<!(?:hours|minutes) )earlier(?!\s+(?:this (?:morning|afternoon|evening|week)|today|tonight|on\b|in the day|(?:that|the same) (?:day|morning|afternoon|evening|night)))|last year|in the past|formerly|once|which (?:had )?witnessed|was the scene|prior to|back in|for years|for decades|since the|history of|historically|build on|built on|in recent months)\b/i;
/** The modal "may", never the month ("May 2", "in May"): matched with its case. */
const MAY_MODAL = /\bmay\b[^,;:]*$/;
const PAST_PERFECT = /\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|ought|ew|ung|ot|ade|ook|ent)\b/i;
const NEAR_CUE = /\b(near|outside|outskirts of|around|vicinity of|close to|countryside of|east of|west of|north of|south of|kilometres? from|km from|edge of|road to|road between|road linking|highway)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$/i;
const LOC_CUE = /\b(in|at|near|into|on|inside|outside|around|toward|towards|of|to|between|entered|stormed|raided|struck|hit|targeted|shelled)\s+(?:the\s+)?(?:(?:central|southern|northern|eastern|western|south-western|south-eastern|north-western|north-eastern|downtown|rural|greater|[\w]+-(?:controlled|held|occupied|run|majority|populated)|[a-z]+(?:ed|al|ian|ern))\s+)?(?:(?:town|village|city|area|outskirts|countryside|hills?|heights|road|farmlands?)\s+(?:of\s+)?)?$/i;
/** A name listed right after a place: ", and X", " and X", ", X". */
const LISTED_NAME = /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)((?:(?:al|el|ash|as|ad|ar|at|az)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el|ash|as|ad|ar|at|az)-)?[A-Z][\w'’]+){0,2})(?=\s*(?:[,.;]|$|\s+(?:on|in|at|near|and|as|where|after|before|while|when|during|villages?|towns?)\b))/;
const GUESSED_PLACE = /\b(?:in|at|near|into|outside|around|towards?)\s+((?:(?:al|el|ash|as|ad|ar|at|az|an)-)?[A-Z][a-z][\w'’]*(?:[ -](?:(?:al|el|ash|as|ad|ar|at|az|an)-)?[A-Z][\w'’]+){0,2})/g;
/** Capitalised words that are not places: days, months, titles, institutions. */
const NOT_A_PLACE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|This|That|These|Those|He|She|They|It|Israel|Syria|Lebanon|Jordan|UN|UNDOF|Reuters|AFP|SANA|President|Prime|Minister|General|Sheikh|Mr|Ms|Dr|Christmas|Easter|Ramadan|Eid|New Year|Parliament|Congress|Council|Security|Ministry|Government|Army|Defence|Defense|Interior|Foreign|State|United|European|Arab|Islamic|Hamas|Hezbollah|Druze|Bedouin|Sunni|Shia|Alawite|Christian|Muslim|Jewish|English|Arabic|Hebrew|Syrian|Lebanese|Israeli|Jordanian|Palestinian|Iranian|Iraqi|Turkish|Russian|American|Egyptian|Saudi|Emirati|Qatari|French|British|European)\b/;
/** A place only named as where a road leads, not where the event was. */
const ROUTE_CUE = /\b(?:(?:road|highway|route|motorway)\s+(?:to|towards?|between|linking|from)(?:\s+\w+\s+and)?|bound for|on (?:its|their) way to|fled to|(?:speed(?:ing)?|sped|dr(?:ove|iving)|fle(?:d|eing)|escap(?:ed|ing))(?: off| away| back)? (?:toward|towards|in the direction of)|via|(?:withdr[ae]w(?:n|ing)?|pull(?:ed|ing) back|retreat(?:ed|ing))\s+(?:back\s+)?(?:to|toward|towards|into)|(?:(?:pass(?:ed|ing)?|travel(?:l?ed|l?ing)|dr(?:ove|iving)|routed|went|going|came|coming) |(?:reached|entered) (?:\w+ ){1,3})through)\s+(?:the\s+)?(?:(?:town|village|city|crossing)\s+of\s+)?$/i;
/** The speaker's seat in an attribution ("the foreign ministry in Damascus said"). */
const SAID_AFTER = /^\s*(?:[\w-]+\s+){0,1}(?:said|says|reported|announced|stated|told)\b/i;
const FROM_CUE = /\bfrom\s+(?:the\s+)?$/i;
const UNKNOWN_PLACE = /\b(?:village|town|city|hamlet|hill|farmlands?|outskirts|area|neighbou?rhood|district|camp|settlement)\s+of\s+((?:(?:al|el|ash|as|ad|ar|at|az)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el|ash|as|ad|ar|at|az)-)?[A-Z][\w'’]+){0,2})/g;
/** Relative times that keep a past-perfect clause inside the news ("Hours earlier Israeli jets had struck…"). */
const RECENT_REL = /\b(?:(?:hours|minutes) (?:earlier|before)|earlier (?:that|the same) day|the (?:previous|preceding) (?:day|night|evening)|a day (?:earlier|before)|the (?:day|night|evening) before|overnight)\b/i;
/** A day before or after the day just told ("The day before, troops had detained…", "the next morning"). */
const DAY_SHIFT = /\b(?:(the (?:day|night|evening) before|the (?:previous|preceding) (?:day|night|evening)|a day (?:earlier|before))|(the (?:next|following) (?:day|morning|night)|a day later))\b/i;
/** A narrative that goes on from the sentence before ("then", "within hours"). */
const CONTINUATION = /\b(?:then|later|afterwards|subsequently|within (?:hours|days|minutes)|soon after|shortly after(?:wards)?|the (?:next|following) (?:days?|morning|weeks?)|in the (?:days|weeks) (?:that )?(?:followed|after)|that (?:day|night|week))\b/i;
/** A determiner before a trigger noun points back at an event already told ("the attack", "the protesters"). */
const DEFINITE_BEFORE = /\b(?:the|this|that|these|those|such|its|their|both)\s+(?:(?!(?:had|has|have|was|were|is|are|then|also|later|and|who|which)\b)[\w-]+\s+){0,2}$/i;
/** A toll told in the passive: "were killed", "have been killed". */
const PASSIVE_TOLL = /\b(?:was|were|been|being)\s+(?:\w+ly\s+)?killed\b/i;
/** Two mentions of one place: the same gazetteer entry, or entries in one governorate within 25 km. */
function samePlace(x: PlaceMention | null, y: PlaceMention | null): boolean {
  if (!x || !y) return false;
  if (x.place && x.place === y.place) return true;
  const px = x.place ?? x.region;
  const py = y.place ?? y.region;
  if (!px || !py) return x.name === y.name;
  return px.admin1 === py.admin1 && distanceKm(px.lon, px.lat, py.lon, py.lat) <= 25;
}
/** An arrest of people counted apart from the dead ("killing one man and detaining at least seven others"): its own event. */
const ARREST_COUNT = /^\S+(?:\s+(?:at least|some|about|around|more than|nearly|up to))?\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens of|scores of|a number of)\s+(?:[\w-]+\s+)?(?:others|people|men|residents|villagers|civilians|suspects|youths|persons|individuals|shepherds|farmers)\b/i;
/** "a day after …", "two days following …": an act told as some days before the sentence's day. */
const N_DAYS_AFTER = /\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(days?|weeks?)\s+(?:after|following)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;
/** The gazetteer features a definite noun can point at. */
const FEATURE_OF: Record<string, string[]> = { city: ["city", "capital"], capital: ["capital"], town: ["town", "city"], village: ["village", "town"], province: ["region"], governorate: ["region"] };
/** What relief convoys carry, and who sends them. */
const AID_CARGO = /\b(?:flour|food|medicines?|medical|fuel|relief|humanitarian|aid|supplies|water tanks?|Red Crescent|Red Cross|ICRC|WFP|UNICEF|UNHCR|OCHA)\b/i;
/** Words that set an act apart from the one told before. */
const SEPARATE = /\b(?:separate(?:ly)?|another|elsewhere|a second|in a further|also in|meanwhile)\b/i;
/** "one year since a rocket strike …", "two years after the attack …". */
const YEARS_SINCE = /\b(a|one|two|three|four|five|\d+)\s+years?\s+(?:since|after|on from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$/i;
/** Words of habit. */
/** "has been struck several times since December", "raided it three times this year": a count of acts over a span, told in one clause. */
const TIMES_SPAN = /\b(?:repeated|frequent|regular|recurring|recurrent|numerous)\s+(?:[\w-]+\s+)?(?:confrontations|clashes|attacks|incursions|raids|strikes|incidents|arrests|protests|killings|assassinations)\b[^;]*?\bsince\b|\b(?:several|many|multiple|numerous|countless|repeated(?:ly)?|a number of|dozens of|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times\b[^;]*?\b(?:since|this year|last year|so far|in recent|over the (?:past|last)|in the (?:past|last))\b|\b(?:since|this year|so far|in recent (?:weeks|months))\b[^;]*?\b(?:several|many|multiple|numerous|\d+|two|three|four|five)\s+times\b/i;
/** "41 Israeli ground incursions", "dozens of raids": a count of events of a kind, not one event. */
const COUNTED_KIND = /\b(?:\d{2,}|dozens of|scores of|hundreds of)\s+(?:[\w-]+\s+){0,3}$/i;
/** "its largest barrage since October": a comparison, not a span the count covers. */
const SUPERLATIVE_SINCE = /\b(?:largest|biggest|heaviest|deadliest|worst|fiercest|most [\w-]+|first)\s+(?:[\w-]+\s+){0,3}since\s+(?:[\w-]+\s+){0,2}[\w-]+/gi;
/** Munitions counted in one salvo ("fired more than 200 rockets"): one act, not a count of acts. */
const SALVO = /(?:rockets|missiles|shells|rounds|projectiles|drones|mortars)$/i;
/** What makes a crowd that gathered a protest when no protest word is used: flags and signs, a square, speeches, solidarity. */
const GATHERING_CUE = /\b(?:flags?|signs|pictures|photographs|portraits|placards|solidarity|speakers?|speeches|refus\w+|sit-in|vigil|rall(?:y|ies|ied)|(?:main|central|town|village|city)\s+square|block(?:ed|ing)?\s+(?:the\s+)?(?:road|vehicles?|convoy|patrol))\b/i;
/** Unnamed attackers of the kind that carry out targeted killings. */
const GUNMEN = /\b(?:gunmen|armed men|assailants|attackers|unknown persons|masked men)\b/i;
/** Fire on both sides: a battle, not a one-sided attack. */
const EXCHANGE = /\b(?:clash\w*|exchang\w* (?:of )?(?:[\w-]+ )?fire|returned fire|responded|firefights?|gun ?battles?|fought|fighting|shoot-?outs?)\b/i;
/** Days told relative to when the text was written ("overnight", "today"): under a dated heading they are the heading's. */
const RELATIVE_TO_FILING = /^(?:overnight|tonight|today|this (?:morning|afternoon|evening)|last night|yesterday|earlier today)$/i;
/** A live blog's time stamp at the head of an entry: "18:20", "[14:02]", "09:15 –". */
const LIVE_STAMP = /^\s*(?:[-–•*]\s*)?\[?\d{1,2}[:.]\d{2}\]?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\s*(?:[-–—:]\s*)?(?=[A-Z[])/;
/** Perfect aspect with "since" or "so far": a running total ("900 people have been killed since the violence began"). */
const CUMULATIVE = /\b(?:have|has)\s+(?:\w+\s+)?(?:uprooted|destroyed|demolished|razed|bulldozed|seized|confiscated|detained|arrested|killed|carried out|conducted)\b[^.;]*?\bsince\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|dawn|morning)\b)|\b(?:have|has|had)\s+been\s+(?:killed|wounded|injured|arrested|detained|displaced)\s+(?:[\w-]+\s+){0,2}?(?:since|so far|in recent (?:weeks|months)|over the (?:past|last) (?:few )?(?:weeks|months|year))\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|dawn|morning|last night|the morning)\b)/i;
/** What suspects are held for: an act named, not told as happening. */
const SUSPICION = /\b(?:on suspicion of|suspected of|accused of|charged with|on charges of)\b/i;
/** What a crowd does that makes it a riot. */
const RIOT = /\b(?:protesters|demonstrators|crowds?|rioters|mourners|youths)\s+(?:[\w-]+\s+){0,3}?(?:stormed|torched|set fire|smashed|ransacked|vandali[sz]ed|threw (?:stones|rocks|petrol bombs|molotov)|attacked|burned down)\b|\b(?:turned violent|rioted|rioting|riots? broke out)\b/i;
/** A claim, rumour or unverified report introduces what follows it. */
const CLAIM_BEFORE = /\b(?:claim(?:ed|s|ing)?|alleg(?:ed|es|ing)|rumou?r(?:ed|s)?|purported(?:ly)?|unverified|circulat(?:ed|ing))\b/i;
/** A force named by a common noun only ("the force", "troops", "the army said"), not by its side ("Syrian troops"). */
const GENERIC_FORCE = /(?<!\b(?:[A-Z][\w'’-]+|government|security|tribal|rebel|local|opposition|allied|loyalist|pro-\w+)\s+)\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:force|forces|troops|army|military|soldiers|patrol|unit|units|artillery|aircraft|helicopters|jets)|[Tt]roops|[Ss]oldiers|(?:[Ff]ighter\s+)?jets|[Ww]arplanes|[Bb]ulldozers|[Aa]n?\s+(?:army\s+|military\s+|armou?red\s+)?(?:patrol|force|unit|convoy)\b(?!\s+of\s+(?!(?:about|some|around|at least|nearly|more than|\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|several)\b)))\b/;
/** "Arrests: none reported": a tally line that says nothing happened. */
const NONE_AFTER = /^\S+\s*:\s*(?:none|nil|no\b|0\b|zero)/i;
const HABITUAL = /\b(?:every|each)\s+(?:day|week|month|night|morning)\b|\b(?:almost|nearly)\s+(?:daily|every day)\b|\b(?:routinely|habitually|day after day|week after week)\b/i;
/** A time that points at the day just named. */
/** A time told against the last one named: "later that week", "later in the week", "late in the month", "at the end of that month". */
const LATER_THAT = /\b(?:later (?:that|in the|the same) week|(?:late|later) (?:in|that) (?:the|that) month|late that month|(?:at|towards?|by) the end of (?:that|the) month|(?:in )?the (?:first|second) half of (?:the|that) month|early (?:in|that) (?:the |that )?month|(?:at )?the (?:start|beginning) of (?:the|that) month|(?:in )?the middle of (?:the|that) month|mid-month)\b/i;
/** The days of the month a part of it covers ("early in the month": 1–10); 31 stands for its last day. */
function monthPart(phrase: string): [number, number] {
  if (/second half/i.test(phrase)) return [16, 31];
  if (/first half/i.test(phrase)) return [1, 15];
  if (/early|start|beginning/i.test(phrase)) return [1, 10];
  if (/middle|mid-/i.test(phrase)) return [11, 20];
  return [21, 31];
}
const ANAPHORIC_DAY = /\b(?:that|the same)\s+(?:morning|day|afternoon|evening|night)\b|\bwithin (?:the|an|the same|half an) hour\b|\b(?:minutes|hours|an hour) (?:later|afterwards)\b|\bshortly (?:afterwards|after that|thereafter)\b/i;
/** "At the same spot, a bulldozer levelled …", "at about the same time": a sentence with no day of its own, set in the scene just told, is on that scene's day. */
const SAME_SCENE = /\b(?:at|on|from)\s+(?:about\s+|around\s+|roughly\s+)?the\s+same\s+(?:spot|site|location|place|position|point|time|moment|hour)\b/i;
/** A pointer at the period a report covers. */
const PERIOD_REF = /\b(?:during|in|over|throughout|within)\s+the\s+(?:same\s+|reporting\s+|review\s+|mandate\s+)?period\b|\bsince the (?:last|previous) report\b/i;
/** After a definite trigger noun, a predicate about the event itself: "The strikes came days after …", "The fighting erupted on Sunday". */
const DEFINITE_SUBJECT = /^\S+(?:\s+\S+)?\s+(?:(?:were|was)\s+(?:the\s+)?(?:first|latest|second|third|heaviest|largest|deadliest|most|part|another)\b|came|comes|come|followed|follows|took place|happened|occurred|erupted|broke out|began|started|drew|prompted|sparked|triggered|marked|was arranged|were arranged|was mediated|was brokered)\b/i;
/** Trigger words that are verbs, never the noun a determiner points at. */
const VERB_TRIGGER = /(?:ed|ed (?:on|at|toward|towards)|^(?:struck|hit|shot|fought|met|opened fire|stormed))$/i;
/** Verb forms that are never past tense: a plan, a demand or an intention ("to detain", "calls on Israel to … withdraw"). */
const BARE_VERB = /^(?:withdraw|detain|deploy|establish|demolish|seize|capture|kidnap|abduct|bulldoze|raze|uproot|loot|meet|hand over|redeploy|mobili[sz]e|infiltrate|penetrate|ransack|dissolve|disband)$/i;
const TO_VERB = /^(?:arrest|attack|strike|hit|target|shell|bomb|raid|release|return|protest|rally|demonstrate|fight|clash|enter|storm|advance|patrol|open fire|assault)$/i;
/** "after two days of Israeli drone strikes": a counted run of days is an event, not a trend. */
const COUNTED_DAYS = /\b(\d+|two|three|four|five|six|seven|several|few)\s+days of\s+(?:[\w-]+\s+){0,2}$/i;
/** "The strikes came twelve days after …": the act after "after" lies that many days or weeks before the one the subject names. */
const CAME_AFTER = new RegExp(`^\\s*(?:(?:The|This|That|Its|Their)\\s+(?:[\\w-]+\\s+){0,2}|It\\s+)(?:also\\s+)?(?:came|comes|followed|follows|happened|occurred|took place)\\s+(?:about\\s+|some\\s+|just\\s+|only\\s+|barely\\s+|nearly\\s+|almost\\s+)?(\\d+|${Object.keys(NUMBER_WORDS).join("|")})\\s+(days?|weeks?)\\s+after\\b`, "i");
const DAYS_AFTER = /\b(?:(?:a few|several|two|three|four|five|\w+)\s+)?days (?:after|following)\s+(?:[\w-]+\s+){0,8}$/i;
/** The cause a protest answers ("after the funeral of…", "over the killing of…"): told as its own, earlier event. */
const PROTEST_CAUSE = /\b(?:(?:after|following|over|against|at|to mourn|in protest at) (?:the )?(?:funeral|burial|killing|death|arrest|detention|abduction)s? of|(?:funeral|procession|vigil|mourning)s? (?:procession )?for)\b[^;]*$/i;
/** What lies between two places of one list of targets: a few words of the first, an aside, "and"/"as well as", the next target's noun. No verb may start a new clause. */
const LIST_WORD = "(?!(?:was|were|is|are|had|has|have|said|says|killed|killing|wounded|struck|hit|and|but|while|before|after|when)\\b)(?![\\w-]+ed\\b)[\\w'’-]+";
const TARGET_LIST_GAP = new RegExp(`^(?:\\s+${LIST_WORD}){0,3}(?:,\\s*[^,.;]{1,40})?,?\\s+(?:and|as well as)\\s+(?:(?:in|near|at|on|around)\\s+)?(?:(?:the|a|an)\\s+)?(?:${LIST_WORD}\\s+){0,4}?(?:(?:in|of|near|at|outside)\\s+(?:the\\s+)?(?:${LIST_WORD}\\s+){0,2}?(?:of\\s+)?)?$`, "i");
/** "triggered by the killing of …", "after the abduction of …": an earlier act named as a cause. */
const CAUSE_BEFORE = /\b(?:triggered|sparked|prompted|set off|caused|provoked)\s+by\s+(?:the\s+)?$|\b(?:after|following|over|in (?:response|retaliation) (?:to|for))\s+the\s+$/i;
/** "suspects in the killing of …", "an investigation into the attack": a reference to an act told elsewhere. */
const REFERENCE_BEFORE = /\b(?:suspects?|suspected|accused|charged|convicted|responsible|wanted|culprits?|perpetrators?|investigation|inquiry|probe|trial|anniversary|commemorat\w+|memory|victims?|used|involved|implicated|linked|connected|(?:taking|took|taken) part|participat\w+|role|involvement|complicity|intervention|intervening|interference)\s+(?:in|for|of|over|into|behind|to|with)\s+(?:the\s+|a\s+|an\s+|last\s+\w+['’]s\s+)?(?:[\w-]+\s+){0,1}$/i;
/** A count over a long span: "more than 40 assassinations in the province since …", "recorded 150 deaths from landmines this year". */
const AGGREGATE_BEFORE = /\b(?:\d{2,}|dozens of|hundreds of|scores of|thousands of)\s+(?:[\w-]+\s+)?(?:deaths|casualties|victims|incidents|cases|violations|attacks|strikes|killings|assassinations|raids|incursions|explosions|arrests)\b[^.;]{0,40}$/i;
const AGGREGATE_SPAN = /\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|the (?:war|start|beginning|fall|collapse|uprising|revolution)|last (?:year|month)|the [\w-]+ (?:began|started|erupted|broke out))|so far|this year|last year|over the past|in the past|per (?:month|week|year)|a (?:month|week|year)\b|each (?:month|week))/i;
/** ", an arms depot outside ": the next item of a comma list of targets. */
const TARGET_LIST_COMMA = new RegExp(`^(?![^]*\\b(?:suburbs?|villages?|towns?|city|cities|district|neighbou?rhood|area|region|province|part|capital|home|seat|centre|center|one)\\b),\\s+(?:(?:the|a|an)\\s+)?(?:${LIST_WORD}\\s+){0,4}?(?:in|of|near|at|outside|around|on)\\s+(?:the\\s+)?(?:${LIST_WORD}\\s+){0,2}?$`, "i");
const BACKDROP_BEFORE = /\b(?:threatened|affected|displaced|endangered|caught up|trapped|fle(?:e|es|d|eing)|escap(?:e|ed|ing)|amid|despite|because of|due to|since|during)\s+(?:by\s+|from\s+|in\s+)?(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$|\b(?:during|amid|amidst)\s+(?:renewed\s+|heavy\s+|fierce\s+|ongoing\s+)?$/i;
/** A statement's object: "condemned the Israeli incursions", "what it called a massacre", "described as an attack". */
const STATEMENT_OBJECT = /\b(?:(?:condemn|denounc|deplor|decr|criticis|criticiz|protest(?:ed|ing|s)? against|reject|welcom|warn(?:ed|s|ing)? (?:of|against)|citing|cited|pointing to|listing)\w*\s+(?:the\s+|these\s+|those\s+|this\s+|recent\s+|continued\s+|repeated\s+|ongoing\s+|any\s+|all\s+)?(?:[\w-]+\s+){0,2}|what\s+(?:it|they|he|she|the\s+\w+|\w+)\s+(?:called|described as|termed|labelled|labeled)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}|(?:described|characteri[sz]ed|denounced)\s+(?:it\s+|them\s+|the\s+\w+\s+)?as\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}|\b(?:call(?:ing|ed|s)?|describ(?:ing|ed|es)|term(?:ing|ed)|label(?:l?ing|l?ed))\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?)$/i;
/** After a plural trigger, words that make it a kind of event: "killings of this kind", "attacks like these", "strikes have been common". */
const GENERIC_AFTER = /^\s+(?:(?:have|has)\s+)?(?:rose|risen|increased|declined|doubled|tripled|surged|spiked|multiplied|decreased)\b|^\s+(?:(?:for|of)\s+[\w-]+\s+)?(?:(?:have|has)\s+become|became|are\s+becoming)\s+(?:\w+\s+)?(?:common|frequent|routine|widespread|rare|a\s+feature|part)\b|^\s+(?:of\s+(?:this|that|the\s+same)\s+(?:kind|sort|type)|like\s+(?:this|these|that|those)|such\s+as\s+(?:this|these)|(?:have|has)\s+(?:long\s+)?been\s+(?:a\s+)?(?:feature|common|frequent|routine|regular|rare|part)|are\s+(?:common|frequent|routine|rare))\b/i;
/** The origin of ordnance ("left over from earlier fighting", "remnants of the war"): not an event, and no sign of a past story. */
const ORDNANCE_ORIGIN = /\b(?:left (?:over|behind)|leftover|remnants?|remaining)\s+(?:from|of|by|after)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:fighting|war|wars|conflict|battles?|clashes|hostilities|shelling|bombardment|years?|rounds? of [\w-]+)\b/gi;
const THIS_PLACE = /\b(?:in|at|of|near|into|on|around|outside|inside)\s+this\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|hamlet|neighbou?rhood|district|camp|community)\b/i;
const SAME_PLACE = /\b(?:the|that) same\s+(?:site|spot|location|place|area|position|village|town|hill|hilltop|point|outpost|base|farm|road|crossing|neighbou?rhood)\b/i;
const DATELINE = /^\s*[A-Z][A-Z'’.-]+(?:[\s/][A-Z][A-Z'’.-]+)*(?:,\s*(?:[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,2}|\d{1,2}(?:\s+[A-Z][a-z]+\.?)?(?:,?\s+\d{4})?|\d{4}))*(?:\s*\([\w'’. -]{1,30}\))?\s*[-–—]\s/;
/** A dateline in title case ("Quneitra, 23 January 2025 - ", "Daraa – "): a short name, an optional date, a spaced dash. */
const TITLE_DATELINE = /^\s*[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2}(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?)?\s+[-–—]\s/;
/** A report's own day: "the ministry said on Saturday (that) …" dates the telling, not what is told. */
const REPORTED_ON = /\b(?:said|says|announced|reported|stated|confirmed|added|claimed|told\s+[\w.]+(?:\s+[\w.]+)?)\s+(?:late\s+|early\s+)?(?:on\s+)?$/i;
const STATEMENT_ONLY = /^(?:\s*(?:he|she|they|it|the (?:ministry|army|statement|official|spokesman|spokesperson))\s+(?:said|added|warned|stressed))/i;

function wordNumber(w: string): number | null {
  if (/^\d+$/.test(w)) return Number(w);
  const big = /^a (hundred|thousand)$/i.exec(w);
  if (big) return big[1]!.toLowerCase() === "hundred" ? 100 : 1000;
  return NUMBER_WORDS[w.toLowerCase()] ?? null;
}

function findFatalities(text: string): number | null {
  return findToll(text)?.n ?? null;
}

/** The largest death toll stated in a text, and where it is told. */
function findToll(text: string): { n: number; at: number } | null {
  let best: { n: number; at: number } | null = null;
  for (const re of FATALITY_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let n = wordNumber(m[1] ?? "");
      // "killing three policemen and a passer-by": the victims listed after the first count are counted too.
      const more = n !== null && re === FATALITY_RES[0] ? TOLL_AND.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 60)) : null;
      if (n !== null && more) n += wordNumber(more[1] ?? "") ?? 0;
      if (n !== null && n < 5000 && (best === null || n > best.n)) best = { n, at: m.index + m[0].length };
    }
  }
  for (const [re, n] of WORDED_TOLLS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (best === null || n > best.n)) best = { n, at: m.index + m[0].length };
  }
  return best;
}

function clauseBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 90), at);
  const cut = Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), head.lastIndexOf(":"), head.lastIndexOf("("), head.lastIndexOf(" while "), head.lastIndexOf(" but "), head.lastIndexOf(" and "), head.lastIndexOf("—"), head.lastIndexOf(" – "));
  return cut >= 0 ? head.slice(cut + 1) : head;
}

function todayRef(article: Article): string | null {
  const r = article.published ?? article.reference_date ?? null;
  return r && /^\d{4}-\d{2}-\d{2}/.test(r) ? r.slice(0, 10) : null;
}

const SMALL_PLACE = new Set(["village", "town", "site"]);
const NAME_RUNS_ON = /^[ -](?:al|el|as|ash|ad|ar|at|az|an)-[A-Z]/;

function findPlaces(s: Sentence, tokens: ReturnType<typeof tokenize>, index: PackIndex, actors: readonly ActorMention[], anchor: { lon: number; lat: number }, inDateline: (start: number, end: number) => boolean = () => false): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of index.places.match(tokens)) {
    if (actors.some((a) => !a.source && m.start < a.end && m.end > a.start && a.end - a.start > m.end - m.start)) continue;
    const place = m.values.length > 1 ? resolveHomonym(m.values, anchor) : m.values[0]!;
    // "Saida al-Hanout" is not Saida: a village's name that runs on into an article and a capital is another village's (found below as unknown).
    if (SMALL_PLACE.has(place.feature) && NAME_RUNS_ON.test(s.text.slice(m.end - s.start, m.end - s.start + 12))) continue;
    out.push({ place, name: s.text.slice(m.start - s.start, m.end - s.start), start: m.start, end: m.end, near: false, region: null, score: 0 });
  }
  UNKNOWN_PLACE.lastIndex = 0;
  for (let m = UNKNOWN_PLACE.exec(s.text); m; m = UNKNOWN_PLACE.exec(s.text)) {
    const name = m[1] ?? "";
    const start = s.start + m.index + m[0].length - name.length;
    const end = start + name.length;
    if (out.some((p) => start < p.end && end > p.start)) continue;
    if (actors.some((a) => start < a.end && end > a.start)) continue;
    out.push({ place: null, name, start, end, near: false, region: null, score: 0 });
  }
  // "in Shahba and al-Qurayya", "in Nawa, Jasim and Inkhil": a capitalised name listed with a known town is a place too,
  // in the area of the town it is listed with.
  for (const known of out.filter((p) => p.place && p.place.feature !== "capital" && p.place.feature !== "region")) {
    const m = LISTED_NAME.exec(s.text.slice(known.end - s.start, known.end - s.start + 60));
    if (!m || NOT_A_PLACE.test(m[1]!)) continue;
    const start = known.end + m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (out.some((p) => start < p.end && end > p.start) || actors.some((a) => start < a.end && end > a.start)) continue;
    out.push({ place: null, name: m[1]!, start, end, near: false, region: known.place, score: 0 });
  }
  // "detained two suspects in Umm Batina": a capitalised name right after a place preposition.
  GUESSED_PLACE.lastIndex = 0;
  for (let m = GUESSED_PLACE.exec(s.text); m; m = GUESSED_PLACE.exec(s.text)) {
    const name = m[1]!;
    if (NOT_A_PLACE.test(name) || /['’]s$/.test(name)) continue;
    const start = s.start + m.index + m[0].length - name.length;
    const end = start + name.length;
    if (out.some((p) => start < p.end && end > p.start) || actors.some((a) => start < a.end && end > a.start)) continue;
    out.push({ place: null, name, start, end, near: false, region: null, score: 0, guessed: true });
  }
  for (const p of out) {
    // The tokenizer leaves out a hyphenated article ("al-Kiswah" is matched as "Kiswah").
    const before = s.text.slice(Math.max(0, p.start - s.start - 60), p.start - s.start).replace(/\b(?:al|el|ash|as|ad|ar|at|az|an|ath|adh)-$/i, "");
    p.near = NEAR_CUE.test(before);
    let score = 0;
    if (LOC_CUE.test(before) || p.near) score += 3;
    if (FROM_CUE.test(before)) score -= 2;
    if (ROUTE_CUE.test(before)) {
      // "on the road between Jamla and Ain Dhakar": a local road between two villages places the act near the first,
      // unless the second is far ("the highway between Damascus and Sweida").
      const other = /\bbetween\s+(?:the\s+)?$/i.test(before) ? /^\s+and\s+((?:(?:al|el|ash|as|ad|ar|at|az)-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)/.exec(s.text.slice(p.end - s.start, p.end - s.start + 40)) : null;
      const second = other ? out.find((q) => q !== p && q.start > p.end && q.start - p.end < 12) : undefined;
      const local = !!other && !!p.place && p.place.feature !== "capital" && p.place.feature !== "city" && (!second?.place || distanceKm(second.place.lon, second.place.lat, p.place.lon, p.place.lat) <= 20);
      if (local) p.near = true;
      else score -= 20;
    }
    // "the Damascus-Sweida highway": towns joined by a hyphen name a road, not where it happened.
    if (/^[-–—][A-Z][\w'’]*(?:\s+[\w-]+)?\s+(?:highway|road|motorway|route)\b/.test(s.text.slice(p.end - s.start, p.end - s.start + 40)) || /\b[A-Z][\w'’]*[-–—]$/.test(before) && /^\s+(?:highway|road|motorway|route)\b/i.test(s.text.slice(p.end - s.start, p.end - s.start + 20))) score -= 20;
    if (SAID_AFTER.test(s.text.slice(p.end - s.start, p.end - s.start + 30))) score -= 4;
    // "The health directorate in Daraa said …": the seat of the one speaking.
    if (/\b(?:directorate|ministry|office|council|command|authorit(?:y|ies)|officials?|sources?|spokesm[ae]n|governor(?:ate)?|hospital|agency|monitor|network|media|activists?)\s+(?:in|of|at)\s+(?:the\s+)?$/i.test(before) && SAID_AFTER.test(s.text.slice(p.end - s.start, p.end - s.start + 30))) score -= 20;
    // An apposition describes the place before it: "Kisweh, south of Damascus", "Beit Jinn, on the slopes of Mount Hermon".
    const prev = out.filter((q) => q !== p && q.end <= p.start).sort((x, y) => y.end - x.end)[0];
    if (prev && /^,\s*(?:(?!and\b)[\w-]+\s+){0,4}(?:of|in|near)\s+(?:the\s+)?$/i.test(s.text.slice(prev.end - s.start, p.start - s.start))) score -= 2.5;
    // "the village, which sits on the slopes of Mount Hermon": a clause that describes the place before it, not where the act was.
    if (/\b(?:which|that)\s+(?:sits|lies|stands|overlooks|straddles|borders|is located|is situated|is perched)\b[^,;]*$/i.test(before)) score -= 8;
    // "… on suspicion of belonging to a cell that fired rockets at the Golan Heights": the place of what they are suspected of.
    if (new RegExp(SUSPICION.source + "[^,;]*$", "i").test(s.text.slice(0, p.start - s.start))) score -= 8;
    // "Daraa, Tafas: gunmen shot …": a log's heading names the governorate, then the town.
    if (/^[\s\-–—•*]*$/.test(s.text.slice(0, p.start - s.start)) && /^,\s*[^,:;.]{2,40}:/.test(s.text.slice(p.end - s.start, p.end - s.start + 45))) score -= 20;
    // "the Damascus suburb of Jaramana": a city named as the qualifier of the place that follows.
    if (/^\s+(?:suburbs?|district|neighbou?rhood|countryside|outskirts|town|village)\s+of\s+[A-Za-z]/i.test(s.text.slice(p.end - s.start, p.end - s.start + 30)) && /\bthe\s+$/i.test(before)) score -= 4;
    if (p.place?.feature === "region") score -= 1.5;
    if (p.place && p.place.rank >= 8) score -= 1;
    if (p.place === null) score += p.guessed ? -0.5 : 0.5;
    // "BEIRUT, March 18 -": the dateline is where the story was filed, not where anything happened.
    if (inDateline(p.start, p.end)) score -= 20;
    p.score = score;
  }
  // A village the gazetteer lacks takes its admin area from a region named beside it.
  const region = out.find((p) => p.place?.feature === "region" && p.place.admin1);
  for (const p of out) {
    if (p.place) continue;
    // "Saida al-Hanout in Quneitra", "al-Asbah in the southern countryside of Quneitra": a known place right after the unknown village gives its area.
    const host = out.find((q) => q.place && q.place.feature !== "capital" && q.start > p.end && /^\s*,?\s*(?:in|near|of|outside|(?:east|west|north|south)(?:-?(?:east|west))? of)\s+(?:the\s+)?(?:(?:[a-z]+(?:ern|ral)\s+)?(?:town|city|village|countryside|province|governorate|district|outskirts|suburbs)\s+of\s+)?$/i.test(s.text.slice(p.end - s.start, q.start - s.start)))
      // "a research site in Barzeh, Damascus": a city or region written right after the village, as an address.
      ?? out.find((q) => q.place && (q.place.feature === "capital" || q.place.feature === "city" || q.place.feature === "region") && q.start > p.end && /^\s*,\s*$/.test(s.text.slice(p.end - s.start, q.start - s.start)));
    if (host) p.region = host.place;
    else if (region) p.region = region.place;
  }
  return out;
}

/** Before a place that talks are about, not held at: "a roadmap for Sweida", "discussed the situation in Sweida". */
const TOPIC_BEFORE = /\b(?:for|about|over|regarding|concerning|on|discuss(?:ed|ing)?|(?:situation|crisis|ceasefire|truce|fighting|violence|events|de-escalation|calm|stability|security|arrangements?)\s+(?:in|on|for|around))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i;

function pickPlace(places: readonly PlaceMention[], triggerAt: number, s?: Sentence, otherTriggers: readonly number[] = [], talks = false): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    if (p.score <= -4) continue;
    const dist = Math.abs(p.start - triggerAt);
    let score = p.score - dist / 200;
    // Talks are placed where they were held, not at what they were about.
    if (s && talks && TOPIC_BEFORE.test(s.text.slice(Math.max(0, p.start - s.start - 45), p.start - s.start))) score -= 3;
    if (s) {
      // A place in the trigger's own clause beats one across commas ("struck X in Damascus, …, after drone strikes in Sweida").
      const between = p.start > triggerAt ? s.text.slice(triggerAt - s.start, p.start - s.start) : s.text.slice(p.end - s.start, triggerAt - s.start);
      score -= 1.2 * (between.match(/[,;—–]/g)?.length ?? 0);
      // A place told after another act of the sentence is that act's ("detained two men, who were released near Jaba").
      if (otherTriggers.some((o) => o !== triggerAt && (p.start > triggerAt ? o > triggerAt && o < p.start : o < triggerAt && o > p.end))) score -= 2;
      // The place that is the verb's own object ("moved into the buffer zone", "struck Kuya") beats one further on.
      if (p.start > triggerAt && !/[,;—–]/.test(between) && between.trim().split(/\s+/).length <= 6) score += 2.5;
    }
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

const ROUTE_BETWEEN = /\b(?:road|roads|highway|motorway|route|border|borders|frontier|boundary|crossings?|line|fence|corridor|bridge|stretch|area)\s+$/i;

function pickActors(def: TriggerDef, sentence: Sentence, actors: readonly ActorMention[], triggerAt: number): [ActorMention | null, ActorMention | null] {
  let parts = actors.filter((a) => !a.source);
  // "the road between Lebanon and Syria", "the border between …": the pair locates a thing, it takes no part.
  for (const between of sentence.text.matchAll(/\bbetween\s/gi)) {
    if (!ROUTE_BETWEEN.test(sentence.text.slice(Math.max(0, between.index - 40), between.index))) continue;
    const at = sentence.start + between.index;
    const [x, y] = parts.filter((a) => a.start > at && a.start - at <= 50);
    if (x && y && /^\s*(?:and|&)\s+(?:the\s+)?$/i.test(sentence.text.slice(x.end - sentence.start, y.start - sentence.start))) parts = parts.filter((a) => a !== x && a !== y);
  }
  if (parts.length === 0) return [null, null];
  // "clashes between A and B": the pair named after "between", when it belongs to this trigger (right after it, or right before it).
  for (const between of sentence.text.matchAll(/\bbetween\s/gi)) {
    if (ROUTE_BETWEEN.test(sentence.text.slice(Math.max(0, between.index - 40), between.index))) continue;
    const at = sentence.start + between.index;
    const after = parts.filter((a) => a.start > at);
    const a1 = after[0];
    const a2 = after.find((a) => a !== a1 && (a.actor?.id ?? a.name) !== (a1?.actor?.id ?? a1?.name));
    if (!a1 || !a2) continue;
    // Told before the trigger, the pair is not its sides when another subject stands between ("after fighting broke out between
    // A and B, Israel bombed …").
    const ownsIt = (at >= triggerAt && at - triggerAt <= 60) || (triggerAt >= a2.end && triggerAt - a2.end <= 40 && !parts.some((x) => x.start >= a2.end && x.end <= triggerAt));
    if (ownsIt) return [a1, a2];
  }
  // A passive "by X" names the agent, but not "mediated by", "backed by": those are third parties.
  const byAgent = /(?<!\b(?:mediated|brokered|backed|sponsored|hosted|facilitated|supported|welcomed|guaranteed|endorsed)\s+)\bby\s+(?:the\s+)?$/i;
  const agentAfter = parts.find((a) => a.start > triggerAt && a.start - triggerAt <= 70 && !/[,;]/.test(sentence.text.slice(triggerAt - sentence.start, a.start - sentence.start)) && byAgent.test(sentence.text.slice(Math.max(0, a.start - sentence.start - 30), a.start - sentence.start)));
  // Direction does not matter for the dyad; the first participant is usually the subject, a passive "by X" overrides it.
  let pool = parts;
  if (def.family === "diplomatic") {
    // A mediator is the third party: keep it out of the dyad when two other countries take part.
    const others = parts.filter((a) => a.actor?.kind !== "mediator");
    if (new Set(others.map((a) => a.country)).size >= 2) pool = others;
  }
  if (def.family === "diplomatic" && pool.length >= 2) {
    // "Israel and Syria signed…", "Israeli and Syrian officials met…": two subjects joined by "and".
    const [x, y] = pool;
    if (x && y && x.country && y.country && (x.actor?.id ?? x.name) !== (y.actor?.id ?? y.name) && y.end <= triggerAt && /^\s*(?:and|&)\s+(?:the\s+)?$/i.test(sentence.text.slice(x.end - sentence.start, y.start - sentence.start))) return [x, y];
  }
  // The subject right before the verb ("…, drew in government forces and then Israeli aircraft, which struck …") is the agent,
  // wherever the sentence began.
  const subject = [...pool].reverse().find((a) => a.end <= triggerAt && /^(?:\s*,?\s*(?:which|who|that)\b)?(?:\s+(?:also|then|later|again|reportedly|allegedly|had|have|has|were|was|[a-z]+ly))*\s*$/i.test(sentence.text.slice(a.end - sentence.start, triggerAt - sentence.start)));
  // "Hours after Assad fled Damascus, Israeli troops crossed … and took …": a side named in a leading clause of time is not the
  // subject of the main clause; the first side after it is.
  const lead = LEAD_CLAUSE.exec(sentence.text);
  const mainSubject = lead ? pool.find((a) => a.start >= sentence.start + lead[0].length && a.end <= triggerAt) : undefined;
  let a1: ActorMention | null = (agentAfter && pool.includes(agentAfter) ? agentAfter : null) ?? subject ?? mainSubject ?? pool[0] ?? null;
  if (a1 && a1.actor?.kind === "civilians" && def.family === "violent") {
    const armed = parts.find((a) => a !== a1 && a.actor?.kind !== "civilians");
    if (armed) a1 = armed;
  }
  a1 ??= pool[0] ?? null;
  const key = (a: ActorMention | null): string => a ? a.actor?.id ?? a.name.toLowerCase() : "";
  // In violence a politician of the attacker's own country is a speaker, not the other side ("…, what the Israeli prime minister called a message").
  const others = pool.filter((a) => key(a) !== key(a1) && !(def.family === "violent" && a1 && a.country === a1.country && a.country !== null && a.actor && (a.actor.kind === "government" || a.actor.kind === "mediator") && a1.actor?.kind !== "government"));
  // The object right after the verb is the other side ("fighters ambushed Druze travellers near …, … Israeli jets").
  const object = others.find((a) => a.start > triggerAt && a.start - triggerAt <= 30 && !/[,;]/.test(sentence.text.slice(triggerAt - sentence.start, a.start - sentence.start)));
  const a2 = object ?? others.find((a) => a.start > triggerAt && a.country !== a1?.country) ?? others.find((a) => a.start > triggerAt) ?? others.find((a) => a.country !== a1?.country) ?? others[0] ?? null;
  // "struck targets …, in response to the launch of two rockets": the one responding did not fire what it responds to.
  if (a1 && a1.end <= triggerAt && RESPONSE_TO.test(sentence.text.slice(a1.end - sentence.start, triggerAt - sentence.start))) return [a2 && a2.start > triggerAt ? a2 : null, null];
  return [a1, a2];
}

/** "three days after the rocket, …" before an act: how long after an act told before (the noun names it). */
const AFTER_THE = /\b(\w+)\s+(days?|weeks?)\s+after\s+the\s+(rockets?|strikes?|attacks?|raids?|clash(?:es)?|bombings?|shelling|explosions?|blasts?|massacres?|incursions?|killings?|assassinations?|ambush(?:es)?|abductions?|kidnappings?|arrests?)\b[^.;]{0,40}$/i;
/** A leading clause of time ("Hours after Assad fled Damascus, …", "8 December: When the regime fell, …"), up to its comma. */
const LEAD_CLAUSE = /^\s*(?:[^,:;]{0,30}:\s*)?(?:(?:hours|days|minutes|weeks|shortly|soon|just|moments)\s+)?(?:after|before|when|as|while|once|until)\s[^,;]{3,120},/i;

const RESPONSE_TO = /\b(?:in (?:response|retaliation|reply|revenge) (?:to|for)|responding to|retaliating for|a response to)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?$/i;

function refineType(def: TriggerDef, s: Sentence, a1: ActorMention | null, a2: ActorMention | null, trigger: number, articleAir = false): { event_type: string; sub_event_type: string; plover: string; mode: string | null } | null {
  let { event_type, sub_event_type, plover, mode } = def;
  const t = s.text;
  // "struck settlement deals", "struck a balance": an agreement or a figure of speech, not a blow.
  if (def.id === "strike" && /^(?:struck|strikes?)\s+(?:[\w-]+\s+){0,2}(?:deals?|agreements?|accords?|bargains?|compromises?|balance|tone|note|chord|pose)\b/i.test(t.slice(trigger - s.start))) return null;
  if (def.id === "strike" || def.id === "attack") {
    if (AIR_CONTEXT.test(t)) {
      event_type = "Explosions/Remote violence"; sub_event_type = "Air/drone strike"; mode = DRONE_CONTEXT.test(t) ? "drone" : "aerial";
    } else if (SHELL_CONTEXT.test(t)) {
      event_type = "Explosions/Remote violence"; sub_event_type = "Shelling/artillery/missile attack"; mode = "heavy-weapons";
    } else if (def.id === "strike") {
      // "strike" without aircraft or guns nearby: still most often an air strike in this region's reporting, unless it is a labour strike.
      if (/\b(general|hunger|labou?r)\s+strikes?\b/i.test(t)) return null;
      // A strike the article's other sentences tell as from the air ("This follows yesterday's strike on tanks").
      if (!articleAir && !/\b(Israel|Israeli|IDF|jets?|forces|army|military|targeted|killed|killing|wounded|positions?|depots?|sites?|tanks?|vehicles?|convoys?)\b/i.test(t)) return null;
    }
  }
  if (def.id === "airstrike" && DRONE_CONTEXT.test(t)) mode = "drone";
  if (def.id === "shelling" && /^(?:rockets?|missiles?|projectiles?)\b/i.test(t.slice(trigger - s.start)) && /\b(?:jets?|warplanes?|aircraft|drones?|helicopters?|planes?)\b(?:\s+[\w-]+){0,3}\s*$/i.test(t.slice(Math.max(0, trigger - s.start - 40), trigger - s.start))) {
    // "jets fired missiles at …": the munition of an air strike.
    return { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "ASSAULT", mode: /drone/i.test(t.slice(Math.max(0, trigger - s.start - 40), trigger - s.start)) ? "drone" : "aerial" };
  }
  if (def.id === "killing" || def.id === "shooting" || (def.id === "clash" && /^(?:opened fire|open(?:ing)? fire|fired)\b/i.test(t.slice(trigger - s.start)))) {
    // "Israeli drones killed six soldiers", "tank fire killed": the weapon before the verb decides.
    const lead = t.slice(Math.max(0, trigger - s.start - 45), trigger - s.start);
    if (/\b(?:drones?|jets?|warplanes?|aircraft|helicopters?|air ?strikes?)\s+(?:[\w-]+\s+)?$/i.test(lead)) {
      return { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "ASSAULT", mode: /drone/i.test(lead) ? "drone" : "aerial" };
    }
    // "six soldiers were killed by drones": the weapon named as the agent of a passive.
    const by = /^(?:killed|wounded|injured|hit)\s+(?:[\w-]+\s+){0,2}?by\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:Israeli\s+|Turkish\s+|Jordanian\s+)?([\w-]+(?:\s+[\w-]+)?)/i.exec(t.slice(trigger - s.start))?.[1] ?? "";
    if (/^(?:drones?|air ?strikes?|jets?|warplanes?|aircraft|drone strikes?|helicopters?)\b/i.test(by)) {
      return { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "ASSAULT", mode: /drone/i.test(by) ? "drone" : "aerial" };
    }
    if (/^(?:shelling|artillery|shells?|mortars?|mortar (?:fire|rounds?)|rockets?|tank (?:fire|shells?))\b/i.test(by)) {
      return { event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", plover: "ASSAULT", mode: "heavy-weapons" };
    }
    // "Israeli tanks fired at a post": heavy guns as the shooter make it shelling, whatever the verb.
    if (/\b(?:artillery|shell(?:s|ing|fire)?|mortars?|tank fire|tank shells?|tanks?|howitzers?|gunboats?|rockets?|missiles?)\s+(?:(?!and\b|or\b)[\w-]+\s+)?$/i.test(lead)) {
      return { event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", plover: "ASSAULT", mode: "heavy-weapons" };
    }
  }
  // "A similar gathering took place in Nawa": like the protest just told.
  // ("Smaller gatherings were held in Shahba", "a smaller crowd gathered": more of a protest the text has told.)
  if (def.id === "gathering" && !PROTEST_CUE.test(t) && !GATHERING_CUE.test(t) && !/\b(?:a\s+)?(?:similar|smaller|larger|other|further|rival)\s+(?:gatherings?|crowds?)\b|\bgatherings?\s+(?:were|was)\s+(?:also\s+)?held\b/i.test(t)) return null;
  if ((def.id === "protest" || def.id === "gathering") && /\b(?:lodged|filed|formal|letter of|note of)\s+(?:a\s+)?protests?\b|\bprotested\s+(?:each|every|all|these|those|the|this|against the)\b[^.]*\bas\s+(?:a\s+)?violations?\b/i.test(t)) return null;
  if (def.id === "protest" || def.id === "gathering") {
    // "The Force has protested each violation": a state or an organisation protesting is a diplomatic note, not a street protest.
    const subj = a1 && a1.end <= trigger && a1.actor && a1.actor.kind !== "civilians" && a1.actor.kind !== "militia" ? a1 : null;
    if (subj && /^protested$/i.test(t.slice(rel0(trigger, s), rel0(trigger, s) + 9))) return null;
    // "it has protested each of them to the IDF": a pronoun for a body, or a protest lodged with someone.
    if (/\b(?:it|the (?:mission|ministry|government|embassy|council|office|command|force))\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|formally\s+)?$/i.test(t.slice(Math.max(0, rel0(trigger, s) - 30), rel0(trigger, s))) && /^protest(?:ed|s)\b/i.test(t.slice(rel0(trigger, s)))) return null;
    if (/^protest(?:ed|s)\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:the\s+)?[A-Z]/.test(t.slice(rel0(trigger, s)))) return null;
  }
  if (def.id === "incursion" && /^(?:patrolled|deployed|controlled|manned)\s+by\b/i.test(t.slice(trigger - s.start))) return null;
  // "the sit-in entered its third day": time passing, not a movement.
  if (def.id === "incursion" && /^enter(?:ed|s)\s+(?:its|a|the|their)\s+(?:[\w-]+\s+)?(?:day|week|month|year|phase|stage|round)\b/i.test(t.slice(trigger - s.start))) return null;
  // "the raid met armed resistance", "were met with gunfire": an encounter, not a meeting.
  if (def.id === "talks" && /^met\s+(?:with\s+)?(?:[\w-]+\s+){0,2}?(?:resistance|fire|gunfire|opposition|force|hostility|protests?|anger)\b/i.test(t.slice(trigger - s.start))) return null;
  // A convoy that carries goods or belongs to a relief body is aid arriving, not troops moving.
  if (def.id === "incursion" && /^(?:convoys?|entered|reached|crossed)/i.test(t.slice(trigger - s.start)) && AID_CARGO.test(t)) {
    return { event_type: "Strategic developments", sub_event_type: "Other", plover: "AID", mode: "humanitarian" };
  }
  // "The troops are deployed in southern Syria", "remain stationed": a standing state, not a move.
  if (def.family === "physical" && /\b(?:is|are|remain|remains|stay|stays)\s+(?:still\s+)?$/i.test(t.slice(Math.max(0, trigger - s.start - 20), trigger - s.start))) return null;
  // "The force has been deployed on the Golan since 1974": a state that has lasted, not a move.
  if (def.family === "physical" && /\b(?:has|have|had)\s+(?:long\s+)?been\s+$/i.test(t.slice(Math.max(0, trigger - s.start - 20), trigger - s.start)) && /\b(?:since\s+(?:\d{4}|the\s+\d{4})|for\s+(?:years|decades|months|\w+\s+(?:years|decades)))\b/i.test(t)) return null;
  if (def.id === "release") {
    // "returned to Syria", "returned home": people going back, not a release; "detained … and released them": one arrest.
    if (/^returned\s+(?:to|home|from|safely|later)\b/i.test(t.slice(trigger - s.start))) return null;
    // "most of those who crossed had returned, residents said": returning with no object is going back, not being freed.
    if (/^returned\s*(?:[,.;:]|$|(?:by|before|after|within|across|over|overnight|the same|that)\b)/i.test(t.slice(trigger - s.start))) return null;
    // "released a video", "images it released showed": publishing, not freeing anyone.
    const published = /(?:images?|videos?|footage|photos?|photographs?|pictures?|statements?|reports?|figures|data|details|names?|recordings?|audio|lists?|maps?|findings|results|funds?|documents?)/.source;
    if (new RegExp(`^released\\s+(?:(?:a|an|the|its|their|his|her|new|further)\\s+)?(?:[\\w'’-]+\\s+){0,2}?${published}\\b`, "i").test(t.slice(trigger - s.start)) ||
      new RegExp(`\\b${published}\\s+(?:(?:it|they|he|she|which|that)\\s+)?(?:had\\s+|has\\s+|have\\s+)?$`, "i").test(t.slice(Math.max(0, trigger - s.start - 40), trigger - s.start))) return null;
    // But "shepherds who were detained last week were handed over on Monday": the detention told in a relative clause, the release is the news.
    if (/\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)|abduct\w*|kidnap\w*|seized|confiscated|impounded|picked up|took away|led away|apprehended)\b/i.test(t.slice(0, trigger - s.start)) && !/\b(?:who|that|which)\s+(?:were|was|had been|have been|has been)\s+(?:arrested|detained|abducted|kidnapped|seized)\b/i.test(t.slice(0, trigger - s.start))) return null;
  }
  // Who was hit is read after the trigger ("fired at villagers"), or before it for passives ("a resident was killed").
  const rel = trigger - s.start;
  const after = t.slice(rel, rel + 70);
  const before = t.slice(Math.max(0, rel - 60), rel);
  const firstIdx = (re: RegExp, x: string): number => { const m = re.exec(x); return m ? m.index : Infinity; };
  // "A Druze man was shot dead at a checkpoint": in the passive the one hit is the subject, not what follows.
  // "an officer shot and wounded by a member of a local faction": a reduced passive, its agent after "by".
  const passive = /\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$/i.test(before) || /^(?:was|were)\b/i.test(t.slice(rel)) || /^\S+(?:\s+\S+)?(?:\s+and\s+\w+)?\s+by\b/i.test(t.slice(rel));
  // "an attack by gunmen on Druze residents": who was hit follows "on" or "against".
  const onWhom = /^\S+\s+(?:[\w-]+\s+){0,4}?by\s+(?:[\w'’-]+\s+){1,4}?(?:on|against)\s+(.*)$/i.exec(t.slice(rel, rel + 110));
  // "shots were fired at one of their patrols": a passive whose verb names its target after "at".
  const firedAt = /^(?:fired|shot)\s+(?:at|on|upon|towards?)$/i.test(t.slice(rel, rel + 20).split(/\s+/).slice(0, 2).join(" "));
  const targetText = onWhom ? onWhom[1]! : def.id === "killing" ? before + " " + after : passive && !firedAt ? before : after;
  const civAt = firstIdx(CIVILIAN_TARGET, targetText);
  const armedAt = firstIdx(ARMED_TARGET, targetText);
  const civilianTarget = civAt < armedAt;
  // "Unknown gunmen on a motorbike shot dead a former officer": a killing by gunmen with no fire returned is one-sided, whoever the
  // victim once served (ACLED codes such assassinations as violence against civilians; an exchange of fire is a battle).
  const assassination = (def.id === "shooting" || def.id === "killing") && GUNMEN.test(before) && /^(?:shot dead|shot and killed|gunned down|assassinated|shot and wounded)\s+(?:a|an|the|one)\b/i.test(t.slice(rel)) && !EXCHANGE.test(t);
  if ((def.id === "shooting" || def.id === "killing") && !civilianTarget && !assassination && (armedAt < Infinity || (a2 && a2.actor?.kind !== "civilians" && a1))) {
    event_type = "Battles"; sub_event_type = "Armed clash";
  }
  // An ambush of unarmed people ("ambushed Druze travellers") is one-sided, like an attack.
  if ((def.id === "attack" || (def.id === "clash" && /^ambush/i.test(t.slice(rel)))) && event_type === "Battles" && civilianTarget) {
    event_type = "Violence against civilians"; sub_event_type = "Attack";
  }
  // Fighting told around the trigger, not anywhere in a long sentence ("… and over the following days carried out strikes").
  if (def.id === "territory" && !/\b(?:clash\w*|fighting|fought|battles?|battled|attack\w*|assault\w*|stormed|offensive|killed|killing|wounded|shell\w*|fire|firefights?|gunfire|strikes?|struck|bombard\w*)\b/i.test(t.slice(Math.max(0, trigger - s.start - 80), trigger - s.start + 80))) {
    // Ground taken with no fighting told ("took control of positions the army had abandoned"): a non-violent transfer.
    return { event_type: "Strategic developments", sub_event_type: "Non-violent transfer of territory", plover: "MOBILIZE", mode: "troops" };
  }
  if (def.id === "territory") {
    const stateActor = a1?.actor?.kind === "state-forces" || a1?.actor?.kind === "security-service" || a1?.actor?.kind === "government";
    sub_event_type = stateActor ? "Government regains territory" : "Non-state actor overtakes territory";
  }
  // "Protesters stormed the governorate building and set fire to it", "a rally turned violent": the crowd's own violence makes a riot.
  if ((def.id === "protest" || def.id === "gathering") && RIOT.test(t)) {
    return { event_type: "Riots", sub_event_type: "Violent demonstration", plover: "PROTEST", mode: "riot" };
  }
  if (def.id === "protest" || def.id === "gathering") {
    // "marched after the funeral of two men killed in clashes": what came before the protest is not force against it.
    // ("Troops fired tear gas at residents who had gathered to demand …": force told before the gathering is on it all the same.)
    const own = t.replace(PROTEST_CAUSE, "");
    if (PROTEST_FORCE.test(own)) sub_event_type = "Excessive force against protesters";
    else if (PROTEST_INTERVENTION.test(own)) sub_event_type = "Protest with intervention";
  }
  if (def.id === "ceasefire") {
    if (/\b(took effect|came into (?:effect|force)|went into effect|in effect|held|holding|entered into force|began)\b/i.test(t)) { plover = "RETREAT"; mode = "ceasefire"; }
    else if (/\b(announced|announces|declared|declares|proclaimed|unilateral)\b/i.test(t) && !/\bagree(?:d|s)?\b/i.test(t) && !/\b(?:ceasefire|truce|cease-fire)\s+(?:agreement\s+)?with\b/i.test(t)) { plover = "CONCEDE"; mode = "ceasefire"; }
    else if (!/\b(agreed|agree|reached|brokered|signed|struck|mediated|negotiated|secured|accepted|announced|announces)\b/i.test(t)) return null;
  }
  if (def.id === "withdrawal" && /\b(agreed to|announced|pledged|promised|will)\b/i.test(t)) plover = "CONCEDE";
  // "patrols left the countryside" is a withdrawal; "buses carrying families left the province" is not.
  if (def.id === "withdrawal" && /^left\b/i.test(t.slice(trigger - s.start)) && !/\b(?:forces|troops|soldiers|patrols?|units?|army|military|fighters|police|militia\w*|garrison|convoys?)\b(?:\s+[\w-]+){0,3}\s*$/i.test(t.slice(Math.max(0, trigger - s.start - 40), trigger - s.start))) return null;
  // "confiscated about 40 sheep from a herder": livestock, vehicles or goods taken are property, not weapons.
  // "detained two shepherds and confiscated their mobile phones": what is taken off the detained is part of the arrest.
  if (def.id === "disrupted" && /^(?:confiscated|seized|took)\s+(?:their|his|her|the men's)\s+(?:[\w-]+\s+)?(?:phones?|documents?|papers|ID cards?|identity cards?|belongings|money|cash|wallets?)\b/i.test(t.slice(trigger - s.start)) &&
    /\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)|apprehended|took (?:\w+ )?into custody)\b/i.test(t)) return null;
  if (def.id === "disrupted" && /^(?:confiscated|seized)\s+(?:(?:about|around|some|at least|nearly|more than)\s+)?(?:\w+\s+){0,2}(?:sheep|goats?|cattle|cows?|livestock|flocks?|herds?|camels?|vehicles?|cars?|trucks?|tractors?|motorcycles?|phones?|crops|harvest|property|belongings|money|cash|goods|land)\b/i.test(t.slice(trigger - s.start))) {
    return { event_type: "Strategic developments", sub_event_type: "Looting/property destruction", plover: "COERCE", mode: "property" };
  }
  // "agreed to continue their contacts", "agreed to meet again": more talks, not an agreement.
  if (def.id === "agreement" && /^agreed (?:to|on)\s+(?:\w+\s+)?(?:continu\w*|resum\w*|keep|maintain|hold (?:further|more|another)|meet again|further (?:talks|meetings|contacts))\b/i.test(t.slice(trigger - s.start))) {
    return { event_type: "Strategic developments", sub_event_type: "Other", plover: "CONSULT", mode: "meet" };
  }
  return { event_type, sub_event_type, plover, mode };
}

/** The stretch of a sentence between semicolons (or colons) that holds `at`. */
function clauseOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(";", at), text.lastIndexOf(":", at)) + 1;
  const ends = [text.indexOf(";", at), text.indexOf(":", at)].filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

function rel0(at: number, s: Sentence): number {
  return at - s.start;
}

/**
 * Whether the trigger after `clause` hangs on a past perfect ("troops had entered …"), and not on another
 * verb after it ("fighters who had converged on the city continued to clash").
 */
const PAST_PERFECT_ALL = new RegExp(PAST_PERFECT.source, "gi");
function pluperfectGoverns(clause: string): boolean {
  if (!/\bhad\b/i.test(clause)) return false;
  const re = PAST_PERFECT_ALL;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(clause); m; m = re.exec(clause)) last = m;
  if (!last) return false;
  const rest = clause.slice(last.index + last[0].length);
  return !/\b(?<!\b(?:the|a|an|of|by)\s)[a-z]+ed\s+(?:to|on|into|with|the|a|an|its|their|his|her|in|at|toward|towards|from|through)\b/.test(rest);
}

/** Aspect verbs before "to" that report the act itself, not a plan ("continued to clash", "began to withdraw"). */
const ASPECT_TO = /\b(?:continued|continue|continues|began|begun|begin|started|start|went on|kept on|resumed|proceeded|managed|were seen|was seen)\s+to\s+(?:\w+ly\s+)?$/i;

function flagsFor(s: Sentence, triggerRel: number, date: DateRange, ref: string | null): Proposal["flags"] & { trend: boolean } {
  const clause = clauseBefore(s.text, triggerRel);
  const window = s.text.slice(Math.max(0, triggerRel - 45), triggerRel);
  const negated = NEGATION.test(clause) && !/\bnot only\b/i.test(clause);
  let future = FUTURE.test(clause);
  const hypothetical: boolean = (HYPOTHETICAL.test(window.slice(-35)) || MAY_MODAL.test(window.slice(-35))) && !/\b(in|on|over|about)\s+\w*\s*$/i.test(window.slice(-12)) ? true : /\b(could|might|would|if)\b[^,;:]*$/i.test(clause);
  // Modal right after the trigger noun: "Talks could resume", "a deal will be signed".
  const next = s.text.slice(triggerRel).replace(/^\S+\s*/, "").slice(0, 40);
  const modalAfter = /^(?:(?!(?:that|which|who|and|but)\b)[\w'’-]+\s+){0,3}(could|might|[Mm]ay(?!\s+\d)|would|will|(?:is|are|was|were) (?:expected|set) to|(?:is|are) due to|(?:is|are) not (?:allowed|permitted)|(?:is|are) (?:prohibited|banned|forbidden)|(?:has|have) yet to)\b/i.exec(next)?.[1]?.replace(/^May$/, "month").toLowerCase();
  if (modalAfter === "will" || modalAfter?.includes("expected") || modalAfter?.includes("set") || modalAfter?.includes("due")) future = true;
  // "Missiles are not allowed within 25 km": a rule about what may happen, not an act.
  const hypo2 = modalAfter === "could" || modalAfter === "might" || modalAfter === "may" || modalAfter === "would" || !!modalAfter && /allowed|permitted|prohibited|banned|forbidden|yet to/.test(modalAfter);
  const trend = TREND.test(s.text.slice(Math.max(0, triggerRel - 40), triggerRel));
  if (ref && date.start && isoToDays(date.start) > isoToDays(ref) + 1) future = true;
  const recentDate = !!(ref && date.end && isoToDays(date.end) >= isoToDays(ref) - 10);
  let background = BACKGROUND.test(s.text.replace(ORDNANCE_ORIGIN, "")) || (pluperfectGoverns(clause) && !recentDate && !RECENT_REL.test(s.text));
  if (ref && date.end && isoToDays(date.end) < isoToDays(ref) - 10) background = true;
  return { background, future, hypothetical: hypothetical || hypo2, negated, trend };
}

const WANTED_FOR = /\b(?:wanted|suspected|accused|blamed|convicted|charged|tried|sought|responsible|sentenced|jailed|prosecuted)\s+(?:for|of|over|in|with)\s+(?:(?:the|a|an|last)\s+)?(?:[\w-]+\s+)?(?:killings?|murders?|attacks?|bombings?|assassinations?|kidnappings?|abductions?|shootings?|thefts?|robber(?:y|ies)|deaths?|ambush(?:es)?|explosions?|rocket fire)\b/i;

function nearestDate(mentions: readonly DateMention[], triggerRel: number, text?: string): DateMention | null {
  let best: DateMention | null = null;
  let bestD = Infinity;
  for (const m of mentions) {
    if (m.stale || (m.date === null && m.start === null)) continue;
    const d = m.from > triggerRel ? m.from - triggerRel : triggerRel - m.to;
    let penalty = m.precision === "day" ? 0 : 10;
    // "Last week, two fighters of the National Guard, the force formed in August, were killed": a date inside an aside between
    // commas that does not hold the trigger describes something else.
    if (text && mentions.length > 1) {
      const open = text.lastIndexOf(",", m.from);
      const close = text.indexOf(",", m.to);
      if (open >= 0 && close >= 0 && !(triggerRel > open && triggerRel < close) && /^,\s*(?:the|a|an|which|who|that)\b/i.test(text.slice(open, open + 12))) penalty += 100;
    }
    if (text) {
      // "detained … on suspicion of belonging to a cell that fired rockets last week": the day of what they are suspected of.
      const between = m.from > triggerRel ? text.slice(triggerRel, m.from) : "";
      const cue = between.search(SUSPICION);
      if (cue >= 0 && !/[,;]/.test(between.slice(cue))) penalty += 100;
      // "marched in a funeral for a young man killed in Walgha last week": the day of the killing, not of the march.
      const victim = between.search(/\b(?:man|men|woman|women|boy|girl|child|children|people|youth|person|persons|fighters?|soldiers?|residents?|civilians?|victims?)\s+(?:who\s+(?:was|were|had been)\s+)?(?:killed|shot|wounded|detained|arrested|abducted)\b/i);
      if (victim >= 0 && !/[,;]/.test(between.slice(victim))) penalty += 100;
      // "arrested three men wanted for the killing of a pharmacist last month": the day of the crime, not of the arrest.
      const crime = between.search(WANTED_FOR);
      if (crime >= 0 && !/[,;]/.test(between.slice(crime))) penalty += 100;
    }
    // A date that belongs to an embedded act is never the trigger's own, even when it is the only one.
    if (penalty >= 100) continue;
    // "took over checkpoints that gunmen had manned since December": when a state began is not the day of an act, if another is told.
    // ("…, in its first action since the fighting erupted at the weekend", "a rally marking two months since the July massacres".)
    if (text && (/\b(?:since|ever since)\s+(?:early\s+|late\s+|mid-?\s*)?$/i.test(text.slice(Math.max(0, m.from - 16), m.from)) ||
      (m.from > triggerRel && /\bsince\b/i.test(text.slice(triggerRel, m.from)))) && mentions.some((o) => o !== m && !o.stale && o.date !== null)) penalty += 2000;
    // The day something was said loses to any other day the sentence gives, but dates the act when it is the only one.
    if (text && REPORTED_ON.test(text.slice(Math.max(0, m.from - 40), m.from)) && mentions.some((o) => o !== m && !o.stale && o.precision === "day")) penalty += 1000;
    if (d + penalty < bestD) {
      bestD = d + penalty;
      best = m;
    }
  }
  return best;
}

const NATIONALITY: Record<string, string> = { lebanese: "LBN", syrian: "SYR", israeli: "ISR", jordanian: "JOR", iraqi: "IRQ", iranian: "IRN", palestinian: "PSE", turkish: "TUR" };
/**
 * "gunmen from Lebanese clans", "Lebanese gunmen": a group known only by kind takes the nationality written before it.
 * Right before it, any group of no state does, named or not ("Lebanese tribal gunmen": the pack's tribal fighters are
 * Syrian), and the mention takes the adjective in (toActor then keeps the text's name).
 */
function withNationality(m: ActorMention, s: Sentence): ActorMention {
  if (!m.actor || !["armed-group", "militia", "tribal"].includes(m.actor.kind)) return m;
  const adj = /\b(Lebanese|Syrian|Jordanian|Iraqi|Iranian|Palestinian|Turkish)\s+$/.exec(s.text.slice(Math.max(0, m.start - s.start - 16), m.start - s.start));
  const own = adj ? NATIONALITY[adj[1]!.toLowerCase()] : undefined;
  if (adj && own && own !== m.actor.country) {
    const start = m.start - adj[0].length;
    return { ...m, country: own, start, name: s.text.slice(start - s.start, m.end - s.start) };
  }
  if (m.actor.names.en.some((n) => /^[A-Z]/.test(n) && !/^(?:Unidentified|Unknown|Local)\b/i.test(n))) return m;
  const around = s.text.slice(Math.max(0, m.start - s.start - 25), m.end - s.start + 25);
  const nat = /\b(Lebanese|Syrian|Israeli|Jordanian|Iraqi|Iranian|Palestinian|Turkish)\s+(?:[\w-]+\s+)?(?:clans?|gunmen|fighters|militants|tribes(?:men)?|smugglers|groups?)\b/.exec(around);
  const country = nat ? NATIONALITY[nat[1]!.toLowerCase()] : undefined;
  return country && country !== m.country ? { ...m, country } : m;
}

/**
 * Between a strike's trigger and a side named after it, words that make that side the one struck ("…, killing several
 * officers of Iran's Revolutionary Guards", "targeting Hezbollah operatives"), and none that make it the striker or a
 * speaker ("attributed to Jordan", "which Israel described as", "and IDF artillery responded").
 */
const STRUCK_SIDE = /^(?![^]*(?:[;:—–]|\b(?:by|attributed|claimed|described|blamed|said|says|accused|responded|in response|retaliat\w*|and\s+(?:an?|the|on|in))\b))[^]*\b(?:killing|killed|kills|wounding|wounded|injuring|targeting|targeted|against)\b[^]{0,50}$/i;

/** An army named as what it was, not as who acts now: "left behind by the former Syrian army", "abandoned regime posts". */
const FORMER_BEFORE = /\b(?:former|ex-|abandoned|defunct|toppled|fallen|ousted|deposed|old)\s+(?:[\w-]+\s+)?$/i;

/** A protest told as addressed to the Syrian state. */
const GOVERNMENT_TARGET = /\b(?:against|criticis\w*|denounc\w*|condemn\w*)\s+(?:the\s+)?(?:(?:new|interim|transitional|Syrian)\s+)?(?:government|authorities|regime|state|presidency|interior ministry)\b|\b(?:governorate|government|municipal)\s+(?:building|headquarters|offices?|compound)\b|\bthe government in Damascus\b/i;

/** Who can use force on a crowd, named by a common noun. */
const FORCE_NOUN = /\b(?:soldiers|troops|forces|police(?:men)?|guards?|members|army|gunmen|fighters|security|patrols?|personnel|officers|riot police)\b/i;

/** Before a possessive after a strike's trigger: a place or thing struck ("hit a building next to Iran's embassy"). */
const STRUCK_OWNER = /^(?![^]*(?:[;:—–]|\b(?:by|attributed|claimed|described|blamed|said|says|and\s+(?:an?|the))\b))[^]{0,60}\b(?:on|at|near|next to|beside|outside|of|hit|struck|targeted|targeting)\s+(?:the\s+)?$/i;

/** The places talks were held at, in order: each named after the trigger as "in X" ("met in Baku …, in Paris …"), once. */
function talkVenues(s: Sentence, places: readonly PlaceMention[], triggerAt: number): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const p of [...places].sort((x, y) => x.start - y.start)) {
    if (!p.place || p.start < triggerAt || p.score <= -4) continue;
    if (!/\bin\s+(?:the\s+)?(?:(?:Azerbaijani|French|British|Jordanian|Saudi|Turkish|Syrian|Israeli)\s+)?(?:capital\s+(?:of\s+)?)?$/i.test(s.text.slice(Math.max(0, p.start - s.start - 30), p.start - s.start))) continue;
    if (out.some((o) => o.place === p.place) || TOPIC_BEFORE.test(s.text.slice(Math.max(0, p.start - s.start - 45), p.start - s.start))) continue;
    out.push(p);
  }
  return out;
}

/** Words that make a side named near a strike the one it hit: its members, its dead, its targets. */
const STRUCK_AS = /\b(?:members?|operatives?|commanders?|fighters?|officers?|advisers?|officials?|leaders?|militants?|belong\w*|affiliated|linked|described as|death of|deaths of|mourn\w*|eliminat\w*|targets?|targeted|targeting|positions?|depots?|sites?|infrastructure|weapons)\b/i;

/** Sub-types told of an attacker who need not be there: aircraft, drones, artillery, missiles. */
const STRIKE_FROM_AFAR = new Set(["Air/drone strike", "Shelling/artillery/missile attack"]);

function toActor(m: ActorMention | null, eventCountry: string | null): ProposedActor | null {
  if (!m) return null;
  let country = m.country;
  // Civilians and gunmen named with no nationality are of the place (ACLED's "Unidentified Armed Group (Syria)").
  if (!country && (m.actor?.kind === "civilians" || m.actor?.kind === "armed-group")) country = eventCountry;
  let inter = m.inter;
  // ACLED codes state forces operating outside their own country as external forces (8).
  if (m.actor && (m.actor.kind === "state-forces" || m.actor.kind === "security-service") && country && eventCountry && country !== eventCountry) inter = 8;
  // A group named with another nationality than the pack gives it ("Lebanese tribal gunmen") keeps the text's words.
  const name = m.actor && m.country === m.actor.country ? m.actor.names.en[0] ?? m.name : m.name;
  return { name, id: m.actor?.id ?? null, country, party: m.actor?.party ?? null, inter };
}


function locatePlace(p: PlaceMention | null, locate: ExtractContext["locate"]): { loc: Location | null; lon: number | null; lat: number | null; place: Place | null; precision: 1 | 2 | 3 | null } {
  if (!p) return { loc: null, lon: null, lat: null, place: null, precision: null };
  const place = p.place ?? p.region;
  if (!place) return { loc: null, lon: null, lat: null, place: null, precision: 2 };
  let loc = locate(place.lon, place.lat);
  // A mountain is no point: the governorate its point falls in is chance, so the gazetteer's own admin1 (when it gives one) is used.
  if (loc && place.feature === "peak" && place.admin1 && place.admin1 !== loc.admin1) {
    const cc = countryOfAdmin1(place.admin1);
    loc = { country: cc ?? loc.country, admin1: place.admin1, admin1_name: null, zone: loc.zone ?? null };
  }
  // The admin-1 layer draws the area of separation as a coarse block that takes in the Druze villages west of it (Majdal Shams,
  // Mas'ade); a place the gazetteer puts in Israel's Northern District (the Israeli-held Golan) is there, not in the block.
  if (loc?.zone === "area-of-separation" && place.admin1 === "IL-Z") loc = { country: "ISR", admin1: "IL-Z", admin1_name: "Northern", zone: null };
  // The same layer runs the Lebanese border a few hundred metres off: a border town the gazetteer puts on one side (Metula in
  // Israel, Kfar Kila in Lebanon) is on that side. No other disagreement is settled by the gazetteer's code.
  else if (loc && place.admin1 && place.feature !== "region" && /^(?:IL|LB)-/.test(place.admin1) && /^(?:IL|LB)-/.test(loc.admin1 ?? "") && place.admin1.slice(0, 2) !== loc.admin1!.slice(0, 2)) {
    loc = { country: countryOfAdmin1(place.admin1), admin1: place.admin1, admin1_name: place.admin1 === "IL-Z" ? "Northern" : null, zone: null };
  }
  if (!loc && place.admin1) {
    // Outside the pack's polygons (a far capital) no disputed line is at stake: the pack's own admin code is used.
    const cc = countryOfAdmin1(place.admin1);
    loc = { country: cc, admin1: place.admin1, admin1_name: place.names.en[0] ?? null, zone: null };
  }
  if (!p.place) return { loc, lon: null, lat: null, place: null, precision: 2 };
  const precision: 1 | 2 | 3 = place.feature === "region" ? 3 : p.near ? 2 : 1;
  return { loc, lon: place.lon, lat: place.lat, place, precision };
}

/** The precision gate's weights, trained by scripts/train-intake-gate.ts; checked against the gate's features on first use (not at load, so the trainer can still run when they are stale). */
let gateModel: GateModel | null = null;
/** The gate's learned readers over the committed lexical and window models, built on first use like the gate. */
let gateReaders: GateReaders | null = null;

/** Extracts proposed events from one article. Several, one or none. */
export function extractEvents(article: Article, ctx: ExtractContext, options: ExtractOptions = {}): Proposal[] {
  const proposals = proposeByRules(article, ctx, options);
  if (options.gate === false) return inferSides(proposals);
  gateModel ??= checkGateModel(gateModelJson as unknown as GateModel);
  if (!gateReaders) {
    const lex = checkLexicalModel(lexicalModelJson);
    const win = checkWindowModel(windowModelJson);
    gateReaders = { lexical: (sentence) => lexicalScores(lex, sentence), window: (text, p) => windowScore(win, text, p) };
  }
  // Asked for the unreal too: every proposal stays, each with the gate's estimate as its confidence.
  return inferSides(applyGate(article, proposals, gateModel, options.includeNonFactual === true, gateReaders));
}

/** What the hand-written rules propose, before the gate. */
function proposeByRules(article: Article, ctx: ExtractContext, options: ExtractOptions): Proposal[] {
  const index = packIndex(ctx.places, ctx.actors);
  const ref = todayRef(article);
  const text = article.text;
  // "Correction: an earlier version of this report said …": what is corrected did not happen.
  const sentences = splitSentences(text).filter((s) => !isBoilerplateDateLine(s.text) && !/^\s*(?:Correction|Clarification)\s*:|\ban earlier version of this (?:report|article|story)\b/i.test(s.text));
  const articleAir = AIR_CONTEXT.test(text);
  interface Analysed { s: Sentence; actors: ActorMention[]; places: PlaceMention[]; dates: DateMention[]; tokens: ReturnType<typeof tokenize> }
  const analysed: Analysed[] = [];
  // First pass: places everywhere, so homonyms can lean on the article's unambiguous places.
  const anchorPts: Array<{ lon: number; lat: number }> = [];
  // "BEIT JINN, Syria, Nov 28 -": a dateline names where the story was filed, not who took part.
  // It opens the text or, under a headline, the first paragraph of the body.
  const datelineOf = (t: string): RegExpExecArray | null => DATELINE.exec(t) ?? TITLE_DATELINE.exec(t);
  const datelineOpens = sentences.slice(0, 3).find((s, i) => (i === 0 || s.paragraph > sentences[i - 1]!.paragraph) && datelineOf(s.text) !== null);
  const datelineStart = datelineOpens?.start ?? 0;
  const datelineEnd = datelineOpens ? datelineStart + datelineOf(datelineOpens.text)![0].length : 0;
  const inDateline = (start: number, end: number): boolean => start >= datelineStart && end <= datelineEnd;
  for (const s of sentences) {
    const tokens = tokenize(text, s.start, s.end);
    // "a Hamas-affiliated cell": a group named as a qualifier of someone else takes no part itself.
    const found0 = findActors(s.text, s.start, tokens, index);
    // "Two Israeli Humvees and a tank entered …": a country's kit, not named in the pack, stands for its military.
    for (const m of s.text.matchAll(/\b(Israeli|Syrian|Jordanian|Lebanese)\s+(?:[\w-]+\s+){0,2}?(?:humvees?|tanks|armou?red vehicles|military vehicles|jeeps|bulldozers|gunboats|fighter jets|warplanes)\b/gi)) {
      const start = s.start + m.index;
      const country = NATIONALITY[m[1]!.toLowerCase()];
      const mil = country ? index.byCountry.get(country)?.military : null;
      if (mil && !found0.some((x) => x.start < start + m[0].length && x.end > start)) found0.push({ name: m[0], actor: mil, country: country!, inter: mil.inter, start, end: start + m[0].length, source: false });
    }
    found0.sort((x, y) => x.start - y.start);
    const actors = found0.map((m) => withNationality(m, s)).filter((m) => !inDateline(m.start, m.end) &&
      !/-(?:affiliated|linked|backed|aligned|allied|inspired|leaning|sponsored|funded)$/i.test(s.text.slice(m.start - s.start, m.end - s.start + 14).split(/\s/)[0] ?? "") &&
      !/^-(?:affiliated|linked|backed|aligned|allied|inspired|leaning|sponsored|funded)\b/i.test(s.text.slice(m.end - s.start, m.end - s.start + 14)));
    analysed.push({ s, actors, places: [], dates: [], tokens });
    for (const m of index.places.match(tokens)) {
      const only = m.values.length === 1 ? m.values[0] : undefined;
      if (only && only.feature !== "capital" && distanceKm(only.lon, only.lat, index.anchor.lon, index.anchor.lat) < 400) anchorPts.push({ lon: only.lon, lat: only.lat });
    }
  }
  const anchor = anchorPts.length
    ? { lon: anchorPts.reduce((a, p) => a + p.lon, 0) / anchorPts.length, lat: anchorPts.reduce((a, p) => a + p.lat, 0) / anchorPts.length }
    : index.anchor;
  let knownBefore: Place | null = null;
  /** The month the text named last (ISO date in it), for "on the 14th". */
  let lastMonth: string | null = null;
  const unresolved: PlaceMention[] = [];
  for (const a of analysed) {
    a.places = findPlaces(a.s, a.tokens, index, a.actors, anchor, inDateline);
    // A village the gazetteer lacks, with no area named beside it: the area of the article's nearest known place.
    for (const p of a.places) {
      if (p.place && p.place.feature !== "capital" && p.place.feature !== "region" && p.score > -4) knownBefore = p.place;
      else if (!p.place && !p.region) {
        if (knownBefore) p.region = knownBefore;
        else unresolved.push(p);
      }
    }
    a.dates = findDates(a.s.text, ref);
    // "In October, … On the 14th, a teacher was shot": a day of the month last named.
    const ordinal = /\b(?:on|by|since|until)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/i.exec(a.s.text);
    if (ordinal && lastMonth && !a.dates.some((d) => d.precision === "day")) {
      const day = Number(ordinal[1]);
      const iso = `${lastMonth.slice(0, 7)}-${String(day).padStart(2, "0")}`;
      if (day >= 1 && day <= 31 && isoToDays(iso) <= isoToDays(ref ?? iso)) a.dates.push({ date: iso, precision: "day", start: iso, end: iso, from: ordinal.index, to: ordinal.index + ordinal[0].length, text: ordinal[0], stale: false });
    }
    const monthTold = [...a.dates].reverse().find((d) => !d.stale && d.start && (d.precision === "month" || d.precision === "day"));
    if (monthTold?.start) lastMonth = monthTold.start;
    // "Tuesday, April 29: Gunmen attack a checkpoint overnight": an item headed by its day; "overnight", "today" are that day's, not the
    // filing day's.
    const heading = a.dates.find((d) => d.from <= 3 && !d.stale && d.date !== null && (d.precision === "day" || d.precision === "month") && /^\s*[:–—-]\s/.test(a.s.text.slice(d.to)));
    if (heading) a.dates = a.dates.filter((d) => d === heading || !RELATIVE_TO_FILING.test(d.text));
    // "QUNEITRA, Monday - … on Saturday": the dateline's day is the filing day; the sentence's own day dates its events.
    if (a.s.start <= datelineStart && datelineStart < a.s.end) {
      const own = a.dates.filter((d) => a.s.start + d.from >= datelineEnd);
      if (own.length > 0) a.dates = own;
    }
  }

  // "MAJDAL SHAMS, … — … a rocket struck a pitch in this Druze town": the filing place is the one "this town" points at.
  const datelinePlace = datelineOpens ? analysed.find((a) => a.s === datelineOpens)?.places.find((p) => p.place && inDateline(p.start, p.end)) ?? null : null;
  if (knownBefore) for (const p of unresolved) p.region = analysed.flatMap((a) => a.places).find((q) => q.place && q.place.feature !== "capital" && q.place.feature !== "region" && q.score > -4)?.place ?? null;

  // The span a report covers ("covering 19 February to 20 May", "between 1 March and 31 May"): what "during the period" points at.
  const reportPeriod = analysed.flatMap((a) => /\b(?:covering|covers|period|between|from)\b/i.test(a.s.text) ? a.dates : []).find((d) => !d.stale && d.start && d.end && isoToDays(d.end) - isoToDays(d.start) >= 14) ?? null;
  const candidates: Candidate[] = [];
  /** The article's actors that pass `keep`, one mention per `key`, most named first. */
  const mostNamed = (keep: (m: ActorMention) => boolean, key: (m: ActorMention) => string): ActorMention[] => {
    const count = new Map<string, { n: number; m: ActorMention }>();
    for (const x of analysed) for (const m of x.actors) {
      if (!keep(m)) continue;
      const e = count.get(key(m)) ?? { n: 0, m };
      e.n++;
      count.set(key(m), e);
    }
    return [...count.values()].sort((p, q) => q.n - p.n).map((e) => e.m);
  };
  /** An army named as what it was, not as who acts now ("weapons left behind by the former Syrian army"). */
  const namedAsFormer = (m: ActorMention): boolean => FORMER_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || /^former\b/i.test(m.name);
  // The states the article names most, one mention each, most named first ("the two governments").
  const articleStates = mostNamed((m) => !!m.country && !!m.actor && ["government", "state-forces", "security-service"].includes(m.actor.kind), (m) => m.country!);
  // The armed groups the article names, most named first: who fires rockets into Israel in these reports ("Hezbollah").
  const articleGroups = mostNamed((m) => !!m.country && !!m.actor && !m.source && ["armed-group", "militia"].includes(m.actor.kind), (m) => m.actor!.id);
  /** An armed side named in a strike's sentence or the two after it as what the dead or the targets belonged to. */
  const struckAffiliation = (c: Candidate, attacker: string): ActorMention | null => {
    const first = c.sentence.index;
    for (const x of analysed.filter((y) => y.s.index >= first && y.s.index <= first + 2 && y.s.paragraph === c.sentence.paragraph)) {
      // Not a side that acts in a sentence of its own ("Hezbollah fired rockets in response").
      if (x.s !== c.sentence && candidates.some((o) => o.sentence === x.s && o.def.family === "violent" && o.actor1 && o.actor1.country !== attacker)) continue;
      for (const m of x.actors) {
        if (!m.actor || !m.country || m.country === attacker || m.source) continue;
        if (!["armed-group", "militia", "state-forces", "security-service"].includes(m.actor.kind)) continue;
        if (x.s === c.sentence && m.start < c.trigger.end) continue;
        const around = text.slice(Math.max(x.s.start, m.start - 60), Math.min(x.s.end, m.end + 40));
        if (STRUCK_AS.test(around)) return m;
      }
    }
    return null;
  };
  // Israel as the article names it, for the forces on the line told by a common noun: its most-named side, else any mention at all
  // ("an Israeli daily reports", "the IDF"), taken as its army.
  const israelAt = /\b(?:Israel(?:i|'s|’s)?|IDF|IOF)\b/.exec(text);
  const israelMil = index.byCountry.get("ISR")?.military ?? null;
  const israelNamed: ActorMention | undefined = israelAt && israelMil ? { name: israelAt[0], actor: israelMil, country: "ISR", inter: israelMil.inter, start: israelAt.index, end: israelAt.index + israelAt[0].length, source: false } : undefined;
  const israeliSide = mostNamed((m) => m.country === "ISR" && !!m.actor && !namedAsFormer(m), (m) => m.country!)[0] ?? israelNamed;
  /** A state named by its government ("Israel", "Syrian officials") as its armed forces, for violence and force. */
  const militaryOf = (m: ActorMention): ActorMention => {
    const mil = m.country ? index.byCountry.get(m.country)?.military : null;
    return mil ? { ...m, actor: mil, inter: mil.inter } : m;
  };
  let discourseDate: { date: DateRange; sentence: number; paragraph: number } | null = null;
  let backgroundDate: { date: DateRange; sentence: number } | null = null;
  // The last day named in the text, event or not ("… will not forget 25 December. That morning, villagers marched …").
  let narrativeDate: { date: DateRange; sentence: number } | null = null;
  // The last date of any precision the text named ("In late March, …. About a week later, …"), for counts and continuations.
  let toldDate: { date: DateRange; sentence: number; paragraph: number } | null = null;
  /** The month a timeline's day numbers count in ("January 2025" over "2 - …", "7 - …"): the last month named alone. */
  let timelineMonth: string | null = null;
  let lastPlace: { place: PlaceMention; sentence: number } | null = null;
  /** Every place named so far, latest first ("the city" looks for the last city). */
  const recentPlaces: Array<{ place: PlaceMention; sentence: number }> = [];
  for (const a of analysed) {
    const { s } = a;
    const found: Array<{ def: TriggerDef; rel: number; len: number; text: string }> = [];
    for (const def of TRIGGERS) {
      def.re.lastIndex = 0;
      for (let m = def.re.exec(s.text); m; m = def.re.exec(s.text)) {
        found.push({ def, rel: m.index, len: m[0].length, text: m[0] });
      }
    }
    // Overlapping triggers: the longer phrase wins ("seized a shipment of rockets" over "rockets").
    found.sort((x, y) => y.len - x.len || y.def.priority - x.def.priority);
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      if (spans.some(([a, b]) => f.rel < b && f.rel + f.len > a)) { found.splice(i--, 1); continue; }
      spans.push([f.rel, f.rel + f.len]);
    }
    // Where the sentence's verbs are: a place told after another verb belongs to that verb's act.
    const triggerStarts = found.filter((f) => VERB_TRIGGER.test(f.text)).map((f) => s.start + f.rel);
    // "a mine left over from earlier fighting": where the ordnance came from is no act of its own.
    for (const o of s.text.matchAll(ORDNANCE_ORIGIN)) {
      for (let i = found.length - 1; i >= 0; i--) if (found[i]!.def.id !== "ied" && found[i]!.rel > o.index && found[i]!.rel < o.index + o[0].length) found.splice(i, 1);
    }
    // Weapons named as things ("a cache of weapons and rockets", "rocket launchers", "missile depots") are objects, not fire.
    const seizure = found.some((f) => f.def.id === "disrupted");
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i]!;
      if (!["shelling", "grenade", "ied"].includes(f.def.id) || !/^(?:rockets?|missiles?|mortars?(?: shells| rounds)?|projectiles?|grenades?|land ?mines?|explosive devices?|IEDs?)$/i.test(f.text)) continue;
      const after = s.text.slice(f.rel + f.len, f.rel + f.len + 25);
      const before = s.text.slice(Math.max(0, f.rel - 70), f.rel);
      if (seizure || /^\s+(?:launchers?|launch (?:pads?|sites?)|depots?|stores?|storage|stockpiles?|caches?|shipments?|factor(?:y|ies)|workshops?|warehouses?|platforms?|systems?|batter(?:y|ies))\b/i.test(after) ||
        /\b(?:caches?|shipments?|stockpiles?|depots?|smuggl\w*|seized|confiscated|found|transport\w*|stor(?:ed|ing))\s+(?:of\s+)?(?:[\w-]+\s+){0,3}$/i.test(before) ||
        // An inventory ("The finds include anti-tank missiles, tanks, mortars …", "a facility containing dozens of mortar shells").
        /\b(?:finds|haul|inventory|includ(?:e|es|ed|ing)|contain(?:s|ed|ing)?|such as|consist(?:s|ed|ing)? of)\s+(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,6}$/i.test(before)) found.splice(i, 1);
    }
    // "an explosive device hit their patrol vehicle", "a roadside bomb struck a military vehicle": the bomb's own blast, not a strike.
    if (found.some((f) => f.def.id === "ied")) {
      for (let i = found.length - 1; i >= 0; i--) {
        const f = found[i]!;
        if (f.def.id === "strike" && /\b(?:devices?|bombs?|IEDs?|mines?|explosives?|charges?)\s+(?:[\w-]+\s+){0,3}$/i.test(s.text.slice(Math.max(0, f.rel - 50), f.rel))) found.splice(i, 1);
      }
    }
    // "Explosions were heard as aircraft targeted depots", "hit by three missiles": the sound and the munition of the strike told, not more events.
    if (found.some((f) => ["airstrike", "drone", "strike", "shelling"].includes(f.def.id) && !/^(?:rockets?|missiles?|projectiles?)$/i.test(f.text))) {
      for (let i = found.length - 1; i >= 0; i--) {
        const f = found[i]!;
        if (f.def.id === "explosion" || (f.def.id === "shelling" && /^(?:rockets?|missiles?|projectiles?)$/i.test(f.text) && !/\b(?:fired|launch(?:ed|es|ing)?)\b/i.test(s.text))) found.splice(i, 1);
        // "air defences intercepted some of the missiles": the interception belongs to the strike told.
        else if (f.def.id === "disrupted" && /^(?:intercepted|shot down|downed)$/i.test(f.text)) found.splice(i, 1);
        // "a drone dropped a stun grenade": the munition an aircraft dropped is its strike.
        else if ((f.def.id === "grenade" || f.def.id === "ied" || f.def.id === "explosion") && /\b(?:dropped|dropping|released|fired|launched)\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel))) found.splice(i, 1);
      }
    }
    // "abducted and robbed", "stormed a pharmacy and stole cash": a robbery with violence against the person is that violence.
    if (found.some((f) => f.def.family === "violent")) {
      for (let i = found.length - 1; i >= 0; i--) if (found[i]!.def.id === "destruction" && /^(?:stole|stolen|robbed|robbery|robberies)$/i.test(found[i]!.text)) found.splice(i, 1);
    }
    // "Killed" reports the toll of an attack told by another trigger; alone it is an attack itself.
    if (found.some((f) => f.def.family === "violent" && f.def.id !== "killing" && !FUTURE.test(clauseBefore(s.text, f.rel)) && !NEGATION.test(clauseBefore(s.text, f.rel)))) {
      // Not a killing named as the cause of what follows ("clashes triggered by the killing of an officer"): that is its own, earlier event.
      for (let i = found.length - 1; i >= 0; i--) if (found[i]!.def.id === "killing" && !CAUSE_BEFORE.test(s.text.slice(Math.max(0, found[i]!.rel - 40), found[i]!.rel))) found.splice(i, 1);
    }
    // Keep the strongest trigger per family, and per event type among violent ones.
    found.sort((x, y) => y.def.priority - x.def.priority || x.rel - y.rel);
    const kept = new Map<string, Omit<(typeof found)[number], never> & { refined: NonNullable<ReturnType<typeof refineType>>; a1: ActorMention | null; a2: ActorMention | null; flags: ReturnType<typeof flagsFor>; date: DateRange; explicit: boolean; elsewhen: boolean }>();
    // The sentence's day is the one nearest its first act ("detained on Saturday … suspected of firing rockets last week").
    const sentenceDate = nearestDate(a.dates, found.length ? Math.min(...found.map((f) => f.rel)) : s.text.length / 2, s.text);
    for (const f of found) {
      const at = s.start + f.rel;
      const [a1, a2] = pickActors(f.def, s, a.actors, at);
      const refined = refineType(f.def, s, a1, a2, at, articleAir);
      if (!refined) continue;
      // An old date written in full ("on 31 May 1974", or a month and year before the act: "In January 2015, a strike …") dates a historical
      // event; a bare old year never does.
      const near = nearestDate(a.dates, f.rel, s.text) ?? a.dates.find((d) => d.stale && (d.precision === "day" || (d.precision === "month" && d.to <= f.rel)) && d.date !== null && /\b\d{4}\b/.test(d.text)) ?? null;
      const future = FUTURE.test(clauseBefore(s.text, f.rel));
      const dm = near ? (future ? findDates(s.text, ref, true).find((d) => d.from === near.from) ?? near : near) : null;
      let date: DateRange = dm ?? { date: null, precision: null, start: null, end: null };
      // "… last Tuesday evening. Overnight, aircraft struck …": the night after the day just told, not the night before publication.
      const told = narrativeDate?.date.date;
      if (dm && /^overnight$/i.test(dm.text) && dm.from < 3 && told && narrativeDate!.sentence >= s.index - 2 && narrativeDate!.date.precision === "day" && ref && isoToDays(told) < isoToDays(ref) - 1) {
        date = { date: addDays(told, 1), precision: "day", start: told, end: addDays(told, 1) };
      }
      const periodDated = !dm && reportPeriod !== null && PERIOD_REF.test(s.text);
      if (periodDated && reportPeriod) {
        // "during the period", "in the reporting period": the span the report covers, told once ("covering 19 February to 20 May").
        date = { ...reportPeriod, precision: "month" };
      }
      const later = dm ? /^(\w+) (days?|nights?|weeks?) (later|earlier|before)$/i.exec(dm.text) : null;
      if (later && dm) {
        // "on 30 April …, and two days later jets hit …", "Three days earlier, a drone had struck …": counted from the day told before it, not from today.
        const base = [...a.dates].reverse().find((d) => d.from < dm.from && d.precision === "day" && d.date && !d.stale)?.date ??
          // The day told last, a paragraph or two back ("… on Sunday. [details] A day earlier, …"); no later day intervenes.
          (discourseDate && discourseDate.sentence >= s.index - 6 && discourseDate.date.precision === "day" ? discourseDate.date.date : null) ??
          (narrativeDate && narrativeDate.sentence >= s.index - 6 && narrativeDate.date.precision === "day" ? narrativeDate.date.date : null);
        const n = (wordNumber(later[1] ?? "") ?? 1) * (/^w/i.test(later[2] ?? "") ? 7 : 1) * (/^l/i.test(later[3] ?? "") ? 1 : -1);
        // Counted from a coarser time told just before ("In late March … About a week later"): the whole span moves.
        const coarse = !base && toldDate && toldDate.sentence >= s.index - 2 && toldDate.date.start && toldDate.date.end && toldDate.date.date ? toldDate.date : null;
        if (base) { const d = addDays(base, n); date = { date: d, precision: "day", start: d, end: d }; }
        else if (coarse) date = { date: addDays(coarse.date!, n), precision: coarse.precision === "month" ? "month" : "week", start: addDays(coarse.start!, n), end: addDays(coarse.end!, n) };
      }
      const lead = s.text.slice(Math.max(0, f.rel - 60), f.rel);
      const counted = COUNTED_DAYS.exec(lead);
      if (counted && f.def.family === "violent" && date.date) {
        // "after two days of drone strikes" on the day told: the days before it.
        const n = wordNumber(counted[1] ?? "") ?? 2;
        date = { date: addDays(date.date, -1), precision: "day", start: addDays(date.date, -n), end: addDays(date.date, -1) };
      }
      // "a vigil to mark one year since a rocket strike killed twelve children": that many years before, and background.
      const yearsAgo = YEARS_SINCE.exec(lead);
      if (yearsAgo && date.date && ref && Number(date.date.slice(0, 4)) >= Number(ref.slice(0, 4)) - 1) {
        const n = wordNumber(yearsAgo[1] ?? "") ?? 1;
        const d = `${Number(date.date.slice(0, 4)) - n}${date.date.slice(4)}`;
        date = { date: d, precision: "day", start: addDays(d, -1), end: addDays(d, 1) };
      }
      // "landed troops on Wednesday, a day after drone strikes there killed six": the act after "after" is that many days before.
      const before = N_DAYS_AFTER.exec(lead);
      const elsewhen = !!before && date.precision === "day" && !!date.date;
      if (before && elsewhen && date.date) {
        const d = addDays(date.date, -(wordNumber(before[1] ?? "") ?? 1) * (/^w/i.test(before[2] ?? "") ? 7 : 1));
        date = { date: d, precision: "day", start: d, end: d };
      }
      const flags = flagsFor(s, f.rel, date, ref);
      // "Every week brings another raid", "patrols enter villages almost daily": what keeps happening, not one event.
      if (HABITUAL.test(s.text) && !(dm && dm.precision === "day" && !dm.stale)) continue;
      if (NONE_AFTER.test(s.text.slice(f.rel))) continue;
      // "citing continued incursions, the killing of civilians in July and …": items a speaker lists are named, not told.
      if (/\b(?:citing|cited|listing)\b[^.;:"“]{0,90}$/i.test(s.text.slice(Math.max(0, f.rel - 90), f.rel))) continue;
      const ownClause = clauseOf(s.text, f.rel);
      if (TIMES_SPAN.test(ownClause) || ((f.def.id === "killing" || f.def.id === "arrest" || f.def.id === "destruction") && CUMULATIVE.test(ownClause))) continue;
      // A count of a kind of event over a span ("Monthly count (1-12 October): 41 incursions") is a statistic; "dozens of strikes throughout the day" is a day's raid.
      const spanned = (dm !== null && dm.start !== null && dm.end !== null && isoToDays(dm.end) - isoToDays(dm.start) >= 2) || AGGREGATE_SPAN.test(s.text.replace(SUPERLATIVE_SINCE, "")) || /\b(?:count(?:ed)?|tall(?:y|ied)|totals?|statistics|logged|recorded|documented|registered|summary)\b|\b(?:during|over|in)\s+the\s+(?:past\s+)?(?:week|month|period|year)\b/i.test(s.text);
      // ("fired more than 200 rockets": a salvo's size.)
      if (/s$/i.test(f.text) && spanned && COUNTED_KIND.test(s.text.slice(Math.max(0, f.rel - 50), f.rel)) && !(SALVO.test(f.text) && /\b(?:fired|launched|fires|launches|firing|launching)\b/i.test(s.text.slice(Math.max(0, f.rel - 60), f.rel)))) continue;
      // "their vehicle hit a landmine": the mine is the act, not a strike.
      if (f.def.id === "strike" && /^(?:hit|struck|strikes?)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:land ?mines?|mines?|roadside bombs?|explosive devices?|IEDs?|booby[- ]traps?)\b/i.test(s.text.slice(f.rel))) continue;
      // "the Golan Heights, which Israel captured from Syria in 1967": an act the clause dates by an old year is history.
      // "Syrian troops withdrew during the civil war, when rebels fought there, and UNDOF relocated in 2014": a sentence dated only by
      // old years tells history.
      if (ref && a.dates.some((d) => d.stale && /\b(?:in|since|during|by|until|of)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s+(?:war|agreement|accord|disengagement)/i.test(s.text.slice(Math.max(0, d.from - 8), d.to + 14))) &&
        !a.dates.some((d) => !d.stale && d.date)) continue;
      const commaClause = s.text.slice(Math.max(0, s.text.lastIndexOf(",", f.rel) + 1), (s.text.indexOf(",", f.rel) + 1 || s.text.length + 1) - 1);
      const oldYear = /\b(?:in|since|during|by)\s+((?:19|20)\d{2})\b/.exec(commaClause);
      // ("shot dead a fighter who had joined a settlement in 2018, as he left a mosque on Tuesday": the year is the victim's past; the act has its day.)
      const clauseAt = Math.max(0, s.text.lastIndexOf(",", f.rel) + 1);
      const yearFar = !!oldYear && Math.abs(clauseAt + oldYear.index - f.rel) > 30;
      if (oldYear && ref && Number(oldYear[1]) < Number(ref.slice(0, 4)) - 1 && !(yearFar && dm && dm.precision === "day" && !dm.stale)) continue;
      // "on suspicion of belonging to a cell that fired rockets": what the suspects are accused of is not told as happening.
      if (new RegExp(SUSPICION.source + "[^,;]*$", "i").test(s.text.slice(Math.max(0, f.rel - 90), f.rel))) continue;
      // "documented the demolition of 11 homes and the detention of dozens since the beginning of the year": a tally, not an event.
      if (/^(?:\w+(?:tion|ment|al)s?|arrests|raids|strikes|attacks|incursions|killings)$/i.test(f.text) && AGGREGATE_SPAN.test(clauseOf(s.text, f.rel)) &&
        /\b(?:documented|recorded|counted|registered|logged|tallied|noted|reported)\b/i.test(s.text.slice(0, f.rel)) && !(dm && dm.precision === "day" && !dm.stale)) continue;
      // "breaking a fragile truce that had held", "violated the ceasefire": the truce named as broken is the backdrop.
      if (f.def.family === "diplomatic" && /\b(?:break(?:ing|s)?|broke|broken|violat\w*|breach\w*|undermin\w*|collapse of|end(?:ed|ing|s)?)\s+(?:a|an|the|its|their)?\s*(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel))) continue;
      // "a woman hit by a stray bullet": a victim of gunfire, not a strike.
      if (f.def.id === "strike" && /^(?:hit|struck)\s+by\s+(?:a\s+|an\s+)?(?:stray\s+|sniper\s+)?(?:bullets?|gunfire|shrapnel|sniper|fragments?)\b/i.test(s.text.slice(f.rel))) continue;
      // "withdrew from a position they had occupied for three weeks": a clause that describes the place, not an act told.
      if ((f.def.id === "territory" || f.def.id === "incursion") && /\b(?:positions?|posts?|bases?|areas?|hills?|villages?|towns?|points?)\s+(?:that\s+|which\s+)?(?:they|it|he|she|the\s+\w+|troops|forces)\s+had\s+(?:\w+ly\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 50), f.rel))) continue;
      // "since they moved into the buffer zone a year ago", "since it was formed": an earlier act named as the start of a span.
      if (/\bsince\s+(?:they|it|he|she|we|the\s+[\w-]+(?:\s+[\w-]+)?|(?:Israeli|Syrian|government|Druze|tribal)\s+(?:forces|troops|soldiers|fighters))\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel))) continue;
      // "Residents reported hearing two explosions": a sound told beside an act, not another act.
      if (f.def.id === "explosion" && /\b(?:heard|hearing|hear)\s+(?:a\s+|an\s+|the\s+|two\s+|three\s+|several\s+|loud\s+|heavy\s+|a series of\s+)*(?:[\w-]+\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel)) &&
        candidates.some((c) => s.index - c.sentence.index <= 2)) continue;
      // "It was the second strike in the area this month": a count of acts already told, not another one.
      if (/\b(?:it|this|that)\s+(?:was|is)\s+(?:the|a)\s+(?:first|second|third|fourth|fifth|latest|last|\w+th)\s+(?:such\s+)?(?:[\w-]+\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel))) continue;
      // "the UN-patrolled zone", "a US-brokered truce": a participle joined by a hyphen describes a thing, it tells no act.
      if (/ed$/i.test(f.text) && /[A-Za-z]-$/.test(s.text.slice(Math.max(0, f.rel - 2), f.rel))) continue;
      // "a series of strikes overnight": a run of acts on one named day is told, not a trend.
      const run = /\b(?:series|string|spate|wave|round)\s+of\s+(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, f.rel - 40), f.rel));
      if (flags.trend && !counted && !(run && dm && dm.precision === "day" && !dm.stale && a1?.actor && ["state-forces", "security-service", "militia", "armed-group", "tribal"].includes(a1.actor.kind))) continue;
      // "relatives threatened by the fighting in Sweida", "fled the clashes", "amid the shelling": violence named as a backdrop, not reported.
      // "despite the ceasefire that came into force in November", "amid the talks": a standing state named as a backdrop.
      if (BACKDROP_BEFORE.test(s.text.slice(Math.max(0, f.rel - 50), f.rel))) continue;
      // "tanks that were advancing toward the city": a movement that describes a target, not an act of its own.
      if (f.def.id === "incursion" && /\b(?:that|which|who)\s+(?:were|was|had been|are|is|have been|has been)\s+(?:\w+ly\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 30), f.rel))) continue;
      // "visited Israeli troops deployed inside the buffer zone": the participle describes whom the visit was to.
      if (f.def.id === "incursion" && /^(?:deployed|stationed|positioned|based)$/i.test(f.text) && /\b(?:visit(?:ed|ing|s)?|inspect(?:ed|ing|s)?|met|meeting|tour(?:ed|ing)|address(?:ed|ing)|join(?:ed|ing)|greet(?:ed|ing)|thank(?:ed|ing))\s+(?:[\w-]+\s+){0,3}(?:troops|forces|soldiers|units|personnel)\s+$/i.test(s.text.slice(Math.max(0, f.rel - 60), f.rel))) continue;
      // "Damascus protests": a capital that protests is its government lodging a protest, not a crowd.
      if (f.def.family === "protest" && /^protest(?:s|ed)$/i.test(f.text) && /^\S+\s*(?:[.;,!?]|$|(?:against|over|to)\b)/.test(s.text.slice(f.rel)) &&
        a.places.some((p) => p.place?.feature === "capital" && s.start + f.rel - p.end >= 0 && s.start + f.rel - p.end <= 1)) continue;
      // "denounced what it called a massacre", "condemned the incursions": the act named in a statement about it is not told here.
      if (STATEMENT_OBJECT.test(s.text.slice(Math.max(0, f.rel - 60), f.rel))) continue;
      // ("the cell was responsible for the roadside bomb … near Tal Shihab on 11 May": a reference dated to its own day tells the act.)
      if (REFERENCE_BEFORE.test(s.text.slice(Math.max(0, f.rel - 50), f.rel)) && !(dm && dm.precision === "day" && !dm.stale && /^[^;]{0,80}\b(?:on|in the early hours of|on the night of)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b/.test(s.text.slice(f.rel)))) continue;
      // "the 2012 massacre", "the 2018 settlement": an act named by an old year is a name, not news.
      const named = /\bthe\s+((?:19|20)\d{2})\s+(?:[\w-]+\s+)?$/i.exec(s.text.slice(Math.max(0, f.rel - 25), f.rel));
      if (named && ref && Number(named[1]) < Number(ref.slice(0, 4)) - 1) continue;
      // Counts over months are statistics, not one event.
      if (AGGREGATE_BEFORE.test(s.text.slice(Math.max(0, f.rel - 40), f.rel)) && AGGREGATE_SPAN.test(s.text)) continue;
      // "Killings of this kind have been …": a kind of event, not one event.
      if (/s$/i.test(f.text) && GENERIC_AFTER.test(s.text.slice(f.rel + f.len, f.rel + f.len + 40))) continue;
      // "negotiated the terms of the handover": a noun that names what is discussed.
      if (f.def.family !== "violent" && /\b(?:(?:terms|details|conditions|implementation|text|mechanisms?|modalities|monitoring|enforcement|observance|extension|violations?|breach(?:es)?|collapse|future|fate|prospects?|guarantors?|architects?)\s+of|(?:focused|focussed|centred|centered)\s+on|dealt\s+with)\s+(?:the|a|an|any|this|that)?\s*(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, f.rel - 50), f.rel))) continue;
      // A verb form that cannot be past ("to detain", "… and withdraw from Syrian land") is a plan or a demand.
      const word = f.text.toLowerCase();
      if (BARE_VERB.test(word) || (TO_VERB.test(word) && /\bto\s+(?:\w+ly\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 16), f.rel)))) {
        if (!/\b(?:did|does|do)\s+(?:not\s+)?$/i.test(s.text.slice(Math.max(0, f.rel - 12), f.rel))) flags.future = true;
      }
      // "demanding the release of a young man detained by General Security on Saturday": the participle, dated to a day, tells a
      // past act whatever the clause around it wants ("shepherds detained in recent weeks" stays the demand's topic).
      if (flags.future && /ed$/i.test(f.text) && /\b(?:man|men|woman|women|youths?|boys?|girls?|people|residents?|villagers?|farmers?|shepherds?|persons?|activists?|journalists?)\s+$/i.test(s.text.slice(Math.max(0, f.rel - 20), f.rel)) &&
        /^\S+\s+(?:by\s+(?:[\w'’-]+\s+){1,4})?(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+)|yesterday|last night)\b/.test(s.text.slice(f.rel))) flags.future = false;
      // "continued to clash", "began to withdraw": the act is reported, whatever "to" suggested.
      if (ASPECT_TO.test(s.text.slice(Math.max(0, f.rel - 30), f.rel)) && !FUTURE.test(clauseBefore(s.text, f.rel).replace(ASPECT_TO, ""))) flags.future = false;
      // Two events of one type in one sentence when they are in different governorates ("jets struck Damascus after drone strikes in Sweida").
      const ownPlace = f.def.family === "violent" ? pickPlace(a.places, s.start + f.rel, s, triggerStarts) : null;
      // Physical acts of different kinds are separate events ("seized a depot … and arrested two men"); diplomatic ones are one per sentence.
      // Remote violence of different means is told as separate events ("artillery shelled X and jets struck Y").
      const typeKey = refined.event_type === "Explosions/Remote violence" ? `${refined.event_type}/${refined.sub_event_type}` : refined.event_type;
      // "On Sunday, gunmen shot dead a teacher in Tafas; … and late on Tuesday, two brothers were shot dead outside Inkhil": a clause
      // between semicolons with a day of its own tells its own event.
      const ownClauseDay = f.def.family !== "diplomatic" && s.text.includes(";") && dm !== null && dm.precision === "day" && clauseOf(s.text, f.rel).includes(dm.text) ? `:${s.text.lastIndexOf(";", f.rel)}` : "";
      const key = (f.def.family === "violent" ? `violent:${typeKey}:${ownPlace?.place?.admin1 ?? ""}` : f.def.family === "physical" ? `physical:${refined.sub_event_type}` : f.def.family) + ownClauseDay;
      if (f.def.family === "violent" && ownPlace?.place?.admin1 && !kept.has(key) && ownClauseDay === "") {
        // Only when the other trigger's own place is elsewhere; otherwise the usual one-per-type rule.
        const same = [...kept.keys()].find((k2) => k2.startsWith(`violent:${typeKey}:`));
        const sameAt = same ? kept.get(same) : undefined;
        const samePlace = sameAt ? pickPlace(a.places, s.start + sameAt.rel, s, triggerStarts) : null;
        // "…, adding that the strikes were meant as a warning to Damascus": "the strikes" are the ones just told.
        const pointsBack = !!sameAt && sameAt.rel < f.rel && !VERB_TRIGGER.test(f.text) && DEFINITE_BEFORE.test(s.text.slice(Math.max(0, f.rel - 30), f.rel));
        if (same && sameAt && (!samePlace?.place?.admin1 || samePlace.place.admin1 === ownPlace.place.admin1 || Math.abs(sameAt.rel - f.rel) < 60 || pointsBack)) continue;
      }
      const existing = kept.get(key);
      if (existing) {
        // A factual trigger beats a flagged one of the same family.
        const flagged = (x: Proposal["flags"]): boolean => x.future || x.hypothetical || x.negated;
        if (!(flagged(existing.flags) && !flagged(flags))) continue;
      }
      if (periodDated) flags.background = false;
      kept.set(key, { ...f, refined, a1, a2, flags, date, explicit: dm !== null || periodDated, elsewhen });
    }
    const families = new Set([...kept.values()].map((k) => k.def.family));
    const factual = (k: { flags: Proposal["flags"] }): boolean => !k.flags.future && !k.flags.hypothetical && !k.flags.negated;
    const lastViolent = [...candidates].reverse().find((c) => c.def.family === "violent" && s.index - c.evidence[c.evidence.length - 1]!.index <= 3);
    // A weak word with no armed actor of its own ("people were killed"), or a noun with a determiner ("the attack"),
    // with no place or date of its own, tells more about an event already reported.
    const ownArmed = a.actors.some((m) => !m.source && m.actor?.kind !== "civilians");
    const definite = (rel: number, word: string): boolean => !VERB_TRIGGER.test(word) && DEFINITE_BEFORE.test(s.text.slice(Math.max(0, rel - 30), rel));
    const near = (x: DateRange, y: DateRange): boolean => !!x.date && !!y.date && Math.abs(isoToDays(x.date) - isoToDays(y.date)) <= 3;
    /** The event already told that a trigger only tells more about, or null. */
    const corefOf = (k: { def: TriggerDef; explicit: boolean; rel: number; text: string; date: DateRange; refined: { event_type: string } }): Candidate | null => {
      if (k.def.family !== "violent") return null;
      const own = pickPlace(a.places, s.start + k.rel, s, triggerStarts);
      if (lastViolent && !k.explicit && own === null && ((k.def.strength <= 0.55 && !ownArmed) || definite(k.rel, k.text))) return lastViolent;
      // "Four people were killed at the base", "two people were killed near X": a toll in the passive, with no agent of its own,
      // at the place just told (or none), is the toll of that event.
      if (lastViolent && k.def.id === "killing" && PASSIVE_TOLL.test(s.text.slice(Math.max(0, k.rel - 30), k.rel + k.text.length + 4)) && !/^\S+\s+by\b/i.test(s.text.slice(k.rel)) &&
        (!k.explicit || near(k.date, lastViolent.date)) && (own === null || samePlace(own, lastViolent.place))) return lastViolent;
      // "The fighting broke out on Sunday", "the heaviest fighting was in … Sweida city": a definite noun for the same kind of violence,
      // at the same place or none, days apart at most. "The fighting spread to X" names a new place: a new event.
      if (!definite(k.rel, k.text) || /^\S+\s+(?:\w+\s+)?(?:spread|moved|extended|reached)\b/i.test(s.text.slice(k.rel))) return null;
      const told = [...candidates].reverse().filter((c) => c.def.family === "violent" && c.event_type === k.refined.event_type &&
        (s.index - c.evidence[c.evidence.length - 1]!.index <= 3 || (own?.place && own.place === c.place?.place && s.index - c.evidence[c.evidence.length - 1]!.index <= 8)));
      // "The strikes came two days after …", "The strikes took place despite the truce that came into force in November": the sentence
      // is about the event told, wherever its other clauses are, and whatever day they name.
      // (Such a sentence points back further: "The strike came a day after …" four sentences on.)
      if (DEFINITE_SUBJECT.test(s.text.slice(k.rel))) {
        const back = told[0] ?? [...candidates].reverse().find((c) => c.def.family === "violent" && c.event_type === k.refined.event_type && s.index - c.evidence[c.evidence.length - 1]!.index <= 8);
        if (back) return back;
      }
      const ownArea = own?.place?.admin1 ?? own?.region?.admin1 ?? null;
      const fits = (same: Candidate): boolean => (!k.explicit || near(k.date, same.date)) &&
        (own === null || (own.place !== null && own.place === same.place?.place) || (ownArea !== null && ownArea === (same.place?.place?.admin1 ?? same.place?.region?.admin1 ?? null)));
      // "announcing the strikes on Damascus": the strikes told at that place, not merely the last ones told.
      return told.find(fits) ?? null;
    };
    const isCoref = (k: Parameters<typeof corefOf>[0]): boolean => corefOf(k) !== null;
    const hasViolent = [...kept.values()].some((k) => k.def.family === "violent" && k.refined.event_type !== "Strategic developments" && factual(k) && !isCoref(k) && !k.elsewhen);
    // Ground taken without a fight in the same sentence: a movement into another place is ground taken there too
    // ("moved into the buffer zone and took control of the summit").
    const takenQuietly = [...kept.values()].find((k) => ((k.def.id === "territory" && k.refined.event_type === "Strategic developments") || k.def.id === "base") && factual(k));
    // A toll told once belongs to one event of the sentence: the one whose trigger is told nearest to it.
    const toll = findToll(s.text);
    const tollOwner = toll ? [...kept.values()].filter((k) => k.def.family === "violent" && factual(k)).sort((x, y) => Math.abs(x.rel - toll.at) - Math.abs(y.rel - toll.at))[0] : undefined;
    for (const [key, k] of kept) {
      // A raid that kills is one violent event, not also a movement of troops.
      // An arrest told in its own clause ("…, and that the force had detained the suspects") is its own event.
      if (hasViolent && k.def.family === "physical" && (k.def.id === "incursion" || (k.def.id === "arrest" && !ARREST_COUNT.test(s.text.slice(k.rel, k.rel + k.text.length + 40)) && !/(?:,|;)\s*(?:and\s+)?(?:that\s+)?(?:the|its|their)\s+(?:[\w-]+\s+){0,2}(?:had\s+|has\s+|have\s+)?$/i.test(s.text.slice(Math.max(0, k.rel - 50), k.rel))))) continue;
      // "A convoy of trucks carrying food entered …": the aid moving, not troops.
      if (k.def.id === "incursion" && k.refined.plover !== "AID" && [...kept.values()].some((o) => o !== k && o.refined.plover === "AID" && factual(o))) continue;
      if (takenQuietly && k.def.id === "incursion") {
        const own = pickPlace(a.places, s.start + k.rel, s, triggerStarts);
        const taken = pickPlace(a.places, s.start + takenQuietly.rel, s, triggerStarts);
        if (!own || !taken || samePlace(own, taken) || own.place === null) continue;
        if (takenQuietly.def.id === "territory") k.refined = { ...takenQuietly.refined };
      }
      // A movement told with what the troops did there ("entered the town and detained…") is that act.
      // (Pulling out again is not such an act: "crossed the line near Beit Jinn and withdrew an hour later" is the crossing.)
      if (k.def.id === "incursion" && !takenQuietly && [...kept.values()].some((o) => o !== k && o.def.family === "physical" && o.def.id !== "incursion" && o.def.id !== "withdrawal" && factual(o))) continue;
      // "advanced into … and levelled farmland before withdrawing": the pull-back ends the raid told, it is not another event.
      if (k.def.id === "withdrawal" && [...kept.values()].some((o) => o !== k && o.def.family === "physical" && o.def.id !== "withdrawal" && o.rel < k.rel && factual(o))) continue;
      // Checkpoints set up during a raid that also searched or bulldozed are part of that raid, not a base. (Not the pull-back: the
      // pull-back is folded into the checkpoint in turn, and the two rules would drop each other.)
      if (k.def.id === "base" && /\b(?:checkpoints?|roadblocks?|barriers?)$/i.test(k.text) && [...kept.values()].some((o) => o !== k && o.def.family === "physical" && o.def.id !== "incursion" && o.def.id !== "restriction" && o.def.id !== "withdrawal")) continue;
      // "set up a checkpoint …, turning back cars": what the checkpoint did, not another event.
      if (k.def.id === "restriction" && [...kept.values()].some((o) => o !== k && o.def.family === "physical" && o.def.id !== "incursion" && o.def.id !== "restriction" && factual(o))) continue;
      // "Protesters stormed the building and set fire to it": the burning is the riot's.
      if ((k.def.id === "destruction" || k.def.id === "attack") && [...kept.values()].some((o) => o.refined.event_type === "Riots")) continue;
      // "Protesters were shot": one protest event with excessive force, not a separate attack.
      if (families.has("protest") && k.def.family === "violent" && k.refined.event_type !== "Explosions/Remote violence" && !PROTEST_CAUSE.test(s.text.slice(0, k.rel))) continue;
      // "protested against the Israeli incursions": what a protest is against is its topic, not another event.
      if (families.has("protest") && k.def.family !== "protest" && /\b(?:against|over|denouncing|condemning|rejecting|protesting|demanding|calling for|to demand)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(Math.max(0, k.rel - 45), k.rel))) continue;
      if (STATEMENT_ONLY.test(s.text) && k.def.family === "diplomatic") continue;
      void key;
      let date = k.date;
      let explicit = k.explicit;
      const leadK = s.text.slice(Math.max(0, k.rel - 70), k.rel);
      // "The strike came a day after Israeli troops arrested a man in Tasil": what follows "after" lies that many days before the
      // event the subject points back at.
      const cameAfter = explicit ? null : CAME_AFTER.exec(s.text);
      const subjectK = cameAfter && k.rel > cameAfter[0].length ? [...kept.values()].find((o) => o.rel < cameAfter[0].length) : undefined;
      const pointed = subjectK ? corefOf(subjectK) : null;
      // (With no event of its own in the subject, "The visit came a day after …" points at the last day the text named.)
      // ("It comes a week after …": told in the present, the news of the day is the anchor.)
      const anchor = pointed?.dateExplicit && pointed.date.precision === "day" ? pointed.date.date
        : cameAfter && /\b(?:comes|follows)\s/i.test(cameAfter[0]) ? ref
        : cameAfter && !subjectK && narrativeDate && narrativeDate.sentence >= s.index - 3 && narrativeDate.date.precision === "day" ? narrativeDate.date.date : null;
      if (cameAfter && anchor) {
        const d = addDays(anchor, -(wordNumber(cameAfter[1] ?? "") ?? 1) * (/^w/i.test(cameAfter[2] ?? "") ? 7 : 1));
        date = { date: d, precision: "day", start: d, end: d };
        explicit = true;
      }
      // "Three days after the rocket, an Israeli strike …": counted from the day of the act the noun names, told before.
      const afterThe = AFTER_THE.exec(leadK);
      if (afterThe && !cameAfter) {
        const noun = (afterThe[3] ?? "").toLowerCase().replace(/(?:es|s)$/, "");
        const prior = [...candidates].reverse().find((o) => o.dateExplicit && o.date.precision === "day" && o.date.date && o.sentence.index < s.index &&
          (o.trigger.text.toLowerCase().startsWith(noun) || new RegExp(`\\b${noun}`, "i").test(o.sentence.text.slice(Math.max(0, o.trigger.start - o.sentence.start - 20), o.trigger.end - o.sentence.start + 20))));
        if (prior?.date.date) {
          const d = addDays(prior.date.date, (wordNumber(afterThe[1] ?? "") ?? 1) * (/^w/i.test(afterThe[2] ?? "") ? 7 : 1));
          date = { date: d, precision: "day", start: d, end: d };
          explicit = true;
        }
      }
      // "2 - Israeli troops entered …" under "January 2025": a timeline's day of the month the text last named.
      const dayItem = /^\s*(\d{1,2})\s+[-–—]\s+\S/.exec(s.text);
      const itemDay = dayItem ? Number(dayItem[1]) : 0;
      if (!explicit && itemDay >= 1 && itemDay <= 31 && timelineMonth) {
        const d = `${timelineMonth}${String(itemDay).padStart(2, "0")}`;
        if (daysToIso(isoToDays(d)) === d) {
          date = { date: d, precision: "day", start: d, end: d };
          explicit = true;
        }
      }
      const dayShift = DAY_SHIFT.exec(s.text);
      if (!explicit && narrativeDate && narrativeDate.sentence >= s.index - 6 && dayShift && narrativeDate.date.date && narrativeDate.date.precision === "day" && /^\s*(?:[A-Z]\w*\s+)?(?:the|a)\s+(?:day|night|evening|morning)\b/i.test(s.text)) {
        // "The day before, a counter-rally …": a day on either side of the last day the text named.
        const d = addDays(narrativeDate.date.date, dayShift[1] ? -1 : 1);
        date = { date: d, precision: "day", start: d, end: d };
        explicit = true;
      } else if (!explicit && narrativeDate && narrativeDate.sentence >= s.index - 6 && (ANAPHORIC_DAY.test(s.text) || (SAME_SCENE.test(s.text) && narrativeDate.sentence >= s.index - 2))) {
        // "That morning", "the same day": the day the text named last.
        date = narrativeDate.date;
        explicit = true;
      } else if (!explicit && LATER_THAT.test(s.text) && toldDate && toldDate.sentence >= s.index - 6 && toldDate.date.start) {
        // "Later that week, …": the days after the last time named, within its week; "Late in the month, …": that month's last ten
        // days, "in the second half of the month" its last half, and so on.
        const told = toldDate.date;
        const from = told.precision === "day" && told.date ? told.date : told.start!;
        const phrase = LATER_THAT.exec(s.text)![0];
        if (/week/i.test(phrase)) {
          date = { date: addDays(from, 2), precision: "week", start: from, end: addDays(from, 6) };
        } else {
          const y = Number(from.slice(0, 4));
          const mo = Number(from.slice(5, 7));
          const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
          const [d0, d1] = monthPart(phrase);
          const day = (n: number): string => `${from.slice(0, 7)}-${String(Math.min(n, last)).padStart(2, "0")}`;
          date = { date: day(Math.round((d0 + Math.min(d1, last)) / 2)), precision: "week", start: day(d0), end: day(d1) };
        }
        explicit = true;
      } else if (!explicit && factual(k) && DAYS_AFTER.test(leadK)) {
        // "The move came days after a clash": the event lies in the week before the one told.
        const base = discourseDate?.date.date ?? ref;
        if (base) {
          date = { date: addDays(base, -3), precision: "week", start: addDays(base, -7), end: addDays(base, -1) };
          explicit = true;
          k.flags.background = true;
        }
      } else if (!explicit && factual(k) && backgroundDate && (backgroundDate.sentence === s.index - 1 || backgroundDate.sentence === s.index) && (CONTINUATION.test(s.text) || PAST_PERFECT.test(s.text) || /^\s*(?:They|He|She|It|Their|Its|His|Her)\b/.test(s.text)) && !/\b(?:today|now|currently|this week|yesterday|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/i.test(s.text)) {
        // The story told as background goes on ("Bedouin fighters then fought for days…"): still background, on the same dates,
        // or a day on ("The next day the fighting spread…"); the shift is made once per sentence.
        date = backgroundDate.date;
        const shift = backgroundDate.sentence === s.index - 1 ? DAY_SHIFT.exec(s.text) : null;
        if (shift && date.precision === "day" && date.date) {
          const d = addDays(date.date, shift[1] ? -1 : 1);
          date = { date: d, precision: "day", start: d, end: d };
        }
        explicit = true;
        k.flags.background = true;
        backgroundDate = { date: date, sentence: s.index };
      } else if (!explicit && discourseDate && discourseDate.sentence >= s.index - 4 && discourseDate.paragraph >= s.paragraph - 1 && !k.flags.background) {
        date = discourseDate.date;
        explicit = true;
        const shift = DAY_SHIFT.exec(s.text);
        if (shift && date.precision === "day" && date.date) {
          const d = addDays(date.date, shift[1] ? -1 : 1);
          date = { date: d, precision: "day", start: d, end: d };
        }
      } else if (!explicit && k.flags.background && backgroundDate && backgroundDate.sentence === s.index - 1) {
        date = backgroundDate.date;
        explicit = true;
      } else if (!explicit && toldDate && toldDate.sentence === s.index - 1 && toldDate.paragraph === s.paragraph && (!discourseDate || discourseDate.sentence < s.index - 4) && ref && toldDate.date.end && isoToDays(toldDate.date.end) < isoToDays(ref) - 1) {
        // No date of its own and no news told yet: the past time the sentence before named ("When the government collapsed on
        // 8 December, Israel moved within hours. Troops crossed …", "In February … Air strikes followed within days").
        date = toldDate.date;
        explicit = true;
      }
      let place = pickPlace(a.places, s.start + k.rel, s, triggerStarts, k.def.family === "diplomatic");
      let placeInherited = false;
      const kind = place ? null : /\bthe (city|town|village|province|governorate|capital)\b/i.exec(s.text)?.[1]?.toLowerCase();
      const recent = recentPlaces.filter((r) => r.sentence >= s.index - 4);
      const ofKind = kind ? recent.find((r) => r.place.place?.feature === FEATURE_OF[kind]![0]) ?? recent.find((r) => r.place.place && FEATURE_OF[kind]!.includes(r.place.place.feature)) : undefined;
      if (ofKind && k.def.family !== "diplomatic") {
        // "reached the city", "shops in the west of the city": the last city named, not the last place.
        place = ofKind.place;
        placeInherited = true;
      } else if (!place && datelinePlace && k.def.family !== "diplomatic" && THIS_PLACE.test(s.text)) {
        place = datelinePlace;
        placeInherited = true;
      } else if (!place && lastPlace && k.def.family !== "diplomatic" && (lastPlace.sentence >= s.index - 3 || (SAME_PLACE.test(s.text) && lastPlace.sentence >= s.index - 8))) {
        // "at the same site", "in the same village": the last place told, even a paragraph back.
        place = lastPlace.place;
        placeInherited = true;
      }
      let a1 = k.a1;
      let a2 = k.a2;
      const recentViolent = [...candidates].reverse().find((c) => c.def.family === "violent" && s.index - c.evidence[c.evidence.length - 1]!.index <= 3);
      // A weak word ("the attack", "the strike") with no place or date of its own points back at an event already told.
      const told = corefOf(k);
      if (told) {
        if (!told.evidence.includes(s)) told.evidence.push(s);
        // "The army denied its soldiers fired on farmers. Activists said two farmers were wounded": one side says it happened.
        // A mere claim ("accounts claimed that soldiers had exchanged fire") does not outweigh the denial.
        if (factual(k) && (told.flags.negated || told.flags.hypothetical) && !CLAIM_BEFORE.test(s.text.slice(0, k.rel))) { told.flags.negated = false; told.flags.hypothetical = false; }
        const n = findFatalities(s.text);
        if (n !== null && (told.fatalities === null || n > told.fatalities)) told.fatalities = n;
        continue;
      }
      // "The protesters had marched…", "attended the meeting": a definite noun names an event this article already told.
      // "Some demonstrators carried pictures of people killed in July": the people of a protest already told, whatever day the sentence names.
      const participants = k.def.family === "protest" && /^(?:demonstrators|protesters|marchers|crowds?|participants)$/i.test(k.text) &&
        /\b(?:the|some|many|most|several|a few|other|others|hundreds of the|dozens of the)\s+(?:[\w-]+\s+)?$/i.test(s.text.slice(Math.max(0, k.rel - 25), k.rel));
      if ((definite(k.rel, k.text) || participants) && k.def.family !== "violent") {
        const overlaps = (c: Candidate): boolean => participants || !k.explicit || !c.date.date || ((!k.date.start || isoToDays(c.date.date) >= isoToDays(k.date.start) - 1) && (!k.date.end || isoToDays(c.date.date) <= isoToDays(k.date.end) + 1));
        const told = [...candidates].reverse().find((c) => c.def.family === k.def.family && overlaps(c) && (k.def.family !== "diplomatic" || c.plover === k.refined.plover) && (k.def.family === "diplomatic" || k.def.family === "protest" || pickPlace(a.places, s.start + k.rel, s, triggerStarts) === null));
        // "A convoy of 32 trucks … entered the city. The convoy travelled through …": the same head noun again, with "the".
        const head = k.text.toLowerCase().split(/\s+/).pop()!.replace(/(?:es|s)$/, "");
        const named = told ?? [...candidates].reverse().find((c) => s.index - c.evidence[c.evidence.length - 1]!.index <= 3 && c.evidence.some((e) => new RegExp(`\\b${head}(?:e?s)?\\b`, "i").test(e.text)) && overlaps(c));
        if (named) {
          if (!named.evidence.includes(s)) named.evidence.push(s);
          // "Soldiers fired on the protest": the force used on the protest already told.
          if (!participants && named.event_type === "Protests" && k.refined.event_type === "Protests" && PROTEST_SEVERITY.indexOf(k.refined.sub_event_type) > PROTEST_SEVERITY.indexOf(named.sub_event_type)) named.sub_event_type = k.refined.sub_event_type;
          continue;
        }
      }
      // "Explosions" in an article about air strikes are the strikes.
      if (k.def.id === "explosion" && recentViolent && recentViolent.event_type === "Explosions/Remote violence") {
        k.refined = { event_type: recentViolent.event_type, sub_event_type: recentViolent.sub_event_type, plover: recentViolent.plover, mode: recentViolent.mode };
      }
      // No armed actor named in the sentence ("troops fired", "another unit"): the one from the sentences just before.
      // (Not a third country's government or a mediator: "French officials called for calm. Rockets set off fires near Katzrin.")
      const armed = (m: ActorMention | null): boolean => !!m && m.actor?.kind !== "civilians" && m.actor?.kind !== "mediator" && !(m.actor?.kind === "government" && m.actor.party === null) && !namedAsFormer(m);
      if (k.def.family !== "diplomatic" && k.def.family !== "protest" && !armed(a1) && !armed(a2) && !RESPONSE_TO.test(s.text.slice(0, k.rel))) {
        const prevC = [...candidates].reverse().find((c) => s.index - c.evidence[c.evidence.length - 1]!.index <= 2 && c.def.family !== "diplomatic" && armed(c.actor1));
        const ai = analysed.indexOf(a);
        const prevS = [analysed[ai - 1], analysed[ai - 2]].find((x) => x && x.actors.some((m) => armed(m) && !/\b(?:fall|collapse|ouster|overthrow|toppling|demise|end)\s+of\s+(?:the\s+)?(?:former\s+)?$/i.test(x.s.text.slice(Math.max(0, m.start - x.s.start - 30), m.start - x.s.start))));
        // (Not a regime named as a time: "before the fall of the Assad government".)
        const named = (x: Analysed, m: ActorMention): boolean => !/\b(?:fall|collapse|ouster|overthrow|toppling|demise|end)\s+of\s+(?:the\s+)?(?:former\s+)?$/i.test(x.s.text.slice(Math.max(0, m.start - x.s.start - 30), m.start - x.s.start));
        const prevArmed = prevS ? prevS.actors.filter((m) => armed(m) && named(prevS, m)) : [];
        // "…, the Israeli military said. The military said its artillery…": a speaker named just before is the one meant.
        const prevParts = prevArmed.some((m) => !m.source) || !/\b(?:the|its|their)\s+(?:military|army|troops|forces|soldiers|artillery|aircraft|jets)\b/i.test(s.text) ? prevArmed.filter((m) => !m.source) : prevArmed.filter((m) => m.actor?.kind === "state-forces");
        const inherited1 = prevC?.actor1 ?? prevParts[0] ?? null;
        const inherited2 = prevC ? prevC.actor2 : prevParts.find((m) => (m.actor?.id ?? m.name) !== (inherited1?.actor?.id ?? inherited1?.name)) ?? null;
        if (inherited1) {
          const victim = a1 ?? a2;
          a1 = inherited1;
          a2 = victim ?? (k.def.id === "clash" || k.def.id === "attack" ? inherited2 : null);
        }
      }
      // "Gunmen opened fire on the force", "troops entered the village … and detained two men": a force named only by a common noun
      // is the state force the article has been telling about, even when another group is named in the sentence.
      const stateSide = (m: ActorMention | null): boolean => !!m?.actor && ["state-forces", "security-service", "government"].includes(m.actor.kind);
      // On the Syrian side of the line (west of 35.97° E: Quneitra, the Hermon villages, the Yarmouk basin), troops, patrols and
      // bulldozers that search, detain, dig or set up posts in a report that names Israel are Israel's, since it moved into the
      // area of separation in December 2024 (in the labelled reports since then, 94% of such acts in Quneitra are the IDF's) —
      // unless the sentence's own speaker says whose they are.
      const lineForce = (): ActorMention | null => {
        const here = pickPlace(a.places, s.start + k.rel, s, triggerStarts)?.place ?? null;
        if (!israeliSide || !here || here.feature === "region" || !here.admin1?.startsWith("SY-") || here.lon > 35.97 || (ref !== null && ref < "2024-12-08")) return null;
        if (k.def.family !== "physical" && k.refined.event_type !== "Battles") return null;
        if (a.actors.some((m) => m.source && stateSide(m))) return null;
        return militaryOf(israeliSide);
      };
      const generic = GENERIC_FORCE.exec(s.text);
      // The common noun before the verb is its subject ("Troops crossed into the zone that UN peacekeepers had patrolled").
      const genericSubject = !!generic && generic.index < k.rel && !/[,;:]/.test(s.text.slice(generic.index, k.rel));
      // (A side named only after the verb is its object: "jets had struck infrastructure belonging to the former regime".)
      const a1IsObject = genericSubject && !!a1 && a1.start > s.start + k.rel;
      if ((k.def.family === "violent" || k.def.family === "physical") && generic && (!stateSide(a1) || a1IsObject) && (genericSubject || !stateSide(a2))) {
        const ai = analysed.indexOf(a);
        // Not an army named as the past owner of a thing ("weapons left behind by the former Syrian army").
        const acting = (m: ActorMention | null | undefined): m is ActorMention => stateSide(m ?? null) && !namedAsFormer(m!);
        const fromEvents = [...candidates].reverse().filter((c) => s.index - c.sentence.index <= 5).flatMap((c) => [c.actor1, c.actor2]).find(acting);
        // The speaker of this very sentence first ("The Israel Defense Forces said that fighter jets had struck …", "troops …
        // seized rifles, the army said").
        const fromText = a.actors.find((m) => m.source && acting(m)) ?? analysed.slice(Math.max(0, ai - 5), ai).reverse().flatMap((x) => [...x.actors].reverse()).find(acting);
        // Failing both, the state the article names most ("a patrol detained three farm workers" in a report on Israeli patrols).
        let force = fromEvents ?? fromText ?? (articleStates[0] ? militaryOf(articleStates[0]) : null);
        if (force?.country !== "ISR") force = lineForce() ?? force;
        if (force) {
          if (!genericSubject && a1 && a1.actor && a1.actor.kind !== "civilians" && a1.actor.kind !== "un") a2 = force;
          else if (force.country !== a1?.country || !a1IsObject) {
            if (!stateSide(a2) || a2?.country === force.country || a1IsObject) a2 = a1 ?? a2;
            a1 = force;
          }
        }
      }
      // An armed side inherited from the sentences before ("… the Syrian ministry said. An Israeli daily reports that soldiers detained
      // three men in Jubata al-Khashab"): troops on the line are still the line's force.
      if (generic && genericSubject && a1 && a1.country !== "ISR" && !a.actors.includes(a1) && stateSide(a1)) {
        const lf = lineForce();
        if (lf) a1 = lf;
      }
      // "the brigade agreed to hand over the men": the armed group the article named before.
      if ((!a1 || !a2) && /\b[Tt]he\s+(?:brigade|group|faction|militia|battalion|movement)\b/.test(s.text)) {
        const ai = analysed.indexOf(a);
        const group = analysed.slice(Math.max(0, ai - 8), ai + 1).reverse().flatMap((x) => [...x.actors].reverse()).find((m) => m.actor && ["armed-group", "militia", "tribal"].includes(m.actor.kind));
        if (group && (group.actor?.id ?? group.name) !== (a1?.actor?.id ?? a1?.name)) {
          if (!a1) a1 = group;
          else a2 = group;
        }
      }
      if (k.def.id === "release" && !a1 && !a2) {
        // "He was released hours later": freed by whoever had detained him.
        const held = [...candidates].reverse().find((c) => s.index - c.sentence.index <= 2 && (c.def.id === "arrest" || c.def.id === "abduction"));
        if (held) {
          a1 = held.actor1;
          a2 = held.actor2;
          if (!place && held.place) { place = held.place; placeInherited = true; }
        }
      }
      const mediator = [a1, a2].find((m) => m?.actor?.kind === "mediator");
      if (k.def.family === "diplomatic" && mediator && (!a1 || !a2 || a1.country === a2.country)) {
        // "The two men met …, with Barrack in the room": a mediator alone is not a side; the sides are those of the talks already told.
        const prevTalks = [...candidates].reverse().find((c) => c.def.family === "diplomatic" && c.actor1 && c.actor2 && c.actor1.country !== c.actor2.country && c.actor1.actor?.kind !== "mediator" && c.actor2.actor?.kind !== "mediator");
        if (prevTalks) { a1 = prevTalks.actor1; a2 = prevTalks.actor2; }
      }
      if (k.def.family === "diplomatic" && (!a2 || !a1 || a1.country === a2.country)) {
        // "These talks…": a diplomatic follow-up keeps the dyad of the talks already reported.
        const prevDip = [...candidates].reverse().find((c) => c.def.family === "diplomatic" && c.actor1 && c.actor2 && c.actor1.country !== c.actor2.country);
        if (prevDip && (!a1 || a1.country === prevDip.actor1?.country || a1.country === prevDip.actor2?.country)) {
          a1 = a1 && a1.country === prevDip.actor2?.country ? a1 : prevDip.actor1;
          a2 = a1 === prevDip.actor1 ? prevDip.actor2 : prevDip.actor1;
        }
      }
      if (k.def.family === "diplomatic" && !a1 && !a2 && /\b(?:the two|both)\s+(?:governments|sides|countries|states|parties|delegations|capitals|neighbou?rs)\b/i.test(s.text)) {
        // "Talks between the two governments": the two states the article names most.
        const [x, y] = articleStates;
        if (x && y) { a1 = x; a2 = y; }
      }
      if (k.def.id === "ceasefire" && (!a1 || !a2)) {
        // "A ceasefire … has largely held": between the sides whose fighting the article reports most.
        const counts = new Map<string, { n: number; c: Candidate }>();
        for (const c of candidates) {
          if (c.def.family !== "violent" || !c.actor1 || !c.actor2 || c.event_type === "Violence against civilians") continue;
          const dk = [c.actor1.country ?? "", c.actor2.country ?? ""].sort().join("|");
          const e = counts.get(dk) ?? { n: 0, c };
          e.n++;
          e.c = c;
          counts.set(dk, e);
        }
        const top = [...counts.values()].sort((x, y) => y.n - x.n)[0];
        if (top && (!a1 || a1.country === top.c.actor1?.country || a1.country === top.c.actor2?.country)) {
          a1 = top.c.actor1;
          a2 = top.c.actor2;
        }
      }
      if (k.def.family === "diplomatic" && !place && lastPlace && lastPlace.sentence >= s.index - 3) {
        // A local deal between parties of one country ("notables reached an understanding with the interior ministry") is made where the trouble was.
        const cc = countryOfAdmin1(lastPlace.place.place?.admin1 ?? lastPlace.place.region?.admin1 ?? null);
        const named = [a1, a2].filter((m): m is ActorMention => !!m);
        if (cc && named.length > 0 && named.every((m) => m.country === cc || (m.country === null && m.actor?.kind === "civilians"))) {
          place = lastPlace.place;
          placeInherited = true;
        }
      }
      if (k.def.family === "diplomatic" && !place) {
        const talks = [...candidates].reverse().find((c) => c.def.family === "diplomatic" && s.index - c.sentence.index <= 3 && c.place && c.actor1 && c.actor2 && a1 && a2 && sameCountries(c.actor1, c.actor2, a1, a2));
        if (talks) { place = talks.place; placeInherited = true; }
      }
      // "met in Baku on 12 July, in Paris on 24 July and in London in September": one meeting per venue, each on its own day.
      const venues = k.def.id === "talks" ? talkVenues(s, a.places, s.start + k.rel) : [];
      if (venues.length >= 2) {
        // ("in Paris on 24 July and 19 August": two meetings there.)
        const dated = venues.flatMap((v, i): Array<{ v: PlaceMention; date: DateRange | null }> => {
          const end = (venues[i + 1]?.start ?? s.end) - s.start;
          const own = a.dates.filter((d) => !d.stale && d.start && d.from >= v.end - s.start && d.from < end);
          return own.length ? own.map((d) => ({ v, date: { date: d.date, precision: d.precision, start: d.start, end: d.end } })) : i === 0 ? [{ v, date: null }] : [];
        });
        if (dated.some((x) => x.date)) {
          for (const { v, date: own } of dated.slice(1)) {
            candidates.push({
              sentence: s, def: k.def, ...k.refined,
              trigger: { start: s.start + k.rel, end: s.start + k.rel + k.len, text: k.text },
              actor1: a1, actor2: a2, place: v, placeInherited: false, date: own ?? date, dateExplicit: explicit || !!own,
              fatalities: null, flags: { background: k.flags.background, future: k.flags.future, hypothetical: k.flags.hypothetical, negated: k.flags.negated },
              evidence: [s],
            });
          }
          place = dated[0]!.v;
          placeInherited = false;
          if (dated[0]!.date) { date = dated[0]!.date; explicit = true; }
        }
      }
      const coordinated = k.def.family === "protest" || k.def.family === "violent" ? coordinatedPlaces(s, a.places, place) : [];
      for (const extra of coordinated) {
        candidates.push({
          sentence: s, def: k.def, ...k.refined,
          trigger: { start: s.start + k.rel, end: s.start + k.rel + k.len, text: k.text },
          actor1: a1, actor2: a2, place: extra, placeInherited: false, date, dateExplicit: explicit,
          fatalities: null, flags: { background: k.flags.background, future: k.flags.future, hypothetical: k.flags.hypothetical, negated: k.flags.negated },
          evidence: [s],
        });
      }
      candidates.push({
        sentence: s,
        def: k.def,
        ...k.refined,
        trigger: { start: s.start + k.rel, end: s.start + k.rel + k.len, text: k.text },
        actor1: a1,
        actor2: a2,
        place,
        placeInherited,
        date,
        dateExplicit: explicit,
        fatalities: k.def.family === "violent" && k === tollOwner ? toll?.n ?? null : null,
        flags: { background: k.flags.background, future: k.flags.future, hypothetical: k.flags.hypothetical, negated: k.flags.negated },
        evidence: [s],
      });
    }
    if (!candidates.some((c) => c.sentence === s)) {
      // "The health ministry put the death toll at 13": a toll with no trigger of its own belongs to the violence just told.
      const n = findFatalities(s.text);
      const recent = n === null ? undefined : [...candidates].reverse().find((c) => c.def.family === "violent" && s.index - c.evidence[c.evidence.length - 1]!.index <= 2);
      if (recent && n !== null && (recent.fatalities === null || n > recent.fatalities)) {
        recent.fatalities = n;
        if (!recent.evidence.includes(s)) recent.evidence.push(s);
      }
    }
    // Only a sentence that reports the news (not background) sets the date that follow-ups inherit.
    const reportsNews = [...kept.values()].some((k) => factual(k) && !k.flags.background);
    const reportsPast = [...kept.values()].some((k) => factual(k) && k.flags.background);
    if (reportsPast && sentenceDate && !sentenceDate.stale && sentenceDate.date) backgroundDate = { date: sentenceDate, sentence: s.index };
    if (reportsNews && sentenceDate && !sentenceDate.stale && sentenceDate.date) discourseDate = { date: sentenceDate, sentence: s.index, paragraph: s.paragraph };
    const toldHere = a.dates.filter((d) => !d.stale && d.date && d.start && d.end && !/\b(?:later|earlier|before|after|ago)\b/i.test(d.text)).pop();
    const givenHere = [...candidates].reverse().find((c) => c.sentence === s && c.dateExplicit && c.date.date)?.date;
    if (toldHere) toldDate = { date: toldHere, sentence: s.index, paragraph: s.paragraph };
    if (toldHere?.precision === "month" && toldHere.start) timelineMonth = toldHere.start.slice(0, 8);
    else if (givenHere) toldDate = { date: givenHere, sentence: s.index, paragraph: s.paragraph };
    const namedDay = a.dates.filter((d) => !d.stale && d.precision === "day" && d.date && !/\b(?:later|earlier|before|after|ago)\b/i.test(d.text)).pop();
    // A day the sentence's own events were given (from "that morning", "a week later") carries the story on too.
    const toldDay = [...candidates].reverse().find((c) => c.sentence === s && c.dateExplicit && c.date.precision === "day" && !c.flags.background)?.date;
    if (namedDay) narrativeDate = { date: namedDay, sentence: s.index };
    else if (toldDay) narrativeDate = { date: toldDay, sentence: s.index };
    const physicalPlace = pickPlace(a.places.filter((p) => p.place?.feature !== "capital"), s.start);
    if (physicalPlace) lastPlace = { place: physicalPlace, sentence: s.index };
    for (const p of [...a.places].sort((x, y) => y.start - x.start)) if (p.place && p.score > -4) recentPlaces.unshift({ place: p, sentence: s.index });
  }

  // Merge follow-up sentences that tell more about the same event.
  const merged: Candidate[] = [];
  for (const c of candidates) {
    // "Villagers marched toward the position. Soldiers fired live rounds, wounding seven": force used on a protest told just before is that protest's end.
    if (c.event_type === "Violence against civilians" && c.sub_event_type === "Attack" && (c.placeInherited || !c.place)) {
      const protest = merged.find((m) => m.event_type === "Protests" && c.sentence.index - m.evidence[m.evidence.length - 1]!.index === 1 && (!c.dateExplicit || sameDate(m, c)));
      if (protest && (PROTEST_FORCE.test(c.sentence.text) || PROTEST_INTERVENTION.test(c.sentence.text))) {
        protest.sub_event_type = PROTEST_FORCE.test(c.sentence.text) ? "Excessive force against protesters" : "Protest with intervention";
        if (!protest.actor2 && c.actor1) protest.actor2 = c.actor1;
        protest.evidence.push(c.sentence);
        continue;
      }
    }
    if (c.def.id === "arrest" && !c.flags.negated && !c.flags.future && !c.flags.hypothetical) {
      // "Israeli troops raided Beit Jinn. … its soldiers detained two suspects": one arrest raid, not also a movement of troops.
      const raid = merged.find((m) => m.def.id === "incursion" && c.sentence.index - m.evidence[m.evidence.length - 1]!.index <= 2 &&
        (m.actor1?.country ?? null) === (c.actor1?.country ?? null) && m.flags.background === c.flags.background && sameDate(m, c) &&
        (c.placeInherited || !c.place || !m.place || c.place.place === m.place.place));
      if (raid) {
        Object.assign(raid, { def: c.def, event_type: c.event_type, sub_event_type: c.sub_event_type, plover: c.plover, mode: c.mode });
        if (!raid.evidence.includes(c.sentence)) raid.evidence.push(c.sentence);
        continue;
      }
    }
    // "In a separate operation", "elsewhere", "another": told as another event.
    const separate = SEPARATE.test(c.sentence.text);
    // A protest at one place on one day is one event, however the force used on it is told (ACLED: one event per place and day).
    const oneProtest = (m: Candidate): boolean => m.event_type === "Protests" && c.event_type === "Protests" && sameDate(m, c) && !!m.place && !!c.place && (m.place.place === c.place.place || m.place.name === c.place.name);
    const prev = separate ? undefined : merged.find((m) =>
      m.event_type === c.event_type && ((m.sub_event_type === c.sub_event_type && (m.plover === c.plover || c.sub_event_type === "Agreement")) || oneProtest(m)) &&
      (m.flags.background === c.flags.background || !c.dateExplicit || (c.def.family === "diplomatic" && sameDyad(m, c) && sameDate(m, c))) &&
      (m.flags.future || m.flags.hypothetical || m.flags.negated) === (c.flags.future || c.flags.hypothetical || c.flags.negated) &&
      (c.sentence.index - m.evidence[m.evidence.length - 1]!.index <= 3 || (m.place?.place && c.place?.place === m.place.place && sameDate(m, c)) || (c.def.family === "diplomatic" && !c.flags.background && sameDyad(m, c))) &&
      (!c.dateExplicit || !m.dateExplicit || sameDate(m, c)) && !actorsConflict(m, c) &&
      (c.placeInherited || !c.place || !m.place || c.place.place === m.place.place || c.place.name === m.place.name ||
        // "… near Qatana. The military confirmed it had hit targets in the Damascus area": the same strike, told at a coarser place.
        (coarsePlace(c.place, c.sentence) && !!c.place.place && !!m.place.place && sameDate(m, c) && distanceKm(c.place.place.lon, c.place.place.lat, m.place.place.lon, m.place.place.lat) <= 30)));
    if (!prev) {
      merged.push(c);
      continue;
    }
    if (!prev.evidence.includes(c.sentence)) prev.evidence.push(c.sentence);
    if (oneProtest(prev) && PROTEST_SEVERITY.indexOf(c.sub_event_type) > PROTEST_SEVERITY.indexOf(prev.sub_event_type)) {
      prev.sub_event_type = c.sub_event_type;
      if (!prev.actor2 && c.actor2) prev.actor2 = c.actor2;
    }
    if ((!prev.place || prev.placeInherited) && c.place && !c.placeInherited) { prev.place = c.place; prev.placeInherited = false; }
    if (!prev.dateExplicit && c.dateExplicit) { prev.date = c.date; prev.dateExplicit = true; }
    prev.actor1 ??= c.actor1;
    if (!prev.actor2 && c.actor2 && (c.actor2.actor?.id ?? c.actor2.name) !== (prev.actor1?.actor?.id ?? prev.actor1?.name)) prev.actor2 = c.actor2;
    if (c.fatalities !== null && (prev.fatalities === null || c.fatalities > prev.fatalities)) prev.fatalities = c.fatalities;
  }

  absorbFollowUps(merged, sentences, ref);
  // "Villagers marched toward the position. Soldiers fired into the air and the crowd dispersed": force told in the sentence
  // right after a protest, as no event of its own, is how that protest ended.
  const told = new Set(merged.flatMap((c) => c.evidence));
  for (const m of merged) {
    if (m.event_type !== "Protests" || m.flags.background) continue;
    const last = m.evidence[m.evidence.length - 1]!;
    const next = sentences[last.index + 1];
    if (!next || next.paragraph !== last.paragraph || told.has(next) || !FORCE_NOUN.test(next.text)) continue;
    const sub = PROTEST_FORCE.test(next.text) ? "Excessive force against protesters" : PROTEST_INTERVENTION.test(next.text) ? "Protest with intervention" : null;
    if (!sub) continue;
    if (PROTEST_SEVERITY.indexOf(sub) > PROTEST_SEVERITY.indexOf(m.sub_event_type)) m.sub_event_type = sub;
    m.evidence.push(next);
    told.add(next);
    m.actor2 ??= analysed.find((x) => x.s === next)?.actors.find((x) => !x.source && x.actor?.kind !== "civilians" && (x.actor !== null || x.country !== null)) ?? null;
  }
  // "The ceasefire announced on 19 July is largely holding. … Hostilities between Druze groups and tribal fighters …": a truce with
  // no sides named is between the sides of the fighting the article tells, wherever it tells it.
  for (const c of merged) {
    if (c.def.id !== "ceasefire" || (c.actor1 && c.actor2)) continue;
    const fights = merged.filter((o) => o.event_type === "Battles" && o.actor1 && o.actor2);
    const top = fights.find((o) => !c.actor1 || o.actor1!.country === c.actor1.country || o.actor2!.country === c.actor1.country);
    if (top) { c.actor1 = top.actor1; c.actor2 = top.actor2; }
  }

  // A headline tells in a few words an event the body tells in full: it is not another event.
  const headline = sentences.length > 1 && sentences[1]!.paragraph > sentences[0]!.paragraph && !/[.!?"”]\s*$/.test(sentences[0]!.text) ? sentences[0]! : null;
  if (headline) {
    for (let i = merged.length - 1; i >= 0; i--) {
      const c = merged[i]!;
      if (c.evidence.length === 1 && c.sentence === headline && merged.some((o) => o !== c && o.sentence !== headline && o.event_type === c.event_type)) merged.splice(i, 1);
    }
  }
  // A lead that sums up violence over a wide area ("39 killed in two days of fighting in the suburbs of Damascus"), told
  // place by place below it, is those events, not one more.
  const lead = merged.find((c) => c.sentence === sentences[0] && c.def.family === "violent" && c.evidence.length === 1);
  const leadAt = lead?.place?.place;
  if (lead && leadAt && coarsePlace(lead.place, lead.sentence)) {
    const told = merged.find((o) => o !== lead && o.event_type === lead.event_type && o.sub_event_type === lead.sub_event_type && o.sentence.index > lead.sentence.index && o.place?.place && !o.flags.background &&
      sameSides(o, lead) && ((o.place.place.admin1 !== null && o.place.place.admin1 === leadAt.admin1) || (leadAt.feature === "capital" && distanceKm(o.place.place.lon, o.place.place.lat, leadAt.lon, leadAt.lat) <= 20)));
    if (told) {
      told.evidence.unshift(lead.sentence);
      told.fatalities ??= lead.fatalities;
      merged.splice(merged.indexOf(lead), 1);
    }
  }
  const out: Proposal[] = [];
  // Who struck, when a strike is told without its attacker ("jets hit a former army base near Izra", "a drone strike killed
  // six soldiers"): the states the article names (speakers included: "the IDF said"), most named first, by their forces.
  const strikers = articleStates.map(militaryOf);
  for (const c of merged) {
    const nonFactual = c.flags.future || c.flags.hypothetical || c.flags.negated;
    if (nonFactual && !options.includeNonFactual) continue;
    // A development with nobody behind it ("talks were under way", "health teams have been deployed", "before it was handed back")
    // cannot be put on any dyad: too little to propose.
    // Aid is the exception: a convoy is news whoever sent it.
    if (c.event_type === "Strategic developments" && c.sub_event_type === "Other" && c.plover !== "AID" && !c.actor1 && !c.actor2?.actor) continue;
    const located = locatePlace(c.place, ctx.locate);
    const eventCountry = located.loc?.country ?? null;
    let date = c.date;
    if (!c.dateExplicit) {
      date = ref
        ? c.flags.background
          ? { date: null, precision: null, start: null, end: ref }
          : LIVE_STAMP.test(c.evidence[0]!.text)
            // "18:20 Hundreds of people marched …": a live blog's entry, stamped with the hour, tells the day it is written.
            ? { date: ref, precision: "day", start: ref, end: ref }
            // An act told with no day of its own: a report's news is mostly of the day before it; the range is the week up to it.
            : { date: addDays(ref, -1), precision: "week", start: addDays(ref, -7), end: ref }
        : { date: null, precision: null, start: null, end: null };
    }
    let a1 = c.actor1;
    let a2 = c.actor2;
    // In violent events a country's name stands for its armed forces.
    const militarise = (m: ActorMention | null): ActorMention | null => {
      if (!m || c.def.family !== "violent" || !m.actor || !m.country) return m;
      if (m.actor.kind !== "government" && m.actor.kind !== "mediator") return m;
      const mil = index.byCountry.get(m.country)?.military;
      return mil && mil !== m.actor ? { ...m, actor: mil, inter: mil.inter } : m;
    };
    if (c.event_type === "Battles" && !a1) {
      // A fight needs two armed sides: one left unnamed is the armed actor the article named last ("security forces … said; residents reported an exchange of fire").
      const at = analysed.findIndex((x) => x.s === c.sentence);
      for (let j = at; j >= 0 && j >= at - 4 && !a1; j--) {
        const named = analysed[j]!.actors.filter((m) => (m.actor ? m.actor.kind !== "civilians" : m.country !== null) && (j < at || m.start < c.trigger.start) && (m.actor?.id ?? m.name) !== (a2?.actor?.id ?? a2?.name));
        a1 = named[named.length - 1] ?? null;
      }
    }
    a1 = militarise(a1);
    a2 = militarise(a2);
    let actor1 = toActor(a1, eventCountry);
    let actor2 = toActor(a2, eventCountry);
    // "Two people were killed when a drone struck a car": the people are the victims; who attacked is not said.
    if (c.def.family === "violent" && actor1?.inter === 7 && !actor2) { actor2 = actor1; actor1 = null; }
    if (c.event_type === "Violence against civilians" && (!actor2 || actor2.inter !== 7)) {
      const civ = { name: "Civilians", id: "civilians", country: eventCountry, party: null, inter: 7 };
      if (actor1?.inter === 7) { actor1 = actor2; }
      actor2 = civ;
    }
    if (c.event_type === "Protests" || c.event_type === "Riots") {
      // The protesters on one side; on the other, whoever used force against them (none for a peaceful protest).
      const prot = c.event_type === "Riots" ? { name: "Rioters", id: null, country: eventCountry, party: null, inter: 5 } : { name: "Protesters", id: null, country: eventCountry, party: null, inter: 6 };
      const force = [actor1, actor2].find((x) => x && x.inter !== 7 && x.inter !== 6 && x.inter !== 5) ?? null;
      actor1 = prot;
      actor2 = c.sub_event_type !== "Peaceful protest" ? force : null;
      // Force used with no one named ("Soldiers threw stun grenades"): the Israeli army where the protest's own sentences tell of
      // Israelis ("marched toward an Israeli position"), else the forces of the place. A peaceful protest's other side is its
      // target, given only when the text names it.
      const told = c.evidence.map((x) => x.text).join(" ");
      const israeli = c.evidence.some((x) => analysed.find((y) => y.s === x)?.actors.some((m) => m.country === "ISR")) || /\b(?:Israeli|occupation|IDF)\b/.test(told);
      const side = (country: string, role: "military" | "political" = "military"): ProposedActor | null => {
        const who = index.byCountry.get(country)?.[role];
        return who ? { ...toActor({ name: who.names.en[0]!, actor: who, country, inter: who.inter, start: 0, end: 0, source: false }, eventCountry)!, inferred: "article" } : null;
      };
      if (!actor2 && c.event_type === "Protests" && eventCountry && eventCountry !== "ISR") {
        if (c.sub_event_type !== "Peaceful protest") actor2 = side(israeli || articleStates[0]?.country === "ISR" ? "ISR" : eventCountry);
        else if (israeli) actor2 = side("ISR");
        else if (eventCountry === "SYR" && (GOVERNMENT_TARGET.test(told) || c.evidence.some((x) => analysed.find((y) => y.s === x)?.actors.some((m) => m.country === "SYR" && m.actor && ["government", "state-forces", "security-service"].includes(m.actor.kind))))) {
          // "… outside the governorate building, chanting against the government": the state they protest to.
          actor2 = side("SYR", "political");
        }
      }
    }
    // "An air strike flattened a building …, killing several officers of Iran's Revolutionary Guards": a side named only
    // after the trigger of a strike, not as "by X", is what was struck; who struck is not told.
    const victimOnly = STRIKE_FROM_AFAR.has(c.sub_event_type) && !!a1 && !!actor1?.country && a1.start >= c.trigger.end && a1.end <= c.sentence.end &&
      (STRUCK_SIDE.test(c.sentence.text.slice((/(?:killed|hit|struck|targeted)$/i.test(c.trigger.text) ? c.trigger.start : c.trigger.end) - c.sentence.start, a1.start - c.sentence.start)) ||
        // "… next to Iran's embassy", "a strike on a Hezbollah depot": what was hit belonged to that side.
        (STRUCK_OWNER.test(c.sentence.text.slice(c.trigger.end - c.sentence.start, a1.start - c.sentence.start)) && (/['’]s$/.test(a1.name) || /^['’]s\b/.test(c.sentence.text.slice(a1.end - c.sentence.start))))) &&
      (!a2 || a2.start >= c.trigger.end) &&
      !/^\s*(?:has\s+|had\s+)?(?:described|called|termed|said|says|claimed|reported|announced|labell?ed)\b/i.test(c.sentence.text.slice(a1.end - c.sentence.start));
    if (victimOnly && eventCountry && actor1!.country !== eventCountry) {
      const striker = strikers.find((m) => m.country !== eventCountry && m.country !== actor1!.country);
      actor2 = actor1;
      actor1 = striker ? { ...toActor(striker, eventCountry)!, inferred: "article" } : null;
    }
    // (Civilians named with a nationality, "the Druze town", are the struck, whatever their country: not a foreign side.)
    if (eventCountry && STRIKE_FROM_AFAR.has(c.sub_event_type) && ![actor1, actor2].some((x) => x?.country && x.country !== eventCountry && x.inter !== 7)) {
      // A strike from the air or from afar with no foreign side named: struck by the foreign state the article names most
      // (a country does not bomb its own ground unnamed in these reports), shown as inferred from the article.
      // (Fire into Israel comes from the armed groups across its borders far more than from a state: the group named most.)
      const striker = (eventCountry === "ISR" ? articleGroups.find((m) => m.country !== eventCountry) : undefined) ?? strikers.find((m) => m.country !== eventCountry);
      if (striker) {
        const target = [actor1, actor2].find((x) => x && x.name !== UNNAMED_SIDE) ?? null;
        actor1 = { ...toActor(striker, eventCountry)!, inferred: "article" };
        actor2 = target;
      }
    }
    if (STRIKE_FROM_AFAR.has(c.sub_event_type) && actor1?.country && (!actor2 || actor2.name === UNNAMED_SIDE || actor2.id === "civilians" || actor2.inter === 7)) {
      // "A drone hit a car near Jdeidet Yabous, killing two. Israeli media said they were Hezbollah members": who was struck, told
      // in the next sentences as the dead's affiliation.
      const struck = struckAffiliation(c, actor1.country);
      if (struck) actor2 = toActor(struck, eventCountry);
    }
    if (!actor2 && eventCountry && (c.def.family === "violent" || c.def.family === "physical" || c.plover === "AID") && c.event_type !== "Protests") {
      // An unnamed other side: the people or forces of the place where it happened ("struck weapons depots", "fired at the village").
      actor2 = { name: UNNAMED_SIDE, id: null, country: eventCountry, party: null, inter: null };
    }
    const evidence: Evidence[] = c.evidence.map((s) => ({ text: s.text, start: s.start, end: s.end }));
    if (evidence[0]) evidence[0].trigger = c.trigger;
    let confidence = c.def.strength * 0.6 + (actor1 ? 0.15 : 0) + (actor2 ? 0.05 : 0) + (c.place?.place ? 0.1 : c.place ? 0.05 : 0) + (c.dateExplicit ? 0.1 : 0);
    if (nonFactual) confidence *= 0.5;
    confidence = Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
    out.push({
      event_id: `p${out.length + 1}`,
      date: date.date,
      date_precision: date.precision,
      date_start: date.start,
      date_end: date.end,
      actor1,
      actor2,
      event_type: c.event_type,
      sub_event_type: c.sub_event_type,
      plover: c.plover,
      plover_mode: c.mode,
      plover_score: ploverScore(c.plover, c.mode),
      location: c.place ? c.place.place?.names.en[0] ?? c.place.name : null,
      place_id: c.place?.place?.id ?? null,
      admin1: located.loc?.admin1 ?? null,
      admin1_name: located.loc?.admin1_name ?? null,
      country: eventCountry,
      zone: located.loc?.zone ?? null,
      lat: located.lat,
      lon: located.lon,
      geo_precision: located.precision,
      fatalities: c.fatalities,
      flags: c.flags,
      evidence,
      confidence,
    });
  }
  return out;
}

/** A place that names an area, not a spot: a region, a capital, or "the suburbs / countryside / province of X". */
function coarsePlace(p: PlaceMention | null, s: Sentence): boolean {
  if (!p?.place) return false;
  if (p.place.feature === "region" || p.place.feature === "capital") return true;
  return /\b(?:suburbs|outskirts|countryside|province|governorate|villages|towns|parts)\s+(?:of\s+)?(?:the\s+)?$/i.test(s.text.slice(Math.max(0, p.start - s.start - 30), p.start - s.start)) ||
    /^\s+(?:area|region|countryside|suburbs|province|governorate)\b/i.test(s.text.slice(p.end - s.start, p.end - s.start + 20));
}

/** Other places listed with the chosen one ("in A, B and C", "near A, south of X, and in B"): ACLED codes one event per place. */
function coordinatedPlaces(s: Sentence, places: readonly PlaceMention[], chosen: PlaceMention | null): PlaceMention[] {
  if (!chosen?.place || chosen.place.feature === "region") return [];
  // "the highway between Damascus and Sweida" is one place, not two events.
  if (/\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}and\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, chosen.start - s.start - 50), chosen.start - s.start))) return [];
  const extra: PlaceMention[] = [];
  let last: PlaceMention = chosen;
  for (const p of [...places].sort((x, y) => x.start - y.start)) {
    if (p.start <= last.end) continue;
    const gap = s.text.slice(last.end - s.start, p.start - s.start);
    // "hit the Hama airport, …, and the T4 base in Homs province, as well as a building in Damascus": one target list, one event per area.
    // An apposition ("al-Kiswah, south of Damascus, and in Daraa") describes the place before it: the list goes on after it.
    if (/^,\s*(?:(?!and\b|as\b)[\w-]+\s+){0,3}(?:of|in|near)\s+(?:the\s+)?$/i.test(gap) || /^,\s*(?:just\s+|directly\s+)?outside\s+$/i.test(gap) ||
      // ", in the Israeli-held Golan Heights": the region the place lies in.
      (p.place?.feature === "region" && /^,\s*(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(gap)) ||
      // "the T4 airbase in the Homs desert, and …": the area the target lies in, not another target.
      /^\s+(?:in|of)\s+(?:the\s+)?$/i.test(gap)) { last = p; continue; }
    // A village the gazetteer lacks counts when its area is known ("near al-Mazraa … and around Walgha").
    if ((!p.place && !p.region) || p.score <= -2 || !(TARGET_LIST_GAP.test(gap) || TARGET_LIST_COMMA.test(gap))) break;
    // Targets in other towns are other events (ACLED: one event per place and day); two targets in one town are one.
    const apart = (x: Place, y: Place): boolean => x.admin1 !== y.admin1 || distanceKm(x.lon, x.lat, y.lon, y.lat) > 5;
    if (!p.place) { if (extra.every((e) => e.name !== p.name) && p.name !== chosen.name) extra.push(p); }
    else if (apart(p.place, chosen.place) && extra.every((e) => !e.place || apart(e.place, p.place!))) extra.push(p);
    last = p;
  }
  if (extra.length) return extra;
  const sorted = [...places].filter((p) => (p.place && p.place.feature !== "region") || (!p.place && p.region)).sort((x, y) => x.start - y.start);
  const i = sorted.indexOf(chosen);
  if (i < 0) return [];
  const out: PlaceMention[] = [];
  const joins = (l: PlaceMention, r: PlaceMention): boolean => /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?(?:(?:al|el|ash|as|ad|ar|at|az|an)-)?$/i.test(s.text.slice(l.end - s.start, r.start - s.start));
  for (let j = i; j + 1 < sorted.length && joins(sorted[j]!, sorted[j + 1]!); j++) out.push(sorted[j + 1]!);
  for (let j = i; j - 1 >= 0 && joins(sorted[j - 1]!, sorted[j]!); j--) out.push(sorted[j - 1]!);
  return out.filter((p) => p.place !== chosen.place && p.score > -4);
}

/** A lead that sums up acts in several places ("Demonstrators took to the streets in several towns of southern Syria"). */
const SUMMARY_AREA = /\b(?:across|in several|in many|in a number of|in various|in (?:\w+ )?(?:towns|villages|cities|areas|parts|governorates|provinces)\s+(?:of|in|across))\b/i;

/**
 * Article-wide coreference, after the sentence-by-sentence merge: parts of one event told in other sentences
 * are folded into it. Each rule names what makes the two one event (same day, same place or none of its own, same side).
 */
function absorbFollowUps(merged: Candidate[], sentences: readonly Sentence[], ref: string | null): void {
  const factual = (c: Candidate): boolean => !c.flags.future && !c.flags.hypothetical && !c.flags.negated;
  const last = (c: Candidate): number => c.evidence[c.evidence.length - 1]!.index;
  const closeDays = (a: Candidate, b: Candidate): boolean => sameDate(a, b) || (!!a.date.date && !!b.date.date && Math.abs(isoToDays(a.date.date) - isoToDays(b.date.date)) <= 1);
  const placeFits = (c: Candidate, o: Candidate, km: number): boolean => !c.place || c.placeInherited || !o.place || c.place.place === o.place.place ||
    (!!c.place.place && !!o.place.place && distanceKm(c.place.place.lon, c.place.place.lat, o.place.place.lon, o.place.place.lat) <= km);
  const fold = (c: Candidate, into: Candidate): void => {
    for (const e of c.evidence) if (!into.evidence.includes(e)) into.evidence.push(e);
    into.evidence.sort((x, y) => x.index - y.index);
    if (c.fatalities !== null && (into.fatalities === null || c.fatalities > into.fatalities)) into.fatalities = c.fatalities;
    merged.splice(merged.indexOf(c), 1);
  };
  // "The ministry denied its forces had clashed … after accounts claimed that soldiers had exchanged fire": a claim of what is
  // denied elsewhere in the article stays unconfirmed.
  for (const c of merged) {
    const rel = c.trigger.start - c.sentence.start;
    if (factual(c) && CLAIM_BEFORE.test(c.sentence.text.slice(0, rel)) && merged.some((o) => o !== c && o.event_type === c.event_type && o.flags.negated && closeDays(o, c))) c.flags.hypothetical = true;
  }
  for (const c of [...merged]) {
    if (!factual(c)) continue;
    const rel = c.trigger.start - c.sentence.start;
    // "At least 13 people were killed in Beit Jinn after a raid met resistance": a toll in the passive with no agent, on the day and at
    // the place of violence the article tells (before or after), is that violence's toll.
    if (c.def.id === "killing" && PASSIVE_TOLL.test(c.sentence.text.slice(Math.max(0, rel - 30), rel + c.trigger.text.length + 4)) && !/^\S+\s+by\b/i.test(c.sentence.text.slice(rel))) {
      const o = merged.find((x) => x !== c && x.def.family === "violent" && x.def.id !== "killing" && factual(x) && (x.event_type === c.event_type || c.event_type === "Violence against civilians") &&
        closeDays(x, c) && placeFits(c, x, 10) && Math.abs(x.sentence.index - c.sentence.index) <= 6);
      if (o) { fold(c, o); continue; }
    }
    // "… drone strikes killed six soldiers. The soldiers were killed on Tuesday near al-Kiswah as …": the victims already told, whatever
    // kind of violence the passive suggests.
    if (c.def.id === "killing" && /\b(?:the|these|those|both)\s+(?:[\w-]+\s+){0,2}(?:were|was)\s+(?:\w+ly\s+)?killed\b/i.test(c.sentence.text.slice(Math.max(0, rel - 40), rel + c.trigger.text.length))) {
      const o = [...merged].reverse().find((x) => x !== c && x.def.family === "violent" && factual(x) && x.sentence.index < c.sentence.index && c.sentence.index - last(x) <= 2 && closeDays(x, c) && placeFits(c, x, 25));
      if (o) { fold(c, o); continue; }
    }
    // "An Israeli force advanced towards Koya. … an exchange of fire followed": the advance is how the fight began, not another event.
    if (c.def.id === "incursion" && c.plover === "MOBILIZE" && c.place?.place && c.actor1?.actor && /^(?:advanc|push|pressed|entered|mov|raided|stormed|crossed|penetrat|infiltrat)/i.test(c.trigger.text)) {
      const side = c.actor1.actor.id;
      const o = merged.find((x) => x !== c && x.event_type === "Battles" && factual(x) && closeDays(x, c) && x.place?.place === c.place!.place &&
        (x.actor1?.actor?.id === side || x.actor2?.actor?.id === side) && x.sentence.index >= c.sentence.index && x.sentence.index - c.sentence.index <= 2 && x.flags.background === c.flags.background);
      if (o) { fold(c, o); continue; }
    }
    // "Soldiers detained three shepherds. Two of them were released at midday": the release ends the arrest told just before.
    if (c.def.id === "release") {
      const o = merged.find((x) => x !== c && (x.def.id === "arrest" || x.def.id === "abduction") && factual(x) && x.sentence.index < c.sentence.index && c.sentence.index - last(x) <= 3 &&
        (!c.dateExplicit || closeDays(x, c) || !findDates(c.sentence.text, ref).some((d) => !d.stale && d.date)) && placeFits(c, x, 30));
      if (o) { fold(c, o); continue; }
    }
    // "Soldiers searched houses in Ain al-Tineh … before withdrawing to their positions": pulling back ends the raid told just before.
    if (c.def.id === "withdrawal" && c.plover === "RETREAT" && c.actor1?.actor) {
      const side = c.actor1.actor.id;
      const o = merged.find((x) => x !== c && x.def.family === "physical" && x.def.id !== "withdrawal" && factual(x) && x.sentence.index < c.sentence.index && c.sentence.index - last(x) <= 2 &&
        (x.actor1?.actor?.id === side || x.actor2?.actor?.id === side) && (!c.dateExplicit || closeDays(x, c)) && placeFits(c, x, 10));
      if (o) { fold(c, o); continue; }
    }
  }
  // A lead that sums up acts of one kind in several places, told place by place below it, is those events, not one more.
  const bodyStart = sentences.length > 1 && sentences[1]!.paragraph > sentences[0]!.paragraph && !/[.!?"”]\s*$/.test(sentences[0]!.text) ? 1 : 0;
  for (const c of [...merged]) {
    if (c.sentence.index > bodyStart || !SUMMARY_AREA.test(c.evidence.map((e) => e.text).join(" ")) || (c.place?.place && !coarsePlace(c.place, c.sentence) && c.place.place.feature !== "capital")) continue;
    const told = merged.find((o) => o !== c && o.event_type === c.event_type && o.sentence.index > c.sentence.index && o.place?.place && !coarsePlace(o.place, o.sentence));
    if (told) fold(c, told);
  }
  // "Residents gathered in front of the council, demanding the withdrawal of the occupation forces": what a protest demands, told in
  // its own sentence after the protest, is its demand, not a development of its own.
  for (const c of [...merged]) {
    if (c.event_type !== "Strategic developments" || c.evidence.length !== 1) continue;
    const o = merged.find((x) => x !== c && x.event_type === "Protests" && x.evidence.includes(c.sentence) && x.trigger.start < c.trigger.start &&
      DEMAND.test(c.sentence.text.slice(x.trigger.start - c.sentence.start, c.trigger.start - c.sentence.start)));
    if (o) merged.splice(merged.indexOf(c), 1);
  }
  // "Israeli jets struck sites near al-Kiswah overnight. … State media said the warplanes hit military targets near al-Kiswah": the same
  // kind of act at the same place by the same sides within a day, told again further down, is the event first told — unless the
  // later sentence marks it as another ("a second wave", "again", "separately").
  for (const c of [...merged]) {
    if (!factual(c) || !c.place?.place || ANOTHER_ACT.test(c.sentence.text)) continue;
    const o = merged.find((x) => x !== c && factual(x) && x.evidence[0]!.index < c.sentence.index && x.event_type === c.event_type && x.sub_event_type === c.sub_event_type &&
      x.place?.place === c.place!.place && x.flags.background === c.flags.background && (!c.dateExplicit || sameDate(x, c)) && sameSides(x, c) && !actorsConflict(x, c));
    if (o) fold(c, o);
  }
}

/** Words that introduce what protesters ask for or reject. */
const DEMAND = /\b(?:demand\w*|call(?:ing|ed|s)?\s+(?:for|on)|chant\w*|urg(?:ing|ed)|to reject|rejecting|banners?|slogans?|placards?|signs? reading)\b/i;

/** A sentence that tells a further act of a kind already told, not the same one again. */
const ANOTHER_ACT = /\b(?:another|second|third|again|separate(?:ly)?|new|further|also|more|renewed|fresh|respon(?:ded|se)|retaliat\w*|following|next)\b/i;

/** The same sides in either order, a side left unnamed matching any. */
function sameSides(a: Candidate, b: Candidate): boolean {
  const fits = (x: string | null | undefined, y: string | null | undefined): boolean => !x || !y || x === y;
  return (fits(a.actor1?.country, b.actor1?.country) && fits(a.actor2?.country, b.actor2?.country)) || (fits(a.actor1?.country, b.actor2?.country) && fits(a.actor2?.country, b.actor1?.country));
}

const PROTEST_SEVERITY = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"];

function sameCountries(a1: ActorMention, a2: ActorMention, b1: ActorMention, b2: ActorMention): boolean {
  return [a1.country ?? "", a2.country ?? ""].sort().join("|") === [b1.country ?? "", b2.country ?? ""].sort().join("|");
}

function sameDyad(a: Candidate, b: Candidate): boolean {
  const key = (c: Candidate): string => [c.actor1?.country ?? "", c.actor2?.country ?? ""].sort().join("|");
  return key(a) === key(b) && key(a) !== "|";
}

/** Two events whose named actors have nothing in common ("Bedouin gunmen abducted a Druze merchant", "Druze groups seized Bedouin men" is not that: they share both). */
function actorsConflict(a: Candidate, b: Candidate): boolean {
  if (a.def.family === "diplomatic" || b.def.family === "diplomatic") return false;
  // A state is one side whichever of its bodies is named (the government, the army).
  const side = (m: ActorMention): string => ["state-forces", "security-service", "government", "mediator"].includes(m.actor!.kind) ? `state:${m.country ?? m.actor!.id}` : m.actor!.id;
  const ids = (c: Candidate): string[] => [c.actor1, c.actor2].filter((m): m is ActorMention => !!m?.actor && m.actor.kind !== "civilians").map(side);
  const x = ids(a);
  const y = ids(b);
  // One-sided violence by another perpetrator is another act ("Bedouin gunmen abducted a merchant; Druze groups seized Bedouin men").
  if (a.event_type !== "Battles" && a.actor1?.actor && b.actor1?.actor && a.actor1.actor.kind !== "civilians" && b.actor1.actor.kind !== "civilians" && side(a.actor1) !== side(b.actor1)) return true;
  if (x.length < 2 || y.length < 2) return false;
  return !x.some((id) => y.includes(id)) || (x.length === 2 && y.length === 2 && x[0] === y[1] && x[1] === y[0] && a.def.family === "violent" && a.event_type !== "Battles");
}

function sameDate(a: Candidate, b: Candidate): boolean {
  return a.date.date === b.date.date || (a.date.start === b.date.start && a.date.end === b.date.end);
}
