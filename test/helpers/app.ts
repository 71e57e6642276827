// A running deployment for HTTP tests: real database, real Fastify via inject(),
// the four demo parties and one user per role, and sign-in helpers.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { createRuntime, type Runtime } from "../../src/server/bootstrap.ts";
import type { Config } from "../../src/server/config.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Role } from "../../src/core/access/distribution.ts";
import { systemActor } from "../../src/server/platform/audit/audit.service.ts";
import type { Clock } from "../../src/server/platform/clock.ts";
import { testConfig, type TestDialect } from "./dialects.ts";

export const PASSWORD = "test-password-123";

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  runtime: Runtime;
  config: Config;
  login(username: string, password?: string): Promise<Session>;
  /** inject() as a signed-in user (cookie + CSRF), or anonymously when `as` is null. */
  call(as: Session | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const demoUsers: Array<{ username: string; party: string | null; role: Role }> = [
  { username: "isr.liaison", party: "ISR", role: "liaison" },
  { username: "isr.analyst", party: "ISR", role: "analyst" },
  { username: "syr.liaison", party: "SYR", role: "liaison" },
  { username: "syr.analyst", party: "SYR", role: "analyst" },
  { username: "usa.mediator", party: "USA", role: "mediator" },
  { username: "undof.observer", party: "UNDOF", role: "observer" },
  { username: "admin", party: null, role: "admin" },
];

export async function seedParties(ctx: AppContext): Promise<void> {
  await ctx.accounts.addParty(systemActor, { id: "ISR", name: "Israel", kind: "party" });
  await ctx.accounts.addParty(systemActor, { id: "SYR", name: "Syria", kind: "party" });
  await ctx.accounts.addParty(systemActor, { id: "USA", name: "United States (mediator)", kind: "mediator" });
  await ctx.accounts.addParty(systemActor, { id: "UNDOF", name: "UNDOF (observer)", kind: "observer" });
}

export async function startTestApp(dialect: TestDialect, opts: { clock?: Clock; config?: Partial<Config>; seed?: boolean } = {}): Promise<TestApp> {
  const { config, cleanup } = testConfig(dialect, opts.config);
  const runtime = await createRuntime(config, opts.clock ? { clock: opts.clock } : {});
  const ctx = runtime.ctx;
  if (opts.seed !== false) {
    await seedParties(ctx);
    for (const u of demoUsers) await ctx.accounts.addUser(systemActor, { ...u, password: PASSWORD });
  }
  const app = await buildApp(ctx, { logger: false });
  const call: TestApp["call"] = async (as, method, url, body, headers = {}) =>
    app.inject({
      method: method as "GET",
      url,
      headers: { ...(as ? { cookie: `tl_session=${as.cookie}`, "x-csrf-token": as.csrf } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    app,
    ctx,
    runtime,
    config,
    call,
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "tl_session")!.value;
      const body = res.json<{ csrf_token: string; user: { id: string } }>();
      return { cookie, csrf: body.csrf_token, userId: body.user.id };
    },
    async close() {
      await app.close();
      await runtime.close();
      await cleanup();
    },
  };
}
