// Sweeps the OpenAPI document: every route that needs a user answers 401 to
// an anonymous caller and to a bogus token, with the error vocabulary.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

eachDialect("every route", (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(dialect);
  });
  after(async () => t.close());

  test("401 without credentials on every signed-in route", async () => {
    const doc = (await t.call(null, "GET", "/api/openapi.json")).json<{ paths: Record<string, Record<string, { security: unknown[] }>> }>();
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        // No sign-in, or sign-in optional (public reports): nothing to refuse.
        if (op.security.length === 0 || op.security.some((s) => Object.keys(s as object).length === 0)) continue;
        const url = path.replace(/\{[^}]+\}/g, "x1");
        for (const headers of [{}, { authorization: "Bearer tl_tok_bogus.secret" }] as Array<Record<string, string>>) {
          const res = await t.call(null, method.toUpperCase(), url, method === "get" ? undefined : {}, headers);
          assert.equal(res.statusCode, 401, `${method.toUpperCase()} ${path} → ${res.statusCode}`);
          assert.equal(res.json().code, "unauthenticated");
          assert.ok(res.json().request_id);
        }
        checked++;
      }
    }
    assert.ok(checked >= 20, `checked ${checked} routes`);
  });
});
