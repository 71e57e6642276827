// Serves the built web app (dist/web) from the same origin as the API: hashed
// assets cached for good, index.html for every other non-API GET so the app's
// own routes survive a reload. Nothing is registered under /api, so an unknown
// API path still gets the JSON 404. No build present = API only.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";

export const WEB_DIST_DIR = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../../dist/web");

// The app loads nothing from elsewhere; the policy makes the browser refuse to.
// MapLibre runs its workers from blob: URLs and sets inline styles on the map.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

function htmlHeaders(reply: FastifyReply): void {
  reply.header("content-security-policy", CSP);
  reply.header("cache-control", "no-cache");
}

export async function webAppRoutes(app: FastifyInstance, dir = WEB_DIST_DIR): Promise<void> {
  if (!existsSync(resolve(dir, "index.html"))) return;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      if (path.includes("/assets/")) reply.header("cache-control", "public, max-age=31536000, immutable");
    },
  });
  const sendIndex = async (reply: FastifyReply) => {
    htmlHeaders(reply);
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  };
  app.get("/", async (_req, reply) => sendIndex(reply));
  app.get("/*", async (req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    // Never shadow the API, and never answer a missing asset with HTML.
    if (path === "/api" || path.startsWith("/api/") || path.startsWith("/assets/")) return reply.callNotFound();
    return sendIndex(reply);
  });
}
