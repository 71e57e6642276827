// Configuration from the environment and matching CLI flags, validated once at
// start. Every bad value gets its own message; nothing is keyed on NODE_ENV.
import { resolve } from "node:path";
import { z } from "zod";

const portSchema = z.coerce.number().int("PORT must be a whole number").min(0, "PORT must be 0–65535").max(65535, "PORT must be 0–65535");

export const configSchema = z.object({
  port: portSchema.default(8080),
  host: z.string().min(1, "HOST must not be empty").default("127.0.0.1"),
  dataDir: z.string().min(1).default("./data"),
  databaseUrl: z
    .string()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)")
    .optional(),
  /** PostgreSQL schema to use (tests give each run its own). */
  databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/, "TRUCELINE_DB_SCHEMA must be a lowercase SQL identifier").optional(),
  publicUrl: z.string().url("PUBLIC_URL must be a full URL such as https://truceline.example.org").optional(),
  demo: z.boolean().default(false),
  /** scrypt cost as log2(N); 15 = 32 MiB per hash. Lower only for tests. */
  kdfLogN: z.coerce.number().int().min(10, "TRUCELINE_KDF_LOG_N must be at least 10").max(20).default(15),
  sessionHours: z.coerce.number().positive().default(12),
  loginMaxFailures: z.coerce.number().int().min(1).default(5),
  lockoutMinutes: z.coerce.number().positive().default(15),
  /** Signed audit checkpoints are written this often (seconds; 0 = only on demand and at shutdown). */
  checkpointSeconds: z.coerce.number().min(0).default(60),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  evidenceMaxBytes: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  /** SQLite durability: normal (survives process crashes and kills) or full (also power loss; slower). */
  sqliteSync: z.enum(["normal", "full"], { message: "TRUCELINE_SQLITE_SYNC is normal or full" }).default("normal"),
  /** The public dashboard lags this many days behind the present. */
  publicDelayDays: z.coerce.number().int().min(0).max(365).default(7),
  /** Intake URL fetching: allow private and loopback addresses (closed networks and tests only). */
  intakeAllowPrivate: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()),
  intakeMaxBytes: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  intakeTimeoutMs: z.coerce.number().int().positive().default(15_000),
  /** The agreement pack this deployment serves (a folder under packs/). */
  pack: z.string().regex(/^[a-z0-9-]+$/, "TRUCELINE_PACK is a pack folder name such as israel-syria-1974").default("israel-syria-1974"),
  /** The deployment's Ed25519 private key (PEM); several processes of one deployment share it. Default: <data>/keys/deployment-ed25519.pem. */
  keyFile: z.string().min(1).optional(),
});
export type Config = z.infer<typeof configSchema> & { dataDir: string };

/** Environment variable for each option; CLI flags are the same names in kebab case. */
export const envNames: Record<keyof z.infer<typeof configSchema>, string> = {
  port: "PORT",
  host: "HOST",
  dataDir: "TRUCELINE_DATA",
  databaseUrl: "DATABASE_URL",
  databaseSchema: "TRUCELINE_DB_SCHEMA",
  publicUrl: "PUBLIC_URL",
  demo: "TRUCELINE_DEMO",
  kdfLogN: "TRUCELINE_KDF_LOG_N",
  sessionHours: "TRUCELINE_SESSION_HOURS",
  loginMaxFailures: "TRUCELINE_LOGIN_MAX_FAILURES",
  lockoutMinutes: "TRUCELINE_LOCKOUT_MINUTES",
  checkpointSeconds: "TRUCELINE_CHECKPOINT_SECONDS",
  logLevel: "LOG_LEVEL",
  evidenceMaxBytes: "TRUCELINE_EVIDENCE_MAX_BYTES",
  keyFile: "TRUCELINE_KEY_FILE",
  pack: "TRUCELINE_PACK",
  intakeAllowPrivate: "TRUCELINE_INTAKE_ALLOW_PRIVATE",
  intakeMaxBytes: "TRUCELINE_INTAKE_MAX_BYTES",
  intakeTimeoutMs: "TRUCELINE_INTAKE_TIMEOUT_MS",
  publicDelayDays: "TRUCELINE_PUBLIC_DELAY_DAYS",
  sqliteSync: "TRUCELINE_SQLITE_SYNC",
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

function flagName(key: string): string {
  return "--" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/** Flags win over the environment; unset values take defaults. */
export function loadConfig(env: NodeJS.ProcessEnv, flags: Record<string, string | boolean> = {}, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, envName] of Object.entries(envNames)) {
    const flag = flags[flagName(key).slice(2)];
    const v = flag ?? env[envName];
    if (v !== undefined && v !== "") raw[key] = key === "demo" ? v === true || v === "1" || v === "true" : v;
  }
  Object.assign(raw, overrides);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? "");
        const name = envNames[key as keyof typeof envNames] ?? key;
        return `${name} (${flagName(key)}): ${i.message} (got ${JSON.stringify(raw[key])})`;
      }),
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
}
