// The demo deployment: four parties, one account per role per party, and some
// sample records, created once in the data folder and reused afterwards.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Role } from "../core/access/distribution.ts";
import type { AppContext } from "./context.ts";
import { systemActor } from "./platform/audit/audit.service.ts";
import { randomToken } from "./platform/ids.ts";
import { seedTalksDemo } from "./modules/talks/talks.demo.ts";
import { seedSampleIncidents } from "./modules/incidents/incident.demo.ts";
import { seedIntakeDemo } from "./modules/intake/intake.demo.ts";
import { seedHotlineDemo } from "./modules/hotline/hotline.demo.ts";

export interface DemoAccount {
  username: string;
  party: string | null;
  role: Role;
  password: string;
  who: string;
}

const parties = [
  { id: "ISR", name: "Israel", kind: "party" as const },
  { id: "SYR", name: "Syria", kind: "party" as const },
  { id: "USA", name: "United States (mediator)", kind: "mediator" as const },
  { id: "UNDOF", name: "UN Disengagement Observer Force", kind: "observer" as const },
];

const accounts: Array<Omit<DemoAccount, "password">> = [
  { username: "isr.liaison", party: "ISR", role: "liaison", who: "Israeli liaison officer" },
  { username: "isr.analyst", party: "ISR", role: "analyst", who: "Israeli analyst" },
  { username: "syr.liaison", party: "SYR", role: "liaison", who: "Syrian liaison officer" },
  { username: "syr.analyst", party: "SYR", role: "analyst", who: "Syrian analyst" },
  { username: "usa.mediator", party: "USA", role: "mediator", who: "Mediator" },
  { username: "usa.analyst", party: "USA", role: "analyst", who: "Mediator's analyst" },
  { username: "undof.observer", party: "UNDOF", role: "observer", who: "UNDOF observer" },
  { username: "admin", party: null, role: "admin", who: "Administrator (no party)" },
];

/** Creates the demo on first run; returns the accounts either way. */
export async function ensureDemo(ctx: AppContext): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const credFile = join(ctx.config.dataDir, "demo-accounts.json");
  const existing = await ctx.accounts.listParties();
  if (existing.length > 0) {
    const saved = existsSync(credFile) ? (JSON.parse(readFileSync(credFile, "utf8")) as DemoAccount[]) : [];
    return { created: false, accounts: saved };
  }
  for (const p of parties) await ctx.accounts.addParty(systemActor, p);
  const out: DemoAccount[] = [];
  for (const a of accounts) {
    // Random per deployment: a demo left reachable should not open with a known password.
    const password = `demo-${randomToken(9)}`;
    await ctx.accounts.addUser(systemActor, { username: a.username, displayName: a.who, party: a.party, role: a.role, password });
    out.push({ ...a, password });
  }
  writeFileSync(credFile, JSON.stringify(out, null, 2), { mode: 0o600 });
  await seedSampleRecords(ctx);
  return { created: true, accounts: out };
}

async function seedSampleRecords(ctx: AppContext): Promise<void> {
  const viewerOf = async (username: string) => {
    const u = await ctx.accounts.findUserByName(username);
    return ctx.accounts.viewerOf(ctx.db, u!.id);
  };
  const isr = await viewerOf("isr.analyst");
  const syr = await viewerOf("syr.analyst");
  const usa = await viewerOf("usa.mediator");
  await ctx.notes.create(isr, { title: "Patrol schedule near Line A (internal)", body: "Internal planning note: visible to ISR only.", distribution: "party:ISR" });
  await ctx.notes.create(syr, { title: "Quneitra checkpoint staffing (internal)", body: "Internal planning note: visible to SYR only.", distribution: "party:SYR" });
  await ctx.notes.create(usa, { title: "Agenda for the next direct meeting", body: "Shared with both parties and the observer.", distribution: "shared" });
  await ctx.notes.create(syr, { title: "Request for a mediator call", body: "Seen by the mediator and by SYR only.", distribution: "mediator" });
  await seedIntakeDemo(ctx, { shared: usa, own: syr });
  const undof = await viewerOf("undof.observer");
  await seedSampleIncidents(ctx, { isr, syr, usa, undof });
  await seedTalksDemo(ctx, { isr, syr, usa, undof });
  await seedHotlineDemo(ctx, { isr: await viewerOf("isr.liaison"), syr: await viewerOf("syr.liaison") });
  // A first public report, so the public page has something to show.
  await ctx.reports.generate({ userId: usa.userId, party: "USA" }, "public", ctx.clock.now().toISOString().slice(0, 10), "en", "request");
  await ctx.audit.checkpoint(ctx.db);
}
