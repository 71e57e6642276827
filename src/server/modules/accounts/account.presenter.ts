// Accounts as clients see them: never a password hash, a TOTP secret or a token hash.
import type { z } from "zod";
import { meSchema, sessionSchema, tokenSchema, userSchema } from "../../../core/api/accounts.ts";
import type { UserRow, TokenRow, SessionRow } from "./account.repository.ts";
import type { AuthUser } from "../../platform/http/auth-context.ts";

export { userSchema, meSchema, tokenSchema, sessionSchema };

export function presentUser(u: UserRow): z.infer<typeof userSchema> {
  return { id: u.id, username: u.username, display_name: u.display_name, party: u.party_id, role: u.role, totp_enabled: u.totp_enabled === 1, disabled: u.disabled === 1, created_at: u.created_at };
}

export function presentAuthUser(u: AuthUser) {
  return { id: u.id, username: u.username, display_name: u.displayName, party: u.party, role: u.role, totp_enabled: u.totpEnabled };
}

export function presentToken(t: TokenRow): z.infer<typeof tokenSchema> {
  return { id: t.id, name: t.name, scopes: JSON.parse(t.scopes) as string[], created_at: t.created_at, expires_at: t.expires_at, revoked_at: t.revoked_at, last_used_at: t.last_used_at };
}

/** Session ids are hashes of the cookie; the first 16 hex characters are enough to name one. */
export function presentSession(s: SessionRow, currentId: string | null): z.infer<typeof sessionSchema> {
  return { id: s.id.slice(0, 16), created_at: s.created_at, expires_at: s.expires_at, current: s.id === currentId };
}
