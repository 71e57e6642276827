// HTTP for the verifiable log: my party's export, checkpoints, the deployment key.
import { checkpointListSchema, deploymentKeySchema, newCheckpointSchema } from "../../../core/api/audit.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";


export function auditRoutes(r: Router, ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/keys/deployment", auth: "none", tags: ["audit"], summary: "The deployment's public key (Ed25519, PEM) that signs checkpoints and receipts",
    response: deploymentKeySchema,
    handler: async () => ({ deployment: ctx.deploymentId, key_id: ctx.key.keyId, public_key: ctx.key.publicKeyPem }),
  });

  r.route({
    method: "GET", url: "/api/audit/export", auth: "user", tags: ["audit"], summary: "The audit log as my party may see it: hidden entries as hash-only placeholders, with every signed checkpoint",
    response: null,
    handler: async ({ auth, reply }) => {
      if (auth.user.party === null) throw errors.forbidden("Administrators hold no party: export the full log with `truceline audit export` on the server.");
      // Sign the head first so the export is covered to its last entry.
      await ctx.audit.checkpoint(ctx.db);
      const exp = await ctx.audit.export(ctx.db, auth.viewer);
      reply.header("content-disposition", `attachment; filename="truceline-audit-${auth.user.party}.json"`);
      return reply.type("application/json").send(JSON.stringify(exp));
    },
  });

  r.route({
    method: "GET", url: "/api/audit/checkpoints", auth: "user", tags: ["audit"], summary: "Signed checkpoints of the chain head", response: checkpointListSchema,
    handler: async () => ({ items: await ctx.audit.listCheckpoints(ctx.db, 100) }),
  });

  r.route({
    method: "POST", url: "/api/audit/checkpoints", auth: "user", tags: ["audit"], summary: "Sign the current head now", status: 201,
    response: newCheckpointSchema,
    handler: async () => ({ checkpoint: await ctx.audit.checkpoint(ctx.db) }),
  });
}
