// `truceline serve` and `truceline demo`.
import type { CliCommand, CliIo } from "../command.ts";
import { deploymentFlags, parse } from "../args.ts";
import { configFrom } from "../runtime.ts";
import { startServer, type RunningServer } from "../../server/main.ts";
import { ensureDemo } from "../../server/demo.ts";
import type { Config } from "../../server/config.ts";

const serveFlags = { ...deploymentFlags, port: { type: "string" as const }, host: { type: "string" as const }, "public-url": { type: "string" as const }, "log-level": { type: "string" as const } };

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
async function runUntilSignal(server: RunningServer, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const stop = (sig: string) => {
      io.err(`${sig}: stopping…`);
      server.stop().then(() => resolve(0), (e: unknown) => { io.err(String(e)); resolve(1); });
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

export const serveCommand: CliCommand = {
  path: ["serve"],
  summary: "Run the server",
  usage: "truceline serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--database-url postgres://…] [--public-url URL]",
  async run(args, io) {
    const { values } = parse(args, serveFlags);
    const server = await startServer(configFrom(values, io));
    io.out(`Truceline listening on ${server.url}`);
    return runUntilSignal(server, io);
  },
};

export function printDemoBanner(io: CliIo, url: string, config: Config, accounts: Array<{ username: string; password: string; who: string; party: string | null }>, created: boolean): void {
  io.out("");
  io.out(`  Truceline demo deployment (${created ? "created" : "reused"} in ${config.dataDir})`);
  io.out(`  Israel–Syria 1974 disengagement line. DEMO MODE: sample data, not for operational use.`);
  io.out("");
  io.out(`  Sign in at: ${url}/`);
  io.out(`  API:        ${url}/api/openapi.json`);
  io.out("");
  io.out("  Demo accounts (username / password — role):");
  for (const a of accounts) io.out(`    ${a.username.padEnd(16)} ${a.password.padEnd(20)} ${a.who}${a.party ? ` [${a.party}]` : ""}`);
  io.out("");
  io.out("  Stop with Ctrl+C. Data stays in the folder above; delete it to start afresh.");
  io.out("");
}

export const demoCommand: CliCommand = {
  path: ["demo"],
  summary: "Create (first run) or reuse the demo deployment and serve it",
  usage: "truceline demo [--port 8080] [--host 127.0.0.1] [--data ./data]",
  async run(args, io) {
    const { values } = parse(args, serveFlags);
    // Request logs would bury the banner: the demo logs warnings only unless asked.
    const quiet = values["log-level"] === undefined && io.env.LOG_LEVEL === undefined ? { logLevel: "warn" as const } : {};
    const config = configFrom(values, io, { demo: true, ...quiet });
    let demo: Awaited<ReturnType<typeof ensureDemo>> | null = null;
    const server = await startServer(config, {
      beforeListen: async (rt) => {
        demo = await ensureDemo(rt.ctx);
      },
    });
    const d = demo as unknown as Awaited<ReturnType<typeof ensureDemo>>;
    printDemoBanner(io, server.url, config, d.accounts, d.created);
    return runUntilSignal(server, io);
  },
};
