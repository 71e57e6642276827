import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown, sanitizeMarkdownInput } from "./markdown.ts";

test("raw HTML is stripped on the way in and never rendered on the way out", () => {
  const src = "# Minutes\n\n<script>alert(1)</script>Agreed: **reduce** patrols <img src=x onerror=alert(1)> near Line B > 2 km\n\n[link](javascript:alert(1))";
  const clean = sanitizeMarkdownInput(src);
  assert.ok(!clean.includes("<script"));
  assert.ok(!clean.includes("<img"));
  assert.ok(clean.includes("near Line B > 2 km"));
  const html = renderMarkdown(src);
  // What remains of the HTML is escaped text, never a tag or a live link.
  assert.ok(!/<script|<img|href="javascript/i.test(html), html);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /<h1>Minutes<\/h1>/);
  assert.match(html, /<strong>reduce<\/strong>/);
});
