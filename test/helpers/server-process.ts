// Real server processes for crash and multi-process tests: `truceline serve`
// spawned on a test configuration, and a small fetch-based API client.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "../../src/server/config.ts";
import { PASSWORD } from "./app.ts";

const BIN = fileURLToPath(new URL("../../bin/truceline.js", import.meta.url));

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function serverEnv(config: Config): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TRUCELINE_DATA: config.dataDir,
    TRUCELINE_KDF_LOG_N: String(config.kdfLogN),
    TRUCELINE_CHECKPOINT_SECONDS: "0",
    LOG_LEVEL: "silent",
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, TRUCELINE_DB_SCHEMA: config.databaseSchema ?? "public" } : {}),
  };
}

/** `nodeArgs` go to node itself (e.g. --cpu-prof for the benchmark). */
export function spawnServer(config: Config, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeArgs, BIN, "serve", "--port", "0", "--host", "127.0.0.1"], { env: serverEnv(config), stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    const exited = new Promise<void>((r) => proc.once("exit", () => r()));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 30_000);
    proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          proc,
          kill9: async () => {
            proc.kill("SIGKILL");
            await exited;
          },
          stop: async () => {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
            await exited;
          },
        });
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}${err}`));
    });
  });
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function httpLogin(url: string, username: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = /tl_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
  const body = (await res.json()) as { csrf_token: string; user: { id: string } };
  return { cookie, csrf: body.csrf_token, userId: body.user.id };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test client: callers assert on the shape
export async function httpCall(url: string, s: HttpSession, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: `tl_session=${s.cookie}`, "x-csrf-token": s.csrf, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
