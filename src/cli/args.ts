// A small, strict argument parser over node:util's parseArgs: unknown flags
// are errors that name the flag, and every command gets --help for free.
import { parseArgs } from "node:util";
import { CliError } from "./command.ts";

export type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** Flags every command accepts: where the deployment lives. */
export const deploymentFlags: FlagSpec = {
  data: { type: "string" },
  "database-url": { type: "string" },
  "db-schema": { type: "string" },
};

export function parse(args: string[], flags: FlagSpec): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { ...flags, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: r.values, positionals: r.positionals };
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function required(v: unknown, name: string): string {
  if (typeof v !== "string" || v === "") throw new CliError(`--${name} is required`);
  return v;
}
