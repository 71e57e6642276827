// Starts a server process: runtime, HTTP listener, periodic signed
// checkpoints, and an orderly shutdown that signs the head one last time.
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { createRuntime, type Runtime } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { systemActor } from "./platform/audit/audit.service.ts";

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, opts: { beforeListen?: (rt: Runtime) => Promise<void> } = {}): Promise<RunningServer> {
  const runtime = await createRuntime(config);
  if (opts.beforeListen) await opts.beforeListen(runtime);
  const app = await buildApp(runtime.ctx);
  await app.listen({ port: config.port, host: config.host });
  runtime.handle.checkpointInBackground();
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.port;
  const url = config.publicUrl ?? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  const { ctx } = runtime;
  const timer =
    config.checkpointSeconds > 0
      ? setInterval(() => {
          ctx.audit.checkpoint(ctx.db).catch((err: unknown) => app.log.error({ err }, "checkpoint failed"));
        }, config.checkpointSeconds * 1000)
      : null;
  timer?.unref();
  // Incidents classified under an older pack version are brought up to date in the background.
  ctx.incidents.reclassifyStale(systemActor).then((r) => { if (r.changed) app.log.info(r, "incidents reclassified against the current pack"); }).catch((err: unknown) => app.log.error({ err }, "incident reclassification failed"));
  // Stored timers for the inspection cadence and the weekly reports (idempotent: one per key).
  Promise.all([ctx.talks.scheduleInspectionChecks(), ctx.reports.scheduleWeekly()]).catch((err: unknown) => app.log.error({ err }, "scheduling failed"));
  let stopped = false;
  return {
    app,
    runtime,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await app.close();
      await ctx.audit.checkpoint(ctx.db).catch(() => undefined);
      await runtime.close();
    },
  };
}
