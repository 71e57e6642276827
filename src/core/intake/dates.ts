// Date expressions resolved against a reference (publication) date.
// chrono-node reads explicit calendar dates; the vague and relative forms that
// news prose is full of ("on Tuesday", "last week", "in early May") are our
// own rules, because their ranges matter more than a single guessed day.
import * as chrono from "chrono-node";

export type DatePrecision = "day" | "week" | "month";

export interface DateRange {
  /** Best single ISO date, or null when the text gives no calendar date. */
  date: string | null;
  precision: DatePrecision | null;
  /** Range the text supports; null = open. */
  start: string | null;
  end: string | null;
}

export interface DateMention extends DateRange {
  /** Offsets relative to the analysed string. */
  from: number;
  to: number;
  text: string;
  /** An old date used as a label ("the 1974 agreement", "since 2011"): never an event date. */
  stale: boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, few: 3, several: 3, couple: 2 };
const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** A count written in words up to ninety-nine ("fifty-one", "twenty five", "eleven"), or in digits. */
const COUNT = `\\d+|(?:${TENS.join("|")})(?:[\\s-](?:${UNITS.join("|")}))?|${TEENS.join("|")}|${UNITS.join("|")}|an?|few|several|couple of`;
function countOf(word: string): number | null {
  const w = word.toLowerCase().replace(/ of$/, "");
  if (/^\d+$/.test(w)) return Number(w);
  if (NUMBER_WORDS[w] !== undefined) return NUMBER_WORDS[w];
  const teen = TEENS.indexOf(w);
  if (teen >= 0) return 10 + teen;
  const [tens, unit] = w.split(/[\s-]/);
  const t = TENS.indexOf(tens ?? "");
  if (t < 0) return null;
  return (t + 2) * 10 + (unit ? UNITS.indexOf(unit) + 1 : 0);
}
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
/** A day of the month as an ordinal: "9th", "ninth", "twenty-first", "thirtieth". */
const ORDINAL_DAY = `\\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[\\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${ORDINALS.join("|")}|thirtieth`;
function ordinalDay(word: string): number | null {
  const w = word.toLowerCase();
  const digits = /^(\d{1,2})/.exec(w);
  if (digits) return Number(digits[1]);
  if (w === "thirtieth") return 30;
  const i = ORDINALS.indexOf(w);
  if (i >= 0) return i + 1;
  const [tens, unit] = w.split(/[\s-]/);
  const u = ORDINALS.indexOf(unit ?? "");
  return u >= 0 ? (tens === "twenty" ? 20 : 30) + u + 1 : null;
}

const DAY_MS = 86_400_000;

/** "on 27 July last year", "in March last year": a date without its year, followed by "last year", lies in the year before the reference's. */
const LAST_YEAR_AFTER = /^\s*,?\s*last year\b/i;
function yearNamedAfter(text: string, end: number, ref: string | null): number | null {
  return ref && LAST_YEAR_AFTER.test(text.slice(end, end + 14)) ? Number(ref.slice(0, 4)) - 1 : null;
}

export function isoToDays(iso: string): number {
  // Days since 1970-01-01 by the civil-calendar formula (no Date parsing: this runs for every date compared).
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(y0 > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
export function daysToIso(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
export function addDays(iso: string, n: number): string {
  return daysToIso(isoToDays(iso) + n);
}
function ymd(y: number, m: number, d: number): string {
  return daysToIso(Math.floor(Date.UTC(y, m - 1, d) / DAY_MS));
}
function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
function monthIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(w)) + 1;
}
function midpoint(a: string, b: string): string {
  return daysToIso(Math.floor((isoToDays(a) + isoToDays(b)) / 2));
}
function range(start: string, end: string, precision: DatePrecision, date?: string): DateRange {
  return { date: date ?? midpoint(start, end), precision, start, end };
}

/** Picks the year for a month (and day) written without one: the latest not after the reference, or the next one for future statements. */
export function inferYear(ref: string, month: number, day: number | null, future: boolean): number {
  const refYear = Number(ref.slice(0, 4));
  const probe = (y: number): number => isoToDays(ymd(y, month, day ?? (future ? 1 : lastDayOfMonth(y, month))));
  const refDays = isoToDays(ref);
  if (future) return probe(refYear) >= refDays - 2 ? refYear : refYear + 1;
  // A month-only mention may be the current month; a day may run up to two days ahead (time zones, overnight).
  const firstOfMonth = isoToDays(ymd(refYear, month, 1));
  if (day === null) return firstOfMonth <= refDays ? refYear : refYear - 1;
  return probe(refYear) <= refDays + 2 ? refYear : refYear - 1;
}

function monthRange(y: number, m: number, part: string | undefined): DateRange {
  const last = lastDayOfMonth(y, m);
  const p = (part ?? "").toLowerCase();
  if (/early|beginning|start/.test(p)) return range(ymd(y, m, 1), ymd(y, m, 10), "month");
  if (/mid|middle/.test(p)) return range(ymd(y, m, 11), ymd(y, m, 20), "month");
  if (/late|end/.test(p)) return range(ymd(y, m, 21), ymd(y, m, last), "month");
  return range(ymd(y, m, 1), ymd(y, m, last), "month");
}

function clampToRef(r: DateRange, ref: string | null, future: boolean): DateRange {
  // Past statements cannot end after the publication date; the range is cut, not shifted.
  if (!ref || future || !r.end || !r.start) return r;
  if (r.start > ref) return r;
  if (r.end > ref) {
    const end = ref;
    const date = r.date && r.date > ref ? ref : r.date;
    return { ...r, end, date };
  }
  return r;
}

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, ref: string | null, future: boolean) => (DateRange & { stale?: boolean }) | null;
}

/** First month of each season (northern hemisphere, meteorological): winter starts in December of the year before. */
const SEASON_START: Record<string, number> = { winter: 12, spring: 3, summer: 6, autumn: 9, fall: 9 };

/** The `back`-th latest instance of a season that began on or before the reference (0: the latest, maybe still running). */
function seasonRange(season: string, ref: string, back: number): DateRange {
  const sm = SEASON_START[season] ?? 3;
  const ry = Number(ref.slice(0, 4));
  const rm = Number(ref.slice(5, 7));
  let y = sm <= rm ? ry : ry - 1;
  y -= back;
  const start = ymd(y, sm, 1);
  const endMonth = ((sm + 1) % 12) + 1;
  const endYear = sm === 12 ? y + 1 : y;
  return range(start, ymd(endYear, endMonth, lastDayOfMonth(endYear, endMonth)), "month");
}

const RULES: Rule[] = [
  {
    // "last winter", "in the spring", "the summer before last", "this autumn", "in the summer of 2024"
    re: /\b(?:(last|this|past|previous)\s+|(?:in|during|over|since|by)\s+the\s+|the\s+)?(winter|spring|summer|autumn|fall)(?:\s+(before last)|\s+of\s+(\d{4}))?\b/gi,
    resolve: (m, ref) => {
      const q = (m[1] ?? "").toLowerCase();
      const season = (m[2] ?? "").toLowerCase();
      const before = m.input.slice(Math.max(0, m.index - 12), m.index);
      // "the fall of Assad", "Arab Spring", "a spring in the village": a season only with a word that makes it one.
      if (season === "fall" && (!q || /\bof\b/.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 4)))) return null;
      if (!q && !/^(?:in|during|over|since|by|the)\b/i.test(m[0]) && !m[3] && !m[4]) return null;
      if (/\bArab\s*$/.test(before) || m[0].startsWith("Spring") && !q) return null;
      if (m[4]) {
        const sm = SEASON_START[season] ?? 3;
        const y = Number(m[4]) - (sm === 12 ? 1 : 0);
        const endMonth = ((sm + 1) % 12) + 1;
        const endYear = sm === 12 ? y + 1 : y;
        return range(ymd(y, sm, 1), ymd(endYear, endMonth, lastDayOfMonth(endYear, endMonth)), "month");
      }
      if (!ref) return null;
      const latest = seasonRange(season, ref, 0);
      // "last winter" is the latest that has ended; "in the spring" the latest begun.
      const ended = latest.end !== null && latest.end < ref;
      let back = q === "last" || q === "past" || q === "previous" ? (ended ? 0 : 1) : 0;
      if (m[3]) back += 1;
      return seasonRange(season, ref, back);
    },
  },
  {
    // "on Christmas Eve", "on Christmas Day", "New Year's Eve": the latest not after the reference.
    re: /\b(Christmas Eve|Christmas Day|New Year['’]s Eve|New Year['’]s Day)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null;
      const w = (m[1] ?? "").toLowerCase();
      const [mo, d] = w.startsWith("christmas eve") ? [12, 24] : w.startsWith("christmas") ? [12, 25] : w.endsWith("eve") ? [12, 31] : [1, 1];
      const y = yearNamedAfter(m.input, m.index + m[0].length, ref) ?? inferYear(ref, mo, d, false);
      const iso = ymd(y, mo, d);
      return { date: iso, precision: "day", start: iso, end: iso };
    },
  },
  {
    // "in the second week of April", "the last week of March 2025"
    re: new RegExp(`\\b(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${MONTHS.join("|")})(?:\\s+(\\d{4}))?\\b`, "gi"),
    resolve: (m, ref, future) => {
      const month = monthIndex(m[2] ?? "");
      if (month <= 0) return null;
      const year = m[3] ? Number(m[3]) : ref ? inferYear(ref, month, null, future) : null;
      if (year === null) return null;
      const n = ["first", "second", "third", "fourth"].indexOf((m[1] ?? "").toLowerCase());
      const last = lastDayOfMonth(year, month);
      const startDay = n >= 0 ? 1 + 7 * n : last - 6;
      return range(ymd(year, month, startDay), ymd(year, month, Math.min(last, startDay + 6)), "week");
    },
  },
  {
    // "a year ago this week": the same week a year before.
    re: /\b(a|one|two)\s+years?\s+ago\s+this\s+week\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null;
      const n = (m[1] ?? "").toLowerCase() === "two" ? 2 : 1;
      const c = `${Number(ref.slice(0, 4)) - n}${ref.slice(4)}`;
      return range(addDays(c, -4), addDays(c, 3), "week", c);
    },
  },
  {
    // "Thursday of last week", "last week on Thursday": that weekday in the Monday-to-Sunday week before the reference's.
    re: /\b(?:(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s+of\s+(?:last|the\s+previous|the\s+past)\s+week|(?:last|the\s+previous)\s+week\s*,?\s+on\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null;
      const wd = WEEKDAYS.indexOf((m[1] ?? m[2] ?? "").toLowerCase());
      const monday = addDays(ref, -((weekdayOf(ref) + 6) % 7));
      const d = addDays(monday, -7 + ((wd + 6) % 7));
      return { date: d, precision: "day", start: d, end: d };
    },
  },
  {
    // "at the turn of April and May": the last days of one month and the first of the next.
    re: new RegExp(`\\bthe\\s+turn\\s+of\\s+${MONTH_RE}\\s+(?:and|into|to)\\s+${MONTH_RE}(?:\\s*,?\\s*(\\d{4}))?\\b`, "gi"),
    resolve: (m, ref, future) => {
      const a = monthIndex(m[1] ?? "");
      const b = monthIndex(m[2] ?? "");
      if (a <= 0 || b <= 0) return null;
      const yb = m[3] ? Number(m[3]) : ref ? inferYear(ref, b, null, future) : null;
      if (yb === null) return { date: null, precision: null, start: null, end: null };
      const ya = b < a ? yb - 1 : yb;
      return range(ymd(ya, a, 20), ymd(yb, b, 10), "month", ymd(yb, b, 1));
    },
  },
  {
    // "in early May", "mid-May", "late December 2024", "the end of June", "in May"
    re: new RegExp(`\\b(?:(early|mid|late|the\\s+(?:beginning|start|middle|end)\\s+of)[\\s-]+)?${MONTH_RE}\\.?(?:\\s*,?\\s*(\\d{4}))?\\b(?!\\s*\\d)(?![\\s-]*(?:st|nd|rd|th)\\b)`, "gi"),
    resolve: (m, ref, future) => {
      const word = m[2] ?? "";
      // Month names are capitalised in English prose; "march" and "may" in lower case are verbs.
      if (word[0] !== word[0]?.toUpperCase()) return null;
      // "May" is also a modal verb; only a capitalised May preceded by a preposition or followed by a year is a month.
      if (/^may$/i.test(word)) {
        if (word !== "May") return null;
        const before = m.input.slice(Math.max(0, m.index - 12), m.index);
        if (!m[3] && !m[1] && !/\b(in|of|since|until|by|during|through|from|early|late|mid|and|or|to)\s*$/i.test(before)) return null;
      }
      const month = monthIndex(word);
      if (month <= 0) return null;
      const year = m[3] ? Number(m[3]) : yearNamedAfter(m.input, m.index + m[0].length, ref) ?? (ref ? inferYear(ref, month, null, future) : null);
      if (year === null) return { date: null, precision: null, start: null, end: null };
      return monthRange(year, month, m[1]);
    },
  },
  {
    // "on Tuesday", "last Friday", "on Sunday night", "early on Monday"
    re: /\b(last|this|on|early on|late on|since|by|next|coming|from)?\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi,
    resolve: (m, ref, future) => {
      if (!ref) return null;
      // "the weekly Friday demonstration": a day of the week that names a custom, not a date.
      if (!m[1] && /\b(?:weekly|every|each|usual)\s*$/i.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
      const wd = WEEKDAYS.indexOf((m[2] ?? "").toLowerCase());
      const refWd = weekdayOf(ref);
      const q = (m[1] ?? "").toLowerCase();
      let back = (refWd - wd + 7) % 7;
      // A digest's heading on the day it is published ("Monday: …" in Monday's weekly round-up) is the week before's.
      const heading = !q && /(?:^|\n)\s*(?:[-–•*]\s*)?$/.test(m.input.slice(0, m.index)) && /^[^:.\n]{0,25}:/.test(m.input.slice(m.index + m[0].length));
      if ((q === "last" || heading) && back === 0) back = 7;
      let days = -back;
      if (future || q === "next" || q === "coming") days = ((wd - refWd + 7) % 7) || 7;
      const d = addDays(ref, days);
      return { date: d, precision: "day", start: d, end: d };
    },
  },
  {
    // A digest's short weekday: "- Tasil (Wed): …", "Tue: …" at the head of an item. Only in these forms: "Sat" and "Sun" are words too.
    re: /(?:\((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\)|^\s*(?:[-•*–]\s*)?(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s*:)/gim,
    resolve: (m, ref) => {
      if (!ref) return null;
      const short = (m[1] ?? m[2] ?? "").toLowerCase().slice(0, 3);
      const wd = WEEKDAYS.findIndex((w) => w.startsWith(short));
      if (wd < 0) return null;
      // (On the day of publication, the week before's, as for a full weekday heading.)
      const d = addDays(ref, -(((weekdayOf(ref) - wd + 7) % 7) || 7));
      return { date: d, precision: "day", start: d, end: d };
    },
  },
  {
    // "the ninth of this month", "on the 14th of last month": a day of a month named by its place from the reference.
    re: new RegExp(`\\bthe\\s+(${ORDINAL_DAY})\\s+of\\s+(this|the\\s+same|last|the\\s+previous|the\\s+past)\\s+month\\b`, "gi"),
    resolve: (m, ref) => {
      if (!ref) return null;
      const day = ordinalDay(m[1] ?? "");
      if (!day || day > 31) return null;
      let y = Number(ref.slice(0, 4));
      let mo = Number(ref.slice(5, 7));
      if (/last|previous|past/i.test(m[2] ?? "")) { mo -= 1; if (mo === 0) { mo = 12; y -= 1; } }
      if (day > lastDayOfMonth(y, mo)) return null;
      const d = ymd(y, mo, day);
      return { date: d, precision: "day", start: d, end: d };
    },
  },
  {
    // "three days ago", "two weeks ago", "a month ago", "fifty-one years ago today"
    // ("two days before the funerals" counts from the funerals, not from the reference: no date here.)
    re: new RegExp(`\\b(${COUNT})\\s+(days?|weeks?|months?|years?)\\s+(?:ago|earlier|before(?!\\s+(?:the|a|an|his|her|their|its|these|those)\\b))(\\s+today)?\\b`, "gi"),
    resolve: (m, ref) => {
      if (!ref) return null;
      const n = countOf(m[1] ?? "") ?? 1;
      const unit = (m[2] ?? "").toLowerCase();
      if (unit.startsWith("day")) { const d = addDays(ref, -n); return { date: d, precision: "day", start: d, end: d }; }
      if (unit.startsWith("week")) { const c = addDays(ref, -7 * n); return range(addDays(c, -3), addDays(c, 3), "week", c); }
      if (unit.startsWith("year")) {
        const d = `${Number(ref.slice(0, 4)) - n}${ref.slice(4)}`;
        // "A year ago today" names the day; "a year ago" only the season.
        return m[3] ? { date: d, precision: "day", start: d, end: d } : range(addDays(d, -15), addDays(d, 15), "month", d);
      }
      const c = addDays(ref, -30 * n);
      return range(addDays(c, -15), addDays(c, 15), "month", c);
    },
  },
  {
    // "two days later", "a week later": counted from a day the text told before; until the extractor finds that day, the week up to the reference.
    re: /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|nights?|weeks?)\s+later\b/gi,
    resolve: (_m, ref) => (ref ? range(addDays(ref, -7), ref, "week", ref) : null),
  },
  {
    re: /\b(today|this morning|this afternoon|this evening|tonight|yesterday|last night|overnight|the day before|tomorrow)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null;
      const w = (m[1] ?? "").toLowerCase();
      if (w === "tomorrow") return { date: addDays(ref, 1), precision: "day", start: addDays(ref, 1), end: addDays(ref, 1) };
      if (w === "yesterday" || w === "last night") return { date: addDays(ref, -1), precision: "day", start: addDays(ref, -1), end: addDays(ref, -1) };
      if (w === "overnight") return { date: ref, precision: "day", start: addDays(ref, -1), end: ref };
      if (w === "the day before") return null;
      return { date: ref, precision: "day", start: ref, end: ref };
    },
  },
  {
    re: /\b((?:over |in |during )?the (?:past|previous|last) (?:two|three|four|five|2|3|4|5) days|earlier (?:in )?(?:this|the) week|this week|last week|the previous week|past week|earlier this month|this month|(?:(?:early|mid|late|the (?:beginning|middle|end) of)[ -])?(?:last month|the previous month)|(?:in |over )?(?:the )?(?:recent|past|last) (?:few |several |two |three )?(?:days|weeks|months)|recently|last weekend|this weekend|over the weekend|at the weekend)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null;
      const w = (m[1] ?? "").toLowerCase();
      const wd = weekdayOf(ref);
      const monday = addDays(ref, -((wd + 6) % 7));
      const y = Number(ref.slice(0, 4));
      const mo = Number(ref.slice(5, 7));
      const nDays = /(?:past|previous|last) (two|three|four|five|\d) days/.exec(w);
      if (nDays) {
        const n = NUMBER_WORDS[nDays[1] ?? ""] ?? Number(nDays[1]);
        return range(addDays(ref, -n), addDays(ref, -1), "week");
      }
      if (w.includes("weekend")) {
        const sat = addDays(ref, -((wd + 1) % 7 || 7));
        const base = w.startsWith("this") && wd === 6 ? ref : sat;
        return range(base, addDays(base, 1) > ref ? ref : addDays(base, 1), "day", base);
      }
      // "earlier in the week" is told of the reference's week, as "earlier this week" is.
      if (w === "this week" || /^earlier (?:in )?(?:this|the) week$/.test(w)) return range(monday, ref, "week");
      if (w === "last week" || w === "the previous week") return range(addDays(monday, -7), addDays(monday, -1), "week");
      if (w === "past week") return range(addDays(ref, -7), ref, "week");
      if (w === "this month" || w === "earlier this month") return range(ymd(y, mo, 1), ref, "month");
      if (/(?:last|previous) month$/.test(w)) {
        // "late last month": the part of the month named.
        const py = mo === 1 ? y - 1 : y;
        const pm = mo === 1 ? 12 : mo - 1;
        return monthRange(py, pm, /^(?:early|mid|late|the (?:beginning|middle|end))/.exec(w)?.[0]);
      }
      if (w.endsWith("days")) return range(addDays(ref, -7), ref, "week");
      if (w.endsWith("months")) return range(addDays(ref, -90), ref, "month");
      // "recent weeks", "recently"
      return range(addDays(ref, -30), ref, "month");
    },
  },
  {
    // A bare year: "in 2024", "the 1974 agreement", "since 2011".
    re: /\b(since |in |of |from |until |by )?((?:19|20)\d{2})\b(?![-/]\d)/gi,
    resolve: (m, ref) => {
      const y = Number(m[2]);
      const refYear = ref ? Number(ref.slice(0, 4)) : new Date().getUTCFullYear();
      const stale = y < refYear - 1 || /since/i.test(m[1] ?? "");
      return { date: null, precision: null, start: ymd(y, 1, 1), end: ymd(y, 12, 31), stale };
    },
  },
];

/**
 * Finds date expressions in `text` (usually one sentence) and resolves them
 * against `ref` (ISO date). `future` makes dates without a year land on or
 * after the reference instead of before it.
 */
/**
 * Chrono's strict English parser, reading numeric dates day first ("12/02/2025" is 12 February), as the region, the UN and
 * monitoring groups write them; a first number over 12 can only be a day either way, a second over 12 only a day in US order.
 */
const DAY_FIRST = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
const NUMERIC_DATE = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;

export function findDates(text: string, ref: string | null, future = false): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number): boolean => taken.some(([x, y]) => a < y && b > x);
  const refYear = ref ? Number(ref.slice(0, 4)) : null;
  // Explicit calendar dates first, through chrono (strict mode: no guessing).
  if (/\d/.test(text)) {
    const refInstant = ref ? new Date(`${ref}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
    for (const found0 of chrono.strict.parse(text, { instant: refInstant, timezone: 0 }, { forwardDate: false })) {
      // All-numeric dates are read again day first; words ("July 16") stay with the default parser, which reads them either way.
      const dayFirst = NUMERIC_DATE.test(found0.text) ? DAY_FIRST.parse(found0.text, { instant: refInstant, timezone: 0 }, { forwardDate: false })[0] : undefined;
      const r = dayFirst ? { index: found0.index, text: found0.text, start: dayFirst.start, end: dayFirst.end } : found0;
      if (!r.start.isCertain("day") || !r.start.isCertain("month")) continue;
      // A calendar date is written with a number; chrono also reads "two hours, a day after" as tomorrow.
      if (!/\d/.test(r.text)) continue;
      // "hand over the man within 48 hours": a deadline counted from now, not a day something happened.
      if (/\b(?:within|in)\s+\d+\s+(?:hours?|minutes?)\b|^\d+\s+hours?\b/i.test(r.text)) continue;
      const month = r.start.get("month") ?? 1;
      const day = r.start.get("day") ?? 1;
      let year = r.start.get("year") ?? refYear ?? 2000;
      if (!r.start.isCertain("year")) {
        if (!ref) continue;
        year = yearNamedAfter(text, r.index + r.text.length, ref) ?? inferYear(ref, month, day, future);
      }
      const iso = ymd(year, month, day);
      let endIso = iso;
      if (r.end && r.end.isCertain("day")) {
        const ey = r.end.isCertain("year") ? r.end.get("year") ?? year : year;
        endIso = ymd(ey, r.end.get("month") ?? month, r.end.get("day") ?? day);
        if (endIso < iso) endIso = iso;
      }
      const stale = refYear !== null && year < refYear - 1;
      const from = r.index;
      const to = r.index + r.text.length;
      taken.push([from, to]);
      const base: DateRange = endIso === iso ? { date: iso, precision: "day", start: iso, end: iso } : range(iso, endIso, "day", iso);
      found.push({ ...clampToRef(base, ref, future), from, to, text: r.text, stale });
    }
  }
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const from = m.index;
      const to = m.index + m[0].length;
      if (overlaps(from, to)) continue;
      const r = rule.resolve(m, ref, future);
      if (!r) continue;
      taken.push([from, to]);
      const { stale, ...rest } = r;
      const resolved = clampToRef(rest, ref, future);
      const isStale = stale ?? (refYear !== null && resolved.end !== null && Number(resolved.end.slice(0, 4)) < refYear - 1);
      found.push({ ...resolved, from, to, text: m[0], stale: isStale });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

/** Lines that carry page furniture rather than reporting ("Updated 3 June 2023"). */
export function isBoilerplateDateLine(sentence: string): boolean {
  return /^\s*(updated|published|posted|last (?:updated|modified)|first published|copyright|©)\b/i.test(sentence);
}
