// SSE clients of bench/hotline.ts, run in a worker thread (plain JS). They
// behave as a browser's EventSource does: keep the last event id, and when a
// stream is cut off reconnect after the server's `retry:` delay with
// Last-Event-ID, so `lost` counts only events a real client never gets.
// Parsing is minimal and works on the bytes: frames are split on blank lines,
// other events are skipped by their `event:` line, and of the counted events
// only the message number (carried in the nonce) and the thread id are read.
import { parentPort, workerData } from "node:worker_threads";
import http from "node:http";

/** @type {{ clients: Array<{ party: string; url: string; headers: Record<string, string> }>; members: Record<string, string[]>; type: string; total: number }} */
const { clients, members, type, total } = workerData;
const clock = () => performance.timeOrigin + performance.now();
const hist = new Uint32Array(100001); // 0.1 ms buckets up to 10 s, then overflow
/** When message n was posted (0 = not heard of yet), and arrivals heard of first. */
const t0 = new Float64Array(total);
const early = [];
const BLANK = Buffer.from("\n\n");
const MARKER = Buffer.from(`event: ${type}\n`);
const READY = Buffer.from("event: ready\n");
const RETRY = Buffer.from("retry: ");
const ID = Buffer.from("id: ");
const NONCE = Buffer.from('"nonce":"');
const THREAD = Buffer.from('"thread_id":"');
const state = clients.map((c) => ({
  got: new Uint8Array(total),
  member: Object.fromEntries(Object.entries(members).map(([thread, parties]) => [thread, parties.includes(c.party)])),
  dup: 0,
  leak: 0,
  ready: false,
  last: null,
  retry: 2000,
  gen: 0,
  req: null,
  reconnects: 0,
  rest: null,
}));
let ready = 0;
let finishing = false;

function record(ms) {
  hist[Math.min(100000, Math.max(0, Math.round(ms * 10)))]++;
}

const startsWith = (buf, at, prefix) => buf.length >= at + prefix.length && buf.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;

/** Message number from a bench nonce: "b" or "e", base-36 digits, "_", random. */
function messageNumber(buf, at) {
  let n = 0;
  for (let i = at + 1; ; i++) {
    const c = buf[i];
    if (c === 0x5f) return n;
    n = n * 36 + (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
}

/** Handles one frame; returns the end of its id line when it has an id (the caller keeps the last one), else -1. */
function frame(i, buf, start, end) {
  const s = state[i];
  if (buf[start] !== 0x69 /* i */ || !startsWith(buf, start, ID)) {
    if (startsWith(buf, start, RETRY)) s.retry = Number(buf.toString("latin1", start + RETRY.length, end)) || s.retry;
    return -1; // heartbeats and other comments
  }
  const nl = buf.indexOf(10, start);
  if (startsWith(buf, nl + 1, READY)) {
    if (!s.ready) {
      s.ready = true;
      if (++ready === clients.length) parentPort.postMessage({ ready: true });
    }
    return nl;
  }
  if (!startsWith(buf, nl + 1, MARKER)) return nl;
  const t = clock();
  const a = buf.indexOf(NONCE, nl) + NONCE.length;
  const n = messageNumber(buf, a);
  const b = buf.indexOf(THREAD, nl) + THREAD.length;
  const thread = buf.toString("latin1", b, buf.indexOf(0x22, b));
  if (!s.member[thread]) s.leak++;
  if (s.got[n]) {
    s.dup++;
    return nl;
  }
  s.got[n] = 1;
  if (t0[n]) record(t - t0[n]);
  else early.push(n, t);
  return nl;
}

function connect(i) {
  const c = clients[i], s = state[i], gen = ++s.gen;
  const headers = s.last === null ? c.headers : { ...c.headers, "last-event-id": s.last };
  s.rest = null;
  const again = () => {
    if (gen !== s.gen || finishing) return;
    s.gen++;
    s.reconnects++;
    setTimeout(() => {
      if (!finishing) connect(i);
    }, s.retry);
  };
  const req = http.request(c.url, { headers, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      again();
      return;
    }
    res.on("data", (chunk) => {
      const buf = s.rest ? Buffer.concat([s.rest, chunk]) : chunk;
      let pos = 0, k, idStart = -1, idEnd = -1;
      while ((k = buf.indexOf(BLANK, pos)) >= 0) {
        const nl = frame(i, buf, pos, k);
        if (nl >= 0) {
          idStart = pos + ID.length;
          idEnd = nl;
        }
        pos = k + 2;
      }
      // Last-Event-ID: the id of the last complete frame read.
      if (idEnd >= 0) s.last = buf.toString("latin1", idStart, idEnd);
      s.rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    });
    res.on("end", again);
    res.on("error", again);
    res.on("close", again);
  });
  req.on("error", again);
  req.end();
  s.req = req;
}

parentPort.on("message", (m) => {
  if (m.sent) {
    for (const [n, t] of m.sent) t0[n] = t;
    if (early.length) {
      const keep = [];
      for (let j = 0; j < early.length; j += 2) {
        const n = early[j], t = early[j + 1];
        if (t0[n]) record(t - t0[n]);
        else keep.push(n, t);
      }
      early.length = 0;
      early.push(...keep);
    }
  }
  if (m.finish) {
    /** @type {Array<[number, string]>} */
    const sent = m.finish;
    // Wait (bounded) until every client has every message it should get, reconnecting clients included.
    const missing = () => {
      let lost = 0;
      for (const s of state) for (const [n, thread] of sent) if (s.member[thread] && !s.got[n]) lost++;
      return lost;
    };
    const deadline = Date.now() + m.graceMs;
    const check = () => {
      const lost = missing();
      if (lost && Date.now() < deadline) {
        setTimeout(check, 250);
        return;
      }
      finishing = true;
      let dup = 0, leak = 0, reconnects = 0;
      for (const s of state) {
        dup += s.dup;
        leak += s.leak;
        reconnects += s.reconnects;
        s.req?.destroy();
      }
      parentPort.postMessage({ done: { lost, dup, leak, reconnects, hist } });
    };
    check();
  }
});

clients.forEach((_, i) => connect(i));
