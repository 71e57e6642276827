// Operator commands for parties, users and API tokens. They act as the
// system (no user) and are audited like any other change.
import { partyKinds, roles, type PartyKind, type Role } from "../../core/access/distribution.ts";
import { systemActor } from "../../server/platform/audit/audit.service.ts";
import { randomToken } from "../../server/platform/ids.ts";
import { CliError, type CliCommand } from "../command.ts";
import { deploymentFlags, parse, required, str } from "../args.ts";
import { withRuntime } from "../runtime.ts";

export const accountCommands: CliCommand[] = [
  {
    path: ["party", "add"],
    summary: "Add a party (a side, the mediator or the observer)",
    usage: "truceline party add <ID> --name <name> --kind party|mediator|observer",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...deploymentFlags, name: { type: "string" }, kind: { type: "string" } });
      const id = positionals[0];
      if (!id) throw new CliError("give the party id, e.g. truceline party add SYR --name Syria --kind party");
      const kind = required(values.kind, "kind");
      if (!(partyKinds as readonly string[]).includes(kind)) throw new CliError(`--kind must be one of ${partyKinds.join(", ")}`);
      await withRuntime(values, io, (rt) => rt.ctx.accounts.addParty(systemActor, { id, name: required(values.name, "name"), kind: kind as PartyKind }));
      io.out(JSON.stringify({ party: id, kind }));
      return 0;
    },
  },
  {
    path: ["user", "add"],
    summary: "Create an account (prints a generated password unless --password is given)",
    usage: "truceline user add <username> --role liaison|analyst|mediator|observer|admin [--party ID] [--name 'Display name'] [--password …]",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...deploymentFlags, role: { type: "string" }, party: { type: "string" }, name: { type: "string" }, password: { type: "string" } });
      const username = positionals[0];
      if (!username) throw new CliError("give the username");
      const role = required(values.role, "role");
      if (!(roles as readonly string[]).includes(role)) throw new CliError(`--role must be one of ${roles.join(", ")}`);
      const password = str(values.password) ?? randomToken(15);
      const u = await withRuntime(values, io, (rt) =>
        rt.ctx.accounts.addUser(systemActor, { username, displayName: str(values.name), party: str(values.party) ?? null, role: role as Role, password }),
      );
      io.out(JSON.stringify({ id: u.id, username, role, party: u.party_id, ...(values.password ? {} : { password }) }));
      return 0;
    },
  },
  {
    path: ["user", "passwd"],
    summary: "Set a user's password (ends their sessions)",
    usage: "truceline user passwd <username> [--password …]",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...deploymentFlags, password: { type: "string" } });
      const username = positionals[0];
      if (!username) throw new CliError("give the username");
      const password = str(values.password) ?? randomToken(15);
      await withRuntime(values, io, async (rt) => {
        const u = await rt.ctx.accounts.findUserByName(username);
        if (!u) throw new CliError(`no user ${username}`);
        await rt.ctx.accounts.setPassword(systemActor, u.id, password);
      });
      io.out(JSON.stringify({ username, ...(values.password ? {} : { password }) }));
      return 0;
    },
  },
  {
    path: ["user", "disable"],
    summary: "Disable an account: its sessions and tokens stop working at once",
    usage: "truceline user disable <username> [--enable]",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...deploymentFlags, enable: { type: "boolean" } });
      const username = positionals[0];
      if (!username) throw new CliError("give the username");
      await withRuntime(values, io, async (rt) => {
        const u = await rt.ctx.accounts.findUserByName(username);
        if (!u) throw new CliError(`no user ${username}`);
        await rt.ctx.accounts.setDisabled(systemActor, u.id, !values.enable);
      });
      io.out(JSON.stringify({ username, disabled: !values.enable }));
      return 0;
    },
  },
  {
    path: ["token", "create"],
    summary: "Create an API token for a user (printed once)",
    usage: "truceline token create --user <username> [--name cli] [--scopes read,write] [--days 90]",
    async run(args, io) {
      const { values } = parse(args, { ...deploymentFlags, user: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, days: { type: "string" } });
      const username = required(values.user, "user");
      const scopes = (str(values.scopes) ?? "read").split(",").map((s) => s.trim());
      for (const s of scopes) if (!["read", "write", "admin"].includes(s)) throw new CliError(`unknown scope ${s}: use read, write or admin`);
      const days = Number(str(values.days) ?? "90");
      if (!Number.isInteger(days) || days < 1 || days > 365) throw new CliError("--days must be a whole number from 1 to 365");
      const t = await withRuntime(values, io, async (rt) => {
        const u = await rt.ctx.accounts.findUserByName(username);
        if (!u) throw new CliError(`no user ${username}`);
        return rt.ctx.accounts.createToken(systemActor, u.id, { name: str(values.name) ?? "cli", scopes: scopes as Array<"read" | "write" | "admin">, expiresInDays: days });
      });
      io.out(JSON.stringify(t));
      return 0;
    },
  },
  {
    path: ["token", "revoke"],
    summary: "Revoke an API token by id",
    usage: "truceline token revoke <token id>",
    async run(args, io) {
      const { values, positionals } = parse(args, deploymentFlags);
      const id = positionals[0];
      if (!id) throw new CliError("give the token id (tok_…)");
      await withRuntime(values, io, (rt) => rt.ctx.accounts.revokeToken(systemActor, id, null));
      io.out(JSON.stringify({ revoked: id }));
      return 0;
    },
  },
];
