// The review and reporting screens in a real browser: intake review (an
// analyst pastes an article, accepts a proposed event and finds it on the
// map), the talks and commitments board, indicators with their charts,
// reports, and the public page — each in English, Arabic and Hebrew with
// screenshots, axe checks and no request leaving the server's origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import {
  axeViolations, chromiumAvailable, foreignRequests, launchBrowser, recordedContext, screenshot, seriousOrWorse, setLanguage, signIn, startE2eServer, type E2eServer,
} from "./harness.ts";

const skip = chromiumAvailable() ? false : "chromium is not installed at /usr/bin/chromium (apt-get install chromium)";
const langs = ["en", "ar", "he"] as const;

/** Screenshot and axe in each language; the layout must mirror (dir) in Arabic and Hebrew. */
async function inEachLanguage(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  for (const lang of langs) {
    await setLanguage(page, lang);
    await ready();
    assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "en" ? "ltr" : "rtl");
    await screenshot(page, `${name}-${lang}`);
    const v = seriousOrWorse(await axeViolations(page));
    assert.deepEqual(v, [], `${name} in ${lang}: ${JSON.stringify(v)}`);
  }
  await setLanguage(page, "en");
}

const ARTICLE = [
  "Syrian army artillery shelled farmland on the edge of Khan Arnabah in the Quneitra countryside on Monday, wounding two shepherds, residents told reporters.",
  "A local official said the shells landed close to the area of separation and that the fire stopped after about an hour.",
].join(" ");

describe("web review and reporting screens", { skip }, () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    server = await startE2eServer();
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
    await page.locator("details.paste summary").click();
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
    // And the incident register has it, from the news.
    const found = await page.evaluate(async (id) => (await fetch(`/api/incidents/${id}`)).status, incidentId);
    assert.equal(found, 200);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors.filter((e) => !/WebGL|GPU/i.test(e)), []);
    await rc.context.close();
  });
});
