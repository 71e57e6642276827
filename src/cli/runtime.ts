// Opens the deployment a CLI command works on, from flags and environment.
import { loadConfig, type Config } from "../server/config.ts";
import { createRuntime, type Runtime } from "../server/bootstrap.ts";
import type { CliIo } from "./command.ts";
import { str } from "./args.ts";

export function configFrom(values: Record<string, unknown>, io: CliIo, overrides: Partial<Config> = {}): Config {
  const flags: Record<string, string | boolean> = {};
  const map: Record<string, string> = { data: "data-dir", "database-url": "database-url", "db-schema": "database-schema", port: "port", host: "host", "public-url": "public-url", "log-level": "log-level" };
  for (const [flag, key] of Object.entries(map)) {
    const v = str(values[flag]);
    if (v !== undefined) flags[key] = v;
  }
  return loadConfig(io.env, flags, overrides);
}

export async function withRuntime<T>(
  values: Record<string, unknown>,
  io: CliIo,
  fn: (rt: Runtime) => Promise<T>,
  overrides: Partial<Config> = {},
  opts: { skipIntegrityCheck?: boolean } = {},
): Promise<T> {
  const rt = await createRuntime(configFrom(values, io, { logLevel: "silent", ...overrides }), opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
