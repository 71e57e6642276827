// Benchmark: build the web app, serve it with 100,000 seeded incidents, and in
// headless Chromium measure the JavaScript transferred (gzipped) before any
// map screen, the map's own JavaScript, and the time from navigating to the
// map until it shows all incidents clustered, settles, and answers a pan.
// Prints one JSON line.
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page, Response } from "playwright-core";
import { systemActor } from "../src/server/platform/audit/audit.service.ts";
import { AcledImporter } from "../src/server/modules/incidents/acled-import.ts";
import { launchBrowser, recordedContext, signIn, startE2eServer } from "../e2e/harness.ts";
import { writeAcledCsv } from "./incident-data.ts";

const N = Number(process.env.BENCH_INCIDENTS ?? 100_000);

function jsBytes(responses: Response[]): Promise<number> {
  return Promise.all(responses.filter((r) => /\.m?js(\?|$)/.test(r.url())).map(async (r) => Number((await r.allHeaders())["content-length"] ?? 0)))
    .then((sizes) => sizes.reduce((a, b) => a + b, 0));
}

async function main() {
  const server = await startE2eServer();
  const work = mkdtempSync(join(tmpdir(), "truceline-bench-web-"));
  const csv = join(work, "acled.csv");
  await writeAcledCsv(csv, N);
  await server.ctx.incidents.getClassifier();
  const sum = await new AcledImporter(server.ctx.incidents).import(systemActor, createReadStream(csv, { highWaterMark: 1 << 20 }), { distribution: "shared" });
  const browser = await launchBrowser();
  try {
    const rc = await recordedContext(browser);
    const page: Page = await rc.newPage();
    const responses: Response[] = [];
    page.on("response", (r) => responses.push(r));
    await signIn(page, server, "isr.liaison");
    await page.waitForLoadState("networkidle");
    const initial = await jsBytes(responses);
    responses.length = 0;

    const t0 = performance.now();
    await page.goto(`${server.url}/map`);
    const map = page.locator('[data-testid="map"]');
    await page.waitForFunction((n) => {
      const el = document.querySelector<HTMLElement>('[data-testid="map"]');
      return Number(el?.dataset.incidents ?? 0) >= n && el?.dataset.settled === "true" && document.querySelector(".cluster-count") !== null;
    }, sum.imported, { timeout: 60_000, polling: 16 }).catch(async (e: unknown) => {
      const state = await page.evaluate(() => ({ ...document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset, clusters: document.querySelectorAll(".cluster-count").length, text: document.querySelector("main")?.textContent?.slice(0, 300) }));
      throw new Error(`map did not get ready: ${JSON.stringify(state)} errors=${JSON.stringify(rc.errors)}`, { cause: e });
    });
    const moves = Number((await map.getAttribute("data-moves")) ?? "0");
    await page.locator("canvas.maplibregl-canvas").focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((m) => {
      const el = document.querySelector<HTMLElement>('[data-testid="map"]');
      return Number(el?.dataset.moves ?? "0") > m && el?.dataset.settled === "true";
    }, moves, { timeout: 30_000, polling: 16 });
    const mapReady = performance.now() - t0;
    const mapJs = await jsBytes(responses);
    if (process.env.BENCH_DEBUG) {
      const timings = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => `${e.name.replace(location.origin, "")} start=${Math.round(e.startTime)} dur=${Math.round(e.duration)}`));
      console.error(timings.slice(-12).join("\n"));
      const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => `${m.name}=${Math.round(m.startTime)}`));
      console.error(marks.join(" "));
    }
    console.log(JSON.stringify({
      initial_js_kb_gz: Math.round(initial / 102.4) / 10,
      map_js_kb_gz: Math.round(mapJs / 102.4) / 10,
      map_ready_ms: Math.round(mapReady),
      incidents: sum.imported,
      foreign_requests: rc.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:")).length,
    }));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
