// `truceline incidents import | export | reclassify`: ACLED CSV in (with an
// optional deletions file), ACLED CSV / PLOVER JSONL / GeoJSON out as one
// party sees it, and reclassification after the pack changes.
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { isDistribution, type Viewer, publicViewer } from "../../core/access/distribution.ts";
import { loadViewer } from "../../server/platform/access.ts";
import { systemActor } from "../../server/platform/audit/audit.service.ts";
import { AcledImporter } from "../../server/modules/incidents/acled-import.ts";
import { exportLines } from "../../server/modules/incidents/incident-export.ts";
import { incidentFilterQuery, toFilter } from "../../server/modules/incidents/incident.routes.ts";
import { CliError, type CliCommand } from "../command.ts";
import { deploymentFlags, parse, str } from "../args.ts";
import { withRuntime } from "../runtime.ts";

export const incidentCommands: CliCommand[] = [
  {
    path: ["incidents", "import"],
    summary: "Import an ACLED CSV (2023 or pre-2023 columns), optionally with a deletions file; prints a summary JSON",
    usage: "truceline incidents import <acled.csv> [--deletions <deletions.csv>] [--distribution shared|public|party:<ID>|…] [--party <owner ID>]\n" +
      "Exit status: 0 all rows imported, 3 some rows rejected (listed by line in errors), 1 nothing could be read.",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...deploymentFlags, deletions: { type: "string" }, distribution: { type: "string" }, party: { type: "string" }, "batch-size": { type: "string" } });
      const file = positionals[0];
      if (!file && !str(values.deletions)) throw new CliError("give the ACLED CSV file (or --deletions <file> alone)");
      for (const f of [file, str(values.deletions)]) if (f && !existsSync(f)) throw new CliError(`no such file: ${f}`);
      const dist = str(values.distribution) ?? "shared";
      if (!isDistribution(dist)) throw new CliError(`--distribution ${dist}: use public, shared, mediator, party:<ID> or group:<id>`);
      if (dist === "mediator" && !str(values.party)) throw new CliError("--distribution mediator needs --party (the author party the mediator shares with)");
      const batchSize = str(values["batch-size"]) ? Number(str(values["batch-size"])) : undefined;
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new CliError("--batch-size must be a positive whole number");
      const summary = await withRuntime(values, io, async (rt) => {
        const party = str(values.party);
        if (party && !(await rt.ctx.accounts.listParties()).some((p) => p.id === party)) throw new CliError(`no party ${party}`);
        const imp = new AcledImporter(rt.ctx.incidents);
        let sum = file
          ? await imp.import(systemActor, createReadStream(file, { highWaterMark: 1 << 20 }), { distribution: dist, ownerParty: party ?? null, ...(batchSize ? { batchSize } : {}) })
          : { imported: 0, updated: 0, unchanged: 0, deleted: 0, columns: null, errors: [] };
        const del = str(values.deletions);
        if (del && !(file && sum.columns === null)) sum = await imp.deletions(systemActor, createReadStream(del, { highWaterMark: 1 << 20 }), sum);
        return sum;
      });
      io.out(JSON.stringify(summary));
      if (file && summary.columns === null) return 1;
      return summary.errors.length ? 3 : 0;
    },
  },
  {
    path: ["incidents", "export"],
    summary: "Export incidents as one party sees them: ACLED CSV, PLOVER JSONL or GeoJSON (filters as in the API)",
    usage: "truceline incidents export --format acled|plover|geojson [--party <ID>] [--out file] [--from YYYY-MM-DD] [--to …] [--zone …] [--admin1 …] [--event-type …] [--actor …] [--verification …] [--q text] [--bbox w,s,e,n]\n" +
      "Without --party the export holds public incidents only: the operator holds no party's need-to-know.",
    async run(args, io) {
      const { values } = parse(args, {
        ...deploymentFlags, format: { type: "string" }, party: { type: "string" }, out: { type: "string" }, from: { type: "string" }, to: { type: "string" },
        zone: { type: "string" }, admin1: { type: "string" }, "event-type": { type: "string" }, "sub-event-type": { type: "string" }, actor: { type: "string" },
        verification: { type: "string" }, q: { type: "string" }, bbox: { type: "string" },
      });
      const format = str(values.format);
      if (format !== "acled" && format !== "plover" && format !== "geojson") throw new CliError("--format must be acled, plover or geojson");
      const raw: Record<string, string> = {};
      for (const k of ["from", "to", "zone", "admin1", "actor", "verification", "q", "bbox"]) { const v = str(values[k]); if (v !== undefined) raw[k] = v; }
      for (const [flag, key] of [["event-type", "event_type"], ["sub-event-type", "sub_event_type"]] as const) { const v = str(values[flag]); if (v !== undefined) raw[key] = v; }
      const parsed = incidentFilterQuery.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0]).replace(/_/g, "-")}: ${i.message}`).join("; "));
      const filter = toFilter(parsed.data);
      const out = str(values.out);
      const n = await withRuntime(values, io, async (rt) => {
        let viewer: Viewer = publicViewer;
        const party = str(values.party);
        if (party) {
          if (!(await rt.ctx.accounts.listParties()).some((p) => p.id === party)) throw new CliError(`no party ${party}`);
          viewer = await loadViewer(rt.ctx.db, { id: `party:${party}`, party_id: party, role: null });
        }
        const sink = out ? createWriteStream(out) : null;
        let count = 0;
        async function* counted() {
          for await (const r of rt.ctx.incidents.iterate(viewer, filter)) { count++; yield r; }
        }
        for await (const line of exportLines(viewer, format, counted())) {
          if (sink) { if (!sink.write(line)) await once(sink, "drain"); } else process.stdout.write(line);
        }
        if (sink) await new Promise<void>((res) => sink.end(() => res()));
        return count;
      });
      if (out) io.err(`${n} incidents written to ${out}`);
      return 0;
    },
  },
  {
    path: ["incidents", "reclassify"],
    summary: "Reclassify incidents stored under another pack or pack version (the server also does this at start)",
    usage: "truceline incidents reclassify",
    async run(args, io) {
      const { values } = parse(args, deploymentFlags);
      const r = await withRuntime(values, io, (rt) => rt.ctx.incidents.reclassifyStale(systemActor));
      io.out(JSON.stringify(r));
      return 0;
    },
  },
];
