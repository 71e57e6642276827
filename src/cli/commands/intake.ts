// `truceline intake add <file|url> --as <username>`: stores an article as that
// user would (need-to-know, duplicates, extraction) and prints a JSON summary.
// `intake extract` (no storage) lives in intake-extract.ts.
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { isDistribution } from "../../core/access/distribution.ts";
import { CliError, type CliCommand } from "../command.ts";
import { deploymentFlags, parse, required, str } from "../args.ts";
import { withRuntime } from "../runtime.ts";
import type { IngestResult } from "../../server/modules/intake/intake.service.ts";

export { intakeExtractCommand } from "./intake-extract.ts";

function summary(r: IngestResult) {
  return {
    article: r.article.id,
    title: r.article.title,
    published: r.article.published,
    language: r.article.language,
    content_hash: r.article.content_hash,
    distribution: r.article.distribution,
    duplicate: r.duplicate,
    proposals: r.proposals.map((p) => {
      const e = JSON.parse(p.data) as { date: string | null; event_type: string; sub_event_type: string; location: string | null; confidence: number };
      return { id: p.id, date: e.date, event_type: e.event_type, sub_event_type: e.sub_event_type, location: e.location, confidence: e.confidence };
    }),
  };
}

export const intakeAddCommand: CliCommand = {
  path: ["intake", "add"],
  summary: "Store an article from a file (.txt, .md, .html) or a URL as a user, and queue its proposals for review",
  usage: "truceline intake add <file|url> --as <username> [--published YYYY-MM-DD] [--distribution party:ISR|shared|…]",
  async run(args, io) {
    const { values, positionals } = parse(args, { ...deploymentFlags, as: { type: "string" }, published: { type: "string" }, distribution: { type: "string" } });
    const target = positionals[0];
    if (!target) throw new CliError("give a file or an http(s) URL: truceline intake add <file|url> --as <username>");
    const username = required(values.as, "as");
    const published = str(values.published);
    if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new CliError("--published must be YYYY-MM-DD");
    const dist = str(values.distribution);
    if (dist !== undefined && !isDistribution(dist)) throw new CliError("--distribution must be public, shared, mediator, party:<ID> or group:<id>");
    const isUrl = /^https?:\/\//i.test(target);
    const path = resolve(io.cwd, target);
    if (!isUrl && !existsSync(path)) throw new CliError(`no such file: ${target}`);
    const result = await withRuntime(values, io, async (rt) => {
      const u = await rt.ctx.accounts.findUserByName(username);
      if (!u) throw new CliError(`no user ${username}`);
      const viewer = await rt.ctx.accounts.viewerOf(rt.ctx.db, u.id);
      const distribution = dist;
      if (isUrl) return rt.ctx.intake.fetchAndIngest(viewer, { url: target, published, distribution });
      return rt.ctx.intake.upload(viewer, { content: readFileSync(path, "utf8"), file_name: basename(path), published, distribution });
    });
    io.out(JSON.stringify(summary(result)));
    return 0;
  },
};
