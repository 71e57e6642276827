// Dictionaries built once per pack: gazetteer names and actor names in three
// languages, plus the fallbacks for names the pack does not know.
import type { Actor, Place } from "../agreement/gazetteer.ts";
import { PhraseIndex, type Token } from "./text.ts";

export interface PackIndex {
  places: PhraseIndex<Place>;
  actors: PhraseIndex<Actor>;
  /** Per country: the actor for its armed forces and for its government. */
  byCountry: Map<string, { military: Actor | null; political: Actor | null }>;
  /** Where homonyms are pulled when an article gives no other clue. */
  anchor: { lon: number; lat: number };
}

const cache = new WeakMap<readonly Place[], WeakMap<readonly Actor[], PackIndex>>();

export function packIndex(places: readonly Place[], actors: readonly Actor[]): PackIndex {
  let inner = cache.get(places);
  if (!inner) {
    inner = new WeakMap();
    cache.set(places, inner);
  }
  const hit = inner.get(actors);
  if (hit) return hit;
  const pIndex = new PhraseIndex<Place>();
  for (const p of places) for (const n of [...p.names.en, ...p.names.ar, ...p.names.he]) pIndex.add(n, p);
  const aIndex = new PhraseIndex<Actor>();
  for (const a of actors) for (const n of [...a.names.en, ...a.names.ar, ...a.names.he]) aIndex.add(n, a);
  // "an Israeli soldier was wounded": one member of a force named in the plural is that force.
  for (const a of actors) {
    if (a.kind !== "state-forces" && a.kind !== "security-service") continue;
    for (const n of a.names.en) {
      const one = /^(.+\s(?:soldier|fighter|officer|policeman|commander))s$/i.exec(n)?.[1];
      if (one && !a.names.en.includes(one)) aIndex.add(one, a);
    }
  }
  const byCountry = new Map<string, { military: Actor | null; political: Actor | null }>();
  for (const a of actors) {
    if (!a.country) continue;
    const e = byCountry.get(a.country) ?? { military: null, political: null };
    if (a.kind === "state-forces" && !e.military) e.military = a;
    if ((a.kind === "government" || a.kind === "mediator") && !e.political) e.political = a;
    byCountry.set(a.country, e);
  }
  for (const e of byCountry.values()) {
    e.military ??= e.political;
    e.political ??= e.military;
  }
  // The anchor is the median of the pack's own places: robust to a few far capitals.
  const near = places.filter((p) => p.rank <= 5);
  const lons = near.map((p) => p.lon).sort((a, b) => a - b);
  const lats = near.map((p) => p.lat).sort((a, b) => a - b);
  const anchor = { lon: lons[Math.floor(lons.length / 2)] ?? 0, lat: lats[Math.floor(lats.length / 2)] ?? 0 };
  const built: PackIndex = { places: pIndex, actors: aIndex, byCountry, anchor };
  inner.set(actors, built);
  return built;
}

export function distanceKm(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Picks among homonyms: pack rank plus distance to the places the article names unambiguously. */
export function resolveHomonym(candidates: readonly Place[], anchor: { lon: number; lat: number }): Place {
  let best = candidates[0]!;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = c.rank + distanceKm(c.lon, c.lat, anchor.lon, anchor.lat) / 15;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

export interface ActorMention {
  name: string;
  actor: Actor | null;
  country: string | null;
  inter: number | null;
  start: number;
  end: number;
  /** A news source ("…, state media said"), not a participant. */
  source: boolean;
}

const NATIONALITY: Record<string, string> = {
  // "occupation aircraft", "the occupation's bulldozers": Syrian and Arab media name the Israeli army by what it does.
  israeli: "ISR", occupation: "ISR", syrian: "SYR", american: "USA", "u.s.": "USA", us: "USA", jordanian: "JOR", turkish: "TUR", russian: "RUS", iranian: "IRN", lebanese: "LBN", saudi: "SAU", french: "FRA", qatari: "QAT", emirati: "ARE",
};
const MILITARY_NOUN = /^(forces?|troops|army|military|soldiers?|guards?|guardsmen|policem[ae]n|personnel|engineers|infantry|columns?|servicemen|reservists|snipers|jets?|warplanes?|aircraft|drones?|tanks?|patrols?|units?|officers?|strikes?|airstrikes?|incursions?|raids?|shelling|fire|bulldozers|vehicles|convoys?|positions?|police|artillery|helicopters?|commandos|gunfire|operation|operations|aggression|bombardment|bombing|missiles?|excavators?|bulldozer)$/i;
const POLITICAL_NOUN = /^(officials?|delegation|delegations|authorities|government|regime|envoy|president|minister|leaders?|leadership|negotiators|side|diplomats?|counterparts?|administration|presidency|mediators?)$/i;
const PAIRED_NATIONALITY_RE = /\b(Israeli|Syrian|American|Jordanian|Turkish|Russian|Iranian|Lebanese|Saudi|French|Qatari|Emirati)\s+and\s+(Israeli|Syrian|American|Jordanian|Turkish|Russian|Iranian|Lebanese|Saudi|French|Qatari|Emirati)((?:\s+[a-z][a-z-]*){1,3})/g;
const NATIONALITY_RE = /\b(Israeli|Syrian|American|U\.S\.|US|Jordanian|Turkish|Russian|Iranian|Lebanese|Saudi|French|Qatari|Emirati|occupation(?=\s+(?:[a-z-]+\s+)?(?:aircraft|warplanes?|jets?|drones?|bulldozers|excavators|tanks?|patrols?|units?|vehicles|artillery|helicopters?|aggression|bombardment|shelling|missiles?|strikes?|airstrikes?|raids?|incursions?|convoys?|positions?)\b))((?:\s+[a-z][a-z-]*){1,3})/g;
const ORG_RE = /\b((?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,4}(?:Crescent|Cross|Brigades?|Battalions?|Front|Movement|Council|Army|Forces|Guard|Regiment|Division|Militia|Faction|Committee|Authority|Ministry|Group|Legion|Corps|Directorate|Observatory|Network))\b/g;
// A speaker, witness or critic is not a party: "…, the ministry said", "peacekeepers have observed", "the ministry condemns".
const SOURCE_AFTER = /^(?:\s+of(?:\s+(?:the\s+)?[A-Z][\w'’-]+|\s+and)+|['’]s(?:\s+(?!said\b|says\b)[\w-]+){1,3})?\s*,?\s*(?:(?:has|have|had)\s+)?(?:said|says|reported(?!\s+(?:in|by|over|during|since|last|earlier|this|on)\b)|reports|told|stated|claimed|announced|confirmed|added|noted|quoted|wrote|posted|cited|observed|documented|recorded|condemn(?:s|ed)?|denounc(?:es|ed)|deplor(?:es|ed))\b/i;
// "…, said the ministry" is a source; "the ministry said Israeli helicopters landed" names the actor after "said".
const SOURCE_BEFORE = /(?:according to|told|reported by|quoted|quoting|citing|cited by|via|statement by|sources? (?:in|close to)|(?:^|[,;—–]\s*)(?:said|reported|added))\s+(?:the\s+|a\s+)?$/i;
/** Named only as an alleged affiliation: "seven men they said belonged to Hamas". */
const ALLEGED_BEFORE = /\b(?:(?:they|it|he|she|officials|the army|the military) (?:said|claimed|says|alleged)|allegedly|suspected of|accused of)\s+(?:[\w-]+\s+){0,3}$/i;
const REPORTERS = /\b(Observatory|SOHR|state media|SANA|news agency|Reuters|AFP|Associated Press|outlet|monitor|network|broadcaster|channel|newspaper|TV|television|Ynet|Haaretz|Times of Israel|Al Jazeera|Enab Baladi|Suwayda 24)\b/i;

export function findActors(sentence: string, base: number, tokens: readonly Token[], index: PackIndex): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of index.actors.match(tokens)) {
    const actor = m.values[0]!;
    out.push({ name: sentence.slice(m.start - base, m.end - base), actor, country: actor.country, inter: actor.inter, start: m.start, end: m.end, source: false });
  }
  const overlaps = (s: number, e: number): boolean => out.some((x) => s < x.end && e > x.start);
  // "Syrian and Israeli officials": the first adjective shares the noun of the second.
  PAIRED_NATIONALITY_RE.lastIndex = 0;
  for (let m = PAIRED_NATIONALITY_RE.exec(sentence); m; m = PAIRED_NATIONALITY_RE.exec(sentence)) {
    const country = NATIONALITY[(m[1] ?? "").toLowerCase()];
    const noun = (m[3] ?? "").trim().split(/\s+/).find((w) => MILITARY_NOUN.test(w) || POLITICAL_NOUN.test(w));
    if (!country || !noun) continue;
    const start = base + m.index;
    const end = start + (m[1] ?? "").length;
    if (overlaps(start, end)) continue;
    const entry = index.byCountry.get(country);
    const actor = (MILITARY_NOUN.test(noun) ? entry?.military : entry?.political) ?? null;
    out.push({ name: `${m[1]} ${noun}`, actor, country, inter: actor?.inter ?? 1, start, end, source: false });
  }
  NATIONALITY_RE.lastIndex = 0;
  for (let m = NATIONALITY_RE.exec(sentence); m; m = NATIONALITY_RE.exec(sentence)) {
    const country = NATIONALITY[(m[1] ?? "").toLowerCase()];
    if (!country) continue;
    // The role noun may come after one or two modifiers: "Israeli army bulldozers", "Syrian security forces".
    const words = (m[2] ?? "").trim().split(/\s+/);
    const at = words.findIndex((w) => MILITARY_NOUN.test(w) || POLITICAL_NOUN.test(w));
    if (at < 0) continue;
    if (/^side$/i.test(words[at] ?? "") && /^\s+of\b/i.test(sentence.slice(m.index + (m[1] ?? "").length + 1 + words.slice(0, at + 1).join(" ").length))) continue;
    const military = MILITARY_NOUN.test(words[at] ?? "");
    const start = base + m.index;
    const end = start + (m[1] ?? "").length + 1 + words.slice(0, at + 1).join(" ").length;
    if (overlaps(start, end)) continue;
    const entry = index.byCountry.get(country);
    const actor = (military ? entry?.military : entry?.political) ?? null;
    out.push({ name: sentence.slice(start - base, end - base), actor, country, inter: actor?.inter ?? 1, start, end, source: false });
  }
  ORG_RE.lastIndex = 0;
  for (let m = ORG_RE.exec(sentence); m; m = ORG_RE.exec(sentence)) {
    const start = base + m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const name = m[0].replace(/^the\s+/i, "");
    const adj = /\b(Israeli|Syrian|Jordanian|Turkish|Russian|Iranian|Lebanese|American)\b/.exec(name)?.[1]?.toLowerCase();
    const inter = /Ministry|Authority|Directorate|Army/.test(name) ? 1 : /Council|Committee/.test(name) ? 3 : 2;
    out.push({ name, actor: null, country: adj ? NATIONALITY[adj] ?? null : null, inter, start, end, source: REPORTERS.test(name) });
  }
  const kept: ActorMention[] = [];
  for (const a of out) {
    const after = sentence.slice(a.end - base, a.end - base + 80);
    const before = sentence.slice(Math.max(0, a.start - base - 30), a.start - base);
    // "fighting in Syria", "bound for Lebanon": a country name after a locative preposition is a place.
    if (a.actor && (a.actor.kind === "government" || a.actor.kind === "state-forces") && /^[A-Z][a-z]+$/.test(a.name) && /\b(in|across|inside|into|from|of|throughout|for|toward|towards)\s+(?:southern\s+|northern\s+|western\s+|eastern\s+)?$/i.test(before) && !/\b(?:state|government|republic|kingdom)\s+of\s+$/i.test(before)) continue;
    if (ALLEGED_BEFORE.test(sentence.slice(Math.max(0, a.start - base - 60), a.start - base))) a.source = true;
    else if (SOURCE_AFTER.test(after) || SOURCE_BEFORE.test(before) || REPORTERS.test(a.name)) {
      a.source = true;
      // "The army said its troops…", "Israel said it had struck…": the speaker is also the actor.
      const rest = sentence.slice(a.end - base);
      if (a.actor && /^\s*,?\s*(?:said|says|announced|confirmed|claimed|stated)\s+(?:(?:late |early )?on\s+\w+(?:\s+\d{1,2})?\s+|yesterday\s+|today\s+|overnight\s+)?(?:that\s+)?(?:it|its|they|their)\b/i.test(rest)) a.source = false;
      // "The ministry announced a ceasefire": what is announced is the actor's own act.
      else if (a.actor && /^\s*(?:(?:has|have)\s+)?(?:announced|declared)\s+(?:on\s+(?:\w+\s+){1,3}|\w+day\s+|(?:yesterday|today)\s+)?(?:a|an|the|its)\b/i.test(rest)) a.source = false;
      else if (a.actor && /\b(?:its|their)\s+(?:\w+\s+)?(?:troops|forces|soldiers|aircraft|jets|units|patrols?|positions)\b/i.test(rest)) a.source = false;
      // "The IDF said on Monday that soldiers had …": an army speaking of soldiers unnamed speaks of its own.
      else if (a.actor && (a.actor.kind === "state-forces" || a.actor.kind === "security-service") && /^\s*,?\s*(?:said|says|announced|confirmed|stated)\s+(?:(?:late |early )?on\s+\w+(?:\s+\d{1,2})?\s+|yesterday\s+|today\s+)?(?:that\s+)?(?:the\s+)?(?:soldiers|troops|forces|units|aircraft|jets|warplanes|drones|artillery|personnel|engineers)\b/i.test(rest)) a.source = false;
    }
    kept.push(a);
  }
  return kept.sort((x, y) => x.start - y.start);
}
