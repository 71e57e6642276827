// The hotline across three browser contexts: the ISR liaison draws and sends
// a signed notification, the SYR liaison sees it arrive without reloading and
// acknowledges it, the mediator sees the messages and the read receipt; a
// notification left unacknowledged escalates on the mediator's home screen.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import {
  axeViolations, chromiumAvailable, foreignRequests, launchBrowser, recordedContext, screenshot, seriousOrWorse, setLanguage, signIn, startE2eServer,
  type E2eServer, type RecordedContext,
} from "./harness.ts";

const skip = chromiumAvailable() ? false : "chromium is not installed at /usr/bin/chromium (apt-get install chromium)";

async function drawAndSend(page: Page, corners: [number, number][]): Promise<void> {
  const composer = page.locator("form.composer");
  await composer.locator('[data-testid="map"][data-map-loaded="true"]').waitFor({ timeout: 30_000 });
  const canvas = composer.locator("canvas.maplibregl-canvas");
  for (const [x, y] of corners) await canvas.click({ position: { x, y } });
  await page.getByTestId("vertex-count").filter({ hasText: String(corners.length) }).waitFor();
  await composer.getByLabel("Troops").fill("120");
  await composer.getByRole("button", { name: "Check against the agreement" }).click();
  const result = page.getByTestId("check-result");
  await result.waitFor();
  if ((await result.getAttribute("data-status")) === "breach") await composer.getByLabel(/send anyway/).check();
  await composer.getByRole("button", { name: "Sign and send", exact: true }).click();
  await page.getByText(/Sent as message #/).waitFor();
}

describe("hotline in the browser", { skip }, () => {
  let server: E2eServer;
  let browser: Browser;
  let isr: RecordedContext, syr: RecordedContext, usa: RecordedContext;
  let isrPage: Page, syrPage: Page, usaPage: Page;
  let threadUrl = "";

  before(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    [isr, syr, usa] = await Promise.all([recordedContext(browser), recordedContext(browser), recordedContext(browser)]);
    [isrPage, syrPage, usaPage] = await Promise.all([isr.newPage(), syr.newPage(), usa.newPage()]);
    await signIn(isrPage, server, "isr.liaison");
    await signIn(syrPage, server, "syr.liaison");
    await signIn(usaPage, server, "usa.mediator");
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("ISR opens a thread through the mediator, draws an area, sees the check and sends a signed notification", async () => {
    await isrPage.getByTestId("nav").locator('a[href="/hotline"]').click();
    await isrPage.getByText("Open a new thread").click();
    await isrPage.getByLabel("Subject").fill("Engineering work near Quneitra crossing");
    await isrPage.getByRole("button", { name: "Open thread" }).click();
    await isrPage.getByTestId("thread").waitFor();
    threadUrl = isrPage.url();
    assert.match(threadUrl, /\/hotline\/.+/);
    // The other two open the thread before anything is sent, so the message must arrive live.
    await syrPage.goto(threadUrl);
    await usaPage.goto(threadUrl);
    await syrPage.getByTestId("thread").waitFor();
    await usaPage.getByTestId("thread").waitFor();
    await setLanguage(syrPage, "ar");
    await setLanguage(usaPage, "he");

    await drawAndSend(isrPage, [[260, 140], [330, 140], [330, 220], [260, 220]]);
    await isrPage.getByTestId("message-1").waitFor();
    // The lead time the server measured on receipt, against the procedure's.
    assert.match(await isrPage.getByTestId("message-1").getByTestId("lead").innerText(), /h ahead; the procedure asks \d+ h/);
    await screenshot(isrPage, "hotline-sender-en");
    const v = seriousOrWorse(await axeViolations(isrPage));
    assert.deepEqual(v, [], JSON.stringify(v));
  });

  test("SYR sees the notification arrive without reloading, with its countdown, and acknowledges it", async () => {
    const msg = syrPage.getByTestId("message-1");
    await msg.waitFor({ timeout: 15_000 });
    assert.equal(await msg.getAttribute("data-kind"), "notification");
    await msg.getByTestId("deadline").waitFor();
    assert.match(await msg.getByTestId("lead").innerText(), /ساعة/);
    assert.equal(await syrPage.evaluate(() => document.documentElement.dir), "rtl");
    await screenshot(syrPage, "hotline-recipient-ar");
    const v = seriousOrWorse(await axeViolations(syrPage));
    assert.deepEqual(v, [], JSON.stringify(v));
    await setLanguage(syrPage, "en");
    await msg.getByRole("button", { name: "Sign and send Acknowledgement" }).click();
    await syrPage.getByTestId("message-2").waitFor();
    assert.equal(await syrPage.getByTestId("message-2").getAttribute("data-kind"), "acknowledgement");
  });

  test("the sender and the mediator see the acknowledgement and the read receipt live", async () => {
    await isrPage.getByTestId("message-2").waitFor({ timeout: 15_000 });
    await isrPage.getByTestId("message-1").getByTestId("read-receipt").filter({ hasText: "SYR" }).waitFor();
    await isrPage.getByTestId("message-1").getByText("Acknowledgement sent").waitFor();
    await usaPage.getByTestId("message-2").waitFor({ timeout: 15_000 });
    await usaPage.getByTestId("message-1").getByTestId("read-receipt").filter({ hasText: "SYR" }).waitFor();
    await screenshot(usaPage, "hotline-mediator-he");
    const v = seriousOrWorse(await axeViolations(usaPage));
    assert.deepEqual(v, [], JSON.stringify(v));
  });

  test("an unacknowledged notification escalates on the mediator's home screen", async () => {
    await drawAndSend(isrPage, [[300, 110], [370, 110], [335, 180]]);
    await isrPage.getByTestId("message-3").waitFor();
    await setLanguage(usaPage, "en");
    await usaPage.getByTestId("nav").locator('a[href="/"]').click();
    const panel = usaPage.getByTestId("deadlines-panel");
    await panel.waitFor();
    await panel.getByTestId("due-item").first().waitFor();
    // Thirty-one minutes pass on the server: the acknowledgement is overdue and goes to the mediator.
    server.clock.advance(31 * 60_000);
    await usaPage.getByTestId("escalations").waitFor({ timeout: 20_000 });
    assert.match(await usaPage.getByTestId("escalations").innerText(), /SYR has not sent the Acknowledgement/);
    await screenshot(usaPage, "mediator-home-escalation-en");
    await setLanguage(usaPage, "ar");
    await screenshot(usaPage, "mediator-home-escalation-ar");
  });

  test("the agreement check's findings read in the user's language (Hebrew), zones by name", async () => {
    await setLanguage(isrPage, "he");
    const composer = isrPage.locator("form.composer");
    await composer.locator('[data-testid="map"][data-map-loaded="true"]').waitFor({ timeout: 30_000 });
    const canvas = composer.locator("canvas.maplibregl-canvas");
    for (const [x, y] of [[300, 110], [370, 110], [335, 180]] as const) await canvas.click({ position: { x, y } });
    await composer.getByLabel("טנקים").fill("500");
    await composer.getByRole("button", { name: "בדיקה מול ההסכם" }).click();
    await isrPage.getByTestId("finding").first().waitFor();
    const text = await isrPage.getByTestId("check-result").innerText();
    assert.match(text, /טנקים/);
    assert.doesNotMatch(text, /\btanks\b|above the limit|west-\d|east-\d/);
    await isrPage.getByTestId("check-result").scrollIntoViewIfNeeded();
    await screenshot(isrPage, "hotline-check-he");
    await setLanguage(isrPage, "en");
  });

  test("no request left the origin in any of the three browsers, and no page error", async () => {
    for (const c of [isr, syr, usa]) {
      assert.deepEqual(foreignRequests(c.requests, server.origin), []);
      assert.deepEqual(c.errors.filter((e) => !/WebGL|GPU/i.test(e)), []);
    }
  });
});
