// The shell in a real browser: sign-in (with and without a TOTP code), every
// screen in English, Arabic and Hebrew with screenshots and axe checks,
// right-to-left mirroring, the lazily loaded map, and no request leaving the
// server's origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import type { Browser } from "playwright-core";
import {
  axeViolations, chromiumAvailable, foreignRequests, launchBrowser, recordedContext, screenshot, seriousOrWorse, setLanguage, signIn, startE2eServer, type E2eServer,
} from "./harness.ts";

const skip = chromiumAvailable() ? false : "chromium is not installed at /usr/bin/chromium (apt-get install chromium)";
const langs = ["en", "ar", "he"] as const;

describe("web shell", { skip }, () => {
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

  test("sign-in page: demo banner, language switch to Arabic mirrors it, no foreign requests, no serious axe violations", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    assert.match(await page.locator(".demo-banner").innerText(), /Demo deployment/);
    assert.equal(await page.evaluate(() => document.documentElement.dir), "ltr");
    await screenshot(page, "login-en");
    assert.deepEqual(seriousOrWorse(await axeViolations(page)), []);
    for (const lang of ["ar", "he"] as const) {
      await setLanguage(page, lang);
      assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
      await screenshot(page, `login-${lang}`);
      assert.deepEqual(seriousOrWorse(await axeViolations(page)), []);
    }
    // The brand sits at the inline start: the right edge in Arabic and Hebrew.
    const brand = await page.locator(".topbar .brand").boundingBox();
    assert.ok(brand && brand.x > 640, `brand should be on the right in RTL, x=${brand?.x}`);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors, []);
    await rc.context.close();
  });

  test("a wrong password says so and signs nobody in", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await page.goto(server.url);
    await page.locator("input[name=username]").fill("isr.liaison");
    await page.locator("input[name=password]").fill("not-the-password");
    await page.locator("form button[type=submit]").click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.getByRole("alert").innerText(), /Sign-in failed/);
    assert.equal(await page.getByTestId("whoami").count(), 0);
    await rc.context.close();
  });

  test("TOTP: the code field appears when the server asks for it, and the code signs in", async () => {
    // Enrol syr.analyst over the API the way the account screen does.
    const acct = server.accounts.get("syr.analyst")!;
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: acct.username, password: acct.password }) });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrf_token } = (await login.json()) as { csrf_token: string };
    const headers = { cookie, "x-csrf-token": csrf_token, "content-type": "application/json" };
    const setup = (await (await fetch(`${server.url}/api/auth/totp/setup`, { method: "POST", headers, body: "{}" })).json()) as { secret: string };
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: "SHA1" });
    const enable = await fetch(`${server.url}/api/auth/totp/enable`, { method: "POST", headers, body: JSON.stringify({ code: totp.generate() }) });
    assert.equal(enable.status, 200);

    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await page.goto(server.url);
    await page.locator("input[name=username]").fill(acct.username);
    await page.locator("input[name=password]").fill(acct.password);
    await page.locator("form button[type=submit]").click();
    const code = page.locator("input[name=totp]");
    await code.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "totp", "the code field takes focus");
    await screenshot(page, "login-totp-en");
    await code.fill(totp.generate());
    await page.locator("form button[type=submit]").click();
    await page.getByTestId("whoami").waitFor();
    assert.match(await page.getByTestId("whoami").innerText(), /SYR/);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    await rc.context.close();
  });

  test("administrator screens in three languages: screenshots, axe, mirrored navigation", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "admin");
    for (const lang of langs) {
      await setLanguage(page, lang);
      for (const [path, name] of [["/", "home"], ["/account", "account"], ["/admin", "admin"]] as const) {
        await page.getByTestId("nav").locator(`a[href="${path}"]`).click();
        await page.waitForFunction((p) => location.pathname === p, path);
        await page.locator("main h1").waitFor();
        if (name === "admin") await page.getByTestId("users-table").waitFor();
        await screenshot(page, `admin-${name}-${lang}`);
        const v = seriousOrWorse(await axeViolations(page));
        assert.deepEqual(v, [], `${name} in ${lang}: ${JSON.stringify(v)}`);
      }
      const nav = await page.getByTestId("nav").boundingBox();
      const main = await page.locator("main").boundingBox();
      assert.ok(nav && main);
      if (lang === "en") assert.ok(nav.x < main.x, "navigation on the left in English");
      else assert.ok(nav.x > main.x, `navigation on the right in ${lang}`);
    }
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors, []);
    await rc.context.close();
  });

  test("administrator creates an account that can then sign in", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "admin");
    await page.goto(`${server.url}/admin`);
    await page.getByTestId("users-table").waitFor();
    const form = page.locator("form.grid-form").first();
    await form.getByLabel("Username", { exact: true }).fill("isr.duty");
    await form.getByLabel("Name", { exact: true }).fill("ISR duty officer");
    await form.getByLabel("Party").selectOption("ISR");
    await form.getByLabel("Role").selectOption("liaison");
    await form.getByLabel("Password", { exact: true }).fill("duty-officer-pass-1");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("users-table").getByText("isr.duty").waitFor();
    await rc.context.close();

    const rc2 = await recordedContext(browser);
    const p2 = await rc2.newPage();
    await signIn(p2, server, "isr.duty", "duty-officer-pass-1");
    assert.match(await p2.getByTestId("whoami").innerText(), /ISR duty officer/);
    await rc2.context.close();
  });

  test("map: MapLibre loads only on the map screen, draws the pack offline with the disclaimer, in three languages", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "isr.liaison");
    await screenshot(page, "liaison-home-en");
    assert.equal(rc.requests.filter((u) => /MapView|maplibre/.test(u)).length, 0, "no map code before the map screen");
    await page.getByTestId("nav").locator('a[href="/map"]').click();
    await page.locator('[data-testid="map"][data-map-loaded="true"]').waitFor({ timeout: 30_000 });
    assert.ok(rc.requests.some((u) => /MapView/.test(u)), "the map chunk loads on the map screen");
    assert.match(await page.getByTestId("disclaimer").innerText(), /Approximate — not the treaty map/);
    // Place labels come from the pack in the chosen language.
    await page.locator(".map-label", { hasText: "Quneitra" }).first().waitFor();
    for (const lang of langs) {
      await setLanguage(page, lang);
      await page.locator('[data-testid="map"][data-map-loaded="true"]').waitFor();
      if (lang === "ar") await page.locator(".map-label", { hasText: "القنيطرة" }).first().waitFor();
      if (lang === "he") await page.locator(".map-label", { hasText: "קוני" }).first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `map-${lang}`);
      const v = seriousOrWorse(await axeViolations(page));
      assert.deepEqual(v, [], `map in ${lang}: ${JSON.stringify(v)}`);
    }
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors.filter((e) => !/WebGL|GPU/i.test(e)), []);
    await rc.context.close();
  });

  test("incidents: the list and one incident with claims side by side, in three languages", async () => {
    const rc = await recordedContext(browser);
    const page = await rc.newPage();
    await signIn(page, server, "usa.mediator");
    await page.getByTestId("nav").locator('a[href="/incidents"]').click();
    await page.getByTestId("incident-table").waitFor();
    await screenshot(page, "incidents-en");
    await page.getByTestId("incident-table").locator("tbody a").first().click();
    await page.getByTestId("incident-detail").waitFor();
    await page.getByTestId("claims").waitFor();
    for (const lang of langs) {
      await setLanguage(page, lang);
      await screenshot(page, `incident-detail-${lang}`);
      const v = seriousOrWorse(await axeViolations(page));
      assert.deepEqual(v, [], `incident detail in ${lang}: ${JSON.stringify(v)}`);
    }
    await page.getByTestId("nav").locator('a[href="/incidents"]').click();
    await page.getByTestId("incident-table").waitFor();
    await screenshot(page, "incidents-he");
    assert.deepEqual(seriousOrWorse(await axeViolations(page)), []);
    assert.deepEqual(foreignRequests(rc.requests, server.origin), []);
    assert.deepEqual(rc.errors, []);
    await rc.context.close();
  });

  test("a reload on an app path serves the app; unknown API paths stay JSON 404", async () => {
    const res = await fetch(`${server.url}/account`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/);
    const api = await fetch(`${server.url}/api/does-not-exist`);
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { code: string }).code, "not_found");
    const asset = await fetch(`${server.url}/assets/missing.js`);
    assert.equal(asset.status, 404);
  });
});
