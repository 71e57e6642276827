// Event triggers: words that report something happening, mapped to the PLOVER
// category and mode and the ACLED event type and sub-type. Context rules in
// extract.ts refine the type (who was hit, with what).

export type Family = "violent" | "physical" | "protest" | "diplomatic";

export interface TriggerDef {
  id: string;
  re: RegExp;
  family: Family;
  plover: string;
  mode: string | null;
  event_type: string;
  sub_event_type: string;
  /** Higher wins when several triggers of one family share a sentence. */
  priority: number;
  /** How sure the word alone makes us that an event is reported (0..1). */
  strength: number;
}

const ERV = "Explosions/Remote violence";
const SD = "Strategic developments";

export const TRIGGERS: TriggerDef[] = [
  { id: "territory", re: /\b(took control|seized control|taken control|captured|overran|overrun|recaptured|retook|regained control|took over|taken over|(?<!\b(?:the|an?|Israeli|Syrian)[\s-])occupied(?!\s+(?:Golan|territor|land|area|zone|side|part|heights|Syrian|Palestinian))|(?:seized|took|taken|seizing|taking)(?! (?:up )?positions\b| place\b| part\b)(?: the| a| an)?(?: [\w-]+){0,3} (?:town|village|city|hill(?:top)?s?|peaks?|summit|crossing|side|heights|outposts?|(?:military )?positions?|posts?|bases?|airport|airbase))\b/gi, family: "violent", plover: "ASSAULT", mode: "firearms", event_type: "Battles", sub_event_type: "Government regains territory", priority: 95, strength: 0.6 },
  { id: "airstrike", re: /\b(air ?strikes?|air[- ]raids?|aerial (?:strikes?|bombardment|attacks?)|air attacks?|bomb(?:ed|ing|ings)|warplanes? (?:struck|hit|targeted|pounded)|jets? (?:struck|hit|targeted|pounded))\b/gi, family: "violent", plover: "ASSAULT", mode: "aerial", event_type: ERV, sub_event_type: "Air/drone strike", priority: 90, strength: 0.85 },
  { id: "drone", re: /\b(drone (?:strikes?|attacks?)|drones? (?:struck|hit|targeted|dropped|attacked|killed|fired))\b/gi, family: "violent", plover: "ASSAULT", mode: "drone", event_type: ERV, sub_event_type: "Air/drone strike", priority: 91, strength: 0.85 },
  { id: "strike", re: /\b(strikes?|struck|hit|(?<=\b(?:is|are|was|were|began|started|continued|kept)\s)striking|(?<!\b(?:a|an|the)\s)targeted|pounded)\b/gi, family: "violent", plover: "ASSAULT", mode: "aerial", event_type: ERV, sub_event_type: "Air/drone strike", priority: 70, strength: 0.55 },
  { id: "shelling", re: /\b(shell(?:ed|ing|s)|(?<=\b(?:an?|one|the|artillery|mortar|tank)\s)shell(?=\s+(?:was\s+|were\s+)?(?:fired|landed|fell|hit|struck|exploded|slammed))|artillery (?:fire|shells?|strikes?|rounds?)|mortars?(?: rounds| shells)?|rockets?|rocket fire|missiles?|tank (?:fire|shells?|rounds?)|bombard\w*|projectiles?)\b/gi, family: "violent", plover: "ASSAULT", mode: "heavy-weapons", event_type: ERV, sub_event_type: "Shelling/artillery/missile attack", priority: 85, strength: 0.7 },
  { id: "ied", re: /\b(land ?mines?|mines? (?:exploded|went off)|roadside bombs?|improvised explosive|IEDs?|explosive devices?|car bombs?|booby[- ]trap\w*|unexploded (?:ordnance|shells?|bombs?|munitions?|rockets?|mortars?|missiles?|devices?|cluster (?:bombs?|munitions?)|projectiles?)|war remnants?|remnants? of war|explosive remnants?|cluster (?:bomblets?|submunitions?)|(?:bomb|device|shell|mine) (?:blew up|went off))\b/gi, family: "violent", plover: "ASSAULT", mode: "explosive", event_type: ERV, sub_event_type: "Remote explosive/landmine/IED", priority: 84, strength: 0.8 },
  { id: "explosion", re: /\b(explosions?|blasts?|exploded|explod(?:es|ing)|detonat\w*|blew up|went off)\b/gi, family: "violent", plover: "ASSAULT", mode: "explosive", event_type: ERV, sub_event_type: "Remote explosive/landmine/IED", priority: 60, strength: 0.5 },
  { id: "suicide", re: /\bsuicide (?:bomb\w*|attack\w*|vest)/gi, family: "violent", plover: "ASSAULT", mode: "explosive", event_type: ERV, sub_event_type: "Suicide bomb", priority: 92, strength: 0.9 },
  { id: "grenade", re: /\bgrenades?\b/gi, family: "violent", plover: "ASSAULT", mode: "explosive", event_type: ERV, sub_event_type: "Grenade", priority: 83, strength: 0.8 },
  { id: "clash", re: /\b(clash(?:es|ed)?|fighting|fought|firefights?|gun ?battles?|exchanges? of fire|exchang(?:ed|ing) (?:[\w-]+ ){0,3}fire|trad(?:ed|ing) (?:[\w-]+ ){0,4}fire|battles?|skirmish\w*|ambush\w*|armed confrontations?|confrontations?|military engagements|engagements|(?:came|come|coming) under (?:fire|attack)|(?:were|was|been|being|come) (?:fired (?:up)?on|shot at)|returned fire|battled)\b/gi, family: "violent", plover: "ASSAULT", mode: "firearms", event_type: "Battles", sub_event_type: "Armed clash", priority: 80, strength: 0.8 },
  { id: "shooting", re: /\b(opened fire|open(?:ing)? fire|shot (?:dead|and killed|and wounded|and injured|at)|shooting|gunfire|fired (?:live )?(?:rounds|bullets|shots|at|on|toward|towards)|sniper fire|were shot|was shot|gunmen attacked)\b/gi, family: "violent", plover: "ASSAULT", mode: "firearms", event_type: "Violence against civilians", sub_event_type: "Attack", priority: 75, strength: 0.7 },
  { id: "attack", re: /\b(attack(?:ed|s)?|assault(?:ed)?|stormed)\b/gi, family: "violent", plover: "ASSAULT", mode: "firearms", event_type: "Battles", sub_event_type: "Armed clash", priority: 65, strength: 0.55 },
  { id: "abduction", re: /\b(abduct\w*|kidnap\w*|forcibly disappeared|(?:took|taken|taking|held|holding) (?:\w+ ){0,3}(?:hostages?|captive)|(?:seized|seizing|snatched|grabbed) (?:at least |some |several |dozens of |a number of )?(?:\w+ ){0,2}(?:men|man|women|woman|people|civilians|residents|villagers|shepherds|farmers|youths?|boys?|travell?ers|drivers?|members|fighters|hostages))\b/gi, family: "violent", plover: "ASSAULT", mode: "abduct", event_type: "Violence against civilians", sub_event_type: "Abduction/forced disappearance", priority: 78, strength: 0.8 },
  { id: "killing", re: /\b(killed|murdered|murders?|executed|executions?|assassinat\w*|slain|stabbed|beaten to death|lynched|killings?|gunned down|massacred?|massacres|beheaded|tortured to death|(?:was|were|been) (?:\w+ly )?(?:wounded|injured|hurt))\b/gi, family: "violent", plover: "ASSAULT", mode: "firearms", event_type: "Violence against civilians", sub_event_type: "Attack", priority: 40, strength: 0.5 },
  { id: "base", re: /\b(?:took (?:up )?(?:new )?positions|(set(?:ting)? up|established|establish|erect(?:ed|ing)|fortif(?:ied|ying)|construct(?:ed|ing|ion of)|built|building|dug|digging)\b[^.;]{0,50}?\b(positions?|posts?|outposts?|bases?|checkpoints?|barriers?|military points?|fortifications?|trench(?:es)?|berms?|earthworks?|roadblocks?))\b/gi, family: "physical", plover: "MOBILIZE", mode: "troops", event_type: SD, sub_event_type: "Headquarters or base established", priority: 70, strength: 0.8 },
  { id: "arrest", re: /\b(arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|detentions?|rounded up|apprehend(?:ed|ing)|(?:picked|picking|led|leading|took|taking|taken|hauled|dragged) (?:up |away |off |in )?(?:a |an |the |two |three |four |five |several |some |at least \w+ )?(?:\d+-year-old|\w+ )?(?:men|man|youths?|boys?|teenagers?|shepherds?|farmers?|residents?|villagers?|suspects?|people|civilians|brothers|\d+-year-old)\b(?: (?:away|off|in))?|took \w+ (?:into custody|prisoner)|taken into custody)\b/gi, family: "physical", plover: "COERCE", mode: "arrest", event_type: SD, sub_event_type: "Arrests", priority: 75, strength: 0.75 },
  { id: "destruction", re: /\b((?:blew|blown|blowing|blow) up (?:\w+ ){0,4}(?:houses?|homes?|buildings?|wells?|bridges?|roads?|structures?|shops?|schools?|mosques?|tunnels?)|(?:dynamited|detonated) (?:(?!(?:near|at|outside|inside|by|in|behind|close|beside|next)\b)\w+ ){0,4}(?:houses?|homes?|buildings?|wells?|bridges?|structures?)|bulldoz\w*|demolish\w*|demolition\w*|razed?|raz(?:ing)|destroy(?:ed|ing)? (?:\w+ ){0,2}(?:homes?|houses?|buildings?|crops|farmland|orchards|trees|roads?|fields|forests?|property)|uproot\w*|levell?(?:ed|ing) (?:\w+ ){0,2}(?:farmland|land|fields|homes|houses|orchards|hills?)|cut(?:ting)? down (?:\w+ )?trees|torched|set (?:fire to|ablaze)|burn(?:ed|t) (?:\w+ ){0,2}(?:homes?|houses?|shops?)|loot\w*|ransack\w*|vandali\w*|stole|stolen|robbed|robbery|robberies)\b/gi, family: "physical", plover: "COERCE", mode: "property", event_type: SD, sub_event_type: "Looting/property destruction", priority: 72, strength: 0.75 },
  { id: "disrupted", re: /\b(intercepted|shot down|downed|seized (?:a |an |the )?(?:\w+ ){0,2}(?:weapons|arms|ammunition|cache|shipment|rockets|launchers|guns|rifles|explosives|munitions|mortars|drones|missiles|grenades|mines)|confiscated|weapons caches?|arms caches?|defused|thwarted|foiled)\b/gi, family: "physical", plover: "COERCE", mode: "seize", event_type: SD, sub_event_type: "Disrupted weapons use", priority: 68, strength: 0.7 },
  { id: "withdrawal", re: /\b(withdr[ae]w\w*|left (?:the|their|its) (?:\w+ ){0,2}(?:positions?|posts?|bases?|area|countryside|villages?|towns?|region|province|zone)|pulled (?:out|back)|pullback|pull-out|retreated|vacated|evacuated (?:their |its )?(?:positions?|posts?|bases?))\b/gi, family: "physical", plover: "RETREAT", mode: "withdraw", event_type: SD, sub_event_type: "Non-violent transfer of territory", priority: 66, strength: 0.65 },
  { id: "group-change", re: /\b(dissolv(?:ed|ing|es)|disband(?:ed|ing|s)?|laid down (?:its|their) (?:arms|weapons)|hand(?:ed|ing) (?:over )?(?:its|their) weapons|dissolution|merged into|integrated into|integration into|joined the (?:defen[cs]e )?ministry|announced the formation|was formed|were formed|formed a|formation of)\b/gi, family: "physical", plover: "MOBILIZE", mode: "organise", event_type: SD, sub_event_type: "Change to group/activity", priority: 55, strength: 0.6 },
  { id: "incursion", re: /\b(incursions?|advanced(?! (?:weapons|arms|systems|missiles|air defen[cs]es?|technology))|advancing|pushed (?:into|deeper|towards?)|entered|raided|infiltrated|penetrated|crossed into|crossed (?:the )?(?:[\w-]+ ){0,3}(?:line|border|fence|frontier|boundary)|pushed into|patrolled|deployed|deploying|deployment|redeployed|reinforcements|mobili[sz]\w*|massed|convoys?|incurs\w*|mov(?:ed|ing) into|(?:drove|driven|rolled|rode) into|landed|airdropped|heliborne|sent (?:troops|forces|reinforcements))\b/gi, family: "physical", plover: "MOBILIZE", mode: "troops", event_type: SD, sub_event_type: "Other", priority: 50, strength: 0.6 },
  { id: "gathering", re: /\b(gathered|assembled|gatherings?|rallying|chant(?:ed|ing) (?:slogans|against|for)|carried (?:the )?coffins)\b/gi, family: "protest", plover: "PROTEST", mode: "demonstrate", event_type: "Protests", sub_event_type: "Peaceful protest", priority: 50, strength: 0.6 },
  { id: "protest", re: /\b(protest(?:s|ed|ers|ing)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ies|ied)|sit-ins?|marched|took to the streets|scuffl(?:ed|es|ing)|general strike|blocked (?:the |a |several )?(?:main |key |international )?(?:roads?|highways?|streets?|intersections?)|burn(?:ed|ing|t) tyres)\b/gi, family: "protest", plover: "PROTEST", mode: "demonstrate", event_type: "Protests", sub_event_type: "Peaceful protest", priority: 60, strength: 0.75 },
  { id: "restriction", re: /\b((?:closed|shut|sealed)(?: off)? (?:the |a |two |several )?(?:main )?(?:roads?|highway|crossings?|entrances?|access)|turn(?:ed|ing) back (?:\w+ ){0,2}(?:cars|vehicles|residents|people|convoys?|patrols?|farmers|buses)|(?:was|were) (?:prevented|stopped|barred|blocked) from (?:reaching|entering|accessing|crossing|proceeding|passing)|(?:prevented|stopped|barred|blocked) (?:an? |the )?(?:\w+ ){0,2}(?:patrols?|convoys?|observers|peacekeepers|farmers|residents|ambulances?) from)\b/gi, family: "physical", plover: "COERCE", mode: "block", event_type: SD, sub_event_type: "Other", priority: 58, strength: 0.65 },
  { id: "ceasefire", re: /\b(ceasefire|cease-fire|truce)\b/gi, family: "diplomatic", plover: "AGREE", mode: "ceasefire", event_type: SD, sub_event_type: "Agreement", priority: 80, strength: 0.7 },
  { id: "agreement", re: /\b((?:signed|reached|struck|concluded|sealed|clinched)(?: \w+){0,3} (?:agreement|deal|accord|understanding|arrangement|memorandum)|agreed (?:to|on|upon)|(?:agreement|deal|accord|understanding|arrangement)s? (?:was |were |had been |has been )?(?:reached|struck|signed|concluded|brokered|sealed)|announced (?:an? |the )?(?:\w+ ){0,2}(?:agreement|deal|accord))\b/gi, family: "diplomatic", plover: "AGREE", mode: null, event_type: SD, sub_event_type: "Agreement", priority: 75, strength: 0.7 },
  { id: "talks", re: /\b(talks|negotiations?|negotiated|met|meetings?|meet|held discussions|discussed|consultations?|contacts|dialogue|summit(?! of)|phone call|spoke by phone|hosted|visited)\b/gi, family: "diplomatic", plover: "CONSULT", mode: "meet", event_type: SD, sub_event_type: "Other", priority: 60, strength: 0.65 },
  { id: "release", re: /\b(handed over|handed back|sent back|set free|let go|handover|hand over|returned(?! fire)|return of|released|release of|freed|repatriat\w*|prisoner (?:swap|exchange))\b/gi, family: "diplomatic", plover: "RETREAT", mode: "release", event_type: SD, sub_event_type: "Other", priority: 65, strength: 0.6 },
  { id: "aid", re: /\b(humanitarian (?:aid|assistance|convoys?|supplies)|aid (?:convoys?|deliveries|shipments?|trucks)|(?:delivered|sent|dispatched|distributed|brought (?:in)?|airdropped|handed out) (?:[\w'’-]+ ){0,5}(?:aid|supplies|food|medicines?|fuel|flour|relief)|(?:food|medical|relief|humanitarian|fuel) (?:supplies|aid|assistance|parcels|baskets|kits)|convoys? of (?:\d+ |\w+ )?(?:trucks|lorries|vehicles) (?:carrying|loaded with|with) (?:\w+ ){0,3}(?:aid|food|supplies|fuel|medicine)|humanitarian corridor|evacuat\w* (?:\w+ ){0,4}(?:wounded|injured|sick)\b[^.;]{0,40}\b(?:treatment|hospitals?))\b/gi, family: "diplomatic", plover: "AID", mode: "humanitarian", event_type: SD, sub_event_type: "Other", priority: 62, strength: 0.7 },
];

/** PLOVER intensity by category and mode (−10…+10), after the product brief. */
export function ploverScore(plover: string, mode: string | null): number {
  switch (plover) {
    case "ASSAULT":
      return mode === "aerial" || mode === "drone" ? -9.5 : mode === "heavy-weapons" || mode === "explosive" ? -9 : -8;
    case "MOBILIZE": return -6.5;
    case "COERCE": return mode === "arrest" ? -7 : -7;
    case "PROTEST": return -4.5;
    case "CONSULT": return 4;
    case "AGREE": return 5;
    case "RETREAT": return mode === "withdraw" ? 8 : mode === "ceasefire" ? 7.5 : 6;
    case "AID": return 10;
    case "CONCEDE": return 6;
    case "COOPERATE": return 6;
    default: return 0;
  }
}

/** Victims that make an attack one-sided (violence against civilians). */
export const CIVILIAN_TARGET = /\b(civilians?|residents?|villagers?|travell?ers|passengers|commuters|crowds?|mourners|protesters|demonstrators|worshippers|pilgrims|farmers?|shepherds?|children|child|boys?|girls?|women|woman|family|families|journalists?|passers-by|worshippers|students?|teenagers?|a man|a young man|young men|an? (?:elderly )?(?:man|woman)|merchant|driver|people|pedestrians?|motorists?|doctors?|medics?|shops?|stores?|pharmac(?:y|ies)|homes?|houses?|hospitals?|schools?|mosques?|churches|church|markets?|baker(?:y|ies)|clinics?)\b/i;
/** Words that say the targets were armed. */
export const ARMED_TARGET = /(?<!\b(?:former|retired|ex-|off-duty|defected)\s+(?:[\w-]+\s+)?)\b(armed|assailants?|attackers?|units?|soldiers?|security (?:officials?|officers?|members?|personnel|men)|police(?:m[ae]n| officers?)?|commanders?|troops|fighters?|militants?|gunmen|forces|(?<!\b(?:excessive|lethal|deadly|disproportionate|brute|undue|use of|by)\s)force|members of|personnel|positions?|army|militia\w*|patrols?|officers?|recruits|combatants|operatives|tanks?|vehicles|convoys?|base|checkpoint|depots?|sites?|facilit(?:y|ies)|headquarters|barracks)\b/i;
export const AIR_CONTEXT = /\b(jets?|warplanes?|aircraft|air ?force|planes?|helicopters?|air ?strikes?|aerial|drones?|from the air)\b/i;
export const DRONE_CONTEXT = /\bdrones?\b/i;
export const SHELL_CONTEXT = /\b(artillery|shell(?:s|ed|ing)|mortars?|tank (?:fire|shells?|rounds?)|tanks? (?:fired|shelled|opened fire)|rockets?|missiles? (?:fired|launched)|howitzers?)\b/i;
/** What a crowd does that makes a gathering a protest ("gathered … calling for", "waving flags"). */
export const PROTEST_CUE = /\b(protest\w*|demonstrat\w*|calling for|call for|chant\w*|slogans?|banners?|placards?|wav(?:ed|ing) (?:\w+ )?flags|demand\w*|denounc\w*|against the|sit-in|in solidarity|in support of|self-determination)\b/i;
export const PROTEST_FORCE = /\b(fired (?:live )?(?:rounds |bullets |shots )?(?:at|on|toward|towards|into)|opened fire|shot|killed|wounded|injured|wounding|injuring)\b/i;
export const PROTEST_INTERVENTION = /\b(dispersed|tear gas|arrested|detained|broke up|beat|warning shots)\b/i;
