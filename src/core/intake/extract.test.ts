// Fourth round of generalisation (issue 6): each test pins one general rule on
// sentences written for it, so that removing the rule makes the test fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { actorsFileSchema, placesFileSchema } from "../agreement/gazetteer.ts";
import placesJson from "../../../packs/israel-syria-1974/places.json" with { type: "json" };
import actorsJson from "../../../packs/israel-syria-1974/actors.json" with { type: "json" };
import { extractEvents } from "./extract.ts";
import type { ExtractContext, Proposal } from "./types.ts";

// The bundled pack gives the tests real places and actors (imported as modules: the core does no I/O).
const places = placesFileSchema.parse(placesJson).places;
const actors = actorsFileSchema.parse(actorsJson).actors;
// A stand-in for the polygons: Syria east of 35.8 E, Israel west of it.
const ctx: ExtractContext = {
  places, actors,
  locate: (lon, lat) => lat > 32 && lat < 34 && lon > 35 && lon < 37 ? (lon > 35.8 ? { country: "SYR", admin1: "SY-XX" } : { country: "ISR", admin1: "IL-Z" }) : null,
};
// The rules alone: the learned gate (gate.ts, tested there) is retrained whenever the rules change, and would blur what each rule does.
const run = (text: string, published = "2025-06-10"): Proposal[] => extractEvents({ text, published }, ctx, { gate: false });
const types = (text: string, published?: string): string[] => run(text, published).map((p) => `${p.event_type}/${p.sub_event_type}`);

test("words in another sense: 'took place', people returning, publishing, a protest lodged, 'the force' as a target, 'met resistance'", () => {
  assert.ok(!types("A sit-in took place in the town of Jasim on Friday, organisers said.").some((t) => t.includes("territory")));
  assert.deepEqual(types("By evening most of the shepherds who had crossed had returned, villagers said."), []);
  assert.deepEqual(types("The army released footage of the operation on Monday."), []);
  assert.deepEqual(types("Photos it released on Monday showed soldiers on a hill near Hadar."), []);
  assert.deepEqual(types("The mission said it had protested the violations to the Israeli army."), []);
  assert.deepEqual(types("Armed men fired on the Israeli force near Jasim on Sunday, and an exchange of fire followed."), ["Battles/Armed clash"]);
  assert.deepEqual(types("Gatherings with similar slogans were held in Shahba on Saturday.", "2025-08-18"), ["Protests/Peaceful protest"]);
  assert.ok(!types("The raid met armed resistance in Beit Jinn on Friday, residents said.").some((t) => t === "Strategic developments/Other"));
});

test("rules and expectations are not acts: 'not allowed', 'were expected to'", () => {
  assert.deepEqual(types("Heavy artillery is not allowed within ten kilometres of the line."), []);
  assert.deepEqual(types("Relief convoys were expected to reach Sweida in the coming days."), []);
});

test("counts over a span, running totals and rounds of talks are not one event; a day's raid is", () => {
  assert.deepEqual(types("The hills near Kisweh have been hit by Israeli jets several times since January."), []);
  assert.deepEqual(types("More than 200 people have been killed since the unrest began, a monitor said."), []);
  assert.deepEqual(types("At least 20 people have been killed since Sunday in clashes between Druze gunmen and Bedouin fighters in Sweida."), ["Battles/Armed clash"]);
  assert.deepEqual(types("Monitors logged 37 Israeli ground incursions in Quneitra between 1 and 15 September.", "2025-09-16"), []);
  assert.deepEqual(types("Israel carried out dozens of strikes on convoys in Sweida province throughout the day, the army said."), ["Explosions/Remote violence/Air/drone strike"]);
  assert.deepEqual(types("The two governments have held several rounds of indirect talks."), []);
});

test("a participle joined by a hyphen describes, 'during the fighting' is a time", () => {
  assert.deepEqual(types("Farmers near the UN-patrolled line said nothing had changed."), []);
  assert.deepEqual(types("During the fighting in Jaramana on Tuesday, Israeli jets struck a hill near Sahnaya."), ["Explosions/Remote violence/Air/drone strike"]);
});

test("days from the story: 'the same day' and 'the day before' reach back past quotes, 'a week later' from a coarse time, a bare sentence takes the time just named", () => {
  const same = run("Israeli bulldozers razed orchards near Hadar on Thursday. \"We lost everything,\" said one farmer. \"Nothing is left.\" Residents say the army built a position nearby last week. The same day, soldiers detained two men near Jaba.", "2025-01-18");
  assert.equal(same.find((p) => p.sub_event_type === "Arrests")?.date, "2025-01-16");
  const before = run("Thousands rallied in Sweida on Saturday. Speakers demanded the roads be reopened. Smaller crowds gathered with banners in Shahba on the same day. The day before, a counter-rally in Busra al-Harir denounced the calls.", "2025-08-18");
  assert.deepEqual(before.filter((p) => p.event_type === "Protests").map((p) => p.date), ["2025-08-16", "2025-08-16", "2025-08-15"]);
  const week = run("In late March, an Israeli advance on Kuya ended with shelling that killed six people.\n\nAbout a week later, Israeli troops clashed with local gunmen near Nawa.", "2025-08-05");
  const clash = week.find((p) => p.event_type === "Battles");
  assert.ok(clash?.date && clash.date >= "2025-03-28" && clash.date <= "2025-04-07", clash?.date ?? "no date");
  const bare = run("When the old government fell on 8 December, Israel moved within hours. Troops crossed into the buffer zone and took a hilltop near Hadar.", "2025-08-05");
  assert.ok(bare.length > 0 && bare.every((p) => p.date === "2024-12-08"), JSON.stringify(bare.map((p) => p.date)));
});

test("one event told in several sentences is one proposal", () => {
  const coref = run("Israeli drones struck army vehicles near Kisweh on Wednesday. Hours earlier, Israeli jets had hit tanks near Sweida. The defence minister, announcing the strikes on Kisweh, said more would come.", "2025-07-17");
  assert.equal(coref.length, 2);
  assert.equal(run("The Syrian foreign minister met Israeli officials in Paris on Tuesday. Both meetings, diplomats said, dealt with the south.", "2025-08-20").length, 1);
  assert.deepEqual(types("Gunmen from both sides traded machine-gun and mortar fire in Sweida on Sunday night.", "2025-07-14"), ["Battles/Armed clash"]);
  const rally = run("Hundreds rallied in Shahba on Saturday. Some demonstrators carried pictures of men killed in July.", "2025-08-18");
  assert.deepEqual(rally.map((p) => [p.sub_event_type, p.date]), [["Peaceful protest", "2025-08-16"]]);
  const protest = run("Villagers marched to the square of Maariya on Friday to demand that the troops leave. Soldiers fired on the protest in Maariya, wounding a young man.", "2024-12-21");
  assert.deepEqual(protest.map((p) => p.sub_event_type), ["Excessive force against protesters"]);
  assert.deepEqual(types("At least nine people were killed in Nawa on Friday after an Israeli raid met resistance. Gunmen fought the troops for hours in the lanes of Nawa, residents said.", "2025-04-05"), ["Battles/Armed clash"]);
  assert.deepEqual(types("An Israeli force advanced on Kuya on Tuesday morning. Local men fired on the force near Kuya and an exchange of fire followed.", "2025-03-26"), ["Battles/Armed clash"]);
  assert.deepEqual(types("Israeli soldiers detained three shepherds near Rafid on Sunday. Two of them were released at midday.", "2025-10-13"), ["Strategic developments/Arrests"]);
  const lead = run("Protesters took to the streets in several towns of southern Syria on Tuesday. In Khan Arnabah, hundreds gathered in the main square chanting slogans. In Sweida, dozens rallied in al-Karama Square on Tuesday.", "2025-02-26");
  assert.equal(lead.length, 2, JSON.stringify(lead.map((p) => p.location)));
});

test("where: a clause describing a place is not the place, a log's heading names the governorate then the town", () => {
  const [clash] = run("Troops clashed with gunmen in the lanes of Beit Jinn, which sits on the slopes of Mount Hermon, on Friday.", "2025-11-29");
  assert.equal(clash?.location, "Beit Jinn");
  const log = run("- Daraa, Tafas: Unknown gunmen shot dead a young man in the eastern neighbourhood.", "2025-10-13");
  assert.deepEqual(log.map((p) => p.location), ["Tafas"]);
});

test("who: a force named by a common noun is the state force the story is about; a release the same day ends the arrest", () => {
  const [fight] = run("Israeli troops raided Beit Jinn before dawn on Friday. Gunmen opened fire on the force in the lanes of the village, and a firefight followed.", "2025-11-29");
  assert.deepEqual([fight?.actor1?.country, fight?.actor2?.country].sort(), ["ISR", "SYR"]);
  const arrest = run("Israeli forces pushed into Kudna on Monday. On Tuesday, troops entered Jaba and detained two men whose families said they had no links to any armed group.", "2025-11-20").find((p) => p.sub_event_type === "Arrests");
  assert.equal(arrest?.actor1?.country, "ISR");
  const released = run("Israeli soldiers detained two men near Hader on Thursday. Relatives said the two were questioned and released before nightfall.", "2025-01-18");
  assert.deepEqual(released.map((p) => p.sub_event_type), ["Arrests"]);
});

test("a definite mention finds its event at the same place further back; the subject noun names the force; 'an attack by X on Y' hits Y", () => {
  const coref = run("Israeli jets struck the army headquarters in Damascus on Wednesday. The health ministry said three people were wounded. Earlier, drones had struck tanks near Sweida. On Monday, Israel had hit a convoy near Izraa. The defence minister, announcing the strikes on Damascus, said more would come.", "2025-07-17");
  assert.equal(coref.filter((p) => p.location === "Damascus").length, 1);
  const lanes = run("Israeli troops raided Beit Jinn on Friday. Gunmen fired on the force in the narrow lanes of the village, which sits on the slopes of Mount Hermon.", "2025-11-29");
  assert.deepEqual(lanes.map((p) => p.location), ["Beit Jinn"]);
  const [taken] = run("When the old government fell on 8 December, Israel moved within hours. Troops crossed into the zone that UN peacekeepers had patrolled for decades and took a hilltop near Hadar.", "2025-08-05");
  assert.equal(taken?.actor1?.country, "ISR");
  const said = run("Israeli troops stormed Beit Jinn before dawn on Friday to detain suspects. The army said all of the suspects it had come for were detained.", "2025-11-29");
  assert.ok(said.every((p) => p.actor1?.country === "ISR"), JSON.stringify(said.map((p) => p.actor1?.name)));
  assert.deepEqual(types("An attack by gunmen on Druze residents of Sahnaya killed two people on Wednesday.", "2025-05-01"), ["Violence against civilians/Attack"]);
});

test("more senses: 'struck deals', 'a similar gathering', an intervention in the fighting, what was resisted", () => {
  assert.ok(!types("Local commanders in Daraa struck settlement deals with the government on Monday, while Israeli drones flew overhead.", "2025-04-16").some((t) => t.includes("strike")));
  assert.equal(types("Hundreds protested in Khan Arnabah on Tuesday. A similar gathering took place in Nawa.", "2025-02-26").filter((t) => t.startsWith("Protests")).length, 2);
  assert.deepEqual(types("Israel's intervention in the fighting in Sweida drew criticism on Wednesday.", "2025-07-17"), []);
  assert.deepEqual(types("The brigade had long resisted integration into the army.", "2025-04-14"), []);
});

test("nobody behind it: a development with no actor is not proposed; a truce with no sides named takes the sides of the fighting told", () => {
  assert.deepEqual(types("Talks with Damascus were under way to restore order, local leaders said.", "2025-07-24"), []);
  assert.deepEqual(types("Mobile clinics have been deployed to the western countryside of Sweida on Monday.", "2025-07-24"), []);
  const truce = run("The ceasefire announced on 19 July in Sweida is largely holding. Clashes between Druze gunmen and Bedouin fighters in Sweida between 13 and 19 July killed hundreds of people.", "2025-07-24").find((p) => p.sub_event_type === "Agreement");
  assert.deepEqual([truce?.actor1?.country, truce?.actor2?.country], ["SYR", "SYR"]);
});

test("backdrops and references of any kind; one truce told twice; a capital's protest; troops visited; 'the brigade'; the victims already told", () => {
  assert.ok(!types("Israeli jets struck a depot near Kisweh on Monday, despite the ceasefire that came into force in November.", "2025-02-04").some((t) => t.endsWith("Agreement")));
  assert.equal(run("Lebanon and Syria agreed a ceasefire late on Monday. After a phone call, the two defence ministries announced a ceasefire and said they would coordinate.", "2025-03-18").filter((p) => p.sub_event_type === "Agreement").length, 1);
  assert.deepEqual(types("Israeli minister visits troops in the buffer zone; Damascus protests", "2025-11-20"), []);
  assert.deepEqual(run("Netanyahu visited Israeli troops deployed inside the buffer zone on Wednesday.", "2025-11-20").map((p) => p.evidence[0]?.trigger?.text), ["visited"]);
  const deal = run("The Eighth Brigade clashed with General Security in Busra al-Sham on Thursday. Under a deal reached on Saturday, the brigade agreed to hand over its heavy weapons to government forces.", "2025-04-14").find((p) => p.sub_event_type === "Agreement");
  assert.ok(deal?.actor1?.id === "eighth-brigade" || deal?.actor2?.id === "eighth-brigade", JSON.stringify([deal?.actor1?.id, deal?.actor2?.id]));
  const toll = run("Israeli drone strikes killed six Syrian soldiers south of Damascus on Tuesday. The soldiers were killed as they inspected equipment at a former army position near Kisweh.", "2025-08-28");
  assert.deepEqual(toll.map((p) => p.sub_event_type), ["Air/drone strike"]);
});

test("target lists: a village the gazetteer lacks is listed with its area, ', outside X' describes it, ', Damascus' is its address", () => {
  const list = run("Israeli jets struck an army depot near Izraa on Monday and a radar site around Tell Marj, outside Nawa.", "2025-06-10");
  assert.deepEqual(list.map((p) => p.location).sort(), ["Izraa", "Tell Marj"]);
  const address = run("Hours earlier, Israeli jets struck Hama military airport, as well as the T4 airbase in the Homs desert, and a research site in Barzeh, Damascus.", "2025-06-10");
  const barzeh = address.find((p) => p.location === "Barzeh");
  assert.ok(barzeh && barzeh.admin1 !== "SY-HI", JSON.stringify(address.map((p) => [p.location, p.admin1])));
});

test("first contact with fresh reports: a crossing that ends in a pull-back, what suspects are held for, a claim against a denial, asides, old years, mines, tallies", () => {
  assert.deepEqual(types("Meanwhile, an Israeli patrol crossed the ceasefire line near Hader on Sunday morning and withdrew after an hour, the council said.", "2025-06-30"), ["Strategic developments/Other"]);
  const raid = run("Israeli troops raided Jaba before dawn on Monday and searched several houses. Soldiers questioned residents for hours before withdrawing to their positions on the hills.", "2025-06-10");
  assert.deepEqual(raid.map((p) => p.evidence.length), [2]);
  const held = run("Security forces detained two men at a checkpoint in Kanaker on Saturday on suspicion of belonging to a cell that fired rockets at the Golan Heights last week.", "2025-06-29");
  assert.deepEqual(held.map((p) => [p.sub_event_type, p.location, p.date]), [["Arrests", "Kanaker", "2025-06-28"]]);
  assert.deepEqual(types("The ministry denied on Thursday that its forces had clashed with Israeli troops near Jamla. The denial came after online accounts claimed that Syrian soldiers had exchanged fire with an Israeli unit near Jamla on Wednesday night.", "2025-01-09"), []);
  const aside = run("Last week, two fighters of the National Guard, the Druze force formed in August, were killed when their vehicle hit a landmine near Walgha, the group said on Saturday.", "2025-10-20");
  assert.deepEqual(aside.map((p) => p.sub_event_type), ["Remote explosive/landmine/IED"]);
  assert.ok(aside[0]!.date! >= "2025-10-13", aside[0]!.date!);
  assert.deepEqual(types("Its troops act close to the Golan Heights, which Israel captured from Syria in 1967, the army says.", "2025-05-14"), []);
  assert.deepEqual(types("The office documented the demolition of 11 homes in Quneitra and the detention of dozens of residents since the beginning of the year.", "2025-03-20"), []);
});

test("second fresh batch: a shell, a munition a drone dropped, livestock taken and given back", () => {
  assert.deepEqual(types("A shell fired from positions held by tribal fighters landed in the village of Walgha on Sunday, damaging a house.", "2025-08-11"), ["Explosions/Remote violence/Shelling/artillery/missile attack"]);
  assert.deepEqual(types("On Thursday, an Israeli drone dropped a stun grenade near shepherds east of al-Rafid, scattering their flock.", "2025-12-01"), ["Explosions/Remote violence/Air/drone strike"]);
  assert.deepEqual(types("On Saturday, soldiers confiscated about 40 sheep from a herder near Kudna and released them only after the peacekeepers intervened.", "2025-12-01"), ["Strategic developments/Looting/property destruction"]);
});

test("tolls told without a plain number: one victim named by a noun, a count across an aside or an article", () => {
  const [shot] = run("On Monday night, gunmen on a motorcycle opened fire on a car at the entrance of Dael, killing its driver, a former fighter.", "2025-09-03");
  assert.equal(shot?.fatalities, 1);
  const [mine] = run("Two fighters of the National Guard, the Druze force formed in August, were killed on Friday when their vehicle hit a landmine near Walgha.", "2025-10-20");
  assert.equal(mine?.fatalities, 2);
  const [uncle] = run("On Thursday, a boy was wounded by an Israeli drone strike on a motorcycle near Jubata al-Khashab; the driver, his uncle, was killed.", "2025-09-08");
  assert.equal(uncle?.fatalities, 1);
  const [faction] = run("Two members of a local armed faction were killed on Sunday in clashes with General Security forces in al-Sanamayn.", "2025-05-05");
  assert.equal(faction?.fatalities, 2);
});

test("third fresh batch: robbery with violence, a funeral's victim, a group named as a qualifier, 'The strike came a day after …', 'during fighting', belongings taken at an arrest, detentions 'in recent months'", () => {
  assert.deepEqual(types("Gunmen stormed a pharmacy in Sweida on Monday and stole cash and medicines; the owner was beaten.", "2025-10-07"), ["Violence against civilians/Attack"]);
  const funeral = run("18:20 Hundreds of people marched in Shahba in a funeral procession for a young man killed in Walgha last week, chanting slogans.", "2025-10-06").find((p) => p.event_type === "Protests");
  assert.equal(funeral?.date, "2025-10-06");
  const [cell] = run("Israeli aircraft struck a car near Jasim on Monday evening, killing two men whom Israel described as members of a Hamas-affiliated cell.", "2025-04-22");
  assert.ok(cell && cell.actor2?.country !== "PSE" && cell.actor1?.country !== "PSE");
  const after = run("Israeli aircraft struck a car near Jasim on Monday evening. Local sources said the men had no known affiliation. Their families buried them on Tuesday. Relatives spoke of shock. The strike came a day after Israeli troops arrested a man in the town of Tasil.", "2025-04-22");
  assert.deepEqual(after.map((p) => [p.sub_event_type, p.date]), [["Air/drone strike", "2025-04-21"], ["Arrests", "2025-04-20"]]);
  assert.deepEqual(types("Israel struck the army headquarters in Damascus on 16 July during fighting in Sweida.", "2025-12-08"), ["Explosions/Remote violence/Air/drone strike"]);
  assert.deepEqual(types("Israeli forces detained two shepherds in Hader on Tuesday and confiscated their mobile phones.", "2025-07-02"), ["Strategic developments/Arrests"]);
  assert.deepEqual(types("Several farmers in the Quneitra countryside have been detained for questioning in recent months.", "2025-05-20"), []);
});

test("a timeline's present tense toll, fire exchanged with a weapon named, and the day of the act rather than of what it is suspected of", () => {
  assert.deepEqual(types("11:00 Members of the National Guard and tribal fighters exchanged machine-gun fire near Walgha for about an hour.", "2025-10-06"), ["Battles/Armed clash"]);
  const [timeline] = run("- 26 August 2025: Israeli drone strikes kill six Syrian soldiers near al-Kiswah.", "2025-12-08");
  assert.equal(timeline?.fatalities, 6);
  const held = run("Residents of Kanaker blocked the road with burning tyres on Saturday evening. The men were detained at a checkpoint at the entrance of the town on suspicion of belonging to a cell that fired rockets at the Golan Heights last week. The protest ended after local notables met the security chief in Qatana.", "2025-06-29");
  assert.equal(held.find((p) => p.sub_event_type === "Arrests")?.location, "Kanaker");
  assert.ok(held.length > 1 && held.every((p) => p.date === "2025-06-28"), JSON.stringify(held.map((p) => p.date)));
});

test("fourth fresh batch: a deadline is no date, repeated confrontations since, 'is striking', a sentence dated only by old years, counts over the week, a detainee's day under a demand", () => {
  const truce = run("Gunmen and General Security forces clashed in al-Sanamayn on Sunday. In the evening, local elders brokered a truce under which the faction agreed to hand over the wanted man within 48 hours.", "2025-05-05").find((p) => p.sub_event_type === "Agreement");
  assert.equal(truce?.date, "2025-05-04");
  assert.deepEqual(types("Al-Sanamayn has seen repeated confrontations between former rebel groups and the authorities since the fall of the old government.", "2025-05-05"), []);
  assert.deepEqual(types("The IDF is striking several tanks that were moving towards the city of Sweida, the military said on Monday.", "2025-07-15"), ["Explosions/Remote violence/Air/drone strike"]);
  assert.deepEqual(types("Syrian troops withdrew from parts of the area during the civil war, when rebel groups fought there, and the peacekeepers moved to the other side in 2014.", "2025-04-30"), []);
  assert.deepEqual(types("Israeli forces carried out 14 incursions into villages in the province during the week, most of them brief.", "2025-09-08"), []);
  assert.ok(types("The protesters were demanding the release of a young man detained by General Security on Saturday at a checkpoint near Jaramana.", "2025-03-03").includes("Strategic developments/Arrests"));
});

test("fifth fresh batch: a truce named as broken, a victim hit by a stray bullet, a place a clause describes as once held, a passive restriction, 'detonated near their home', 'The strikes were the first …'", () => {
  assert.deepEqual(types("Fighting flared on Tuesday between Druze gunmen and Bedouin tribesmen west of Sweida, breaking a fragile truce that had held for three weeks.", "2025-08-06"), ["Battles/Armed clash"]);
  assert.ok(!types("At least four people were killed on Tuesday in clashes near Sweida, including a woman hit by a stray bullet in the village of Tha'la.", "2025-08-06").some((t) => t.includes("Air/drone")));
  assert.deepEqual(types("Israeli troops withdrew on Tuesday from a position they had occupied for three weeks on a hill near Kudna, residents said.", "2025-03-12"), ["Strategic developments/Non-violent transfer of territory"]);
  assert.ok(types("Israeli forces kept checkpoints near the area of separation. On 9 February, a water truck contracted by an NGO was prevented from reaching the village of al-Hamidiyah.", "2025-02-12").includes("Strategic developments/Other"));
  assert.deepEqual(types("Two children were injured on 10 February when an unexploded shell detonated near their home in Nawa.", "2025-02-12"), ["Explosions/Remote violence/Remote explosive/landmine/IED"]);
  assert.equal(run("Israeli warplanes struck an air defence site near Latakia overnight, state television said on Wednesday. The strikes were the first on Syria's coast since July.", "2025-09-10").length, 1);
});

test("sixth fresh batch: a group of a kind takes the nationality written with it, launched rockets stay an act beside the reply, a reduced passive names its victim, clauses between semicolons with days of their own, an interception is the strike's", () => {
  const [clash] = run("Syrian government forces and gunmen from Lebanese clans exchanged artillery and machine-gun fire across the border near Qusayr on Friday.", "2025-02-08");
  assert.deepEqual([clash?.actor1?.country, clash?.actor2?.country].sort(), ["LBN", "SYR"]);
  assert.equal(run("The IDF said on Thursday that its forces had struck a weapons store near Kanaker overnight, in response to the launch of two rockets towards the Golan Heights on Tuesday.", "2025-06-05").length, 2);
  assert.deepEqual(types("On Saturday a dispute at a checkpoint in Busra al-Sham ended with a General Security officer shot and wounded by a member of a local faction.", "2025-04-16"), ["Battles/Armed clash"]);
  const wave = run("On Sunday, unknown gunmen shot dead a teacher in Tafas as he left his school; and late on Tuesday, two brothers were shot dead at their farm outside Inkhil.", "2025-10-22");
  assert.deepEqual(wave.map((p) => p.date).sort(), ["2025-10-19", "2025-10-21"]);
  assert.equal(run("Israeli warplanes struck an air defence site near Latakia overnight, state television said on Wednesday, adding that air defences had intercepted some of the missiles.", "2025-09-10").length, 1);
});

test("seventh fresh batch: one soldier of a force named in the plural, 'It was the second strike …', a regime named as a time is no side, a crowd 'in support of'", () => {
  const [blast] = run("An Israeli soldier was seriously wounded on Wednesday when an explosive device went off near an army patrol close to Quneitra.", "2025-10-09");
  assert.ok(blast?.actor1?.country === "ISR" || blast?.actor2?.country === "ISR", JSON.stringify([blast?.actor1, blast?.actor2]));
  assert.equal(run("An air strike hit a building south of Damascus late on Friday, killing three people. It was the second strike in the area this month.", "2025-01-25").length, 1);
  const [drone] = run("Residents said the building had housed fighters before the fall of the Assad government. On 11 January, a drone struck a car near Kisweh, killing two men.", "2025-01-25");
  assert.notEqual(drone?.actor1?.id, "assad-forces");
  assert.deepEqual(types("In the town of al-Qurayya, a smaller crowd gathered on Sunday in support of the government.", "2025-09-29"), ["Protests/Peaceful protest"]);
});

test("eighth fresh batch: a patrol that drove into a town, an act long after 'days after', shots fired at a patrol hit an armed side", () => {
  assert.deepEqual(types("An Israeli patrol of four armoured vehicles drove into the centre of Quneitra city on Saturday morning and stayed for an hour before pulling back.", "2025-04-06"), ["Strategic developments/Other"]);
  const clash = run("Jordan and Syria agreed on Wednesday in Amman to set up a joint border committee. The meeting came days after Jordanian border guards killed three smugglers in a clash near the border, the army said.", "2025-02-26").find((p) => p.event_type === "Battles");
  assert.ok(clash?.date && clash.date < "2025-02-26", clash?.date ?? "no clash");
  assert.ok(types("Israeli forces shelled the outskirts of Jamla on Saturday after shots were fired at one of their patrols.", "2025-03-30").every((t) => !t.startsWith("Violence against civilians")));
});

test("ninth fresh batch: items a speaker cites, a tally line of none", () => {
  assert.deepEqual(types("Briefing the Security Council on Thursday, the envoy said the south remained volatile, citing continued incursions, the killing of civilians in Sweida in July and the displacement of thousands.", "2025-08-29"), []);
  assert.deepEqual(types("Casualty report, Sweida, 14 October: Arrests: none reported.", "2025-10-15"), []);
});

test("tenth fresh batch: a weapons depot blown up, an act named as the start of a span, explosions heard beside an act, a release a protest demands, a sit-in that entered its third day", () => {
  assert.deepEqual(types("Israeli troops blew up a former Syrian army ammunition depot near Jaba on Sunday, residents said.", "2025-12-15"), ["Strategic developments/Disrupted weapons use"]);
  assert.deepEqual(types("Israeli forces have destroyed many depots since they moved into the buffer zone a year ago, a monitor said.", "2025-12-15").filter((t) => t === "Strategic developments/Other"), []);
  assert.equal(run("The Syrian Ministry of Defence said on Tuesday that its air defence units had shot down two drones over Qatana. Residents of Qatana reported hearing two explosions in the early evening.", "2025-04-09").length, 1);
  assert.deepEqual(types("In Sweida, a sit-in outside the governorate building entered its third day on Friday, with protesters demanding the release of detainees.", "2025-02-01"), ["Protests/Peaceful protest"]);
});

test("eleventh fresh batch: a crowd's own violence is a riot, an exchange of detainees is a release", () => {
  const riot = run("Protesters stormed the governorate building in Sweida on Monday and set fire to the ground floor after a rally against the government turned violent.", "2025-08-12");
  assert.deepEqual(riot.map((p) => `${p.event_type}/${p.sub_event_type}`), ["Riots/Violent demonstration"]);
  assert.equal(riot[0]?.actor1?.name, "Rioters");
  assert.deepEqual(types("Syria and Israel carried out their first exchange of detainees on Tuesday at the Quneitra crossing, officials said.", "2025-11-26"), ["Strategic developments/Other"]);
});

test("a victim 'shot dead' with no number is one", () => {
  const [shot] = run("Israeli troops shot dead a man who approached the fence near Hader on Monday, the army said.", "2025-06-24");
  assert.equal(shot?.fatalities, 1);
});

test("twelfth fresh batch: a country's kit stands for its military, the speaker's jets, a tally with an active perfect since, a capital named as a suburb's qualifier, 'ahead of talks'", () => {
  const [kit] = run("07:10 - Two Israeli Humvees and a tank entered Ain al-Tineh on Tuesday and stopped near the mosque for 40 minutes.", "2025-02-19");
  assert.equal(kit?.actor1?.country, "ISR");
  const [jets] = run("The Israel Defense Forces said on Wednesday that fighter jets had struck military infrastructure belonging to the former Syrian regime near Tartus overnight.", "2025-05-29");
  assert.equal(jets?.actor1?.country, "ISR");
  assert.deepEqual(types("Farmers in Kuya say Israeli troops have uprooted more than 300 olive trees since the start of November.", "2025-12-03"), []);
  const [cell] = run("The interior ministry said on Tuesday it had arrested three members of a cell in the Damascus suburb of Jaramana.", "2025-07-23");
  assert.equal(cell?.location, "Jaramana");
  assert.ok(!types("Israeli troops on Monday withdrew from two positions near Jamla, in what Syrian officials described as a goodwill gesture ahead of talks.", "2025-01-14").includes("Strategic developments/Other"));
});

test("resolution near-misses, places: a road named by its two towns with any dash, 'this town' after a dateline, 'the same site' a paragraph on", () => {
  const [road] = run("Masked men seized two drivers on the Daraa–Sweida road near the village of Umm Walad on Monday, relatives said.", "2025-06-10");
  assert.equal(road?.location, "Umm Walad");
  const [here] = run("JASIM, Syria, June 9 — Two boys were wounded when an old shell went off in a field in this farming town on Sunday evening.", "2025-06-09");
  assert.equal(here?.location, "Jasim");
  const same = run([
    "Israeli jets struck a radar post on a hill near Kisweh on Monday, the defence ministry said.",
    "Two soldiers were wounded. The ministry called for an inquiry. Residents kept their children at home.",
    "State television showed the damage.",
    "On Tuesday, Israeli troops landed by helicopter at the same site and searched it for two hours.",
  ].join("\n\n"), "2025-06-10");
  assert.equal(same.find((p) => p.date === "2025-06-10" && p.event_type === "Strategic developments")?.location, "Kisweh");
});

test("resolution near-misses, actors: 'the road between' two countries names no sides; a pair told before another subject is not its act's", () => {
  const [cut] = run("An Israeli drone strike on Tuesday hit a lorry on the road between Lebanon and Syria near the Jdeidat Yabous crossing.", "2025-06-11");
  assert.equal(cut?.actor1?.country, "ISR");
  assert.ok(cut?.actor2?.country !== "LBN");
  const jets = run("After clashes broke out between Druze fighters and Bedouin gunmen, Israel struck government tanks near Sweida on Tuesday.", "2025-07-16");
  assert.equal(jets.find((p) => p.sub_event_type === "Air/drone strike")?.actor1?.country, "ISR");
});

test("resolution near-misses, types: tanks as the shooter make shelling; 'calling the attack' a crime is no second event; where a mine came from is no battle", () => {
  assert.deepEqual(types("Israeli tanks fired at a Syrian observation post near Jamla on Friday, the army said.", "2025-06-14"), ["Explosions/Remote violence/Shelling/artillery/missile attack"]);
  assert.deepEqual(types("Israeli strikes near Kisweh killed four Syrian soldiers on Monday, the foreign ministry said, calling the attack a grave breach of the country's sovereignty.", "2025-06-10"), ["Explosions/Remote violence/Air/drone strike"]);
  const mine = run("A shepherd was wounded west of Tasil on Monday when a mine left over from earlier fighting went off under his feet.", "2025-06-10");
  assert.deepEqual(mine.map((p) => `${p.event_type}/${p.sub_event_type}`), ["Explosions/Remote violence/Remote explosive/landmine/IED"]);
  assert.equal(mine[0]?.flags.background, false);
  assert.equal(mine[0]?.date, "2025-06-09");
});

test("resolution near-misses, dates: the day of the crime someone is wanted for does not date the arrest", () => {
  const [arrest] = run("Police in Nawa arrested two men wanted for the murder of a teacher last month, the governor's office said.", "2025-06-10");
  assert.equal(arrest?.sub_event_type, "Arrests");
  assert.ok((arrest?.date ?? "") >= "2025-06-01", `date ${arrest?.date}`);
});

test("resolution near-misses, actors: whoever responds did not fire what it responds to", () => {
  const out = run("Israeli jets struck two army positions near Tasil on Monday in response to the firing of mortar rounds at the Golan Heights.", "2025-06-10");
  const mortars = out.find((p) => p.sub_event_type === "Shelling/artillery/missile attack");
  assert.ok(mortars, "the mortar fire is an event of its own");
  assert.notEqual(mortars.actor1?.country, "ISR");
  assert.equal(out.find((p) => p.sub_event_type === "Air/drone strike")?.actor1?.country, "ISR");
});

test("a retelling: the same act at the same place by the same sides, told again further down, is one event unless marked as another", () => {
  const between = "Farmers were kept away from the fields. The town has been calm for months. Schools stayed open. Shops closed early.";
  const told = `Israeli jets struck an army depot near Jasim on Tuesday, residents said. ${between} State media said Israeli warplanes had hit army positions near Jasim.`;
  assert.deepEqual(types(told), ["Explosions/Remote violence/Air/drone strike"]);
  assert.equal(run(told)[0]!.evidence.length, 2);
  const again = `Israeli jets struck an army depot near Jasim on Tuesday, residents said. ${between} State media said Israeli warplanes had hit army positions near Jasim again.`;
  assert.equal(types(again).length, 2);
});

test("resolution near-misses, dates: a sentence with no day of its own, set 'at the same spot' as the scene just told, is on that scene's day", () => {
  const text = "An Israeli drone struck a car near Kudna on Tuesday, killing its driver. A day earlier, on Monday, Israeli soldiers crossed the fence and seized a shepherd near Kudna, residents said. At the same spot, an Israeli bulldozer dug an earth berm, according to the mayor.";
  const berm = run(text, "2025-06-11").find((p) => p.evidence.some((e) => e.text.startsWith("At the same spot")));
  assert.equal(berm?.date, "2025-06-09");
});

test("resolution near-misses, dates: 'the strikes came twelve days after …' counts back any number of days written as a word", () => {
  const text = "Air strikes killed ten people in two villages in Sweida province before dawn on Thursday, local activists said. The strikes came twelve days after Jordanian troops fought a gun battle with smugglers along the border.";
  const battle = run(text, "2024-01-19").find((p) => p.event_type === "Battles");
  assert.equal(battle?.date, "2024-01-06");
});

test("second proposals: what a protest demands ('banners demanding the withdrawal of the occupation forces') is no development of its own", () => {
  const text = "On Saturday, dozens of residents of Jasim gathered in front of the town council, carrying Syrian flags and banners demanding the withdrawal of the occupation forces from the area and the return of the land.";
  assert.deepEqual(types(text), ["Protests/Peaceful protest"]);
});

test("a dateline in title case dates the filing, and the day something was said loses to the day it happened", () => {
  // 23 January 2025 was a Thursday; "on Tuesday" is the 21st.
  const [razed] = run("Quneitra, 23 January 2025 - Israeli army bulldozers demolished three houses on the edge of Hadar on Tuesday, residents said.", "2025-01-23");
  assert.equal(razed?.date, "2025-01-21");
  const [plain] = run("Daraa - Israeli army bulldozers demolished three houses on the edge of Hadar on Tuesday, residents said.", "2025-01-23");
  assert.equal(plain?.date, "2025-01-21");
  // 28 June 2025 was a Saturday; the arrests were on Thursday the 26th.
  const [held] = run("The interior ministry said on Saturday that its forces had arrested three men in Jasim on Thursday.", "2025-06-28");
  assert.equal(held?.date, "2025-06-26");
  // Told only by the day of the statement, the act takes that day.
  const [only] = run("The interior ministry said on Saturday that its forces had arrested three men in Jasim.", "2025-06-28");
  assert.equal(only?.date, "2025-06-28");
});
