// The Fastify application: request ids, the error vocabulary, authentication,
// the demo banner header, and every module's routes.
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyError } from "fastify";
import cookie from "@fastify/cookie";
import { z } from "zod";
import type { AppContext } from "./context.ts";
import { AppError, errors } from "./platform/http/errors.ts";
import type { AuthContext } from "./platform/http/auth-context.ts";
import { buildOpenApi } from "./platform/http/openapi.ts";
import { Router, type AuthMode } from "./platform/http/route.ts";
import { newId } from "./platform/ids.ts";
import { acceptByteStreams } from "./platform/http/uploads.ts";
import { accountRoutes, SESSION_COOKIE } from "./modules/accounts/account.routes.ts";
import { noteRoutes } from "./modules/notes/note.routes.ts";
import { realtimeRoutes } from "./platform/realtime/realtime.routes.ts";
import { hotlineRoutes } from "./modules/hotline/hotline.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { talksRoutes } from "./modules/talks/talks.routes.ts";
import { indicatorsRoutes } from "./modules/indicators/indicators.routes.ts";
import { incidentRoutes } from "./modules/incidents/incident.routes.ts";
import { intakeRoutes } from "./modules/intake/intake.routes.ts";
import { basemapRoutes } from "./modules/agreements/basemap.routes.ts";
import { incidentMapRoutes } from "./modules/incidents/incident-map.routes.ts";
import { agreementRoutes } from "./modules/agreements/agreement.routes.ts";
import { webAppRoutes } from "./platform/http/web-app.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface AppOptions {
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
}

export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === undefined ? { level: ctx.config.logLevel } : opts.logger,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[A-Za-z0-9._-]{6,64}$/.test(given) ? given : newId("req");
    },
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
  });

  await app.register(cookie);
  acceptByteStreams(app);

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    if (ctx.config.demo) reply.header("x-truceline-demo", "true");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
  });

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const request_id = String(req.id);
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return reply.code(err.status).send({ code: err.code, message: err.message, ...(err.details.length ? { details: err.details } : {}), request_id });
    }
    const fe = err as FastifyError;
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") return reply.code(413).send({ code: "payload_too_large", message: "The request body is too large.", request_id });
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return reply.code(415).send({ code: "unsupported_media_type", message: "Send JSON with content-type application/json.", request_id });
    if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || (fe.statusCode === 400 && fe.code?.startsWith("FST_ERR_CTP"))) {
      return reply.code(400).send({ code: "validation_failed", message: `The request body is not valid JSON: ${fe.message}`, details: [{ path: "body", problem: "invalid JSON" }], request_id });
    }
    if (fe.validation || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
      return reply.code(fe.statusCode ?? 400).send({ code: "validation_failed", message: fe.message, request_id });
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send({ code: "internal", message: `Something went wrong on our side. Quote request id ${request_id} when reporting it.`, request_id });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ code: "not_found", message: `No route ${req.method} ${req.url.split("?")[0]}.`, request_id: String(req.id) });
  });

  const authenticate = async (req: FastifyRequest, mode: AuthMode, scope: "read" | "write" | "admin"): Promise<AuthContext | null> => {
    if (mode === "none") return null;
    let auth: AuthContext | null = null;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      auth = m ? await ctx.accounts.authenticateToken(m[1]!) : null;
      if (!auth) throw errors.unauthenticated("The API token is invalid, expired or revoked.");
      const has = auth.scopes.includes(scope) || auth.scopes.includes("admin") || (scope === "read" && auth.scopes.includes("write"));
      if (!has) throw errors.forbidden(`This token lacks the ${scope} scope.`);
      return auth;
    }
    const cookieValue = req.cookies[SESSION_COOKIE];
    if (cookieValue) {
      auth = await ctx.accounts.authenticateSession(cookieValue);
      if (!auth) {
        if (mode === "user") throw errors.unauthenticated("Your session has ended. Sign in again.");
        return null;
      }
      // Cookie-authenticated writes must echo the session's CSRF token.
      if (!SAFE_METHODS.has(req.method) && req.headers["x-csrf-token"] !== auth.csrfToken) {
        throw new AppError("csrf_failed", "Missing or wrong x-csrf-token header: read csrf_token from GET /api/auth/me and send it with every change.");
      }
    }
    return auth;
  };

  const router = new Router(app, authenticate, { db: ctx.db, dialect: ctx.dialect, clock: ctx.clock });

  router.route({
    method: "GET", url: "/api/health", auth: "none", tags: ["system"], summary: "Liveness and database reachability",
    response: z.object({ status: z.literal("ok"), version: z.string(), database: z.string(), demo: z.boolean(), deployment: z.string() }),
    handler: async () => {
      await ctx.audit.count(ctx.db);
      return { status: "ok" as const, version: ctx.version, database: ctx.dialect, demo: ctx.config.demo, deployment: ctx.deploymentId };
    },
  });

  accountRoutes(router, ctx);
  noteRoutes(router, ctx);
  realtimeRoutes(router, ctx);
  hotlineRoutes(router, ctx);
  auditRoutes(router, ctx);
  talksRoutes(router, ctx);
  indicatorsRoutes(router, ctx);
  incidentRoutes(router, ctx);
  intakeRoutes(router, ctx);
  basemapRoutes(router, ctx);
  incidentMapRoutes(router, ctx);
  agreementRoutes(router, ctx);

  const openapi = buildOpenApi(router.operations, ctx.version);
  app.get("/api/openapi.json", async () => openapi);
  await webAppRoutes(app);

  return app;
}
