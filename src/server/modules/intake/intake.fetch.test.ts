// URL fetching for intake against a real loopback server: every refusal has
// its own code, and internal addresses are refused after DNS resolution.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { AppError } from "../../platform/http/errors.ts";
import { blockedReason, fetchUrl, FEED_TYPES, PAGE_TYPES } from "./intake.fetch.ts";
import { startFixture, type Fixture } from "../../../../test/http/intake-fixture.ts";

let fx: Fixture;
before(async () => { fx = await startFixture(); });
after(async () => fx.close());

const open = { allowPrivate: true, maxBytes: 64 * 1024, timeoutMs: 800 };
const closed = { ...open, allowPrivate: false };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.code;
  }
  return "ok";
}

test("a page is fetched and redirects are followed", async () => {
  const r = await fetchUrl(`${fx.base}/to-article`, open, PAGE_TYPES);
  assert.equal(r.status, 200);
  assert.equal(r.contentType, "text/html");
  assert.ok(r.url.endsWith("/article.html"));
  assert.match(r.body.toString(), /Nawa/);
});

test("each refusal has its own code", async () => {
  assert.equal(await codeOf(fetchUrl(`${fx.base}/big.txt`, open)), "too_large", "declared length over the limit");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/chunked-big`, open)), "too_large", "streamed body over the limit");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/slow`, open)), "timeout");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/missing`, open)), "http_error");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/loop`, open)), "http_error", "redirect loop");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/image.png`, open)), "unsupported_content");
  assert.equal(await codeOf(fetchUrl(`${fx.base}/article.html`, open, FEED_TYPES)), "unsupported_content", "a page where a feed was expected");
  assert.equal(await codeOf(fetchUrl("ftp://example.org/x", open)), "validation_failed");
  assert.equal(await codeOf(fetchUrl("not a url", open)), "validation_failed");
});

test("private, loopback and link-local addresses are refused unless allowed, also when a name resolves to one", async () => {
  const port = new URL(fx.base).port;
  assert.equal(await codeOf(fetchUrl(`${fx.base}/plain.txt`, closed)), "blocked_address", "IPv4 literal");
  assert.equal(await codeOf(fetchUrl(`http://localhost:${port}/plain.txt`, closed)), "blocked_address", "a name that resolves to loopback");
  assert.equal(await codeOf(fetchUrl(`http://[::1]:${port}/plain.txt`, closed)), "blocked_address", "IPv6 loopback");
  assert.equal(await codeOf(fetchUrl(`http://[::ffff:127.0.0.1]:${port}/plain.txt`, closed)), "blocked_address", "IPv4-mapped IPv6");
  assert.equal(await codeOf(fetchUrl("http://169.254.169.254/latest/meta-data/", closed)), "blocked_address", "cloud metadata address");
  assert.equal(await codeOf(fetchUrl("http://0.0.0.0/", closed)), "blocked_address", "unspecified");
  try {
    await fetchUrl(`${fx.base}/plain.txt`, closed);
  } catch (e) {
    assert.match((e as Error).message, /loopback/);
    assert.deepEqual((e as AppError).details[0]?.path, "url");
  }
  assert.equal(await codeOf(fetchUrl(`${fx.base}/plain.txt`, open)), "ok");
});

const octet = fc.integer({ min: 0, max: 255 });
test("property: addresses in private, loopback, link-local and unspecified ranges are blocked, also when written as IPv6", () => {
  const special = fc.oneof(
    fc.tuple(octet, octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    fc.tuple(octet, octet, octet).map(([a, b, c]) => `127.${a}.${b}.${c}`),
    fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([a, b, c]) => `172.${a}.${b}.${c}`),
    fc.tuple(octet, octet).map(([b, c]) => `192.168.${b}.${c}`),
    fc.tuple(octet, octet).map(([b, c]) => `169.254.${b}.${c}`),
    fc.tuple(octet, octet, octet).map(([a, b, c]) => `0.${a}.${b}.${c}`),
  );
  fc.assert(fc.property(special, (ip) => {
    assert.notEqual(blockedReason(ip), null, ip);
    const p = ip.split(".").map(Number);
    const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
    assert.notEqual(blockedReason(`::ffff:${ip}`), null, `::ffff:${ip}`);
    assert.notEqual(blockedReason(`::ffff:${hex(p[0]!, p[1]!)}:${hex(p[2]!, p[3]!)}`), null);
    assert.notEqual(blockedReason(`64:ff9b::${ip}`), null);
  }));
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), (a, b) => {
    assert.notEqual(blockedReason(`fe80::${a.toString(16)}:${b.toString(16)}`), null);
    assert.notEqual(blockedReason(`fd${(a & 0xff).toString(16).padStart(2, "0")}::${b.toString(16)}`), null);
  }));
  for (const ip of ["::", "::1", "0.0.0.0", "255.255.255.255", "100.64.1.1", "224.0.0.1"]) assert.notEqual(blockedReason(ip), null, ip);
});

test("property: ordinary public addresses are allowed", () => {
  const publicV4 = fc.tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
    .filter(([a, b]) => ![10, 127, 0, 100, 169, 172, 192, 198, 203].includes(a) || (a === 172 && (b < 16 || b > 31)) || (a === 192 && b !== 168 && b !== 0) || (a === 169 && b !== 254) || (a === 100 && (b < 64 || b > 127)) || (a === 198 && b !== 18 && b !== 19 && b !== 51))
    .map((p) => p.join("."));
  fc.assert(fc.property(publicV4, (ip) => {
    assert.equal(blockedReason(ip), null, ip);
    assert.equal(blockedReason(`::ffff:${ip}`), null, `::ffff:${ip}`);
  }));
  for (const ip of ["8.8.8.8", "2a00:1450:4001:80b::200e", "2606:4700::1111"]) assert.equal(blockedReason(ip), null, ip);
});
