import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { actorsFileSchema, placesFileSchema } from "../../src/core/agreement/gazetteer.ts";
import { extractEvents } from "../../src/core/intake/extract.ts";
import type { ExtractContext } from "../../src/core/intake/types.ts";

// Tests may read the bundled pack; the extractor itself never does.
const pack = new URL("../../packs/israel-syria-1974/", import.meta.url);
const places = placesFileSchema.parse(JSON.parse(readFileSync(new URL("places.json", pack), "utf8"))).places;
const actors = actorsFileSchema.parse(JSON.parse(readFileSync(new URL("actors.json", pack), "utf8"))).actors;
// A stand-in for the polygons: Syria east of 35.8 E, Israel west of it.
const ctx: ExtractContext = {
  places, actors,
  locate: (lon, lat) => lat > 32 && lat < 34 && lon > 35 && lon < 37 ? (lon > 35.8 ? { country: "SYR", admin1: "SY-XX" } : { country: "ISR", admin1: "IL-Z" }) : null,
};

test("one report, several events, with evidence, actors, place and date", () => {
  const text = "Israeli troops raided Beit Jinn on Thursday and detained three men. One resident was killed when soldiers fired at villagers. Israeli jets later struck near Kuya.";
  const out = extractEvents({ text, published: "2025-06-13" }, ctx);
  assert.deepEqual(out.map((p) => p.sub_event_type), ["Arrests", "Attack", "Air/drone strike"]);
  const [arrest, attack, strike] = out;
  assert.equal(arrest!.place_id, "beit-jinn");
  assert.equal(arrest!.actor1?.country, "ISR");
  assert.equal(arrest!.date, "2025-06-12");
  assert.equal(attack!.actor2?.id, "civilians");
  assert.equal(attack!.fatalities, 1);
  assert.equal(strike!.geo_precision, 2);
  assert.equal(strike!.place_id, "kuya");
  for (const p of out) for (const e of p.evidence) assert.equal(text.slice(e.start, e.end), e.text);
});

test("negated, future and hypothetical events are dropped unless asked for", () => {
  const text = "No clashes were reported in Sweida. Israel will strike any force that deploys south of Damascus. Talks could resume next month.";
  assert.equal(extractEvents({ text, published: "2025-03-01" }, ctx).length, 0);
  const all = extractEvents({ text, published: "2025-03-01" }, ctx, { includeNonFactual: true });
  assert.ok(all.length >= 2);
  assert.ok(all.every((p) => p.flags.negated || p.flags.future || p.flags.hypothetical));
});

test("homonyms lean toward the article's region; Arabic and Hebrew names are found", () => {
  const sy = extractEvents({ text: "Clashes erupted in Ash Shajarah near Jamla in the Yarmouk Basin on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(sy?.place_id, "ash-shajarah-sy");
  const ar = extractEvents({ text: "Israeli jets struck targets in بيت جن on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(ar?.place_id, "beit-jinn");
  const he = extractEvents({ text: "Israeli troops entered קונייטרה on Monday.", published: "2025-03-04" }, ctx)[0];
  assert.equal(he?.place_id, "quneitra");
});

test("background events keep an open date and the flag", () => {
  const out = extractEvents({ text: "Israel had previously launched airstrikes near Damascus.", published: "2025-05-28" }, ctx);
  assert.equal(out[0]?.flags.background, true);
  assert.deepEqual([out[0]?.date, out[0]?.date_end], [null, "2025-05-28"]);
});

test("never throws, offsets always slice the evidence, dates stay ordered (property)", () => {
  const words = ["Israeli", "jets", "struck", "Quneitra", "on", "Tuesday", "clashes", "in", "Sweida", "killing", "two", ".", "\n", "talks", "Syria", "Israel", "met", "last week", "no", "will", "arrested", "Daraa", "U.S.", "in early May", ","];
  fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.option(fc.constantFrom("2025-01-01", "2025-05-28", "2024-12-31"), { nil: null }), (parts, published) => {
    const text = parts.join(" ");
    for (const p of extractEvents({ text, published }, ctx, { includeNonFactual: true })) {
      for (const e of p.evidence) assert.equal(text.slice(e.start, e.end), e.text);
      if (p.date_start && p.date_end) assert.ok(p.date_start <= p.date_end);
      assert.ok(p.confidence > 0 && p.confidence < 1);
    }
  }), { numRuns: 200 });
});

// Behaviours added when the held-out set showed the rules did not generalise (issue 6). Written for these tests, not from any labelled set.
const sub = (text: string, published = "2025-06-12"): string[] => extractEvents({ text, published }, ctx).map((p) => p.sub_event_type);

test("passive voice and weapons before the verb decide the attacker and the kind of attack", () => {
  const [p] = extractEvents({ text: "A farmhouse near Kodana was struck by Israeli aircraft on Monday, killing three civilians, residents said.", published: "2025-06-12" }, ctx);
  assert.equal(p?.sub_event_type, "Air/drone strike");
  assert.equal(p?.actor1?.country, "ISR");
  assert.equal(p?.fatalities, 3);
  assert.deepEqual(sub("Israeli drones killed four Syrian soldiers near Nawa on Sunday."), ["Air/drone strike"]);
});

test("fatalities: 'killing three', 'two soldiers were killed', 'a child died', parentheticals, tolls in a later sentence", () => {
  const fat = (text: string): Array<number | null> => extractEvents({ text, published: "2025-06-12" }, ctx).map((p) => p.fatalities);
  assert.deepEqual(fat("Two soldiers were killed when Israeli artillery shelled Jasim on Monday."), [2]);
  assert.deepEqual(fat("A child died when a landmine exploded near Quneitra on Monday."), [1]);
  assert.deepEqual(fat("Israeli aircraft pounded Beit Jinn on Monday, and state media said 13 residents, including children, were killed."), [13]);
  assert.deepEqual(fat("Israeli jets struck Nawa on Monday, and a monitoring group said two people were killed."), [2]);
  assert.deepEqual(fat("Israeli troops clashed with gunmen in Beit Jinn on Friday. The health ministry put the death toll at 13."), [13]);
});

test("a new actor makes a new event; a determiner or an actorless toll points back at one already told", () => {
  assert.deepEqual(sub("Two rockets were fired from Syria toward the Golan on Monday evening. In response, Israeli aircraft struck weapons belonging to the Syrian regime in southern Syria."), ["Shelling/artillery/missile attack", "Air/drone strike"]);
  assert.deepEqual(sub("Israeli jets struck a base near Izra on Monday. The Syrian government condemned the attack. At least four people were killed, a monitor said."), ["Air/drone strike"]);
  assert.deepEqual(sub("Israeli soldiers opened fire on Friday on residents of Maariya who were protesting against the troops. The protesters had marched toward a new position earlier this month.", "2024-12-21"), ["Excessive force against protesters"]);
});

test("intentions, demands and labour-free verbs are not events", () => {
  assert.deepEqual(sub("The ministry calls on the world to compel Israel to respect the 1974 agreement and withdraw from Syrian land."), []);
  // Soldiers wounded in an operation against an armed group is a clash; the detention it aimed at is not an arrest.
  assert.deepEqual(sub("Six soldiers were wounded on Friday in Beit Jinn during an operation to detain members of an armed group, the Israeli army said."), ["Armed clash"]);
  assert.deepEqual(sub("Diplomats expect a first round of security talks in Paris later this month."), []);
  assert.deepEqual(sub("Israeli soldiers came under fire in Kuya on Monday and returned fire, the army said."), ["Armed clash"]);
});

test("background told as a story keeps its dates; 'earlier this evening' is news", () => {
  const out = extractEvents({ text: "Thousands rallied in Sweida on Saturday. The fighting began in mid-July when a merchant was abducted on the highway to Damascus. Bedouin fighters and Druze militias then fought for days in and around the city.", published: "2025-08-18" }, ctx, { gate: false });
  const battle = out.find((p) => p.sub_event_type === "Armed clash");
  assert.ok(battle?.flags.background);
  assert.ok(battle.date && battle.date >= "2025-07-10" && battle.date <= "2025-07-31", String(battle.date));
  assert.equal(battle.place_id, "sweida");
  const [news] = extractEvents({ text: "Earlier this evening two projectiles were launched from Syrian territory and fell in open ground near Quneitra.", published: "2025-06-03" }, ctx);
  assert.equal(news?.flags.background, false);
  assert.equal(news?.date, "2025-06-03");
});

test("unnamed sides, speakers and alleged affiliations", () => {
  const [strike] = extractEvents({ text: "Israeli warplanes struck an area next to the presidential palace in Damascus on Friday, in what the Israeli prime minister called a clear message.", published: "2025-05-03" }, ctx);
  assert.equal(strike?.actor1?.country, "ISR");
  assert.notEqual(strike?.actor2?.country, "ISR");
  const [arrest] = extractEvents({ text: "Israeli troops raided Beit Jinn on Sunday and detained seven men they said belonged to Hamas.", published: "2025-06-16" }, ctx);
  assert.equal(arrest?.sub_event_type, "Arrests");
  assert.notEqual(arrest?.actor2?.country, "PSE");
  const [mobilise] = extractEvents({ text: "The Ministry of Foreign Affairs and Expatriates condemns in the strongest terms the incursion carried out yesterday by Israeli occupation forces into the village of Jubata al-Khashab.", published: "2025-04-14" }, ctx);
  assert.equal(mobilise?.actor1?.country, "ISR");
  assert.equal(mobilise?.actor2?.name, "Unnamed side");
});

test("a strike told without its attacker: the foreign state the article names most, marked inferred from the article", () => {
  const strike = (text: string) => extractEvents({ text, published: "2025-08-28" }, ctx, { gate: false }).find((p) => p.sub_event_type === "Air/drone strike");
  const told = "On August 26 a drone strike near al-Kisweh killed six Syrian soldiers, the Syrian defence ministry said.";
  const inferred = strike(`Jordan said its border guards were on alert. Israel has kept up its campaign in the south, and Israeli officials say it will go on. ${told}`);
  assert.deepEqual([inferred?.actor1?.country, inferred?.actor1?.inferred, inferred?.actor2?.country], ["ISR", "article", "SYR"]);
  // No foreign state in the article: nobody to infer.
  const alone = strike(told);
  assert.ok(alone && ![alone.actor1?.country, alone.actor2?.country].includes("ISR") && alone.actor1?.inferred !== "article");
  // An attacker the text names is kept, not replaced.
  const named = strike(`Israel has kept up its campaign in the south. On August 26 a Turkish drone strike near al-Kisweh killed six Syrian soldiers.`);
  assert.ok(named && named.actor1?.inferred !== "article" && [named.actor1?.country, named.actor2?.country].includes("TUR"), JSON.stringify(named?.actor1));
});

test("a side named after a strike as the one it killed is what was struck, and the attacker is inferred", () => {
  const strike = (text: string) => extractEvents({ text, published: "2024-04-02" }, ctx, { gate: false }).filter((p) => p.sub_event_type === "Air/drone strike").pop();
  const p = strike("Israel has struck Iranian targets in Syria for years. An air strike flattened a building next to Iran's embassy in Damascus on Monday, killing several officers of Iran's Revolutionary Guards.");
  assert.deepEqual([p?.actor1?.country, p?.actor1?.inferred, p?.actor2?.country], ["ISR", "article", "IRN"]);
  // Named after the trigger as the one who struck ("attributed to"), or as a speaker, the side is not the target.
  const q = strike("Jordan has denied it. In January, air strikes attributed to Jordan hit houses in Arman, killing ten people.");
  assert.equal(q?.actor1?.country, "JOR");
  const r = strike("There was no word on casualties in al-Kiswah, where the strikes targeted what the Israeli army described as command centres.");
  assert.equal(r?.actor1?.country, "ISR");
  assert.notEqual(r?.actor1?.inferred, "article");
});

test("a strike's target told in the next sentence as the dead's affiliation, but not a side that acts there", () => {
  const strike = (text: string) => extractEvents({ text, published: "2024-08-04" }, ctx, { gate: false }).find((p) => p.sub_event_type === "Air/drone strike");
  const p = strike("Saturday: An Israeli drone hit a car on the road near Jdeidet Yabous. Two people in it were killed; Israeli media said they were Hezbollah members.");
  assert.deepEqual([p?.actor1?.country, p?.actor2?.id], ["ISR", "hezbollah"]);
  const q = strike("Saturday: An Israeli drone hit a car on the road near Jdeidet Yabous, killing two people. Hours later Hezbollah fired rockets at army positions in the Golan.");
  assert.notEqual(q?.actor2?.id, "hezbollah");
});

test("an attack named by the attacker's adjective or by 'occupation': that state's forces", () => {
  const out = extractEvents({ text: "Three civilians were killed in an Israeli aggression that targeted homes in Daraa on Monday. At the same time, occupation aircraft struck a radar site on the outskirts of Izraa.", published: "2025-03-18" }, ctx, { gate: false });
  assert.deepEqual(out.map((p) => p.actor1?.id), ["idf", "idf"]);
});

test("troops named by a common noun are the army the article tells of, not an army named as a past owner", () => {
  const text = "The IDF said its troops have located more than 3,000 weapons in southern Syria, most of them left at abandoned posts of the former Syrian army. On Monday, troops searching the village of al-Hurriya seized rifles and ammunition from two houses.";
  const seizure = extractEvents({ text, published: "2025-01-14" }, ctx, { gate: false }).filter((p) => p.sub_event_type === "Disrupted weapons use").pop();
  assert.equal(seizure?.actor1?.country, "ISR");
});

test("weapons listed as found are things, not fire; a bomb that hit a vehicle is not also a strike", () => {
  const types = (text: string) => extractEvents({ text, published: "2025-01-14" }, ctx, { gate: false }).map((p) => p.sub_event_type);
  assert.deepEqual(types("On Sunday, troops located a weapons storage facility containing dozens of mortar shells and rocket-propelled grenades near Hader and destroyed it."), ["Disrupted weapons use"]);
  assert.deepEqual(types("Two policemen were killed on Sunday when an explosive device hit their patrol vehicle on the road between Izraa and Sheikh Miskin."), ["Remote explosive/landmine/IED"]);
});

test("force told in the sentence after a protest ends that protest; its unnamed force is the army of the place or, by Israeli positions, Israel's", () => {
  const run = (text: string) => extractEvents({ text, published: "2025-03-21" }, ctx, { gate: false }).filter((p) => p.event_type === "Protests");
  const [a] = run("Hundreds of people from villages in northern Quneitra marched on Tuesday toward an Israeli position near Jubata al-Khashab, waving Syrian flags. Soldiers fired into the air as the marchers came close, and the crowd dispersed.");
  assert.deepEqual([a?.sub_event_type, a?.actor2?.country, a?.evidence.length], ["Protest with intervention", "ISR", 2]);
  const [b] = run("Dozens of residents gathered outside a family's home in Shahba on Monday evening and marched to the local office to protest. Guards fired into the air, and the crowd dispersed without injuries.");
  assert.deepEqual([b?.sub_event_type, b?.actor2?.country], ["Protest with intervention", "SYR"]);
  const [d] = run("Families of missing people staged a sit-in outside the Sweida governorate building on Monday demanding news of their relatives.");
  assert.deepEqual([d?.sub_event_type, d?.actor2?.country, d?.actor2?.inferred], ["Peaceful protest", "SYR", "article"]);
  // A peaceful protest's other side only where the text names whom it faced.
  const [c] = run("About 150 residents of al-Rafid gathered near the Israeli position on the village's edge on Thursday to demand his release.");
  assert.deepEqual([c?.sub_event_type, c?.actor2?.country, c?.actor2?.inferred], ["Peaceful protest", "ISR", "article"]);
});

test("talks held at several venues, each on its own day, are one meeting per venue and day", () => {
  const out = extractEvents({ text: "Asaad al-Shaibani and Ron Dermer met in Baku on 12 July, in Paris on 24 July and 19 August, and in London on 17 September.", published: "2025-10-05" }, ctx, { gate: false });
  assert.deepEqual(out.map((p) => `${p.location} ${p.date}`).sort(), ["Baku 2025-07-12", "London 2025-09-17", "Paris 2025-07-24", "Paris 2025-08-19"]);
  // Talks about a place are not held there.
  const [p] = extractEvents({ text: "Foreign ministers Ayman Safadi and Asaad al-Shaibani met US envoy Tom Barrack in Amman on Tuesday to discuss the situation in Sweida.", published: "2025-08-13" }, ctx, { gate: false });
  assert.equal(p?.location, "Amman");
});

test("'The visit came a day after …': the event after 'after' is a day before the last day named", () => {
  const out = extractEvents({ text: "Netanyahu visited the troops in the buffer zone on Wednesday. The visit came a day after Israeli troops raided the village of Ruwayhina and detained two men.", published: "2025-11-20" }, ctx, { gate: false });
  assert.equal(out.find((p) => p.sub_event_type === "Arrests")?.date, "2025-11-18");
});

test("force used on a gathering told before it: a protest with intervention, the force its other side", () => {
  const [p] = extractEvents({ text: "On Thursday morning, Israeli troops fired tear gas at residents of Jubata al-Khashab who had gathered at the entrance of the village to demand the detainees' release.", published: "2025-05-10" }, ctx, { gate: false });
  assert.deepEqual([p?.sub_event_type, p?.actor1?.name, p?.actor2?.country], ["Protest with intervention", "Protesters", "ISR"]);
  const [q] = extractEvents({ text: "Security forces used stun grenades on residents of Shahba who had gathered outside the municipal building on Monday to demand the release of detainees.", published: "2025-08-12" }, ctx, { gate: false });
  // (A stun grenade is crowd control, not an explosive attack.)
  assert.deepEqual([q?.event_type, q?.sub_event_type], ["Protests", "Protest with intervention"]);
  const [r] = extractEvents({ text: "Hundreds of residents gathered in the main square of Sweida on Friday to demand the release of detainees.", published: "2025-08-16" }, ctx, { gate: false });
  // No force used: the second side is only the state it is held in, marked as inferred (sides.ts).
  assert.deepEqual([r?.sub_event_type, r?.actor2?.country, r?.actor2?.inferred], ["Peaceful protest", "SYR", "side"]);
});

test("places: apposition, attribution, routes, coordination, and unknown villages", () => {
  const at = (text: string): Array<string | null> => extractEvents({ text, published: "2025-06-12" }, ctx).map((p) => p.place_id);
  assert.deepEqual(at("Israeli drones killed six Syrian soldiers near al-Kiswah on Tuesday, the foreign ministry in Damascus said."), ["kisweh"]);
  assert.deepEqual(at("Israeli troops raided Beit Jinn, on the slopes of Mount Hermon, on Monday and detained two men.").slice(0, 1), ["beit-jinn"]);
  assert.deepEqual(at("Israeli aircraft struck military sites near al-Kiswah, south of Damascus, and in Daraa province late on Tuesday.").sort(), ["daraa-governorate", "kisweh"]);
  const [bulldoze] = extractEvents({ text: "Israeli bulldozers razed farmland in the village of Saida al-Hanout in Quneitra on Sunday morning, residents said.", published: "2025-06-12" }, ctx);
  assert.equal(bulldoze?.place_id, null);
  assert.equal(bulldoze?.location, "Saida al-Hanout");
  assert.notEqual(bulldoze?.admin1, null);
});

test("weapons named as objects, protest topics and raids with arrests are not extra events", () => {
  assert.deepEqual(sub("Syrian security forces seized a cache of weapons and rockets in al-Sanamayn on Thursday."), ["Disrupted weapons use"]);
  assert.deepEqual(sub("Dozens of residents protested in Quneitra on Friday against the Israeli incursions, chanting slogans."), ["Peaceful protest"]);
  assert.deepEqual(sub("Israeli troops raided the town of Beit Jinn on Wednesday. The army said its soldiers detained two suspects."), ["Arrests"]);
  assert.deepEqual(sub("Several thousand people gathered in the main square of Sweida on Saturday, waving flags and calling for self-determination."), ["Peaceful protest"]);
  assert.deepEqual(sub("Armed men who had gathered after an audio recording spread online were seen in Jaramana."), []);
});

test("paired nationalities, subjects joined by 'and', releases by the detainer, victims without a named attacker", () => {
  const [talks] = extractEvents({ text: "Syrian and Israeli officials met in Baku on Saturday to discuss de-escalation in the south.", published: "2025-06-12" }, ctx);
  assert.deepEqual([talks?.actor1?.country, talks?.actor2?.country].sort(), ["ISR", "SYR"]);
  const [deal] = extractEvents({ text: "On Friday the Syrian interior ministry and Druze factions agreed on a ceasefire in Sweida.", published: "2025-06-12" }, ctx);
  assert.equal(deal?.actor2?.id, "druze-militias");
  // Released days later: its own event, by the detainer (a release the same day ends the arrest: src/core/intake/extract.test.ts).
  const out = extractEvents({ text: "Israeli troops detained a shepherd near Hader on Tuesday, residents said. He was released on Thursday.", published: "2025-06-12" }, ctx);
  assert.equal(out[1]?.actor1?.country, "ISR");
  assert.equal(out[1]?.place_id, out[0]?.place_id);
  const [strike] = extractEvents({ text: "Two people were killed on Saturday when a drone struck a car in the town of Jasim.", published: "2025-06-12" }, ctx);
  // No attacker named: none is guessed from the place hit (sides.ts), and the victims stay as written.
  assert.equal(strike?.actor1, null);
  assert.equal(strike?.actor2?.id, "civilians");
  assert.equal(strike?.actor2?.inferred, undefined);
});

test("a protest's cause is its own earlier event; 'the day before' shifts the date told", () => {
  const out = extractEvents({ text: "Hundreds of people marched in Jaramana on Friday after the funeral of two men killed in clashes with security forces on Wednesday.", published: "2025-06-06" }, ctx);
  assert.deepEqual(out.map((p) => [p.sub_event_type, p.date]).sort(), [["Armed clash", "2025-06-04"], ["Peaceful protest", "2025-06-06"]]);
  const two = extractEvents({ text: "An Israeli military bulldozer razed land near Kudna on Wednesday. The day before, troops had detained a farmer in the same area.", published: "2025-06-06" }, ctx);
  assert.deepEqual(two.map((p) => p.date), ["2025-06-04", "2025-06-03"]);
});

test("broader rules: ground taken without a fight, target lists across areas, third parties, datelines and headlines", () => {
  const [move] = extractEvents({ text: "Israeli troops took control of abandoned army posts near Hader on Monday.", published: "2025-03-04" }, ctx);
  assert.equal(move?.event_type, "Strategic developments");
  assert.equal(move?.sub_event_type, "Non-violent transfer of territory");
  const list = extractEvents({ text: "Israeli jets struck an arms depot outside Nawa, damaging two buildings, and a radar site in the Quneitra countryside on Sunday.", published: "2025-03-04" }, ctx);
  assert.equal(list.filter((p) => p.event_type === "Explosions/Remote violence").length, 2);
  const [talks] = extractEvents({ text: "Syrian and Israeli officials met in Baku on Thursday in talks mediated by the US envoy.", published: "2025-03-04" }, ctx);
  assert.deepEqual([talks?.actor1?.country, talks?.actor2?.country].sort(), ["ISR", "SYR"]);
  const [raid] = extractEvents({ text: "KUDNA, Syria, March 3 - Israeli soldiers detained two farmers near Kudna on Monday.", published: "2025-03-04" }, ctx);
  assert.equal(raid?.actor1?.country, "ISR");
  const headed = extractEvents({ text: "Israel strikes depot near Nawa\n\nIsraeli aircraft struck a depot near Nawa on Sunday, a monitor said.", published: "2025-03-04" }, ctx);
  assert.equal(headed.length, 1);
  assert.equal(headed[0]?.date, "2025-03-02");
});

test("broader rules: counted days, backdrops, talks about talks, a story told a day on", () => {
  const later = extractEvents({ text: "Israeli jets struck an old army depot near Jasim on 3 February, and two days later drones hit a car near Kudna.", published: "2025-03-01" }, ctx);
  assert.deepEqual(later.map((p) => p.date).sort(), ["2025-02-03", "2025-02-05"]);
  assert.equal(extractEvents({ text: "Families displaced by the fighting in Sweida gathered at a school in Jaramana on Tuesday to receive food.", published: "2025-03-01" }, ctx).filter((p) => p.event_type === "Battles").length, 0);
  const talks = extractEvents({ text: "Syrian and Israeli officials met in Baku on Thursday. The two sides agreed to continue their contacts.", published: "2025-03-01" }, ctx);
  assert.deepEqual(talks.map((p) => p.plover), ["CONSULT"]);
  const story = extractEvents({ text: "Last year's violence began on 12 May in Jasim, when gunmen attacked a checkpoint. The next day the fighting spread to Nawa.", published: "2025-06-20" }, ctx);
  assert.deepEqual(story.map((p) => p.date), ["2025-05-12", "2025-05-13"]);
});

// Third round of generalisation (issue 6): causes found on the spent third held-out set and on fresh reports. Sentences written for these tests.
test("third round: the month May, aspect verbs, a relative past perfect, 'that morning', 'N days later' from the story's day", () => {
  assert.deepEqual(sub("JERUSALEM, May 2 - Israeli aircraft struck an army depot near Kisweh early on Friday.", "2025-05-02"), ["Air/drone strike"]);
  const [clash] = extractEvents({ text: "Tribal fighters who had arrived from Daraa continued to clash with Druze gunmen in Sweida on Saturday.", published: "2025-07-20" }, ctx);
  assert.equal(clash?.sub_event_type, "Armed clash");
  assert.equal(clash?.flags.background, false);
  const [held] = extractEvents({ text: "Villagers in Kudna will not forget 3 March. That morning, soldiers detained four shepherds near the village.", published: "2025-03-20" }, ctx);
  assert.equal(held?.date, "2025-03-03");
  const chain = extractEvents({ text: "On 10 May a drone struck a car near Nawa. Three days later, a roadside bomb exploded near Tafas.", published: "2025-05-30" }, ctx);
  assert.deepEqual(chain.map((p) => p.date), ["2025-05-10", "2025-05-13"]);
  const [teacher] = extractEvents({ text: "Killings rose in Daraa in October. On the 14th, a teacher was shot dead in Jasim.", published: "2025-11-03" }, ctx);
  assert.equal(teacher?.date, "2025-10-14");
});

test("third round: force on a protest told next, target lists with commas, statements and counts are not events", () => {
  const protest = extractEvents({ text: "Residents marched toward the new Israeli position near Jamla on Friday. Soldiers fired live rounds, wounding three of them.", published: "2025-01-04" }, ctx);
  assert.deepEqual(protest.map((p) => p.sub_event_type), ["Excessive force against protesters"]);
  assert.equal(protest[0]?.evidence.length, 2);
  assert.equal(sub("Israeli jets struck a radar near Izraa, a depot outside Kafr Shams and a base at Tell al-Harra on Monday night.", "2025-01-21").length, 3);
  assert.deepEqual(sub("The ministry condemned the Israeli incursions into Quneitra and what it called a massacre in Beit Jinn."), []);
  assert.deepEqual(sub("Monitors have counted more than 40 assassinations in Daraa province since January."), []);
  assert.deepEqual(sub("Kidnappings for ransom have become common in Sweida province."), []);
});

test("third round: passive tolls, aid convoys, listed and guessed places, 'the city', a speaker's seat", () => {
  const strike = extractEvents({ text: "Israeli jets struck a base near Izraa on Monday. Four people were killed at the base, the health directorate in Daraa said.", published: "2025-06-17" }, ctx);
  assert.equal(strike.length, 1);
  assert.equal(strike[0]?.fatalities, 4);
  const [aid] = extractEvents({ text: "A Red Crescent convoy of twenty lorries carrying flour reached Sweida on Sunday.", published: "2025-07-22" }, ctx);
  assert.equal(aid?.plover, "AID");
  assert.equal(sub("Rallies were held in Shahba and Umm al-Rumman on Friday.", "2025-08-17").length, 2);
  const [arrest] = extractEvents({ text: "Troops detained two suspects in Umm Batina on Monday.", published: "2025-01-14" }, ctx);
  // In the gazetteer since the seventh round: the place's own name, whatever the spelling in the text.
  assert.deepEqual([arrest?.location, arrest?.place_id], ["Umm Batinah", "umm-batinah"]);
  const city = extractEvents({ text: "A convoy carrying medicine reached Sweida city on Wednesday. Gunmen had looted shops in the west of the city on 17 July.", published: "2025-07-25" }, ctx, { gate: false });
  assert.deepEqual(city.map((p) => p.location), ["Sweida", "Sweida"]);
});

test("round 5: a village the gazetteer lacks, in the Bekaa Valley, is in Lebanon's Beqaa governorate by the real polygons; Syria's Internal Security Command is a state force", async () => {
  const { loadPackContext } = await import("../../scripts/eval-intake.ts");
  const real = loadPackContext();
  const [strike] = extractEvents({ text: "Israeli jets struck a warehouse near the village of Taraya in the Bekaa Valley on Monday.", published: "2025-06-10" }, real, { gate: false });
  assert.equal(strike?.location, "Taraya");
  assert.equal(strike?.admin1, "LB-BI");
  assert.equal(strike?.country, "LBN");
  const [arrest] = extractEvents({ text: "Units of the Internal Security Command detained two smugglers near Jasim on Sunday.", published: "2025-06-10" }, real, { gate: false });
  assert.equal(arrest?.actor1?.id, "syria-forces");
});

test("'a day earlier' counts from the day told last, a paragraph or more back, not from the publication date", () => {
  const text = [
    "Three children were killed on Sunday when an old shell exploded near their home in Jasim, local sources said.",
    "The children were aged between seven and twelve. Relatives said they had found the object in a field.",
    "The wounded boy was taken to hospital in Daraa, where doctors described his condition as critical.",
    "A day earlier, a shepherd lost his leg when a landmine exploded near Nawa.",
  ].join("\n\n");
  const out = extractEvents({ text, published: "2025-04-08" }, ctx);
  // 8 April 2025 is a Tuesday: Sunday is the 6th, a day earlier the 5th (not the 7th, the day before publication).
  assert.deepEqual(out.map((p) => [p.location, p.date]), [["Jasim", "2025-04-06"], ["Nawa", "2025-04-05"]]);
});

test("round 11: mines struck, bodies found, houses set on fire, finds of weapons, capitals by paraphrase, a dispatch's agency after its dateline", async () => {
  const { loadPackContext } = await import("../../scripts/eval-intake.ts");
  const real = loadPackContext();
  const one = (text: string, published: string) => extractEvents({ text, published }, real, { gate: false });
  // A vehicle that struck a mine: an explosive remnant, not an air strike (and not nothing).
  assert.deepEqual(one("A farmer was killed when his tractor struck a mine in Nawa on Friday.", "2025-10-25").map((p) => [p.sub_event_type, p.date]), [["Remote explosive/landmine/IED", "2025-10-24"]]);
  assert.deepEqual(one("Two men were found dead near Ariqa on Thursday with signs of torture.", "2025-10-25").map((p) => [p.event_type, p.fatalities]), [["Violence against civilians", 2]]);
  assert.deepEqual(one("Several houses belonging to the family were set on fire in Tafas on Saturday.", "2025-10-25").map((p) => p.sub_event_type), ["Looting/property destruction"]);
  assert.deepEqual(one("During a patrol on Thursday, troops found a cache of mortar bombs and two anti-aircraft guns near Arna.", "2025-10-25").map((p) => p.sub_event_type), ["Disrupted weapons use"]);
  assert.deepEqual(one("Israeli jets destroyed rocket launchers near Daraa on Monday.", "2025-10-25").map((p) => [p.sub_event_type, p.actor1?.country]), [["Air/drone strike", "ISR"]]);
  // "the Jordanian capital" is Amman, and a meeting there is placed there, not at what it was about.
  assert.deepEqual(one("Foreign ministers met US envoy Tom Barrack in the Jordanian capital on Tuesday to discuss Sweida.", "2025-08-13").map((p) => [p.location, p.admin1]), [["Amman", "JO-AM"]]);
  // "AMMAN (Petra) —": where the dispatch was filed, not where the clash was.
  const clash = one("AMMAN (Petra) — The Jordanian Armed Forces said on Sunday that border guards had clashed at dawn with a group of armed men trying to cross from Syria.", "2025-01-20");
  assert.equal(clash.length, 1);
  assert.notEqual(clash[0]!.location, "Amman");
  // Talks abroad: the host country is the venue, not a party.
  const signed = one("Lebanon and Syria signed an agreement in Jeddah on Friday.", "2025-03-29");
  assert.deepEqual(signed.map((p) => [p.location, [p.actor1?.country, p.actor2?.country].sort()]), [["Jeddah", ["LBN", "SYR"]]]);
  assert.deepEqual(one("Officials signed an agreement in Jeddah on Friday.", "2025-03-29").map((p) => p.actor2?.country ?? null), [null]);
});

test("round 11: 'It (also) comes a week after …' counts back from the news of the day", () => {
  const text = "Ministers of Jordan and Syria met US envoy Tom Barrack in Amman on Tuesday. It also comes a week after Israeli jets struck tanks near Sweida.";
  const out = extractEvents({ text, published: "2025-08-20" }, ctx, { gate: false });
  const strike = out.find((p) => p.sub_event_type === "Air/drone strike");
  // 20 August 2025 is a Wednesday: a week before it is the 13th.
  assert.equal(strike?.date, "2025-08-13");
});

test("round 12: border towns on their gazetteer side, the Majdal Shams rocket laid to the group named, troops on the line, time words", async () => {
  const { loadPackContext } = await import("../../scripts/eval-intake.ts");
  const real = loadPackContext();
  const one = (text: string, published: string) => extractEvents({ text, published }, real, { gate: false });
  // Metula lies a few hundred metres inside Israel: the coarse admin-1 layer must not move it to Lebanon.
  assert.deepEqual(one("An anti-tank missile hit a house in Metula on Monday.", "2024-09-17").map((p) => [p.admin1, p.country]), [["IL-Z", "ISR"]]);
  // Majdal Shams is in the Israeli-held Golan, not in the block the layer draws for the area of separation; a rocket there,
  // told without its shooter, is laid to the armed group the article names, and "the Druze town" is the struck, not a side.
  const rocket = one("One year ago today, a rocket struck a football pitch in Majdal Shams, in the Israeli-held Golan Heights, killing twelve children and teenagers from the Druze town. Israel blamed Hezbollah, which denied firing at the town.", "2025-07-27");
  assert.deepEqual(rocket.map((p) => [p.location, p.admin1, p.actor1?.country, p.date]), [["Majdal Shams", "IL-Z", "LBN", "2024-07-27"]]);
  // "three days after the rocket": counted from the rocket's day, not from the season told later in the sentence.
  const shukr = one("A rocket struck a football pitch in Majdal Shams on 27 July 2024. We recall that three days after the rocket, an Israeli strike on Beirut's southern suburbs killed a senior Hezbollah commander, and that the war widened in the autumn.", "2025-07-27");
  assert.equal(shukr.find((p) => p.location !== "Majdal Shams")?.date, "2024-07-30");
  // Soldiers in a Quneitra village, in a report that names Israel only as a newspaper, after a Syrian ministry's item: the IDF.
  const review = one("A Damascus daily says the interior ministry's forces escorted a convoy of flour into Sweida on Monday. An Israeli daily reports that soldiers detained three men in a night raid on Jubata al-Khashab on Tuesday night.", "2025-08-08");
  assert.equal(review.find((p) => p.sub_event_type === "Arrests")?.actor1?.country, "ISR");
  // A date inside a "since" clause is when something began, not the act's day.
  assert.deepEqual(one("Israel said on Monday it had hit tanks there, in its first direct military action since the fighting erupted at the weekend.", "2025-07-15").map((p) => p.date), ["2025-07-14"]);
  // A part of the month told after the month: the second half of April.
  const razed = one("In April, Israeli troops raided Kudna. In the second half of the month, Israeli forces razed woodland near Jubata al-Khashab.", "2025-05-10");
  assert.deepEqual(razed.filter((p) => p.sub_event_type === "Looting/property destruction").map((p) => [p.date_start, p.date_end]), [["2025-04-16", "2025-04-30"]]);
  // A leg lost to a mine; a cell broken up; a post built; houses searched.
  assert.deepEqual(one("28 October: A shepherd lost a leg to a mine near Busra al-Harir.", "2025-10-30").map((p) => p.sub_event_type), ["Remote explosive/landmine/IED"]);
  assert.deepEqual(one("Syria's interior ministry says it has broken up a drug smuggling cell in Daraa province.", "2025-06-16").map((p) => p.sub_event_type), ["Arrests"]);
});

test("round 13: unnamed sides on the ground are of the place, a nationality before a stateless group is the group's", async () => {
  const { loadPackContext } = await import("../../scripts/eval-intake.ts");
  const real = loadPackContext();
  const one = (text: string, published: string) => extractEvents({ text, published }, real, { gate: false });
  const sides = (p: ReturnType<typeof one>[number] | undefined): Array<string | null | undefined> => [p?.actor1?.country, p?.actor2?.country];
  // A clash between two families in Daraa: both sides Syrian, neither named.
  const feud = one("Three people were killed on Saturday in fighting between two large families in the town of Inkhil, local sources said.", "2025-08-24");
  assert.deepEqual(feud.map(sides), [["SYR", "SYR"]]);
  // Gunmen with no nationality are of the place: in the Bekaa, Lebanese.
  const bekaa = one("Heavy clashes broke out on Thursday in Hermel between Syrian forces and gunmen.", "2025-02-08");
  assert.deepEqual(bekaa.map(sides), [["SYR", "LBN"]]);
  // "Lebanese tribal gunmen": the pack's tribal fighters are Syrian, these are not, and they keep the text's name.
  const tribal = one("Syrian forces clashed with Lebanese tribal gunmen near Hermel on Sunday.", "2025-03-17");
  assert.deepEqual(tribal.map((p) => [p.actor2?.name, p.actor2?.country]), [["Lebanese tribal gunmen", "LBN"]]);
  // A protest's second side is the state it is held in.
  assert.deepEqual(one("Hundreds of people demonstrated in Sweida city on Friday.", "2025-08-16").map(sides), [["SYR", "SYR"]]);
});

test("round 14: acts dropped by over-broad rules, new trigger words, assassinations, dated headings, datelines with a year, undated acts", async () => {
  const { loadPackContext } = await import("../../scripts/eval-intake.ts");
  const real = loadPackContext();
  const one = (text: string, published: string) => extractEvents({ text, published }, real, { gate: false });
  const kinds = (ps: ReturnType<typeof one>): string[] => ps.map((p) => `${p.event_type}/${p.sub_event_type}`);
  // "more than 150 rockets" is a salvo's size, not a trend; "two more suspects" are more of the same arrest.
  assert.deepEqual(kinds(one("Hezbollah fired more than 150 rockets at Katzrin on Wednesday.", "2025-10-15")), ["Explosions/Remote violence/Shelling/artillery/missile attack"]);
  assert.deepEqual(kinds(one("Two more suspects were detained on Monday in Zabadani, the ministry said.", "2025-10-15")), ["Strategic developments/Arrests"]);
  // A salvo in its largest barrage "since October" is one day's act, not a count over months.
  assert.equal(one("On Wednesday Hezbollah fired more than 200 rockets at Katzrin in its largest barrage since October, the army said.", "2024-07-04").length, 1);
  // A raid that entered, searched and set up a checkpoint before withdrawing is still an act, whichever rule folds which part.
  const raid = one("On Sunday, an Israeli force entered Quneitra, searched three houses and set up a checkpoint at the village entrance for about three hours before withdrawing.", "2025-10-15");
  assert.equal(raid.length, 1);
  assert.equal(raid[0]!.event_type, "Strategic developments");
  // Suspects' "responsibility for" a bombing dated to a day tells that bombing.
  const cell = one("Investigations showed that the cell was responsible for the roadside bomb that targeted a security vehicle near Tal Shihab on 11 May, wounding two.", "2025-06-20");
  assert.ok(cell.some((p) => p.sub_event_type === "Remote explosive/landmine/IED" && p.date === "2025-05-11"));
  // An old year about the victim does not make the act history when the act has its own day.
  assert.equal(one("Unknown gunmen on a motorcycle shot dead a former opposition fighter who had joined a settlement in 2018, as he left a mosque in Tafas on Tuesday.", "2025-06-12").length, 1);
  // ... and such a killing by gunmen, with no fire returned, is violence against civilians, not a battle.
  assert.deepEqual(kinds(one("On Tuesday evening, gunmen shot dead a member of the National Guard near a roundabout in Shahba.", "2025-08-14")), ["Violence against civilians/Attack"]);
  assert.deepEqual(kinds(one("Gunmen opened fire on a checkpoint in Inkhil on Monday and the soldiers returned fire.", "2025-08-14")).map((k) => k.split("/")[0]), ["Battles"]);
  // A crowd that gathered with flags and signs is a protest, without the word.
  assert.deepEqual(kinds(one("A few hundred people gathered on Friday in the main square of Quneitra city, carrying Syrian flags and hand-written signs.", "2025-02-02")), ["Protests/Peaceful protest"]);
  // New words: a patrol that drove through villages, streets taken, sections of a fence removed, a passive killed "by drones".
  assert.equal(one("On Friday, an Israeli patrol drove through al-Rafid and Bariqa before returning west.", "2025-05-03")[0]?.event_type, "Strategic developments");
  // "enters" as a live blog writes a raid, but not time passing: "Israel's campaign in Quneitra enters its second week".
  assert.equal(one("Israel's campaign in Quneitra enters its second week, the army said on Monday.", "2025-05-03").length, 0);
  assert.deepEqual(kinds(one("On Tuesday, hundreds of people had taken to the streets in Daraa city to denounce the remarks.", "2025-02-27")), ["Protests/Peaceful protest"]);
  assert.deepEqual(kinds(one("On Wednesday, peacekeepers observed Israeli troops removing a section of the technical fence near al-Hamidiyah.", "2025-03-01")), ["Strategic developments/Looting/property destruction"]);
  assert.deepEqual(kinds(one("On Monday six Syrian soldiers were killed by drones near al-Kiswah.", "2025-08-28")), ["Explosions/Remote violence/Air/drone strike"]);
  // A drone that "killed a Hezbollah member" struck Hezbollah; the state the article names struck.
  const drone = one("Israel has struck Syria often this year. In Qusayr on Monday, a drone killed a Hezbollah member near the border crossing.", "2025-08-20");
  assert.deepEqual(drone.filter((p) => p.location === "Qusayr").map((p) => [p.actor1?.country, p.actor2?.country]), [["ISR", "LBN"]]);
  // A dated heading dates what its item tells "overnight"; a dateline with a year dates the filing, not the act "on Thursday".
  assert.deepEqual(one("Weekly summary.\n\nTuesday, April 29: Gunmen attack a checkpoint in Jaramana overnight, and clashes follow.", "2025-05-03").map((p) => p.date), ["2025-04-29"]);
  assert.deepEqual(one("DAMASCUS, Nov. 16, 2024 – Israeli missiles struck a residential building in Qudsaya on Thursday, killing 15 people.", "2024-11-16").map((p) => p.date), ["2024-11-14"]);
  // An act with no date of its own is put on the day before publication, in the week up to it.
  const undated = one("Israeli troops detained two shepherds near Kudna, residents said.", "2025-10-15");
  assert.deepEqual(undated.map((p) => [p.date, p.date_precision, p.date_start, p.date_end]), [["2025-10-14", "week", "2025-10-08", "2025-10-15"]]);
  // "the weekly Friday demonstration" names a custom, not a date.
  assert.deepEqual(one("26 January: hundreds of people gathered in Karama Square in Sweida for the weekly Friday demonstration.", "2024-02-03").map((p) => p.date), ["2024-01-26"]);
  // Places the gazetteer gained: a Syrian village across from an Israeli kibbutz, an airbase, Lebanese border villages.
  const ziwan = one("On Monday, Israeli soldiers entered Ain Ziwan and detained a man.", "2025-10-15");
  assert.deepEqual(ziwan.map((p) => [p.place_id, p.country]), [["ain-ziwan", "SYR"]]);
  assert.equal(one("Israeli jets struck the T4 airbase in central Syria on Tuesday night.", "2025-04-03")[0]?.place_id, "t4-airbase");
  assert.equal(one("An Israeli drone struck a car in Jouaiya on Monday.", "2025-10-15")[0]?.admin1, "LB-JA");
});
