// Browser-test harness: a real server (demo data, temp folder, port 0) serving
// the built web app, Debian's chromium through playwright-core, a record of
// every request each page makes, axe checks and screenshots.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/server/app.ts";
import { createRuntime } from "../src/server/bootstrap.ts";
import { loadConfig, type Config } from "../src/server/config.ts";
import { ensureDemo, type DemoAccount } from "../src/server/demo.ts";
import type { Clock } from "../src/server/platform/clock.ts";
import type { AppContext } from "../src/server/context.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SCREENSHOTS = join(ROOT, "test-results/screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"];

/** Builds dist/web when stale (the same step `npm start` runs). */
export function buildWebApp(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build-web.mjs")], { stdio: "pipe", encoding: "utf8" });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Real time plus an offset the test can move forward (deadlines, escalations). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date { return new Date(Date.now() + this.offsetMs); }
  advance(ms: number): void { this.offsetMs += ms; }
}

export interface E2eServer {
  url: string;
  origin: string;
  app: FastifyInstance;
  ctx: AppContext;
  clock: OffsetClock;
  accounts: Map<string, DemoAccount>;
  config: Config;
  stop(): Promise<void>;
}

export async function startE2eServer(overrides: Partial<Config> = {}): Promise<E2eServer> {
  buildWebApp();
  const dataDir = mkdtempSync(join(tmpdir(), "truceline-e2e-"));
  const config = loadConfig({}, {}, { dataDir, port: 0, host: "127.0.0.1", demo: true, kdfLogN: 10, logLevel: "silent", checkpointSeconds: 0, ...overrides });
  const clock = new OffsetClock();
  const runtime = await createRuntime(config, { clock });
  const { accounts } = await ensureDemo(runtime.ctx);
  const app = await buildApp(runtime.ctx, { logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return {
    url, origin: url, app, ctx: runtime.ctx, clock, config,
    accounts: new Map(accounts.map((a) => [a.username, a])),
    async stop() {
      await app.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface RecordedContext {
  context: BrowserContext;
  /** Every URL any page of this context requested, in order. */
  requests: string[];
  /** Console errors and page errors, to fail on crashes. */
  errors: string[];
  newPage(): Promise<Page>;
}

export async function recordedContext(browser: Browser, opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<RecordedContext> {
  const context = await browser.newContext({ locale: opts.locale ?? "en-US", viewport: opts.viewport ?? { width: 1280, height: 860 }, timezoneId: "UTC" });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const watch = (p: Page) => {
    p.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    // The app asks /api/auth/me on load; before sign-in that 401 is the expected answer, which Chromium logs as a failed resource.
    p.on("console", (m) => { if (m.type() === "error" && !/status of 401/.test(m.text())) errors.push(`console: ${m.text()}`); });
  };
  context.on("page", watch);
  return { context, requests, errors, newPage: () => context.newPage() };
}

/** Requests that went anywhere but the server's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !(u.startsWith(`${origin}/`) || u === origin || u.startsWith("data:") || u.startsWith("blob:")));
}

export async function signIn(page: Page, server: E2eServer, username: string, password?: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel(/username|اسم المستخدم|שם משתמש/i).fill(username);
  await page.locator("input[name=password]").fill(password ?? server.accounts.get(username)!.password);
  await page.locator("form button[type=submit]").click();
  await page.getByTestId("whoami").waitFor();
}

export async function setLanguage(page: Page, lang: "en" | "ar" | "he"): Promise<void> {
  await page.getByTestId("language").selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: number; targets: string[] }

/** Runs axe in the page (evaluated through the debugger protocol, so the page's CSP still holds for everything else). */
export async function axeViolations(page: Page, opts: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (exclude: string[]) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ exclude: exclude.map((s) => [s]) }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  }, opts.exclude ?? []);
  return result;
}

export function seriousOrWorse(v: AxeViolation[]): AxeViolation[] {
  return v.filter((x) => x.impact === "serious" || x.impact === "critical");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export const langs = ["en", "ar", "he"] as const;

/** Screenshot and axe in each language; the layout must mirror (dir) in Arabic and Hebrew. */
export async function inEachLanguage(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
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

/** The end of a browser test: nothing left the origin, no console or page errors (but those the test provoked), the context closed. */
export async function closeClean(rc: RecordedContext, origin: string, provoked?: RegExp): Promise<void> {
  assert.deepEqual(foreignRequests(rc.requests, origin), []);
  assert.deepEqual(rc.errors.filter((e) => !provoked?.test(e)), []);
  await rc.context.close();
}
