// The review and reporting screens in a real browser: intake review (an
// analyst pastes an article, accepts a proposed event and finds it on the
// map), the talks and commitments board, indicators with their charts,
// reports, and the public page — each in English, Arabic and Hebrew with
// screenshots, axe checks and no request leaving the server's origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import {
  chromiumAvailable, foreignRequests, inEachLanguage, launchBrowser, recordedContext, screenshot, setLanguage, signIn, startE2eServer, type E2eServer,
} from "./harness.ts";

const skip = chromiumAvailable() ? false : "chromium is not installed at /usr/bin/chromium (apt-get install chromium)";
const ARTICLE = [
  "Syrian army artillery shelled farmland on the edge of Khan Arnabah in the Quneitra countryside on Monday, wounding two shepherds, residents told reporters.",
  "A local official said the shells landed close to the area of separation and that the fire stopped after about an hour.",
].join(" ");

describe("web review and reporting screens", { skip }, () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    // Sessions outlive the sixteen days the talks test moves the clock on.
    server = await startE2eServer({ sessionHours: 24 * 40 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("intake: an analyst pastes an article, sees the evidence highlighted, accepts the event, and it appears on the map", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "isr.analyst");
    await page.getByTestId("nav").locator('a[href="/intake"]').click();
    await page.getByTestId("proposal-list").waitFor();
    await page.getByTestId("paste-source").locator("summary").click();
    const form = page.getByTestId("paste-form");
    await form.getByLabel("Headline (optional)").fill("Shelling near Khan Arnabah");
    await form.getByLabel("Publication date (optional)").fill("2025-06-17");
    await form.getByLabel("Article text").fill(ARTICLE);
    await form.getByRole("button", { name: "Extract events" }).click();
    // The screen opens the first proposal from the pasted article, with its evidence marked in the text.
    await page.getByTestId("proposal-review").waitFor();
    // The extractor may propose more than one event; review the one at Khan Arnabah (the gazetteer spells it Arnabeh).
    await page.getByTestId("proposal-list").locator("a", { hasText: /Khan Arnab/ }).click();
    await page.getByTestId("proposal-review").locator("h2").first().filter({ hasText: /Khan Arnab/ }).waitFor();
    await page.getByTestId("article-text").locator("mark").first().waitFor();
    const marked = await page.getByTestId("article-text").locator("mark").allInnerTexts();
    assert.ok(marked.some((m) => /shell/i.test(m)), `evidence marks the shelling sentence: ${JSON.stringify(marked)}`);
    await inEachLanguage(page, "intake", () => page.getByTestId("decide").waitFor());
    // In Arabic the place the extractor found is named as the gazetteer names it in Arabic, in the list and in the review.
    await setLanguage(page, "ar");
    await page.getByTestId("proposal-review").locator("h2").first().filter({ hasText: "خان أرنبة" }).waitFor();
    await page.getByTestId("proposal-list").locator("a", { hasText: "خان أرنبة" }).first().waitFor();
    await setLanguage(page, "en");

    await page.getByRole("button", { name: "Accept as a new incident" }).click();
    const notice = page.getByTestId("accepted-notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /Accepted as a new incident/);
    const href = await notice.getByTestId("show-on-map").getAttribute("href");
    const incidentId = new URL(href!, server.url).searchParams.get("incident");
    assert.ok(incidentId, "the notice links to the new incident on the map");

    await notice.getByTestId("show-on-map").click();
    const marker = page.locator(`[data-testid="map-highlight"][data-incident="${incidentId}"]`);
    await marker.waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId("map-focus").innerText(), /Marked on the map/);
    await page.locator('[data-testid="map"][data-settled="true"]').waitFor({ timeout: 30_000 });
    // The marker sits inside the visible map, where the map put the incident.
    const box = await marker.boundingBox();
    const frame = await page.getByTestId("map").boundingBox();
    assert.ok(box && frame && box.x >= frame.x && box.x <= frame.x + frame.width && box.y >= frame.y && box.y <= frame.y + frame.height, "marker inside the map");
    await screenshot(page, "intake-accepted-on-map-en");
    // Clusters come from the app's own clustering worker; clicking one zooms in on it.
    await page.getByTestId("nav").locator('a[href="/map"]').click();
    await page.locator('[data-testid="map"][data-settled="true"]').waitFor({ timeout: 30_000 });
    const count = page.locator(".cluster-count").first();
    await count.waitFor({ timeout: 30_000 });
    const c = (await count.boundingBox())!;
    const moves = Number((await page.getByTestId("map").getAttribute("data-moves")) ?? "0");
    await page.mouse.click(c.x + c.width / 2, c.y + c.height / 2);
    await page.waitForFunction((m) => Number(document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.moves ?? "0") > m, moves, { timeout: 15_000 });
    // And the incident register has it, from the news.
    const found = await page.evaluate(async (id) => (await fetch(`/api/incidents/${id}`)).status, incidentId);
    assert.equal(found, 200);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors.filter((e) => !/WebGL|GPU/i.test(e)), []);
    await rc.context.close();
  });

  test("talks: the mediator moves a commitment and the liaison's board updates live; an overdue inspection arrives live; three languages", async () => {
    const usa = await recordedContext(browser);
    const isr = await recordedContext(browser);
    const usaPage = await usa.newPage();
    const isrPage = await isr.newPage();
    await signIn(usaPage, server, "usa.mediator");
    await signIn(isrPage, server, "isr.liaison");
    for (const p of [usaPage, isrPage]) {
      await p.getByTestId("nav").locator('a[href="/talks"]').click();
      await p.getByTestId("commitments").getByTestId("commitment").first().waitFor();
    }
    // Minutes come sanitized from the server and render as markup; delegations and the cadence show.
    const meeting = usaPage.getByTestId("meeting").filter({ hasText: "round 2" }).first();
    await meeting.locator(".minutes strong", { hasText: "test the hotline weekly" }).waitFor();
    await usaPage.getByTestId("cadence").locator("tbody tr").first().waitFor();
    await inEachLanguage(usaPage, "talks", () => usaPage.getByTestId("cadence").waitFor());

    const text = /No artillery in the 0–10 km band/;
    const onIsr = isrPage.getByTestId("commitment").filter({ hasText: text });
    assert.equal(await onIsr.getAttribute("data-status"), "agreed");
    const card = usaPage.getByTestId("commitment").filter({ hasText: text });
    await card.locator("summary").click();
    await card.locator(".history li").first().waitFor();
    await card.getByLabel("New status").selectOption("in_progress");
    await card.getByLabel("Reason for the change").fill("withdrawal under way, UNDOF informed");
    await card.getByRole("button", { name: "Change status" }).click();
    await usaPage.locator('[data-testid="commitment"][data-status="in_progress"]', { hasText: text }).waitFor();
    // The liaison's board follows without a reload.
    await isrPage.locator('[data-testid="commitment"][data-status="in_progress"]', { hasText: text }).waitFor({ timeout: 15_000 });
    await isrPage.getByTestId("commitment").filter({ hasText: text }).locator("summary").click();
    await isrPage.getByTestId("commitment").filter({ hasText: text }).locator(".history li", { hasText: "withdrawal under way" }).waitFor();

    // Sixteen days pass with no inspection: the cadence check fires and the board says so live.
    server.clock.advance(16 * 86_400_000);
    await isrPage.getByTestId("talks-alerts").waitFor({ timeout: 20_000 });
    assert.match(await isrPage.getByTestId("talks-alerts").innerText(), /Inspection overdue in zone/);
    await isrPage.getByTestId("cadence").getByText("Overdue").first().waitFor({ timeout: 10_000 });
    await screenshot(isrPage, "talks-overdue-en");
    for (const c of [usa, isr]) {
      assert.deepEqual(foreignRequests(c.requests, server.origin), []);
      assert.deepEqual(c.errors, []);
      await c.context.close();
    }
  });

  test("indicators: calm index by zone and by governorate, hand-drawn charts mirrored in RTL, CSV, three languages", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "isr.analyst");
    await page.getByTestId("nav").locator('a[href="/indicators"]').click();
    const table = page.getByTestId("calm-table");
    await table.locator("tbody tr").first().waitFor();
    await page.getByTestId("bar-chart").locator("rect").first().waitFor();
    assert.ok((await page.getByTestId("line-chart").locator("circle").count()) >= 2, "a line over several weeks");
    // Zones by the pack's names in the reader's language, not by their ids (the names come with the pack's summary).
    await page.waitForFunction(() => /of Line [AB]|Area of separation/.test(document.querySelector('[data-testid="calm-table"]')?.textContent ?? ""));
    const zonesEn = await table.innerText();
    assert.match(zonesEn, /km east of Line B|km west of Line A|Area of separation/);
    assert.doesNotMatch(zonesEn, /east-0-10|west-0-10|\baos\b/);
    await inEachLanguage(page, "indicators", () => table.waitFor());
    // Time runs with the text: oldest week on the left in English, on the right in Arabic.
    const firstAndLast = () => page.getByTestId("line-chart").locator("circle").evaluateAll((cs) => [Number(cs[0]!.getAttribute("cx")), Number(cs[cs.length - 1]!.getAttribute("cx"))]);
    const [enFirst, enLast] = await firstAndLast();
    assert.ok(enFirst! < enLast!, "oldest week on the left in English");
    await setLanguage(page, "ar");
    const [arFirst, arLast] = await firstAndLast();
    assert.ok(arFirst! > arLast!, "oldest week on the right in Arabic");
    assert.match(await table.innerText(), /كم شرق الخط B|كم غرب الخط A|منطقة الفصل/);
    await setLanguage(page, "en");

    await page.getByTestId("area-type").selectOption("admin1");
    await page.waitForFunction(() => /Quneitra|Daraa|Northern/.test(document.querySelector('[data-testid="calm-table"]')?.textContent ?? ""));
    assert.doesNotMatch(await table.innerText(), /of Line [AB]|SY-QU/);
    await screenshot(page, "indicators-governorates-en");
    const href = await page.getByTestId("csv-link").getAttribute("href");
    assert.match(href!, /format=csv/);
    const csv = await page.evaluate(async (u) => { const r = await fetch(u); return { type: r.headers.get("content-type"), text: await r.text() }; }, href!);
    assert.match(csv.type ?? "", /text\/csv/);
    assert.match(csv.text.split("\n")[0]!, /area/);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors, []);
    await rc.context.close();
  });

  test("reports: the mediator generates a public report and opens it; the public page shows it without sign-in, three languages", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "usa.mediator");
    await page.getByTestId("nav").locator('a[href="/reports"]').click();
    const form = page.getByTestId("report-form");
    await form.waitFor();
    await form.getByLabel("Audience").selectOption("public");
    await form.getByRole("button", { name: "Generate a report" }).click();
    const fresh = page.locator("tr.row-new");
    await fresh.waitFor({ timeout: 30_000 });
    const reportId = await fresh.getAttribute("data-report");
    assert.ok(reportId);
    await inEachLanguage(page, "reports", () => page.getByTestId("reports-table").waitFor());
    const html = await page.evaluate(async (id) => { const r = await fetch(`/api/reports/${id}/html`); return { status: r.status, type: r.headers.get("content-type") }; }, reportId);
    assert.equal(html.status, 200);
    assert.match(html.type ?? "", /text\/html/);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors, []);
    await rc.context.close();

    // Nobody signed in: the sign-in page links to the public dashboard.
    const anon = await recordedContext(browser);
    const p2 = await anon.newPage();
    await p2.goto(server.url);
    await p2.getByRole("link", { name: /Public dashboard/ }).click();
    await p2.getByTestId("public-page").waitFor();
    await p2.getByTestId("public-zone-table").locator("tbody tr").first().waitFor();
    await p2.locator(`[data-report="${reportId}"]`).waitFor();
    assert.equal(await p2.getByTestId("whoami").count(), 0);
    // Without signing in, areas still read by name: governorates and zones from the pack's public summary.
    await p2.waitForFunction(() => /Quneitra/.test(document.querySelector('[data-testid="public-admin1-table"]')?.textContent ?? ""));
    assert.match(await p2.getByTestId("public-zone-table").innerText(), /Area of separation/);
    await inEachLanguage(p2, "public", () => p2.getByTestId("public-zone-table").waitFor());
    assert.deepEqual(foreignRequests(anon.requests, server.origin), []);
    assert.deepEqual(anon.errors, []);
    await anon.context.close();
  });
});
