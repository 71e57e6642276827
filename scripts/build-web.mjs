#!/usr/bin/env node
// Builds the web app into dist/web when it is missing or older than its
// sources (src/web, and src/core which it shares with the server). `--force`
// always builds. Also writes .gz twins so the server sends compressed files.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const outDir = join(root, "dist/web");
const stamp = join(outDir, "index.html");

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  const sources = Math.max(newest(join(root, "src/web")), newest(join(root, "src/core")), statSync(join(root, "package-lock.json")).mtimeMs);
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) {
    if (!quiet) console.log("web app is up to date (dist/web)");
    return false;
  }
  const { build } = await import("vite");
  const react = (await import("@vitejs/plugin-react")).default;
  await build({
    root: join(root, "src/web"),
    base: "/",
    configFile: false,
    logLevel: quiet ? "warn" : "info",
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
      // Fonts and the map worker are files of their own; never inline them as data: URLs.
      assetsInlineLimit: 0,
    },
  });
  const gz = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) gz(p);
      else if (/\.(js|mjs|css|html|svg|json)$/.test(name)) writeFileSync(`${p}.gz`, gzipSync(readFileSync(p), { level: 9 }));
    }
  };
  gz(outDir);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb({ force: process.argv.includes("--force") }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
