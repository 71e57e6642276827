import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config.ts";

test("defaults", () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.host, "127.0.0.1");
  assert.ok(c.dataDir.endsWith("/data"));
  assert.equal(c.databaseUrl, undefined);
});

test("flags win over the environment", () => {
  const c = loadConfig({ PORT: "9000", HOST: "0.0.0.0" }, { port: "9100" });
  assert.equal(c.port, 9100);
  assert.equal(c.host, "0.0.0.0");
});

test("each bad value gets its own message naming the variable and the flag", () => {
  try {
    loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", PUBLIC_URL: "not a url" });
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.problems.length, 3);
    assert.match(e.message, /PORT \(--port\)/);
    assert.match(e.message, /DATABASE_URL \(--database-url\): DATABASE_URL must start with postgres:\/\//);
    assert.match(e.message, /PUBLIC_URL/);
  }
});
