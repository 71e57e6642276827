// The `truceline` command: finds the subcommand by its words, prints help,
// and turns errors into a message on stderr and a non-zero exit.
import type { CliCommand, CliIo } from "./command.ts";
import { CliError } from "./command.ts";
import { ConfigError } from "../server/config.ts";
import { IntegrityError } from "../server/bootstrap.ts";
import { AppError } from "../server/platform/http/errors.ts";
import { serveCommand, demoCommand } from "./commands/serve.ts";
import { accountCommands } from "./commands/accounts.ts";
import { auditCommands } from "./commands/audit.ts";
import { incidentCommands } from "./commands/incidents.ts";
import { packCommands } from "./commands/pack.ts";
import { hotlineCommands } from "./commands/hotline.ts";
import { intakeAddCommand, intakeExtractCommand } from "./commands/intake.ts";

export const commands: CliCommand[] = [serveCommand, demoCommand, ...accountCommands, ...auditCommands, ...incidentCommands, ...packCommands, ...hotlineCommands, intakeAddCommand, intakeExtractCommand];

function help(io: CliIo): void {
  io.out("truceline — the security channel across a ceasefire line\n");
  io.out("Usage: truceline <command> [options]   (truceline <command> --help for details)\n");
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  for (const c of commands) io.out(`  ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  io.out("\nDeployment options (all commands): --data <folder> (TRUCELINE_DATA), --database-url <postgres://…> (DATABASE_URL)");
}

export async function main(argv: string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env, cwd: process.cwd() }): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  // Longest matching path wins, so "user add" is found before a bare "user".
  const match = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    const group = commands.filter((c) => c.path[0] === argv[0]);
    io.err(group.length ? `truceline ${argv[0]}: choose one of: ${group.map((c) => c.path.join(" ")).join(", ")}` : `truceline: unknown command "${argv[0]}". Run truceline --help.`);
    return 2;
  }
  const rest = argv.slice(match.path.length);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${match.summary}\n\nUsage: ${match.usage}`);
    return 0;
  }
  try {
    return await match.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) io.err(`truceline ${match.path.join(" ")}: ${e.message}`);
    else if (e instanceof ConfigError || e instanceof IntegrityError) io.err(e.message);
    else if (e instanceof AppError) io.err(`truceline ${match.path.join(" ")}: ${e.message}${e.details.length ? ` (${e.details.map((d) => `${d.path}: ${d.problem}`).join("; ")})` : ""}`);
    else io.err(`truceline ${match.path.join(" ")}: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
