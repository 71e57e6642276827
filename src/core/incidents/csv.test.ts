import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { CsvReader, csvLine, type CsvRecord } from "./csv.ts";

function readAll(text: string, chunk: number): CsvRecord[] {
  const r = new CsvReader();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...r.push(text.slice(i, i + chunk)));
  out.push(...r.end());
  return out;
}

test("records and their starting lines survive any chunking, quotes and embedded newlines", () => {
  const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", " ", "é", "\r\n") , maxLength: 8 });
  fc.assert(
    fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 17 }), (rows, chunk) => {
      // Rows of one empty field are blank lines and are skipped by design; keep two or more fields.
      const text = stringify(rows, { quoted_match: /[\s\S]/ });
      const got = readAll(text, chunk);
      assert.deepEqual(got.map((g) => ("fields" in g ? g.fields : g.error)), rows);
      let line = 1;
      for (let i = 0; i < rows.length; i++) {
        assert.equal(got[i]!.line, line);
        line += (stringify([rows[i]!], { quoted_match: /[\s\S]/ }).match(/\n/g) ?? []).length;
      }
    }),
  );
});

test("our writer's output reads back identically", () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 5 }), { maxLength: 10 }), (rows) => {
      const text = rows.map((r) => csvLine(r)).join("");
      assert.deepEqual(readAll(text, 5).map((g) => ("fields" in g ? g.fields : null)), rows);
    }),
  );
});

test("a stray quote is reported on its line and reading goes on", () => {
  const text = 'a,b\n1,x"y\n2,"ok"\n3,"open\n';
  const got = readAll(text, 3);
  assert.deepEqual(got[0], { line: 1, fields: ["a", "b"] });
  assert.equal(got[1]!.line, 2);
  assert.ok("error" in got[1]!);
  assert.deepEqual(got[2], { line: 3, fields: ["2", "ok"] });
  assert.equal(got[3]!.line, 4);
  assert.match((got[3] as { error: string }).error, /unterminated/);
});

test("CRLF line ends and a last line without newline", () => {
  assert.deepEqual(readAll("a,b\r\n1,2\r\n3,4", 2), [{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["1", "2"] }, { line: 3, fields: ["3", "4"] }]);
});
