// SSE clients of bench/hotline.ts, run in a worker thread (plain JS). They
// behave as a browser's EventSource does: keep the last event id, and when a
// stream is cut off reconnect after the server's `retry:` delay with
// Last-Event-ID, so `lost` counts only events a real client never gets.
// Parsing is minimal and works on the bytes: frames are split on blank lines,
// other events are skipped by their `event:` line, and of the counted events
// only the message number (carried in the nonce) and the thread id are read.
import { parentPort, workerData } from "node:worker_threads";
import net from "node:net";

/** @type {{ clients: Array<{ party: string; url: string; headers: Record<string, string> }>; members: Record<string, string[]>; type: string; total: number }} */
const { clients, members, type, total } = workerData;
const clock = () => performance.timeOrigin + performance.now();
const hist = new Uint32Array(100001); // 0.1 ms buckets up to 10 s, then overflow
// BENCH_DEBUG: for a few streams, where each message's time went, from the
// server's timestamps in the frame (millisecond ISO times): post → received
// (HTTP, sign-in, signature check), received → published (the transaction up
// to its event row), published → read (commit, fan-out, flush wait, socket,
// this client). All three against the wall clock (Date), never against the
// monotonic clock of the end-to-end figure: on this machine the two drift
// apart by up to ~5 ms a second while the system clock is being corrected.
const PHASES = ["post_to_received", "received_to_published", "published_to_read"];
const phaseHist = workerData.phases ? PHASES.map(() => new Uint32Array(100001)) : null;
const PHASE_STREAMS = 8;
/** When message n was posted (0 = not heard of yet; monotonic and wall clock), and arrivals heard of first. */
const t0 = new Float64Array(total);
const wall0 = new Float64Array(total);
const early = [];
const BLANK = Buffer.from("\n\n");
const HEAD_END = Buffer.from("\r\n\r\n");
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const MARKER = Buffer.from(`\nevent: ${type}\n`);
const READY = Buffer.from("\nevent: ready\n");
const NL_ID = Buffer.from("\nid: ");
const RETRY = Buffer.from("retry: ");
const ID = Buffer.from("id: ");
const NONCE = Buffer.from('"nonce":"');
const AT = Buffer.from('"at":"');
const RECEIVED_AT = Buffer.from('"received_at":"');
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

function record(ms, h = hist) {
  h[Math.min(100000, Math.max(0, Math.round(ms * 10)))]++;
}

/** Server times of one frame, for the phase histograms (post time and read time known). */
function phases(buf, m, posted, read) {
  const a = buf.indexOf(AT, m) + AT.length;
  const r = buf.indexOf(RECEIVED_AT, m) + RECEIVED_AT.length;
  if (a < AT.length || r < RECEIVED_AT.length) return;
  const at = Date.parse(buf.toString("latin1", a, a + 24));
  const received = Date.parse(buf.toString("latin1", r, r + 24));
  record(received - posted, phaseHist[0]);
  record(at - received, phaseHist[1]);
  record(read - at, phaseHist[2]);
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

/**
 * Reads the complete frames in buf[0, end): each counted event (found by its
 * event line, so other events are never looked at one by one), the last id
 * for Last-Event-ID, and at the start of a stream its retry delay and ready.
 */
function frames(i, buf, end) {
  const s = state[i];
  if (!s.ready) {
    const r = buf.indexOf(RETRY);
    if (r >= 0 && r < end) s.retry = Number(buf.toString("latin1", r + RETRY.length, buf.indexOf(10, r))) || s.retry;
    const k = buf.indexOf(READY);
    if (k >= 0 && k < end) {
      s.ready = true;
      if (++ready === clients.length) parentPort.postMessage({ ready: true });
    }
  }
  for (let m = buf.indexOf(MARKER); m >= 0 && m < end; m = buf.indexOf(MARKER, m + MARKER.length)) {
    const t = clock();
    const n = messageNumber(buf, buf.indexOf(NONCE, m) + NONCE.length);
    const b = buf.indexOf(THREAD, m) + THREAD.length;
    const thread = buf.toString("latin1", b, buf.indexOf(0x22, b));
    if (!s.member[thread]) s.leak++;
    if (s.got[n]) {
      s.dup++;
      continue;
    }
    s.got[n] = 1;
    if (t0[n]) {
      record(t - t0[n]);
      if (phaseHist && i < PHASE_STREAMS) phases(buf, m, wall0[n], Date.now());
    } else early.push(n, t);
  }
  // An id line starts a frame: after a blank line, or at the very start.
  const li = buf.lastIndexOf(NL_ID, end - 2);
  const idStart = li >= 0 ? li + NL_ID.length : startsWith(buf, 0, ID) ? ID.length : -1;
  if (idStart >= 0) s.last = buf.toString("latin1", idStart, buf.indexOf(10, idStart));
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
  // A plain GET over a socket that reads into one buffer shared by every
  // stream of the worker (nothing allocated per read). The servers end the
  // event stream by closing the connection, so after the head every byte is
  // event text.
  const u = new URL(c.url);
  let head = true;
  const sock = net.connect({
    host: u.hostname,
    port: Number(u.port),
    onread: {
      buffer: READ_BUFFER,
      callback: (n, chunk) => {
        let buf = s.rest ? Buffer.concat([s.rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        if (head) {
          const h = buf.indexOf(HEAD_END);
          if (h < 0) {
            s.rest = Buffer.from(buf);
            return;
          }
          const status = buf.toString("latin1", 0, buf.indexOf(13));
          if (!/^HTTP\/1\.1 200 /.test(status) || /\r\ntransfer-encoding:/i.test(buf.toString("latin1", 0, h))) {
            sock.destroy();
            return;
          }
          head = false;
          buf = buf.subarray(h + HEAD_END.length);
        }
        const last = buf.lastIndexOf(BLANK);
        if (last >= 0) frames(i, buf, last + 2);
        s.rest = last < 0 ? (buf.length ? Buffer.from(buf) : null) : last + 2 < buf.length ? Buffer.from(buf.subarray(last + 2)) : null;
      },
    },
  });
  sock.on("connect", () => {
    const lines = Object.entries({ host: u.host, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    sock.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\n${lines.join("")}\r\n`);
  });
  sock.on("error", again);
  sock.on("end", again);
  sock.on("close", again);
  s.req = sock;
}

parentPort.on("message", (m) => {
  if (m.sent) {
    for (const [n, t, wall] of m.sent) {
      t0[n] = t;
      wall0[n] = wall;
    }
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
      parentPort.postMessage({ done: { lost, dup, leak, reconnects, hist, phaseHist } });
    };
    check();
  }
});

clients.forEach((_, i) => connect(i));
