// Accounts: parties, users, password and TOTP login, sessions, API tokens,
// sharing groups. Every change is audited in its own transaction.
import { createHash, timingSafeEqual } from "node:crypto";
import * as OTPAuth from "otpauth";
import { isDistribution, partyIdPattern, groupIdPattern, type Distribution, type PartyKind, type Role, type Viewer } from "../../../core/access/distribution.ts";
import { loadViewer } from "../../platform/access.ts";
import type { Actor, AuditService } from "../../platform/audit/audit.service.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db, DbOrTx, Dialect } from "../../platform/db/database.ts";
import { statementsOutside } from "../../platform/db/statements.ts";
import { AppError, errors } from "../../platform/http/errors.ts";
import type { AuthContext, AuthUser } from "../../platform/http/auth-context.ts";
import { newId, randomToken } from "../../platform/ids.ts";
import { accountRepository as repo, type UserRow } from "./account.repository.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

export interface AccountDeps {
  db: Db;
  dialect: Dialect;
  audit: AuditService;
  clock: Clock;
  kdfLogN: number;
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
}

export type TokenScope = "read" | "write" | "admin";

/** A token's last_used_at is written at most this often (it is shown to the minute). */
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 10_000;

/** A verified credential's access, valid while the access epoch reads `epoch` and until `expiresAt`. */
interface CachedAuth {
  epoch: number;
  secretHash: string;
  expiresAt: string;
  auth: AuthContext;
}

function frozen(a: AuthContext): AuthContext {
  Object.freeze(a.user);
  Object.freeze(a.viewer.groups);
  Object.freeze(a.viewer);
  Object.freeze(a.scopes);
  return Object.freeze(a);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Roles that belong to each kind of party; administrators belong to none. */
const rolesForKind: Record<PartyKind, Role[]> = {
  party: ["liaison", "analyst"],
  mediator: ["mediator", "analyst"],
  observer: ["observer", "analyst"],
};

export function toAuthUser(u: UserRow): AuthUser {
  return { id: u.id, username: u.username, displayName: u.display_name, party: u.party_id, role: u.role, totpEnabled: u.totp_enabled === 1 };
}

function partyDist(party: string | null): Distribution {
  return party ? (`party:${party}` as Distribution) : "mediator";
}

export class AccountService {
  // A real hash to compare against when the user does not exist, so timing
  // does not reveal which usernames are taken.
  private dummyHash: Promise<string> | null = null;
  /**
   * Verified tokens and sessions by id. An entry serves a request only while
   * the access epoch (moved by database triggers on every revocation, user,
   * party or group change, from any process) still reads what it read when
   * the entry was made, so nothing revoked is ever honoured.
   */
  private readonly tokenCache = new Map<string, CachedAuth>();
  private readonly sessionCache = new Map<string, CachedAuth>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly d: AccountDeps) {}

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  // ---------- parties ----------
  async addParty(actor: Actor, input: { id: string; name: string; kind: PartyKind }): Promise<void> {
    if (!partyIdPattern.test(input.id)) throw errors.validation("Party id must be 2–16 capital letters, digits or underscores, e.g. SYR", [{ path: "id", problem: "must look like SYR" }]);
    await this.d.db.transaction().execute(async (tx) => {
      if (await repo.findParty(tx, input.id)) throw errors.conflict(`Party ${input.id} already exists.`);
      await repo.insertParty(tx, { id: input.id, name: input.name, kind: input.kind, created_at: this.now() });
      await this.d.audit.record(tx, actor, { action: "party.create", subjectType: "party", subjectId: input.id, distribution: "shared", ownerParty: input.id });
    });
  }

  listParties() {
    return repo.listParties(this.d.db);
  }

  // ---------- users ----------
  async addUser(actor: Actor, input: { username: string; displayName?: string | undefined; party: string | null; role: Role; password: string }): Promise<UserRow> {
    const problem = passwordProblem(input.password);
    if (problem) throw errors.validation(`Password ${problem}.`, [{ path: "password", problem }]);
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) {
      throw errors.validation("Username must be 2–64 lowercase letters, digits, dots, dashes or underscores.", [{ path: "username", problem: "invalid characters or length" }]);
    }
    if (input.role === "admin" && input.party !== null) throw errors.validation("Administrators hold no party's need-to-know: leave party empty.", [{ path: "party", problem: "must be empty for admin" }]);
    if (input.role !== "admin" && input.party === null) throw errors.validation(`A ${input.role} belongs to a party.`, [{ path: "party", problem: "required for this role" }]);
    const password_hash = await hashPassword(input.password, this.d.kdfLogN);
    return this.d.db.transaction().execute(async (tx) => {
      if (input.party !== null) {
        const party = await repo.findParty(tx, input.party);
        if (!party) throw errors.validation(`Party ${input.party} does not exist.`, [{ path: "party", problem: "unknown party" }]);
        if (!rolesForKind[party.kind].includes(input.role)) {
          throw errors.validation(`Role ${input.role} does not fit a ${party.kind} (allowed: ${rolesForKind[party.kind].join(", ")}).`, [{ path: "role", problem: "not allowed for this party" }]);
        }
      }
      if (await repo.findUserByName(tx, input.username)) throw errors.conflict(`Username ${input.username} is taken.`);
      const now = this.now();
      const row: UserRow = {
        id: newId("usr"),
        username: input.username,
        display_name: input.displayName ?? input.username,
        party_id: input.party,
        role: input.role,
        password_hash,
        totp_secret: null,
        totp_enabled: 0,
        disabled: 0,
        created_at: now,
        updated_at: now,
      };
      await repo.insertUser(tx, row);
      await this.d.audit.record(tx, actor, { action: "user.create", subjectType: "user", subjectId: row.id, distribution: partyDist(row.party_id), ownerParty: row.party_id });
      return row;
    });
  }

  listUsers() {
    return repo.listUsers(this.d.db);
  }

  async findUserByName(username: string) {
    return repo.findUserByName(this.d.db, username);
  }

  async getUser(id: string): Promise<UserRow> {
    const u = await repo.findUserById(this.d.db, id);
    if (!u) throw errors.notFound("user");
    return u;
  }

  private async changeUser(actor: Actor, id: string, action: string, patch: Partial<UserRow>, alsoRevoke: boolean): Promise<UserRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const u = await repo.findUserById(tx, id);
      if (!u) throw errors.notFound("user");
      const now = this.now();
      await repo.updateUser(tx, id, { ...patch, updated_at: now });
      if (alsoRevoke) await repo.revokeAllSessions(tx, id, now);
      await this.d.audit.record(tx, actor, { action, subjectType: "user", subjectId: id, distribution: partyDist(u.party_id), ownerParty: u.party_id });
      return (await repo.findUserById(tx, id))!;
    });
  }

  async setPassword(actor: Actor, userId: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw errors.validation(`Password ${problem}.`, [{ path: "password", problem }]);
    await this.changeUser(actor, userId, "user.password", { password_hash: await hashPassword(password, this.d.kdfLogN) }, true);
  }

  async changeOwnPassword(auth: AuthContext, current: string, next: string): Promise<void> {
    const u = await this.getUser(auth.user.id);
    if (!(await verifyPassword(current, u.password_hash))) throw errors.validation("The current password is wrong.", [{ path: "current_password", problem: "does not match" }]);
    await this.setPassword({ userId: u.id, party: u.party_id }, u.id, next);
  }

  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserRow> {
    return this.changeUser(actor, userId, disabled ? "user.disable" : "user.enable", { disabled: disabled ? 1 : 0 }, disabled);
  }

  // ---------- TOTP ----------
  private totp(secret: string, label: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({ issuer: "Truceline", label, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
  }

  private checkTotp(u: UserRow, code: string): boolean {
    if (!u.totp_secret) return false;
    return this.totp(u.totp_secret, u.username).validate({ token: code, timestamp: this.d.clock.now().getTime(), window: 1 }) !== null;
  }

  /** Start enrolment: a new secret, not yet required at login until confirmed. */
  async totpSetup(auth: AuthContext): Promise<{ secret: string; uri: string }> {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.changeUser({ userId: auth.user.id, party: auth.user.party }, auth.user.id, "user.totp_setup", { totp_secret: secret, totp_enabled: 0 }, false);
    return { secret, uri: this.totp(secret, auth.user.username).toString() };
  }

  async totpEnable(auth: AuthContext, code: string): Promise<void> {
    const u = await this.getUser(auth.user.id);
    if (!u.totp_secret) throw errors.conflict("Start with POST /api/auth/totp/setup.");
    if (!this.checkTotp(u, code)) throw errors.validation("The code does not match: check the device clock and try the current code.", [{ path: "code", problem: "wrong code" }]);
    await this.changeUser({ userId: u.id, party: u.party_id }, u.id, "user.totp_enable", { totp_enabled: 1 }, false);
  }

  /** Code for tests and the demo: the current TOTP of a secret. */
  totpNow(secret: string): string {
    return this.totp(secret, "x").generate({ timestamp: this.d.clock.now().getTime() });
  }

  // ---------- login and sessions ----------
  private async assertNotLocked(key: string): Promise<void> {
    const lim = await repo.getLimit(this.d.db, key);
    if (!lim || lim.count < this.d.loginMaxFailures) return;
    const until = new Date(lim.window_start).getTime() + this.d.lockoutMinutes * 60_000;
    const wait = (until - this.d.clock.now().getTime()) / 1000;
    if (wait > 0) {
      throw errors.rateLimited(`Too many failed sign-ins for this account. Try again after ${new Date(until).toISOString()} (in ${Math.ceil(wait / 60)} min).`, wait);
    }
  }

  private async fail(key: string): Promise<never> {
    const now = this.d.clock.now();
    await repo.bumpLimit(this.d.db, key, now.toISOString(), new Date(now.getTime() - this.d.lockoutMinutes * 60_000).toISOString());
    throw new AppError("unauthenticated", "Wrong username or password.");
  }

  async login(input: { username: string; password: string; totp?: string | undefined }): Promise<{ user: UserRow; sessionToken: string; csrfToken: string; expiresAt: string }> {
    const key = `login:${input.username.toLowerCase()}`;
    await this.assertNotLocked(key);
    const u = await repo.findUserByName(this.d.db, input.username);
    this.dummyHash ??= hashPassword("dummy password for timing", this.d.kdfLogN);
    const ok = await verifyPassword(input.password, u?.password_hash ?? (await this.dummyHash));
    if (!u || !ok) return this.fail(key);
    if (u.disabled) throw new AppError("unauthenticated", "This account is disabled. Ask an administrator.");
    if (u.totp_enabled) {
      if (!input.totp) throw new AppError("totp_required", "Enter the 6-digit code from your authenticator app.", [{ path: "totp", problem: "required" }]);
      if (!this.checkTotp(u, input.totp)) return this.fail(key);
    }
    await repo.clearLimit(this.d.db, key);
    const sessionToken = randomToken(32);
    const csrfToken = randomToken(24);
    const now = this.d.clock.now();
    const expiresAt = new Date(now.getTime() + this.d.sessionHours * 3600_000).toISOString();
    await repo.insertSession(this.d.db, { id: sha256(sessionToken), user_id: u.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null });
    return { user: u, sessionToken, csrfToken, expiresAt };
  }

  async logout(sessionId: string, userId: string): Promise<void> {
    await repo.revokeSession(this.d.db, sessionId, userId, this.now());
  }

  listSessions(userId: string) {
    return repo.listSessions(this.d.db, userId, this.now());
  }

  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const r = await repo.revokeSession(this.d.db, sessionId, userId, this.now());
    if (Number(r.numUpdatedRows) === 0) throw errors.notFound("session");
  }

  async revokeAllSessions(actor: Actor, userId: string): Promise<void> {
    await this.getUser(userId);
    await repo.revokeAllSessions(this.d.db, userId, this.now());
    void actor;
  }

  private async contextFor(u: UserRow, via: "session" | "token", extra: Pick<AuthContext, "sessionId" | "tokenId" | "csrfToken" | "scopes">): Promise<AuthContext> {
    const viewer: Viewer = await loadViewer(this.d.db, { id: u.id, party_id: u.party_id, role: u.role });
    return { user: toAuthUser(u), viewer, via, ...extra };
  }

  /** The access epoch, read before anything it guards. */
  private accessEpoch(): Promise<number> {
    return repo.accessEpoch(statementsOutside(this.d.db, this.d.dialect));
  }

  private remember(cache: Map<string, CachedAuth>, id: string, entry: CachedAuth): AuthContext {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(id, entry);
    return entry.auth;
  }

  /** Resolve a session cookie. Disabled users and revoked or expired sessions get null at once. */
  async authenticateSession(cookie: string): Promise<AuthContext | null> {
    const id = sha256(cookie);
    const epoch = await this.accessEpoch();
    const hit = this.sessionCache.get(id);
    if (hit && hit.epoch === epoch) return hit.expiresAt <= this.now() ? null : hit.auth;
    const s = await repo.findSession(this.d.db, id);
    if (!s || s.revoked_at !== null || s.expires_at <= this.now()) return null;
    const u = await repo.findUserById(this.d.db, s.user_id);
    if (!u || u.disabled) return null;
    const auth = frozen(await this.contextFor(u, "session", { sessionId: s.id, tokenId: null, csrfToken: s.csrf_token, scopes: ["read", "write", "admin"] }));
    return this.remember(this.sessionCache, id, { epoch, secretHash: id, expiresAt: s.expires_at, auth });
  }

  // ---------- API tokens ----------
  async createToken(actor: Actor, userId: string, input: { name: string; scopes: TokenScope[]; expiresInDays: number }): Promise<{ id: string; token: string; expires_at: string }> {
    const u = await this.getUser(userId);
    if (input.scopes.includes("admin") && u.role !== "admin") throw errors.forbidden("Only administrators can hold admin-scoped tokens.");
    const id = newId("tok");
    const secret = randomToken(32);
    const expires_at = new Date(this.d.clock.now().getTime() + input.expiresInDays * 86_400_000).toISOString();
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insertToken(tx, { id, user_id: userId, name: input.name, secret_hash: sha256(secret), scopes: JSON.stringify(input.scopes), created_at: this.now(), expires_at, revoked_at: null, last_used_at: null });
      await this.d.audit.record(tx, actor, { action: "token.create", subjectType: "api_token", subjectId: id, distribution: partyDist(u.party_id), ownerParty: u.party_id });
    });
    // Shown once: only its hash is kept.
    return { id, token: `tl_${id}.${secret}`, expires_at };
  }

  listTokens(userId: string) {
    return repo.listTokens(this.d.db, userId);
  }

  async revokeToken(actor: Actor, id: string, ownerUserId: string | null): Promise<void> {
    await this.d.db.transaction().execute(async (tx) => {
      const t = await repo.findToken(tx, id);
      if (!t || (ownerUserId !== null && t.user_id !== ownerUserId)) throw errors.notFound("token");
      const u = await repo.findUserById(tx, t.user_id);
      await repo.revokeToken(tx, id, this.now());
      await this.d.audit.record(tx, actor, { action: "token.revoke", subjectType: "api_token", subjectId: id, distribution: partyDist(u?.party_id ?? null), ownerParty: u?.party_id ?? null });
    });
  }

  async authenticateToken(bearer: string): Promise<AuthContext | null> {
    const m = /^tl_(tok_[0-9a-z]+)\.([A-Za-z0-9_-]+)$/.exec(bearer);
    if (!m) return null;
    const id = m[1]!, secretHash = sha256(m[2]!);
    const epoch = await this.accessEpoch();
    const hit = this.tokenCache.get(id);
    if (hit && hit.epoch === epoch) {
      // Unchanged since it was verified: same secret, same owner and access.
      if (!sameHex(secretHash, hit.secretHash) || hit.expiresAt <= this.now()) return null;
      await this.touch(id);
      return hit.auth;
    }
    const t = await repo.findToken(this.d.db, id);
    if (!t || t.revoked_at !== null || t.expires_at <= this.now() || !sameHex(secretHash, t.secret_hash)) return null;
    const u = await repo.findUserById(this.d.db, t.user_id);
    if (!u || u.disabled) return null;
    await this.touch(t.id);
    const auth = frozen(await this.contextFor(u, "token", { sessionId: null, tokenId: t.id, csrfToken: null, scopes: JSON.parse(t.scopes) as string[] }));
    return this.remember(this.tokenCache, id, { epoch, secretHash: t.secret_hash, expiresAt: t.expires_at, auth });
  }

  /** Records a token's use, at most once a minute per token and process: a write per request would cost more than the request. */
  private async touch(id: string): Promise<void> {
    const now = this.d.clock.now();
    if (now.getTime() - (this.touched.get(id) ?? -Infinity) < TOUCH_EVERY_MS) return;
    if (this.touched.size >= MAX_CACHED) this.touched.clear();
    this.touched.set(id, now.getTime());
    await repo.touchToken(statementsOutside(this.d.db, this.d.dialect), id, now.toISOString());
  }

  // ---------- sharing groups ----------
  async createGroup(auth: AuthContext, input: { id: string; name: string; members: string[]; membersVisible: boolean }): Promise<void> {
    const owner = auth.user.party;
    if (owner === null) throw errors.forbidden("Sharing groups belong to a party; administrators hold none.");
    if (!groupIdPattern.test(input.id)) throw errors.validation("Group id: lowercase letters, digits and dashes.", [{ path: "id", problem: "invalid" }]);
    const members = [...new Set([owner, ...input.members])].sort();
    await this.d.db.transaction().execute(async (tx) => {
      if (await repo.findGroup(tx, input.id)) throw errors.conflict(`Group ${input.id} already exists.`);
      for (const p of members) if (!(await repo.findParty(tx, p))) throw errors.validation(`Party ${p} does not exist.`, [{ path: "members", problem: `unknown party ${p}` }]);
      await repo.insertGroup(tx, { id: input.id, name: input.name, members_visible: input.membersVisible ? 1 : 0, owner_party: owner, created_at: this.now() });
      await repo.setGroupMembers(tx, input.id, members);
      await this.d.audit.record(tx, { userId: auth.user.id, party: owner }, { action: "group.create", subjectType: "sharing_group", subjectId: input.id, distribution: `group:${input.id}` as Distribution, ownerParty: owner });
    });
  }

  async setGroupMembers(auth: AuthContext, id: string, members: string[]): Promise<void> {
    await this.d.db.transaction().execute(async (tx) => {
      const g = await repo.findGroup(tx, id);
      // Only the owning party edits membership; others get the same answer as for a missing group.
      if (!g || g.owner_party !== auth.user.party) throw errors.notFound("sharing group");
      const all = [...new Set([g.owner_party, ...members])].sort();
      for (const p of all) if (!(await repo.findParty(tx, p))) throw errors.validation(`Party ${p} does not exist.`, [{ path: "members", problem: `unknown party ${p}` }]);
      await repo.setGroupMembers(tx, id, all);
      await this.d.audit.record(tx, { userId: auth.user.id, party: auth.user.party }, { action: "group.members", subjectType: "sharing_group", subjectId: id, distribution: `group:${id}` as Distribution, ownerParty: g.owner_party });
    });
  }

  /** Groups the caller's party belongs to; members listed only when the group allows it or the caller owns it. */
  async listGroups(auth: AuthContext): Promise<Array<{ id: string; name: string; owner_party: string; members_visible: boolean; members: string[] | null }>> {
    if (auth.user.party === null) return [];
    const groups = await repo.groupsOfParty(this.d.db, auth.user.party);
    return Promise.all(
      groups.map(async (g) => ({
        id: g.id,
        name: g.name,
        owner_party: g.owner_party,
        members_visible: g.members_visible === 1,
        members: g.members_visible === 1 || g.owner_party === auth.user.party ? await repo.groupMembers(this.d.db, g.id) : null,
      })),
    );
  }

  validDistribution(s: string): s is Distribution {
    return isDistribution(s);
  }

  /** For the CLI and tests: a viewer for a user id. */
  async viewerOf(db: DbOrTx, userId: string): Promise<Viewer> {
    const u = await repo.findUserById(db, userId);
    if (!u) throw errors.notFound("user");
    return loadViewer(db, { id: u.id, party_id: u.party_id, role: u.role });
  }
}
