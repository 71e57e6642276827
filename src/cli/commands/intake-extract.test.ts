import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError } from "../command.ts";
import { intakeExtractCommand } from "./intake-extract.ts";

test("intake extract prints proposals as JSON", async () => {
  const dir = mkdtempSync(join(tmpdir(), "intake-"));
  writeFileSync(join(dir, "a.txt"), "Israeli jets struck near Kuya on Tuesday, killing two people.");
  const out: string[] = [];
  const code = await intakeExtractCommand.run(["a.txt", "--published", "2025-03-26"], { out: (l) => out.push(l), err: () => {}, env: {}, cwd: dir });
  assert.equal(code, 0);
  const res = JSON.parse(out.join("\n")) as { proposals: Array<{ place_id: string; date: string; fatalities: number; country: string }> };
  assert.equal(res.proposals.length, 1);
  assert.deepEqual([res.proposals[0]!.place_id, res.proposals[0]!.date, res.proposals[0]!.fatalities, res.proposals[0]!.country], ["kuya", "2025-03-25", 2, "SYR"]);
  await assert.rejects(intakeExtractCommand.run(["a.txt", "--published", "26/03/2025"], { out: () => {}, err: () => {}, env: {}, cwd: dir }), CliError);
});
