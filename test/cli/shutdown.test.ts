// A process that closes its database with nothing else pending runs on past
// the close: every CLI command ends that way, and what follows the close (its
// output, its exit code) must still happen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

test("closing a SQLite database with its checkpointer running returns, even with nothing else pending", () => {
  const fixture = fileURLToPath(new URL("close-db.fixture.ts", import.meta.url));
  const r = spawnSync(process.execPath, ["--import", "tsx", fixture], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), "closed");
});
