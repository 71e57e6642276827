// Sample articles for the demo deployment, written for the project (not
// copied from any outlet), so the review queue has something to show.
import type { Viewer } from "../../../core/access/distribution.ts";
import type { AppContext } from "../../context.ts";

export const DEMO_ARTICLES: ReadonlyArray<{ title: string; published: string; text: string }> = [
  {
    title: "Drone strike near Jubata al-Khashab",
    published: "2025-06-12",
    text: "Israeli drones struck a vehicle near the town of Jubata al-Khashab in the Quneitra countryside on Tuesday, killing two men, local residents said. The Israeli army said the vehicle was carrying weapons toward the area of separation.",
  },
  {
    title: "Clashes in Nawa",
    published: "2025-06-09",
    text: "Syrian security forces and local gunmen clashed for several hours on Saturday in the town of Nawa in western Daraa, leaving three fighters dead, according to a monitoring group. Two days earlier, residents of Nawa had protested against arrests carried out by the new authorities.",
  },
  {
    title: "Rally in Sweida",
    published: "2025-06-07",
    text: "Hundreds of people demonstrated in the main square of Sweida on Friday, calling for the release of detainees and the reopening of the Damascus highway. The protest ended peacefully in the afternoon.",
  },
];

/** Ingests the sample articles: the first two for the mediator's analyst (shared), the last for a party analyst (own party only). */
export async function seedIntakeDemo(ctx: AppContext, as: { shared: Viewer; own: Viewer }): Promise<void> {
  const [a, b, c] = DEMO_ARTICLES;
  await ctx.intake.paste(as.shared, { text: a!.text, title: a!.title, published: a!.published, distribution: "shared" });
  await ctx.intake.paste(as.shared, { text: b!.text, title: b!.title, published: b!.published, distribution: "shared" });
  await ctx.intake.paste(as.own, { text: c!.text, title: c!.title, published: c!.published });
}
