// `truceline intake add` against a real deployment, and `intake extract`
// wired into the command list.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { eachDialect, testConfig } from "../helpers/dialects.ts";
import type { Config } from "../../src/server/config.ts";
import { DEMO_ARTICLES } from "../../src/server/modules/intake/intake.demo.ts";
import { startFixture, type Fixture } from "../http/intake-fixture.ts";

async function cli(config: Config | null, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const env: NodeJS.ProcessEnv = {
    ...(config ? { TRUCELINE_DATA: config.dataDir, TRUCELINE_KDF_LOG_N: "10", ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, TRUCELINE_DB_SCHEMA: config.databaseSchema } : {}) } : {}),
    ...extraEnv,
  };
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let fx: Fixture;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "intake-cli-"));
  fx = await startFixture();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await fx.close();
});

test("intake add and extract are listed", async () => {
  const h = await cli(null, ["--help"]);
  assert.match(h.out, /intake add/);
  assert.match(h.out, /intake extract/);
  const file = join(dir, "strike.txt");
  writeFileSync(file, DEMO_ARTICLES[0]!.text);
  const x = await cli(null, ["intake", "extract", file, "--published", "2025-06-12"]);
  assert.equal(x.code, 0, x.err);
  assert.ok((JSON.parse(x.out) as { proposals: unknown[] }).proposals.length >= 1);
});

eachDialect("CLI intake add", (dialect) => {
  test("stores a file as a user, links a second copy, fetches a URL, and explains mistakes", async () => {
    const { config, cleanup } = testConfig(dialect);
    try {
      assert.equal((await cli(config, ["party", "add", "SYR", "--name", "Syria", "--kind", "party"])).code, 0);
      assert.equal((await cli(config, ["user", "add", "syr.analyst", "--role", "analyst", "--party", "SYR", "--password", "pw-123456789"])).code, 0);
      const file = join(dir, "clash.md");
      writeFileSync(file, `# Clashes in Nawa\n\n${DEMO_ARTICLES[1]!.text}\n`);
      const first = await cli(config, ["intake", "add", file, "--as", "syr.analyst", "--published", "2025-06-09"]);
      assert.equal(first.code, 0, first.err);
      const s1 = JSON.parse(first.out) as { article: string; title: string; distribution: string; duplicate: unknown; proposals: Array<{ event_type: string }> };
      assert.equal(s1.title, "Clashes in Nawa");
      assert.equal(s1.distribution, "party:SYR");
      assert.equal(s1.duplicate, null);
      assert.ok(s1.proposals.some((p) => p.event_type === "Battles"));
      const again = JSON.parse((await cli(config, ["intake", "add", file, "--as", "syr.analyst"])).out) as { article: string; duplicate: { match: string } };
      assert.equal(again.article, s1.article);
      assert.equal(again.duplicate.match, "exact");
      const url = await cli(config, ["intake", "add", `${fx.base}/article.html`, "--as", "syr.analyst"], { TRUCELINE_INTAKE_ALLOW_PRIVATE: "1" });
      assert.equal(url.code, 0, url.err);
      assert.equal((JSON.parse(url.out) as { published: string }).published, "2025-04-03");
      const blocked = await cli(config, ["intake", "add", `${fx.base}/article.html`, "--as", "syr.analyst"]);
      assert.equal(blocked.code, 1);
      assert.match(blocked.err, /loopback/);
      assert.equal((await cli(config, ["intake", "add", file])).code, 1, "--as is required");
      assert.match((await cli(config, ["intake", "add", join(dir, "nope.txt"), "--as", "syr.analyst"])).err, /no such file/);
      assert.match((await cli(config, ["intake", "add", file, "--as", "nobody"])).err, /no user nobody/);
    } finally {
      await cleanup();
    }
  });
});
