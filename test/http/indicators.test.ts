// Calm index, public dashboard and reports over HTTP, each for the audience
// it is meant for: hidden incidents never move another party's figures.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { ensureTestSet, incidentRow } from "../helpers/incident-rows.ts";

/** Reads a binary PPM (P6) as pdftoppm writes it. */
function readPpm(buf: Buffer): { w: number; h: number; px: (x: number, y: number) => [number, number, number] } {
  const header = buf.subarray(0, 64).toString("latin1").split(/\s+/);
  const w = Number(header[1]);
  const h = Number(header[2]);
  const offset = buf.indexOf(Buffer.from(`${header[3]}\n`), 2) + header[3]!.length + 1;
  return { w, h, px: (x, y) => { const i = offset + (y * w + x) * 3; return [buf[i]!, buf[i + 1]!, buf[i + 2]!]; } };
}

function countColour(img: ReturnType<typeof readPpm>, rgb: [number, number, number], tol = 12): number {
  let n = 0;
  for (let y = 0; y < img.h; y += 2) for (let x = 0; x < img.w; x += 2) {
    const [r, g, b] = img.px(x, y);
    if (Math.abs(r - rgb[0]) <= tol && Math.abs(g - rgb[1]) <= tol && Math.abs(b - rgb[2]) <= tol) n++;
  }
  return n;
}

eachDialect("indicators and reports", (dialect) => {
  let t: TestApp;
  let isr: Session, syr: Session, usa: Session;
  const clock = new ManualClock(new Date("2025-06-18T10:00:00Z"));
  before(async () => {
    t = await startTestApp(dialect, { clock, config: { publicDelayDays: 7 } });
    [isr, syr, usa] = (await Promise.all(["isr.liaison", "syr.liaison", "usa.mediator"].map((u) => t.login(u)))) as [Session, Session, Session];
    const db = t.ctx.db;
    await ensureTestSet(db);
    const rows = [
      incidentRow("inc_a", { event_date: "2025-06-16", fatalities: 2 }),
      incidentRow("inc_b", { event_date: "2025-06-17", sub_event_type: "Shelling/artillery/missile attack", verification: "reported", geo_precision: 2, latitude: 33.0, longitude: 35.95 }),
      incidentRow("inc_c", { event_date: "2025-06-10", event_type: "Battles", sub_event_type: "Armed clash", zone: "aos", pack_admin1: "SY-QU", latitude: 33.2, longitude: 35.85 }),
      incidentRow("inc_isr_only", { event_date: "2025-06-16", distribution: "party:ISR", owner_party: "ISR", zone: "west-0-10", pack_admin1: "IL-Z", latitude: 33.1, longitude: 35.7 }),
      incidentRow("inc_public_old", { event_date: "2025-06-03", distribution: "public", zone: "east-0-10", pack_admin1: "SY-DR", latitude: 32.75, longitude: 36.0 }),
      incidentRow("inc_public_new", { event_date: "2025-06-17", distribution: "public", zone: "east-0-10", pack_admin1: "SY-DR" }),
    ];
    for (const r of rows) await db.insertInto("incidents").values(r).execute();
  });
  after(async () => t.close());

  test("calm index by zone: weights, band, change, and need-to-know", async () => {
    const res = await t.call(syr, "GET", "/api/indicators/calm?area_type=zone&weeks=2&to=2025-06-16");
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(body.weeks, ["2025-06-09", "2025-06-16"]);
    const east = body.rows.find((r: { area: string; week: string }) => r.area === "east-0-10" && r.week === "2025-06-16");
    // one verified strike with 2 deaths (3 + 2) + one reported imprecise shelling (2 × 0.5 × 0.8) + one public verified strike (3)
    assert.equal(east.score, 8.8);
    assert.equal(east.counts.air_drone.raw, 2);
    assert.ok(east.calm_low <= east.calm && east.calm <= east.calm_high);
    const westForSyr = body.rows.find((r: { area: string; week: string }) => r.area === "west-0-10" && r.week === "2025-06-16");
    assert.equal(westForSyr.score, 0, "an ISR-only incident does not move SYR's figures");
    const westForIsr = (await t.call(isr, "GET", "/api/indicators/calm?area_type=zone&weeks=1&to=2025-06-16")).json().rows.find((r: { area: string }) => r.area === "west-0-10");
    assert.equal(westForIsr.score, 3);
    const aos = body.rows.find((r: { area: string; week: string }) => r.area === "aos" && r.week === "2025-06-16");
    assert.equal(aos.previous.score, 2);
    assert.equal(aos.change.score, -2);
  });

  test("CSV, governorates and bad input", async () => {
    const csv = await t.call(usa, "GET", "/api/indicators/calm?area_type=admin1&weeks=1&to=2025-06-16&areas=SY-QU,SY-DR&format=csv");
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers["content-type"] as string, /text\/csv/);
    const lines = csv.body.trim().split("\n");
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^area_type,area,week,calm/);
    const bad = await t.call(usa, "GET", "/api/indicators/calm?area_type=admin1&areas=XX-YY");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "areas");
    const badWeeks = await t.call(usa, "GET", "/api/indicators/calm?weeks=0");
    assert.equal(badWeeks.json().details[0].path, "query.weeks");
  });

  test("public dashboard: no sign-in, public records only, behind the publication delay", async () => {
    const res = await t.call(null, "GET", "/api/public/dashboard?weeks=4");
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.as_of, "2025-06-11");
    assert.ok(!body.weeks.includes("2025-06-16"), "the current week is not public yet");
    const dr = body.rows.filter((r: { area: string }) => r.area === "SY-DR");
    assert.equal(dr.reduce((s: number, r: { counts: { air_drone: { raw: number } } }) => s + r.counts.air_drone.raw, 0), 1, "only the older public incident");
    const qu = body.rows.filter((r: { area: string }) => r.area === "SY-QU");
    assert.equal(qu.reduce((s: number, r: { score: number }) => s + r.score, 0), 0, "shared incidents are not public");
  });

  test("reports: only for my own audience (public by the mediator); PDF has the map and the charts", async (tc) => {
    assert.equal((await t.call(syr, "POST", "/api/reports", { audience: "ISR", week: "2025-06-16" })).statusCode, 403);
    assert.equal((await t.call(syr, "POST", "/api/reports", { audience: "public", week: "2025-06-16" })).statusCode, 403);
    const made = await t.call(isr, "POST", "/api/reports", { audience: "ISR", week: "2025-06-16" });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id;
    assert.equal((await t.call(syr, "GET", `/api/reports/${id}/pdf`)).statusCode, 404);
    assert.equal((await t.call(null, "GET", `/api/reports/${id}/pdf`)).statusCode, 404);
    const html = await t.call(isr, "GET", `/api/reports/${id}/html`);
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /<svg[^>]+aria-label="Incidents of the period"/);
    assert.match(html.body, /Weekly score/);
    const pdf = await t.call(isr, "GET", `/api/reports/${id}/pdf`);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    // The pages are rasterised with poppler's pdftoppm (.ci/run installs poppler-utils); without it the pixel checks cannot run.
    if (spawnSync("pdftoppm", ["-v"]).error) {
      tc.diagnostic("pdftoppm is not installed (apt-get install poppler-utils): the PDF's pages were not rasterised and checked");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "tl-pdf-"));
    writeFileSync(join(dir, "r.pdf"), pdf.rawPayload);
    execFileSync("pdftoppm", ["-r", "50", join(dir, "r.pdf"), join(dir, "page")]);
    const pages = readdirSync(dir).filter((f) => f.startsWith("page")).sort();
    assert.ok(pages.length >= 3, `pages: ${pages.join(",")}`);
    const mapPage = readPpm(readFileSync(join(dir, pages[1]!)));
    assert.ok(countColour(mapPage, [0xfd, 0xd0, 0xa2]) > 50, "the 0–10 km bands are drawn on the map page");
    assert.ok(countColour(mapPage, [0xb2, 0x18, 0x2b], 30) > 0, "an air-strike marker is on the map");
    const chartPage = readPpm(readFileSync(join(dir, pages[2]!)));
    assert.ok(countColour(chartPage, [0x45, 0x75, 0xb4]) > 20, "the weekly trend bars are drawn");

    const pub = await t.call(usa, "POST", "/api/reports", { audience: "public", week: "2025-06-09", language: "ar" });
    assert.equal(pub.statusCode, 201);
    const listed = (await t.call(null, "GET", "/api/public/reports")).json().items;
    assert.deepEqual(listed.map((r: { id: string }) => r.id), [pub.json().id]);
    const arHtml = await t.call(null, "GET", `/api/reports/${pub.json().id}/html`);
    assert.match(arHtml.body, /<html lang="ar" dir="rtl">/);
  });

  test("a report changed on disk is refused", async () => {
    const made = (await t.call(syr, "POST", "/api/reports", { audience: "SYR", week: "2025-06-16" })).json();
    const file = join(t.config.dataDir, "reports", `${made.id}.html`);
    writeFileSync(file, readFileSync(file, "utf8").replace("Weekly", "Weakly"));
    const res = await t.call(syr, "GET", `/api/reports/${made.id}/html`);
    assert.equal(res.statusCode, 409);
    assert.match(res.json().message, /SHA-256/);
  });
});
