// Wire shapes of the accounts API, shared by the server's presenters (which
// produce them) and the web app's client (which parses them). Plain zod: no I/O.
import { z } from "zod";

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  party: z.string().nullable(),
  role: z.string(),
  totp_enabled: z.boolean(),
  disabled: z.boolean(),
  created_at: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

export const meSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), display_name: z.string(), party: z.string().nullable(), role: z.string(), totp_enabled: z.boolean() }),
  party_kind: z.string().nullable(),
  groups: z.array(z.string()),
  csrf_token: z.string().nullable(),
  demo: z.boolean(),
});
export type MeDto = z.infer<typeof meSchema>;

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  created_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type TokenDto = z.infer<typeof tokenSchema>;

export const createdTokenSchema = z.object({ id: z.string(), token: z.string(), expires_at: z.string() });

export const sessionSchema = z.object({ id: z.string(), created_at: z.string(), expires_at: z.string(), current: z.boolean() });

export const partySchema = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export type PartyDto = z.infer<typeof partySchema>;

export const groupSchema = z.object({ id: z.string(), name: z.string(), owner_party: z.string(), members_visible: z.boolean(), members: z.array(z.string()).nullable() });
export type GroupDto = z.infer<typeof groupSchema>;

export const loginBodySchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(512), totp: z.string().regex(/^\d{6}$/, "six digits").optional() });

export const okSchema = z.object({ ok: z.literal(true) });

export const healthSchema = z.object({ status: z.literal("ok"), version: z.string(), database: z.string(), demo: z.boolean(), deployment: z.string() });

/** Every error response (README "Error responses"). */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), problem: z.string() })).optional(),
  request_id: z.string().optional(),
});
export type ApiErrorDto = z.infer<typeof apiErrorSchema>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
