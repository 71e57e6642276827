// npm run bench:hotline — 1,000 SSE clients over the four parties, 200 signed
// messages a second for 30 s through a real `truceline serve` process, then
// the same load through a bare Fastify SSE echo (no product logic) as the
// ceiling. Latency is from the moment a message is posted to the moment each
// client that may see it has parsed it. Prints one JSON line:
// {"clients","messages","p50_ms","p99_ms","lost","duplicated","leaked","ceiling_p99_ms"}
// leaked counts messages that reached a client whose party is not in the thread.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { spawn } from "node:child_process";
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
const WORKERS = 2;
const MAX_INFLIGHT = 400;
const PARTIES = ["ISR", "SYR", "USA", "UNDOF"] as const;
const now = () => Date.now();

// SSE clients run in worker threads (plain JS: no loader needed there).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { clients, members, type } = workerData;
const now = () => Date.now();
const hist = new Uint32Array(100001); // 0.1 ms buckets up to 10 s, then overflow
const t0 = new Map(); const early = new Map();
const state = clients.map(() => ({ got: new Set(), dup: 0, leak: 0, ready: false }));
let ready = 0;
function record(ms) { hist[Math.min(100000, Math.max(0, Math.round(ms * 10)))]++; }
parentPort.on("message", (m) => {
  if (m.sent) { for (const [nonce, t] of m.sent) { const e = early.get(nonce); if (e) { for (const r of e) record(r - t); early.delete(nonce); } else t0.set(nonce, t); } }
  if (m.finish) {
    let lost = 0, dup = 0, leak = 0, received = 0;
    clients.forEach((c, i) => {
      const s = state[i]; dup += s.dup; leak += s.leak; received += s.got.size;
      for (const [nonce, thread] of m.finish) if (members[thread].includes(c.party) && !s.got.has(nonce)) lost++;
    });
    for (const r of reqs) r.destroy();
    parentPort.postMessage({ done: { lost, dup, leak, received, hist } });
  }
});
const reqs = [];
clients.forEach((c, i) => {
  const req = http.request(c.url, { headers: c.headers, agent: false }, (res) => {
    res.setEncoding("utf8"); let buf = "";
    res.on("data", (chunk) => {
      buf += chunk; let k;
      while ((k = buf.indexOf("\\n\\n")) >= 0) {
        const block = buf.slice(0, k); buf = buf.slice(k + 2);
        let ev = "", data = "";
        for (const line of block.split("\\n")) { if (line.startsWith("event: ")) ev = line.slice(7); else if (line.startsWith("data: ")) data = line.slice(6); }
        if (ev === "ready" && !state[i].ready) { state[i].ready = true; if (++ready === clients.length) parentPort.postMessage({ ready: true }); continue; }
        if (ev !== type) continue;
        const t = now();
        const p = JSON.parse(data).payload;
        const s = state[i];
        if (!members[p.thread_id] || !members[p.thread_id].includes(c.party)) s.leak++;
        if (s.got.has(p.nonce)) { s.dup++; continue; }
        s.got.add(p.nonce);
        const start = t0.get(p.nonce);
        if (start !== undefined) record(t - start); else { const e = early.get(p.nonce) || []; e.push(t); early.set(p.nonce, e); }
      }
    });
  });
  req.on("error", () => {}); req.end(); reqs.push(req);
});
`;

interface Phase {
  url: (party: string) => string;
  headers: (party: string) => Record<string, string>;
  type: string;
  members: Record<string, string[]>;
  send: (n: number, nonceOut: (nonce: string, thread: string) => void) => Promise<boolean>;
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

async function runPhase(p: Phase, seconds: number) {
  const per = Math.ceil(CLIENTS / WORKERS);
  const all = Array.from({ length: CLIENTS }, (_, i) => PARTIES[i % PARTIES.length]!).map((party) => ({ party, url: p.url(party), headers: { accept: "text/event-stream", ...p.headers(party) } }));
  const workers: Worker[] = [];
  const readies: Array<Promise<void>> = [];
  for (let w = 0; w < WORKERS; w++) {
    const worker = new Worker(workerSource, { eval: true, workerData: { clients: all.slice(w * per, (w + 1) * per), members: p.members, type: p.type } });
    readies.push(new Promise((r) => worker.on("message", (m: { ready?: boolean }) => m.ready && r())));
    workers.push(worker);
  }
  await Promise.all(readies);
  const sent: Array<[string, string]> = [];
  let pendingT0: Array<[string, number]> = [];
  const flush = setInterval(() => {
    if (!pendingT0.length) return;
    for (const w of workers) w.postMessage({ sent: pendingT0 });
    pendingT0 = [];
  }, 2);
  const total = RATE * seconds;
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
    const pr = p.send(n, (nonce, thread) => {
      pendingT0.push([nonce, now()]);
      for (const w of workers) w.postMessage({ sent: pendingT0 });
      pendingT0 = [];
      void thread;
    }).then((ok) => { postTimes.push(now() - postStart); return ok; });
    const tracked = pr.then((ok) => { if (ok) sent.push(lastSent.get(n)!); }).finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }
  const scheduled = now() - start;
  if (process.env.BENCH_DEBUG) { const pt = [...postTimes].sort((a, b) => a - b); console.error(`phase ${p.type}: POST p50 ${pt[Math.floor(pt.length / 2)]} ms, p99 ${pt[Math.floor(pt.length * 0.99)]} ms`); postTimes.length = 0; }
  // Answers still missing 10 s after the last send are not counted as sent (bounded run time).
  await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, 10_000))]);
  if (process.env.BENCH_DEBUG) console.error(`phase ${p.type}: scheduled in ${Math.round(scheduled)} ms, all answered after ${Math.round(now() - start)} ms`);
  clearInterval(flush);
  await new Promise((r) => setTimeout(r, 3000)); // let the last events arrive
  const results = await Promise.all(workers.map((w) => new Promise<{ lost: number; dup: number; leak: number; received: number; hist: Uint32Array }>((r) => {
    w.on("message", (m: { done?: { lost: number; dup: number; leak: number; received: number; hist: Uint32Array } }) => m.done && r(m.done));
    w.postMessage({ finish: sent });
  })));
  await Promise.all(workers.map((w) => w.terminate()));
  const hist = new Uint32Array(100001);
  for (const r of results) for (let i = 0; i < hist.length; i++) hist[i]! += r.hist[i]!;
  return { messages: sent.length, p50: percentile(hist, 0.5), p99: percentile(hist, 0.99), lost: results.reduce((s, r) => s + r.lost, 0), dup: results.reduce((s, r) => s + r.dup, 0), leak: results.reduce((s, r) => s + r.leak, 0) };
}
const lastSent = new Map<number, [string, string]>();
const postTimes: number[] = [];

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

  const server = await spawnServer(config);
  const threads = [viaMediator, direct];
  const members = Object.fromEntries(threads.map((t) => [t.id, t.parties]));
  const product = await runPhase({
    url: () => `${server.url}/api/events`,
    headers: (party) => ({ authorization: `Bearer ${readers[party]}` }),
    type: "hotline.message",
    members,
    send: async (n, mark) => {
      const s = senders[n % 2]!;
      const thread = threads[Math.floor(n / 2) % 2]!.id;
      const body = signDraft(s.key, { deployment, thread_id: thread, sender: s.userId, kind: "query", body: { text: `bench ${n}` } });
      lastSent.set(n, [body.payload.nonce, thread]);
      mark(body.payload.nonce, thread);
      const res = await fetch(`${server.url}/api/hotline/threads/${thread}/messages`, { method: "POST", headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json", "idempotency-key": body.payload.nonce }, body: JSON.stringify(body) }).catch(() => null);
      if (res) await res.arrayBuffer();
      return res?.status === 201;
    },
  }, SECONDS);
  await server.stop();

  // The ceiling: the same clients and load on a bare Fastify SSE echo, in its
  // own process like the product server, so both get the machine alike.
  const echoSource = `
    import Fastify from "fastify";
    const members = ${JSON.stringify(members)};
    const parties = ${JSON.stringify(PARTIES)};
    const echo = Fastify();
    const streams = new Map(parties.map((p) => [p, new Set()]));
    echo.get("/sse", (req, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "text/event-stream" });
      reply.raw.write("event: ready\\ndata: {}\\n\\n");
      const set = streams.get(req.query.party);
      set.add(reply.raw);
      reply.raw.on("close", () => set.delete(reply.raw));
    });
    let seq = 0;
    echo.post("/send", async (req) => {
      const frame = "id: " + (++seq) + "\\nevent: m\\ndata: " + JSON.stringify({ payload: req.body }) + "\\n\\n";
      for (const party of members[req.body.thread_id]) for (const s of streams.get(party)) s.write(frame);
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
    send: async (n, mark) => {
      const thread = threads[Math.floor(n / 2) % 2]!.id;
      const nonce = `echo${n}`;
      lastSent.set(n, [nonce, thread]);
      mark(nonce, thread);
      const res = await fetch(`${echoUrl}/send`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nonce, thread_id: thread }) }).catch(() => null);
      if (res) await res.arrayBuffer();
      return res?.status === 200;
    },
  }, SECONDS);
  child.kill();
  rmSync(dataDir, { recursive: true, force: true });
  if (schema && process.env.DATABASE_URL) {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
  console.log(JSON.stringify({ clients: CLIENTS, messages: product.messages, p50_ms: product.p50, p99_ms: product.p99, lost: product.lost, duplicated: product.dup, leaked: product.leak, ceiling_p99_ms: ceiling.p99 }));
}

await main();
