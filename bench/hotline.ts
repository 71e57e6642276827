// npm run bench:hotline — 1,000 SSE clients over the four parties, 200 signed
// messages a second for 30 s through a real `truceline serve` process, then
// the same load through a bare Fastify SSE echo (no product logic) as the
// ceiling. Latency is from the moment a message is posted to the moment each
// client that may see it has parsed it. Prints one JSON line:
// {"clients","messages","p50_ms","p99_ms","lost","duplicated","leaked","ceiling_p99_ms"}
// leaked counts messages that reached a client whose party is not in the thread.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { loadConfig } from "../src/server/config.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import { systemActor } from "../src/server/platform/audit/audit.service.ts";
import { loadViewer } from "../src/server/platform/access.ts";
import { generateSigningKey, signDraft } from "../src/core/hotline/client.ts";
import { seedParties, demoUsers, PASSWORD } from "../test/helpers/app.ts";
import { spawnServer } from "../test/helpers/server-process.ts";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const MAX_INFLIGHT = 400;
const PARTIES = ["ISR", "SYR", "USA", "UNDOF"] as const;
const now = () => Date.now();
/** Wall-clock milliseconds with sub-millisecond resolution, comparable across threads. */
const clock = () => performance.timeOrigin + performance.now();

// Posts go over a few kept-alive connections, as a client behind one proxy would.
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** POST a JSON body; resolves with the status code (0 when the request failed). */
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/** A nonce that carries the message number (base 36), so clients find it without a lookup. */
function benchNonce(prefix: "b" | "e", n: number): string {
  return `${prefix}${n.toString(36)}_${randomBytes(12).toString("base64url")}`;
}

interface Phase {
  url: (party: string) => string;
  headers: (party: string) => Record<string, string>;
  type: string;
  members: Record<string, string[]>;
  /** The process serving the phase, for its CPU time. */
  pid: number | undefined;
  /** Posts message n to `thread`; calls `mark` right before the request leaves. */
  send: (n: number, thread: string, mark: () => void) => Promise<boolean>;
}

interface WorkerResult {
  lost: number;
  dup: number;
  leak: number;
  reconnects: number;
  hist: Uint32Array;
  phaseHist: Uint32Array[] | null;
}

function percentile(hist: Uint32Array, q: number): number {
  let total = 0;
  for (const c of hist) total += c;
  let acc = 0;
  const target = Math.ceil(total * q);
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i]!;
    if (acc >= target && target > 0) return i / 10;
  }
  return 0;
}

/** CPU seconds (user + system) a process has used so far; null where /proc is missing. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Seconds the process's main thread has run on a CPU and waited, runnable, for one (Linux schedstat). */
function schedSeconds(pid: number | undefined): { ran: number; waited: number } | null {
  if (pid === undefined) return null;
  try {
    const [ran, waited] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ").map(Number);
    return { ran: ran! / 1e9, waited: waited! / 1e9 };
  } catch {
    return null;
  }
}

const debug = (line: string) => {
  if (process.env.BENCH_DEBUG) console.error(line);
};

async function runPhase(p: Phase, seconds: number) {
  const per = Math.ceil(CLIENTS / WORKERS);
  const all = Array.from({ length: CLIENTS }, (_, i) => PARTIES[i % PARTIES.length]!).map((party) => ({ party, url: p.url(party), headers: { accept: "text/event-stream", ...p.headers(party) } }));
  const workers: Worker[] = [];
  const readies: Array<Promise<void>> = [];
  for (let w = 0; w < WORKERS; w++) {
    const worker = new Worker(new URL("./hotline-clients.mjs", import.meta.url), { workerData: { clients: all.slice(w * per, (w + 1) * per), members: p.members, type: p.type, total: RATE * seconds, phases: !!process.env.BENCH_DEBUG } });
    readies.push(new Promise((r) => worker.on("message", (m: { ready?: boolean }) => m.ready && r())));
    workers.push(worker);
  }
  await Promise.all(readies);
  const sent: Array<[number, string]> = [];
  const threadIds = Object.keys(p.members);
  const postTimes: number[] = [];
  const total = RATE * seconds;
  const cpu0 = cpuSeconds(p.pid), self0 = process.cpuUsage(), sched0 = schedSeconds(p.pid);
  const start = now();
  const inflight = new Set<Promise<unknown>>();
  for (let n = 0; n < total; n++) {
    const at = start + (n * 1000) / RATE;
    const wait = at - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Bounded run: past the cap the sender waits (so a saturated server shows as fewer messages and higher latency, not an endless queue).
    while (inflight.size >= MAX_INFLIGHT) await Promise.race(inflight);
    if (now() - start > seconds * 1000 + 2000) break;
    const postStart = now();
    // Two senders alternate; every second pair goes to the other thread.
    const thread = threadIds[Math.floor(n / 2) % threadIds.length]!;
    const tracked = p
      .send(n, thread, () => {
        // The wall-clock time too, for the BENCH_DEBUG split against the server's (wall-clock) timestamps.
        const stamp: Array<[number, number, number]> = [[n, clock(), Date.now()]];
        for (const w of workers) w.postMessage({ sent: stamp });
      })
      .then((ok) => {
        postTimes.push(now() - postStart);
        if (ok) sent.push([n, thread]);
      })
      .finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }
  const scheduled = now() - start;
  // Answers still missing 10 s after the last send are not counted as sent (bounded run time).
  await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, 10_000))]);
  const answered = now() - start;
  const cpu1 = cpuSeconds(p.pid), self1 = process.cpuUsage(self0), sched1 = schedSeconds(p.pid);
  // Clients that were cut off reconnect and catch up: wait for them, at most 15 s.
  const results = await Promise.all(workers.map((w) => new Promise<WorkerResult>((r) => {
    w.on("message", (m: { done?: WorkerResult }) => m.done && r(m.done));
    w.postMessage({ finish: sent, graceMs: 15_000 });
  })));
  await Promise.all(workers.map((w) => w.terminate()));
  const hist = new Uint32Array(100001);
  for (const r of results) for (let i = 0; i < hist.length; i++) hist[i]! += r.hist[i]!;
  const pt = postTimes.sort((a, b) => a - b);
  const sum = (f: (r: WorkerResult) => number) => results.reduce((s, r) => s + f(r), 0);
  debug(`phase ${p.type}: ${sent.length} sent, scheduled in ${Math.round(scheduled)} ms, all answered after ${Math.round(answered)} ms; POST p50 ${pt[Math.floor(pt.length / 2)]} ms, p99 ${pt[Math.floor(pt.length * 0.99)]} ms; server CPU ${cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0).toFixed(1) : "?"} s, bench CPU ${((self1.user + self1.system) / 1e6).toFixed(1)} s; server main thread ran ${sched0 && sched1 ? (sched1.ran - sched0.ran).toFixed(1) : "?"} s and waited for a CPU ${sched0 && sched1 ? (sched1.waited - sched0.waited).toFixed(1) : "?"} s; reconnects ${sum((r) => r.reconnects)}`);
  const phaseNames = ["post_to_received", "received_to_published", "published_to_read"];
  const phaseHists = phaseNames.map((_, k) => {
    const h = new Uint32Array(100001);
    for (const r of results) if (r.phaseHist) for (let i = 0; i < h.length; i++) h[i]! += r.phaseHist[k]![i]!;
    return h;
  });
  if (phaseHists[0]!.some((c) => c > 0)) debug(`phase ${p.type} by step (ms, p50/p99, a sample of streams): ${phaseNames.map((name, k) => `${name} ${percentile(phaseHists[k]!, 0.5)}/${percentile(phaseHists[k]!, 0.99)}`).join(", ")}`);
  return { messages: sent.length, p50: percentile(hist, 0.5), p99: percentile(hist, 0.99), lost: sum((r) => r.lost), dup: sum((r) => r.dup), leak: sum((r) => r.leak) };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "truceline-bench-"));
  const schema = process.env.DATABASE_URL ? `bench_${process.pid}` : undefined;
  const config = loadConfig({}, {}, { dataDir, databaseUrl: process.env.DATABASE_URL, databaseSchema: schema, kdfLogN: 10, logLevel: "silent", checkpointSeconds: 0 });
  const rt = await createRuntime(config);
  const { ctx } = rt;
  await seedParties(ctx);
  const users = new Map<string, string>();
  for (const u of demoUsers) users.set(u.username, (await ctx.accounts.addUser(systemActor, { ...u, password: PASSWORD })).id);
  const viewerOf = async (username: string) => {
    const u = (await ctx.db.selectFrom("users").select(["id", "party_id", "role"]).where("username", "=", username).executeTakeFirstOrThrow());
    return loadViewer(ctx.db, u);
  };
  const token = async (username: string) => (await ctx.accounts.createToken(systemActor, users.get(username)!, { name: "bench", scopes: ["write"], expiresInDays: 1 })).token;
  const readers: Record<string, string> = { ISR: await token("isr.analyst"), SYR: await token("syr.analyst"), USA: await token("usa.mediator"), UNDOF: await token("undof.observer") };
  const senders = await Promise.all(["isr.liaison", "syr.liaison"].map(async (username) => {
    const key = generateSigningKey();
    const v = await viewerOf(username);
    await ctx.hotline.registerKey(v, { public_key: key.publicKey });
    return { key, userId: v.userId!, token: await token(username), viewer: v };
  }));
  const viaMediator = await ctx.hotline.createThread(senders[0]!.viewer, { title: "bench via mediator", parties: ["SYR"], via: "mediator" });
  const direct = await ctx.hotline.createThread(senders[0]!.viewer, { title: "bench direct", parties: ["SYR"], via: "direct" });
  const deployment = ctx.deploymentId;
  await rt.close();

  // BENCH_PROFILE=<dir>: the server process writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE;
  const server = await spawnServer(config, [...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []), ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? [])]);
  const threads = [viaMediator, direct];
  const members = Object.fromEntries(threads.map((t) => [t.id, t.parties]));
  const product = await runPhase({
    url: () => `${server.url}/api/events`,
    headers: (party) => ({ authorization: `Bearer ${readers[party]}` }),
    type: "hotline.message",
    members,
    pid: server.proc.pid,
    send: async (n, thread, mark) => {
      const s = senders[n % 2]!;
      const body = signDraft(s.key, { deployment, thread_id: thread, sender: s.userId, kind: "query", body: { text: `bench ${n}` }, nonce: benchNonce("b", n) });
      mark();
      return (await post(`${server.url}/api/hotline/threads/${thread}/messages`, { authorization: `Bearer ${s.token}`, "idempotency-key": body.payload.nonce }, JSON.stringify(body))) === 201;
    },
  }, SECONDS);
  await server.stop();

  // BENCH_CEILING=0 skips the ceiling phase while iterating (its figure is then null).
  const cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (schema && process.env.DATABASE_URL) {
      const pg = (await import("pg")).default;
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  };
  if (process.env.BENCH_CEILING === "0") {
    await cleanup();
    console.log(JSON.stringify({ clients: CLIENTS, messages: product.messages, p50_ms: product.p50, p99_ms: product.p99, lost: product.lost, duplicated: product.dup, leaked: product.leak, ceiling_p99_ms: null }));
    return;
  }
  // The ceiling: the same clients and load on a bare Fastify SSE echo, in its
  // own process like the product server, so both get the machine alike.
  // Its delivery is as lean as the product's: frames of one party go out as
  // one shared buffer, one plain socket write per stream per flush interval
  // (the same interval rule as the realtime service), so the ceiling is what
  // the machine and the load generator allow, not a naive per-event write.
  const echoSource = `
    import Fastify from "fastify";
    const members = ${JSON.stringify(members)};
    const parties = ${JSON.stringify(PARTIES)};
    const echo = Fastify();
    const streams = new Map(parties.map((p) => [p, new Set()]));
    const pending = new Map(parties.map((p) => [p, []]));
    let open = 0, timer = null, last = -Infinity;
    const flush = () => {
      timer = null;
      last = performance.now();
      for (const [party, frames] of pending) {
        if (!frames.length) continue;
        const buf = Buffer.from(frames.join(""));
        frames.length = 0;
        for (const s of streams.get(party)) s.write(buf);
      }
    };
    const schedule = () => {
      if (timer) return;
      const wait = last + Math.min(50, Math.max(10, (open * 1000) / 25000)) - performance.now();
      timer = wait <= 0 ? setImmediate(flush) : setTimeout(flush, wait);
    };
    echo.get("/sse", (req, reply) => {
      reply.hijack();
      reply.raw.useChunkedEncodingByDefault = false;
      reply.raw.writeHead(200, { "content-type": "text/event-stream" });
      reply.raw.flushHeaders();
      const socket = reply.raw.socket;
      socket.write("id: 0\\nevent: ready\\ndata: {}\\n\\n");
      const set = streams.get(req.query.party);
      set.add(socket);
      open++;
      reply.raw.on("close", () => { set.delete(socket); open--; });
    });
    let seq = 0;
    echo.post("/send", async (req) => {
      const frame = "id: " + (++seq) + "\\nevent: m\\ndata: " + JSON.stringify({ payload: req.body }) + "\\n\\n";
      for (const party of members[req.body.thread_id]) pending.get(party).push(frame);
      schedule();
      return { ok: true };
    });
    await echo.listen({ port: 0, host: "127.0.0.1" });
    process.stdout.write(String(echo.server.address().port) + "\\n");
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", echoSource], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  const echoPort = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once("exit", (code) => reject(new Error(`echo server exited with ${code}`)));
  });
  const echoUrl = `http://127.0.0.1:${echoPort}`;
  const ceiling = await runPhase({
    url: (party) => `${echoUrl}/sse?party=${party}`,
    headers: () => ({}),
    type: "m",
    members,
    pid: child.pid,
    send: async (n, thread, mark) => {
      const nonce = benchNonce("e", n);
      mark();
      return (await post(`${echoUrl}/send`, {}, JSON.stringify({ nonce, thread_id: thread }))) === 200;
    },
  }, SECONDS);
  child.kill();
  await cleanup();
  console.log(JSON.stringify({ clients: CLIENTS, messages: product.messages, p50_ms: product.p50, p99_ms: product.p99, lost: product.lost, duplicated: product.dup, leaked: product.leak, ceiling_p99_ms: ceiling.p99 }));
}

await main();
