#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner
// (through tsx). Optional arguments filter files by substring. --e2e runs the
// browser tests in e2e/ instead (they need Debian's chromium).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const e2e = process.argv.includes("--e2e");
const roots = e2e ? ["e2e"] : ["src", "test"];
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const dbOnly = process.argv.includes("--db-only");
const flags = process.argv.slice(2).filter((a) => a.startsWith("-") && a !== "--db-only" && a !== "--e2e");
// --db-only: the PostgreSQL pass. Database tests skip their SQLite half, so CI
// does not run the SQLite suite twice.
if (dbOnly) process.env.TRUCELINE_TEST_DIALECTS = "postgres";
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    if (name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.ts") || name.endsWith(".test.tsx")) files.push(p);
  }
}
roots.forEach(walk);
files.sort();
const filtered = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
// The PostgreSQL pass runs only the files that open a database (through the dialect helpers): the pure tests
// (extractor, trainer, geometry) gave the same answers in the SQLite pass and took half of its time again.
const opensDatabase = (f) => /helpers\/(?:dialects|app)(?:\.ts)?["']/.test(readFileSync(f, "utf8"));
const chosen = dbOnly ? filtered.filter(opensDatabase) : filtered;
// Browser tests serve the built app: build it once here, before test files
// run side by side (two builds into one folder at once trip over each other).
if (e2e) {
  const b = spawnSync(process.execPath, [fileURLToPath(new URL("./build-web.mjs", import.meta.url))], { stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!process.env.TEST_DATABASE_URL) console.log("PostgreSQL run skipped: TEST_DATABASE_URL is not set (SQLite only).");
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...flags, ...chosen], { stdio: "inherit", env: process.env });
process.exit(res.status ?? 1);
