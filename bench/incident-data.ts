// Deterministic ACLED-style rows in the pack's region for the import and
// query benchmarks: places along the line from Hermon to Sweida, the actors
// seen there, ACLED's type mix, and 0.1% deliberately bad rows.
import { createWriteStream } from "node:fs";
import { ACLED_2023_COLUMNS } from "../src/core/incidents/acled.ts";
import { csvLine } from "../src/core/incidents/csv.ts";

export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PLACES: Array<[string, string, number, number]> = [
  ["Quneitra", "Quneitra", 33.1259, 35.8244], ["Khan Arnabah", "Quneitra", 33.1836, 35.8872], ["Jubata al Khashab", "Quneitra", 33.2261, 35.8178],
  ["Hadar", "Quneitra", 33.2667, 35.8667], ["Beit Jinn", "Rif Dimashq", 33.3089, 35.8764], ["Mazraat Beit Jinn", "Rif Dimashq", 33.2954, 35.8512],
  ["Al Rafid", "Quneitra", 32.9585, 35.8941], ["Ain Zivan", "Golan", 33.0976, 35.7932], ["Majdal Shams", "Golan", 33.2683, 35.7700],
  ["Masada", "Golan", 33.2330, 35.7550], ["Katzrin", "Golan", 32.9928, 35.6918], ["Nawa", "Daraa", 32.8870, 36.0447],
  ["Jasim", "Daraa", 32.9925, 36.0600], ["Tasil", "Daraa", 32.8335, 35.9707], ["Daraa", "Daraa", 32.6189, 36.1021],
  ["Sanamayn", "Daraa", 33.0711, 36.1843], ["Sweida", "As-Sweida", 32.7090, 36.5695], ["Shahba", "As-Sweida", 32.8540, 36.6290],
  ["Salkhad", "As-Sweida", 32.4920, 36.7110], ["Kanaker", "Rif Dimashq", 33.2650, 36.0950],
];
export const ACTORS = [
  "Military Forces of Israel (2022-)", "Military Forces of Syria (2024-)", "Unidentified Armed Group (Syria)", "Police Forces of Syria (2024-)",
  "Hezbollah", "Civilians (Syria)", "Protesters (Syria)", "Druze Ethnic Militia (Syria)", "Bedouin Ethnic Militia (Syria)", "UNDOF: United Nations Disengagement Observer Force",
  "Islamic State (Syria)", "Rioters (Syria)", "Men of Dignity", "Southern Operations Room",
];
const TYPES: Array<[string, string, number]> = [
  ["Explosions/Remote violence", "Shelling/artillery/missile attack", 22], ["Explosions/Remote violence", "Air/drone strike", 14],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED", 4], ["Battles", "Armed clash", 18], ["Strategic developments", "Headquarters or base established", 4],
  ["Strategic developments", "Arrests", 5], ["Strategic developments", "Looting/property destruction", 4], ["Strategic developments", "Other", 2],
  ["Protests", "Peaceful protest", 9], ["Violence against civilians", "Attack", 8], ["Violence against civilians", "Abduction/forced disappearance", 3],
  ["Riots", "Mob violence", 3], ["Riots", "Violent demonstration", 2], ["Battles", "Government regains territory", 2],
];
const SOURCES = ["SOHR", "Syria Direct", "Suwayda 24", "Enab Baladi", "Times of Israel", "SANA", "Horan Free League", "Ynet News"];
const totalWeight = TYPES.reduce((s, t) => s + t[2], 0);

export const START = Date.UTC(2016, 0, 1);
export const END = Date.UTC(2026, 10, 28);

/** Writes `n` rows; returns the number of bad ones written. */
export async function writeAcledCsv(file: string, n: number, seed = 1974): Promise<{ bad: number }> {
  const rand = rng(seed);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write(csvLine(ACLED_2023_COLUMNS));
  const span = END - START;
  let bad = 0;
  let buf = "";
  for (let i = 0; i < n; i++) {
    const day = new Date(START + Math.floor((i / n) * span + rand() * 86_400_000));
    const date = day.toISOString().slice(0, 10);
    let w = rand() * totalWeight;
    let type = TYPES[0]!;
    for (const t of TYPES) { if ((w -= t[2]) <= 0) { type = t; break; } }
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    const a1 = ACTORS[Math.floor(rand() * rand() * ACTORS.length)]!;
    const a2 = rand() < 0.6 ? ACTORS[Math.floor(rand() * ACTORS.length)]! : "";
    const lat = +(place[2] + (rand() - 0.5) * 0.06).toFixed(4);
    const lon = +(place[3] + (rand() - 0.5) * 0.06).toFixed(4);
    const fat = rand() < 0.8 ? 0 : Math.floor(rand() * 6);
    const src = SOURCES[Math.floor(rand() * SOURCES.length)]!;
    const notes = `On ${date}, ${a1} ${type[1].toLowerCase()} reported near ${place[0]} (${place[1]}).${a2 ? ` ${a2} involved.` : ""} ${fat ? `${fat} reported killed.` : "No casualties reported."} Ref ${i.toString(36)}.`;
    const row: Array<string | number> = [
      `SYR${i + 1}`, date, day.getUTCFullYear(), rand() < 0.9 ? 1 : 2, type[0] === "Protests" || type[0] === "Riots" ? "Demonstrations" : type[0] === "Strategic developments" ? "Strategic developments" : "Political violence",
      type[0], type[1], a1, "", a1.startsWith("Military") ? 1 : 2, a2, "", a2 ? 1 : 0, a2 ? 12 : 10, type[1] === "Attack" ? "Civilian targeting" : "",
      760, "Middle East", "Syria", place[1], place[1], "", place[0], lat, lon, rand() < 0.85 ? 1 : rand() < 0.5 ? 2 : 3,
      src, "National", notes, fat, "", Math.floor(day.getTime() / 1000) + 86_400 * 7,
    ];
    if (i % 1000 === 999) {
      bad++;
      const k = (i / 1000) % 4 | 0;
      if (k === 0) row[1] = "31-02-2024";
      else if (k === 1) row[22] = 123.4;
      else if (k === 2) row[5] = "Skirmish";
      else row[28] = "many";
    }
    buf += csvLine(row);
    if (buf.length > 1 << 20) { await write(buf); buf = ""; }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return { bad };
}
