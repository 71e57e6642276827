// `truceline audit export | verify` and `truceline keys show`. Verification is
// standalone: it reads only the export file and, ideally, a public key the
// verifier obtained independently.
import { readFileSync, writeFileSync } from "node:fs";
import { verifyChain } from "../../core/audit/chain.ts";
import type { AuditExport } from "../../server/platform/audit/audit.service.ts";
import { keyIdOf } from "../../server/platform/crypto/keys.ts";
import { loadViewer } from "../../server/platform/access.ts";
import type { Viewer } from "../../core/access/distribution.ts";
import { CliError, type CliCommand } from "../command.ts";
import { deploymentFlags, parse, str } from "../args.ts";
import { withRuntime } from "../runtime.ts";

export function verifyExport(exp: AuditExport, publicKeyPem: string | null) {
  if (exp.format !== "truceline-audit-export/1") throw new CliError(`not a Truceline audit export (format ${String(exp.format)})`);
  const key = publicKeyPem ?? exp.public_key;
  let report = verifyChain(exp.entries, exp.checkpoints, key, { requireCovered: true });
  const foreign = exp.checkpoints.find((cp) => cp.deployment !== exp.deployment);
  if (report.ok && foreign) {
    report = { ...report, ok: false, first_bad: { seq: foreign.seq, problem: `checkpoint ${foreign.seq} belongs to deployment ${foreign.deployment}, not ${exp.deployment}` } };
  }
  return { ...report, key_id: keyIdOf(key), key_source: publicKeyPem ? "given" : "embedded in the export" };
}

export const auditCommands: CliCommand[] = [
  {
    path: ["audit", "export"],
    summary: "Export the audit log as a party may see it (or all of it) with signed checkpoints",
    usage: "truceline audit export [--party <ID>] [--out file.json]",
    async run(args, io) {
      const { values } = parse(args, { ...deploymentFlags, party: { type: "string" }, out: { type: "string" } });
      const party = str(values.party);
      const exp = await withRuntime(values, io, async (rt) => {
        let viewer: Viewer | null = null;
        if (party) {
          const p = (await rt.ctx.accounts.listParties()).find((x) => x.id === party);
          if (!p) throw new CliError(`no party ${party}`);
          viewer = await loadViewer(rt.ctx.db, { id: `party:${party}`, party_id: party, role: null });
        }
        return rt.ctx.audit.export(rt.ctx.db, viewer);
        // A forensic export must work on a damaged database too: the verifier judges it.
      }, {}, { skipIntegrityCheck: true });
      const text = JSON.stringify(exp);
      const out = str(values.out);
      if (out) {
        writeFileSync(out, text);
        io.out(JSON.stringify({ file: out, entries: exp.entries.length, checkpoints: exp.checkpoints.length, party: exp.party }));
      } else io.out(text);
      return 0;
    },
  },
  {
    path: ["audit", "verify"],
    summary: "Check an audit export offline; names the first bad entry",
    usage: "truceline audit verify <export.json> [--public-key deployment.pem]",
    async run(args, io) {
      const { values, positionals } = parse(args, { "public-key": { type: "string" } });
      const file = positionals[0];
      if (!file) throw new CliError("give the export file");
      let exp: AuditExport;
      try {
        exp = JSON.parse(readFileSync(file, "utf8")) as AuditExport;
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const keyFile = str(values["public-key"]);
      const report = verifyExport(exp, keyFile ? readFileSync(keyFile, "utf8") : null);
      io.out(JSON.stringify(report));
      if (!report.ok) {
        io.err(`BAD: ${report.first_bad?.problem ?? "unknown problem"}`);
        return 1;
      }
      if (!keyFile) io.err(`OK, checked with the key inside the export (${report.key_id}); compare it with the deployment's published key id.`);
      return 0;
    },
  },
  {
    path: ["keys", "show"],
    summary: "Print the deployment's public key and key id",
    usage: "truceline keys show",
    async run(args, io) {
      const { values } = parse(args, deploymentFlags);
      await withRuntime(values, io, async (rt) => {
        io.out(JSON.stringify({ deployment: rt.ctx.deploymentId, key_id: rt.ctx.key.keyId, public_key: rt.ctx.key.publicKeyPem }));
      });
      return 0;
    },
  },
];
