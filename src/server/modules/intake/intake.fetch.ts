// Fetching a page or feed for intake, with the refusals a server-side fetch
// needs: only http(s); no private, loopback, link-local, unspecified or other
// special addresses (checked on the address actually connected to, after DNS,
// and again on every redirect, so DNS rebinding and redirects to an internal
// host are refused too); a size limit and an overall time limit. Node's http
// client is used rather than fetch() because its `lookup` hook lets the check
// sit between name resolution and the connection.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError, errors } from "../../platform/http/errors.ts";

export interface FetchLimits {
  /** Tests and closed networks only: allow private and loopback addresses. */
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
}

export interface Fetched {
  requestedUrl: string;
  url: string;
  status: number;
  contentType: string;
  charset: string | null;
  body: Buffer;
}

const v4 = new BlockList();
const v4Ranges: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"], ["10.0.0.0", 8, "private"], ["100.64.0.0", 10, "private (shared address space)"],
  ["127.0.0.0", 8, "loopback"], ["169.254.0.0", 16, "link-local"], ["172.16.0.0", 12, "private"], ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved (documentation)"], ["192.168.0.0", 16, "private"], ["198.18.0.0", 15, "reserved (benchmarking)"],
  ["198.51.100.0", 24, "reserved (documentation)"], ["203.0.113.0", 24, "reserved (documentation)"], ["224.0.0.0", 4, "multicast"], ["240.0.0.0", 4, "reserved"],
];
const v4Lists = v4Ranges.map(([net, prefix, label]) => {
  const b = new BlockList();
  b.addSubnet(net, prefix, "ipv4");
  v4.addSubnet(net, prefix, "ipv4");
  return { b, label };
});
const v6Ranges: Array<[string, number, string]> = [
  ["::", 128, "unspecified"], ["::1", 128, "loopback"], ["fe80::", 10, "link-local"], ["fc00::", 7, "private (unique local)"],
  ["ff00::", 8, "multicast"], ["2001:db8::", 32, "reserved (documentation)"], ["100::", 64, "reserved (discard)"], ["fec0::", 10, "reserved (site-local)"],
];
const v6Lists = v6Ranges.map(([net, prefix, label]) => {
  const b = new BlockList();
  b.addSubnet(net, prefix, "ipv6");
  return { b, label };
});

/** Expands an IPv6 literal to its eight 16-bit groups (null when it is not one). */
function v6Groups(ip: string): number[] | null {
  let s = ip.toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const p = tail[1]!.split(".").map(Number);
    s = s.slice(0, -tail[1]!.length) + (((p[0]! << 8) | p[1]!).toString(16)) + ":" + (((p[2]! << 8) | p[3]!).toString(16));
  }
  const [head, rest] = s.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const r = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const fill = rest === undefined ? 0 : 8 - h.length - r.length;
  const all = [...h, ...Array<string>(Math.max(0, fill)).fill("0"), ...r];
  if (all.length !== 8) return null;
  return all.map((g) => parseInt(g, 16));
}

/** Why an address may not be fetched from, or null when it is an ordinary public address. */
export function blockedReason(ip: string): string | null {
  const fam = isIP(ip);
  if (fam === 4) {
    for (const { b, label } of v4Lists) if (b.check(ip, "ipv4")) return label;
    return ip === "255.255.255.255" ? "broadcast" : null;
  }
  if (fam === 6) {
    const g = v6Groups(ip);
    if (!g) return "unparsable";
    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible and NAT64 addresses carry an IPv4 address: judge that one.
    const embedded = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
    const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
    if (zeros(5) && g[5] === 0xffff) return blockedReason(embedded);
    if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return blockedReason(embedded);
    if (zeros(6) && !(g[6] === 0 && g[7]! <= 1)) return blockedReason(embedded);
    const norm = g.map((x) => x.toString(16)).join(":");
    for (const { b, label } of v6Lists) if (b.check(norm, "ipv6")) return label;
    return null;
  }
  return "not an IP address";
}

function refuse(host: string, ip: string, reason: string): AppError {
  return new AppError("blocked_address", `Refused to fetch from ${host}: it resolves to ${ip}, a ${reason} address. Intake only fetches from public addresses.`, [{ path: "url", problem: `${reason} address` }]);
}

/** A lookup hook that refuses special addresses after resolution (so the check covers what is connected to). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      if (!allowPrivate) {
        for (const a of addresses) {
          const why = blockedReason(a.address);
          if (why) return callback(refuse(hostname, a.address, why), "", 0);
        }
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

export const FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"];
export const PAGE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"];

export function parseUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw errors.validation("Invalid url: not an absolute address", [{ path: "url", problem: "not an absolute http(s) address" }]);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw errors.validation(`Invalid url: ${u.protocol} is not fetched; use http or https`, [{ path: "url", problem: "only http and https" }]);
  return u;
}

function contentTypeOf(header: string | undefined): { type: string; charset: string | null } {
  const [type = "", ...params] = (header ?? "").split(";").map((s) => s.trim());
  const cs = params.find((p) => /^charset=/i.test(p));
  return { type: type.toLowerCase(), charset: cs ? cs.slice(8).replace(/"/g, "").toLowerCase() : null };
}

/** GET with every refusal above; `accept` lists the content types the caller can use. */
export async function fetchUrl(raw: string, limits: FetchLimits, accept: readonly string[] = [...PAGE_TYPES, ...FEED_TYPES]): Promise<Fetched> {
  let url = parseUrl(raw);
  const deadline = Date.now() + limits.timeoutMs;
  const maxRedirects = limits.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal) && !limits.allowPrivate) {
      const why = blockedReason(literal);
      if (why) throw refuse(url.hostname, literal, why);
    }
    const res = await getOnce(url, limits, deadline, accept);
    if (res.redirect) {
      if (hop >= maxRedirects) throw new AppError("http_error", `Gave up after ${maxRedirects} redirects from ${raw}.`, [{ path: "url", problem: "too many redirects" }]);
      url = parseUrl(new URL(res.redirect, url).toString());
      continue;
    }
    return { requestedUrl: raw, url: url.toString(), status: res.status, contentType: res.contentType, charset: res.charset, body: res.body };
  }
}

interface OneResult { status: number; redirect: string | null; contentType: string; charset: string | null; body: Buffer }

function getOnce(url: URL, limits: FetchLimits, deadline: number, accept: readonly string[]): Promise<OneResult> {
  return new Promise<OneResult>((resolvePromise, rejectPromise) => {
    let settled = false;
    const done = (e: Error | null, v?: OneResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) rejectPromise(e);
      else resolvePromise(v!);
    };
    const remaining = Math.max(1, deadline - Date.now());
    const timeoutError = () => new AppError("timeout", `No complete answer from ${url.host} within ${limits.timeoutMs} ms.`, [{ path: "url", problem: "timed out" }]);
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(url, {
      lookup: guardedLookup(limits.allowPrivate),
      headers: { "user-agent": "Truceline-Intake/1.0", accept: accept.join(", ") + ", */*;q=0.1", "accept-encoding": "identity" },
    }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return done(null, { status, redirect: res.headers.location, contentType: "", charset: null, body: Buffer.alloc(0) });
      }
      if (status >= 400 || status < 200) {
        res.resume();
        return done(new AppError("http_error", `${url.host} answered HTTP ${status} for ${url.pathname}.`, [{ path: "url", problem: `HTTP ${status}` }]));
      }
      const { type, charset } = contentTypeOf(res.headers["content-type"]);
      if (!accept.includes(type)) {
        res.resume();
        return done(new AppError("unsupported_content", `The address returned ${type || "no content type"}; intake reads ${accept.join(", ")}.`, [{ path: "url", problem: `content type ${type || "missing"}` }]));
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      const tooLarge = () => new AppError("too_large", `The page is larger than the intake limit of ${limits.maxBytes} bytes.`, [{ path: "url", problem: `over ${limits.maxBytes} bytes` }]);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        res.destroy();
        return done(tooLarge());
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          res.destroy();
          done(tooLarge());
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => done(null, { status, redirect: null, contentType: type, charset, body: Buffer.concat(chunks) }));
      res.on("error", (e) => done(e));
    });
    const timer = setTimeout(() => {
      req.destroy();
      done(timeoutError());
    }, remaining);
    req.on("error", (e: Error) => {
      if (e instanceof AppError) return done(e);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTFOUND" || code === "EAI_AGAIN") return done(new AppError("http_error", `The name ${url.hostname} does not resolve.`, [{ path: "url", problem: "host not found" }]));
      done(new AppError("http_error", `Could not fetch ${url.host}: ${code ?? e.message}.`, [{ path: "url", problem: code ?? "connection failed" }]));
    });
  });
}
