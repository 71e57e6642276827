// Child process for shutdown.test.ts: opens a SQLite deployment database with
// its background WAL checkpointer, closes it with nothing else pending, and
// says so. Before the fix the event loop ended inside close() and "closed"
// never printed (exit 13: an unsettled top-level await).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openAndMigrate } from "../../src/server/platform/db/database.ts";

const dir = mkdtempSync(join(tmpdir(), "truceline-close-"));
const handle = await openAndMigrate({ dataDir: dir });
handle.checkpointInBackground();
await handle.close();
rmSync(dir, { recursive: true, force: true });
console.log("closed");
