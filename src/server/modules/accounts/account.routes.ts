// HTTP for sign-in, the caller's own account, API tokens, sharing groups and
// the administrators' account management.
import { z } from "zod";
import { partyKinds, roles } from "../../../core/access/distribution.ts";
import { createdTokenSchema, groupSchema, loginBodySchema, okSchema as ok, partySchema } from "../../../core/api/accounts.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { AuthContext } from "../../platform/http/auth-context.ts";
import type { Router } from "../../platform/http/route.ts";
import { meSchema, presentAuthUser, presentSession, presentToken, presentUser, sessionSchema, tokenSchema, userSchema } from "./account.presenter.ts";

export const SESSION_COOKIE = "tl_session";

const idParams = z.object({ id: z.string().min(1).max(200) });

function requireAdmin(auth: AuthContext): void {
  if (auth.user.role !== "admin") throw errors.forbidden("Only administrators manage accounts.");
}

const actorOf = (auth: AuthContext) => ({ userId: auth.user.id, party: auth.user.party });

export function accountRoutes(r: Router, ctx: AppContext): void {
  const secureCookie = ctx.config.publicUrl?.startsWith("https://") ?? false;

  r.route({
    method: "POST", url: "/api/auth/login", auth: "none", tags: ["auth"], summary: "Sign in with password (and TOTP code when enabled); sets the session cookie",
    body: loginBodySchema,
    response: meSchema,
    handler: async ({ body, reply }) => {
      const s = await ctx.accounts.login(body);
      reply.setCookie(SESSION_COOKIE, s.sessionToken, { httpOnly: true, sameSite: "strict", secure: secureCookie, path: "/", expires: new Date(s.expiresAt) });
      const viewer = await ctx.accounts.viewerOf(ctx.db, s.user.id);
      return { user: presentUser(s.user), party_kind: viewer.partyKind, groups: [...viewer.groups], csrf_token: s.csrfToken, demo: ctx.config.demo };
    },
  });

  r.route({
    method: "POST", url: "/api/auth/logout", auth: "user", tags: ["auth"], summary: "End this session", response: ok,
    handler: async ({ auth, reply }) => {
      if (auth.sessionId) await ctx.accounts.logout(auth.sessionId, auth.user.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  });

  r.route({
    method: "GET", url: "/api/auth/me", auth: "user", tags: ["auth"], summary: "Who am I, and the CSRF token for this session", response: meSchema,
    handler: async ({ auth }) => ({ user: presentAuthUser(auth.user), party_kind: auth.viewer.partyKind, groups: [...auth.viewer.groups], csrf_token: auth.csrfToken, demo: ctx.config.demo }),
  });

  r.route({
    method: "POST", url: "/api/auth/password", auth: "user", tags: ["auth"], summary: "Change my password (ends my other sessions)",
    body: z.object({ current_password: z.string().min(1), new_password: z.string() }), response: ok,
    handler: async ({ auth, body }) => {
      await ctx.accounts.changeOwnPassword(auth, body.current_password, body.new_password);
      return { ok: true as const };
    },
  });

  r.route({
    method: "POST", url: "/api/auth/totp/setup", auth: "user", tags: ["auth"], summary: "Start TOTP enrolment: returns the secret and otpauth URI",
    response: z.object({ secret: z.string(), uri: z.string() }),
    handler: async ({ auth }) => ctx.accounts.totpSetup(auth),
  });

  r.route({
    method: "POST", url: "/api/auth/totp/enable", auth: "user", tags: ["auth"], summary: "Confirm TOTP with a current code; from then on sign-in needs it",
    body: z.object({ code: z.string().regex(/^\d{6}$/, "six digits") }), response: ok,
    handler: async ({ auth, body }) => {
      await ctx.accounts.totpEnable(auth, body.code);
      return { ok: true as const };
    },
  });

  r.route({
    method: "GET", url: "/api/auth/sessions", auth: "user", tags: ["auth"], summary: "My open sessions", response: z.object({ items: z.array(sessionSchema) }),
    handler: async ({ auth }) => ({ items: (await ctx.accounts.listSessions(auth.user.id)).map((s) => presentSession(s, auth.sessionId)) }),
  });

  r.route({
    method: "DELETE", url: "/api/auth/sessions/:id", auth: "user", tags: ["auth"], summary: "Revoke one of my sessions", params: idParams, response: ok,
    handler: async ({ auth, params }) => {
      const s = (await ctx.accounts.listSessions(auth.user.id)).find((x) => x.id.startsWith(params.id));
      if (!s) throw errors.notFound("session");
      await ctx.accounts.revokeSession(auth.user.id, s.id);
      return { ok: true as const };
    },
  });

  // ---------- API tokens (my own) ----------
  r.route({
    method: "GET", url: "/api/tokens", auth: "user", tags: ["tokens"], summary: "My API tokens", response: z.object({ items: z.array(tokenSchema) }),
    handler: async ({ auth }) => ({ items: (await ctx.accounts.listTokens(auth.user.id)).map(presentToken) }),
  });

  r.route({
    method: "POST", url: "/api/tokens", auth: "user", tags: ["tokens"], summary: "Create an API token; the secret is shown once", status: 201,
    body: z.object({ name: z.string().min(1).max(100), scopes: z.array(z.enum(["read", "write", "admin"])).min(1).default(["read"]), expires_in_days: z.number().int().min(1).max(365).default(90) }),
    response: createdTokenSchema,
    handler: async ({ auth, body }) => {
      if (auth.via === "token") throw errors.forbidden("Create tokens from a signed-in session or the CLI, not with another token.");
      return ctx.accounts.createToken(actorOf(auth), auth.user.id, { name: body.name, scopes: body.scopes, expiresInDays: body.expires_in_days });
    },
  });

  r.route({
    method: "DELETE", url: "/api/tokens/:id", auth: "user", tags: ["tokens"], summary: "Revoke one of my tokens", params: idParams, response: ok,
    handler: async ({ auth, params }) => {
      await ctx.accounts.revokeToken(actorOf(auth), params.id, auth.user.role === "admin" ? null : auth.user.id);
      return { ok: true as const };
    },
  });

  // ---------- sharing groups ----------
  r.route({
    method: "GET", url: "/api/groups", auth: "user", tags: ["groups"], summary: "Sharing groups my party belongs to", response: z.object({ items: z.array(groupSchema) }),
    handler: async ({ auth }) => ({ items: await ctx.accounts.listGroups(auth) }),
  });
  r.route({
    method: "POST", url: "/api/groups", auth: "user", tags: ["groups"], summary: "Create a sharing group owned by my party", status: 201,
    body: z.object({ id: z.string().min(1).max(63), name: z.string().min(1).max(200), members: z.array(z.string()).default([]), members_visible: z.boolean().default(true) }),
    response: ok,
    handler: async ({ auth, body }) => {
      await ctx.accounts.createGroup(auth, { id: body.id, name: body.name, members: body.members, membersVisible: body.members_visible });
      return { ok: true as const };
    },
  });
  r.route({
    method: "PUT", url: "/api/groups/:id/members", auth: "user", tags: ["groups"], summary: "Replace a group's member parties (owning party only)",
    params: idParams, body: z.object({ members: z.array(z.string()) }), response: ok,
    handler: async ({ auth, params, body }) => {
      await ctx.accounts.setGroupMembers(auth, params.id, body.members);
      return { ok: true as const };
    },
  });

  // ---------- administration ----------
  r.route({
    method: "GET", url: "/api/parties", auth: "user", tags: ["admin"], summary: "Parties of this deployment", response: z.object({ items: z.array(partySchema) }),
    handler: async () => ({ items: (await ctx.accounts.listParties()).map((p) => ({ id: p.id, name: p.name, kind: p.kind })) }),
  });
  r.route({
    method: "POST", url: "/api/admin/parties", auth: "user", scope: "admin", tags: ["admin"], summary: "Add a party", status: 201,
    body: z.object({ id: z.string(), name: z.string().min(1).max(200), kind: z.enum(partyKinds) }), response: ok,
    handler: async ({ auth, body }) => {
      requireAdmin(auth);
      await ctx.accounts.addParty(actorOf(auth), body);
      return { ok: true as const };
    },
  });
  r.route({
    method: "GET", url: "/api/admin/users", auth: "user", scope: "admin", tags: ["admin"], summary: "All accounts", response: z.object({ items: z.array(userSchema) }),
    handler: async ({ auth }) => {
      requireAdmin(auth);
      return { items: (await ctx.accounts.listUsers()).map(presentUser) };
    },
  });
  r.route({
    method: "POST", url: "/api/admin/users", auth: "user", scope: "admin", tags: ["admin"], summary: "Create an account", status: 201,
    body: z.object({ username: z.string(), display_name: z.string().max(200).optional(), party: z.string().nullable(), role: z.enum(roles), password: z.string() }),
    response: userSchema,
    handler: async ({ auth, body }) => {
      requireAdmin(auth);
      return presentUser(await ctx.accounts.addUser(actorOf(auth), { username: body.username, displayName: body.display_name, party: body.party, role: body.role, password: body.password }));
    },
  });
  r.route({
    method: "PATCH", url: "/api/admin/users/:id", auth: "user", scope: "admin", tags: ["admin"], summary: "Disable or enable an account (disabling ends its sessions at once)",
    params: idParams, body: z.object({ disabled: z.boolean() }), response: userSchema,
    handler: async ({ auth, params, body }) => {
      requireAdmin(auth);
      if (params.id === auth.user.id && body.disabled) throw errors.conflict("You cannot disable your own account.");
      return presentUser(await ctx.accounts.setDisabled(actorOf(auth), params.id, body.disabled));
    },
  });
  r.route({
    method: "POST", url: "/api/admin/users/:id/password", auth: "user", scope: "admin", tags: ["admin"], summary: "Set an account's password (ends its sessions)",
    params: idParams, body: z.object({ password: z.string() }), response: ok,
    handler: async ({ auth, params, body }) => {
      requireAdmin(auth);
      await ctx.accounts.setPassword(actorOf(auth), params.id, body.password);
      return { ok: true as const };
    },
  });
  r.route({
    method: "POST", url: "/api/admin/users/:id/revoke-sessions", auth: "user", scope: "admin", tags: ["admin"], summary: "End every session of an account",
    params: idParams, response: ok,
    handler: async ({ auth, params }) => {
      requireAdmin(auth);
      await ctx.accounts.revokeAllSessions(actorOf(auth), params.id);
      return { ok: true as const };
    },
  });
}
