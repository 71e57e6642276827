import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, verifyPassword, passwordProblem } from "./password.ts";

test("scrypt hashes verify only the right password and never contain it", async () => {
  const h = await hashPassword("correct horse battery", 10);
  assert.ok(!h.includes("correct horse"));
  assert.equal(await verifyPassword("correct horse battery", h), true);
  assert.equal(await verifyPassword("correct horse batterY", h), false);
  assert.equal(await verifyPassword("x", "not-a-hash"), false);
  assert.notEqual(await hashPassword("correct horse battery", 10), h, "salted");
});

test("password rules", () => {
  assert.match(passwordProblem("short") ?? "", /12 characters/);
  assert.equal(passwordProblem("long enough password"), null);
});
