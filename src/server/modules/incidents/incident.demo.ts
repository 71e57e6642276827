// Sample incidents for the demo deployment: a handful along the line in
// Quneitra, Daraa and Sweida, each with the claims the parties and the
// observer would file, one disputed, one verified, one pair of duplicates.
import type { Viewer } from "../../../core/access/distribution.ts";
import type { AppContext } from "../../context.ts";

export async function seedSampleIncidents(ctx: AppContext, who: { isr: Viewer; syr: Viewer; undof: Viewer; usa: Viewer }): Promise<void> {
  const svc = ctx.incidents;
  const day = (n: number) => new Date(ctx.clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const common = { time_precision: 1 as const, geo_precision: 1 as const, assoc_actor_1: "", assoc_actor_2: "", inter1: null, inter2: null, interaction: null, civilian_targeting: "", iso: 760, region: "Middle East", country: "Syria", admin2: "", admin3: "", source_scale: "Local partner", tags: "", acled_timestamp: null };

  // Quneitra: shelling near the area of separation, accounts differ → disputed.
  const shelling = await svc.create(who.syr, {
    ...common, event_date: day(3), event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack",
    actor1: "Military Forces of Israel (2022-)", actor2: "", admin1: "Quneitra", location: "Khan Arnabah", latitude: 33.1836, longitude: 35.8872,
    source: "Quneitra governorate liaison office", notes: "Three artillery rounds reported east of Khan Arnabah in the evening; no casualties.", fatalities: 0, distribution: "shared",
  });
  await svc.addClaim(who.syr, shelling.id, { kind: "party_account", narrative: "Three rounds fired from west of Line A landed near farmland east of Khan Arnabah.", distribution: "shared", responsible_actor: "Military Forces of Israel (2022-)", fatalities: 0 });
  await svc.addClaim(who.isr, shelling.id, { kind: "party_account", narrative: "No fire from our positions that evening; the explosions were demolition charges inside the area.", distribution: "shared", narrative_distribution: "mediator" });
  await svc.addClaim(who.undof, shelling.id, { kind: "observer_finding", narrative: "Observation post reported sounds of explosions to the east.", distribution: "shared", heard: true, saw: false, observed_count: 3, weapon: "undetermined", direction: "east", assessed_as: "impacts of indirect fire or demolitions" });
  await svc.verify(who.undof, shelling.id, "under_review", "Accounts differ on the origin of the explosions.");
  await svc.verify(who.undof, shelling.id, "disputed", "The observation post heard three explosions but could not see their origin; the parties' accounts conflict.");

  // Quneitra: an incursion seen by the observer → verified.
  const incursion = await svc.create(who.undof, {
    ...common, event_date: day(6), event_type: "Strategic developments", sub_event_type: "Headquarters or base established",
    actor1: "Military Forces of Israel (2022-)", actor2: "", admin1: "Quneitra", location: "Jubata al Khashab", latitude: 33.2261, longitude: 35.8178,
    source: "UNDOF patrol", notes: "Patrol saw an earth berm and two vehicles placed east of Line A near Jubata al Khashab.", fatalities: 0, distribution: "shared",
  });
  await svc.addClaim(who.undof, incursion.id, { kind: "observer_finding", narrative: "Patrol saw construction equipment and a new berm.", distribution: "shared", saw: true, heard: false, observed_count: 2, weapon: "none", direction: "west", assessed_as: "field fortification in violation of the area of separation" });
  await svc.addClaim(who.syr, incursion.id, { kind: "party_account", narrative: "Incursion into the area of separation; we request its removal.", distribution: "shared" });
  await svc.verify(who.undof, incursion.id, "under_review", "Patrol report received.");
  await svc.verify(who.undof, incursion.id, "corroborated", "Second patrol saw the same berm the next day.");
  await svc.verify(who.usa, incursion.id, "verified", "Imagery and two patrols agree.");

  // Daraa: an armed clash, reported twice (a duplicate pair) and by the mediator only once.
  const clashA = await svc.create(who.syr, {
    ...common, event_date: day(10), event_type: "Battles", sub_event_type: "Armed clash", actor1: "Military Forces of Syria (2024-)", actor2: "Unidentified Armed Group (Syria)",
    admin1: "Daraa", location: "Nawa", latitude: 32.887, longitude: 36.0447, source: "Daraa security committee", notes: "Exchange of fire at a checkpoint west of Nawa; two wounded.", fatalities: 0, distribution: "shared",
  });
  await svc.create(who.isr, {
    ...common, event_date: day(9), event_type: "Battles", sub_event_type: "Armed clash", actor1: "Unidentified Armed Group (Syria)", actor2: "",
    admin1: "Daraa", location: "Nawa outskirts", latitude: 32.9, longitude: 36.05, source: "Open-source monitoring", notes: "Gunfire reported near Nawa overnight.", fatalities: 0, distribution: "shared",
  });
  await svc.addClaim(who.usa, clashA.id, { kind: "mediator_note", narrative: "Raised at the last direct meeting; both sides agree it was not cross-line fire.", distribution: "shared" });

  // Sweida: a party-internal record, visible to SYR only.
  await svc.create(who.syr, {
    ...common, event_date: day(2), event_type: "Protests", sub_event_type: "Peaceful protest", actor1: "Protesters (Syria)", actor2: "",
    admin1: "As-Sweida", location: "Sweida", latitude: 32.709, longitude: 36.5695, source: "Local office", notes: "Gathering in the main square; no incidents.", fatalities: 0, distribution: "party:SYR",
  });
}
