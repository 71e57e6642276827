// Routes do four things: validate, authorize, call a service, present. This
// helper gives each route one zod schema per part of the request and one for
// the response, registers it with Fastify and with the OpenAPI document, and
// fixes the order of checks: authentication (401), then input (400), then the
// handler's own authorization (403/404).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError, errors, type ErrorDetail } from "./errors.ts";
import type { AuthContext } from "./auth-context.ts";
import type { Clock } from "../clock.ts";
import type { Db, Dialect } from "../db/database.ts";
import { IdempotencyStore, IdempotentReplay, idempotencyErrors, idempotencyKeyPattern, requestHash, type IdempotencyBegin, type IdempotentWrite } from "./idempotency.ts";

export type AuthMode = "none" | "optional" | "user";

export interface RouteContext<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  auth: AuthContext | null;
  /**
   * Routes with `keyInTransaction`: the request's Idempotency-Key, for the
   * handler to claim and complete inside its own transaction (null without a key).
   */
  once: IdempotentWrite | null;
}

export interface UserRouteContext<P, Q, B> extends RouteContext<P, Q, B> {
  auth: AuthContext;
}

interface BaseSpec<P, Q, B> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  summary: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Success status; defaults to 200 (201 is common for POST). */
  status?: number;
  /** Response schema for the success status; `null` for raw replies (files, streams). */
  response: z.ZodType | null;
  /** Scopes an API token needs for this route ("read" for GET, "write" otherwise by default). */
  scope?: "read" | "write" | "admin";
  /** Accept request bodies other than JSON (e.g. uploads): the route reads req.body itself. */
  rawBody?: boolean;
  /**
   * The handler writes the Idempotency-Key itself, in the transaction of its
   * records (`once.claim`, `once.complete`), instead of the key taking two
   * commits of its own around the handler. Its every write must be in that
   * one transaction.
   */
  keyInTransaction?: boolean;
}

export type RouteSpec<P, Q, B> =
  | (BaseSpec<P, Q, B> & { auth: "user"; handler: (ctx: UserRouteContext<P, Q, B>) => Promise<unknown> })
  | (BaseSpec<P, Q, B> & { auth: "none" | "optional"; handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown> });

export interface OpenApiOperation {
  method: string;
  url: string;
  spec: BaseSpec<unknown, unknown, unknown> & { auth: AuthMode };
}


export function zodDetails(error: z.ZodError, prefix: string): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    problem: i.message,
  }));
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? (prefix === "body" ? undefined : {}));
  if (!r.success) {
    const details = zodDetails(r.error, prefix);
    const first = details[0];
    throw errors.validation(first ? `Invalid ${first.path}: ${first.problem}` : `Invalid ${prefix}`, details);
  }
  return r.data;
}

export type Authenticate = (req: FastifyRequest, mode: AuthMode, scope: "read" | "write" | "admin") => Promise<AuthContext | null>;

/** Registers routes on one Fastify instance and remembers them for its OpenAPI document. */
export class Router {
  readonly operations: OpenApiOperation[] = [];
  private readonly idempotency: IdempotencyStore | null;
  constructor(
    readonly app: FastifyInstance,
    private readonly authenticate: Authenticate,
    /** With a database, every signed-in POST honours an `Idempotency-Key` header. */
    store?: { db: Db; dialect: Dialect; clock: Clock },
  ) {
    this.idempotency = store ? new IdempotencyStore(store) : null;
  }

  route<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): void {
    defineRoute(this.app, this.authenticate, spec, this.idempotency);
    this.operations.push({ method: spec.method, url: spec.url, spec: spec });
  }
}

function defineRoute<P, Q, B>(app: FastifyInstance, authenticate: Authenticate, spec: RouteSpec<P, Q, B>, idempotency: IdempotencyStore | null): void {
  const scope = spec.scope ?? (spec.method === "GET" ? "read" : "write");
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      const auth = await authenticate(req, spec.auth, scope);
      if (spec.auth === "user" && auth === null) throw errors.unauthenticated();
      const params = parsePart(spec.params, req.params, "params");
      const query = parsePart(spec.query, req.query, "query");
      const body = spec.rawBody ? (req.body as B) : parsePart(spec.body, req.body, "body");
      const ctx = { req, reply, params, query, body, auth, once: null } as UserRouteContext<P, Q, B>;
      const clientKey = req.headers["idempotency-key"];
      if (idempotency && spec.method === "POST" && auth && clientKey !== undefined && !spec.rawBody) {
        if (spec.keyInTransaction) return runInTransaction(idempotency, auth.user.id, clientKey, req, reply, ctx, async () => spec.handler(ctx), spec.status ?? 200);
        return runOnce(idempotency, auth.user.id, clientKey, req, reply, async () => spec.handler(ctx), spec.status ?? 200);
      }
      const result = await (spec.handler)(ctx);
      if (reply.sent) return reply;
      reply.code(spec.status ?? 200);
      return result;
    },
  });
}

function checkKey(clientKey: string | string[]): string {
  if (typeof clientKey !== "string" || !idempotencyKeyPattern.test(clientKey)) {
    throw errors.validation("Idempotency-Key must be 1–200 printable ASCII characters without spaces.", [{ path: "headers.idempotency-key", problem: "1–200 printable ASCII characters" }]);
  }
  return clientKey;
}

/** Answers a key that was already used: the stored response, or why it cannot be had. */
function answered(begun: Exclude<IdempotencyBegin, { state: "new" }>, reply: FastifyReply): unknown {
  switch (begun.state) {
    case "mismatch":
      throw idempotencyErrors.mismatch();
    case "in_progress":
      throw idempotencyErrors.inProgress();
    case "replay":
      reply.header("idempotent-replayed", "true");
      reply.code(begun.status);
      return begun.response;
  }
}

/** A POST whose handler claims its key in its own transaction (`keyInTransaction`). */
async function runInTransaction<P, Q, B>(store: IdempotencyStore, userId: string, clientKey: string | string[], req: FastifyRequest, reply: FastifyReply, ctx: RouteContext<P, Q, B>, handler: () => Promise<unknown>, status: number): Promise<unknown> {
  const prepared = await store.prepare(userId, checkKey(clientKey), requestHash(req.method, req.url, req.body), status);
  if (prepared.state !== "write") return answered(prepared, reply);
  ctx.once = prepared.write;
  let result: unknown;
  try {
    result = await handler();
  } catch (e) {
    if (e instanceof IdempotentReplay) return answered({ state: "replay", status: e.status, response: e.response }, reply);
    throw e;
  }
  if (reply.sent) return reply;
  if (!prepared.write.done) throw new Error(`idempotency: ${req.method} ${req.routeOptions.url ?? req.url} did not complete its key in its transaction`);
  reply.code(status);
  return result;
}

/** Runs a POST at most once per (user, Idempotency-Key): a retry gets the stored response. */
async function runOnce(store: IdempotencyStore, userId: string, clientKey: string | string[], req: FastifyRequest, reply: FastifyReply, handler: () => Promise<unknown>, status: number): Promise<unknown> {
  const begun = await store.begin(userId, checkKey(clientKey), requestHash(req.method, req.url, req.body));
  if (begun.state !== "new") return answered(begun, reply);
  let result: unknown;
  try {
    result = await handler();
  } catch (e) {
    await store.abandon(begun.key).catch(() => undefined);
    throw e;
  }
  if (reply.sent) {
    await store.abandon(begun.key).catch(() => undefined);
    return reply;
  }
  await store.finish(begun.key, status, result);
  reply.code(status);
  return result;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
