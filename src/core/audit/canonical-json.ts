// RFC 8785 canonical JSON (JCS), the text every Truceline hash and signature
// covers. Same output as the `canonicalize` package for every JSON value (a
// property test holds the two equal), written for the hot paths: a send
// encodes its payload, receipt, audit states and request hash, and the
// package checks each string for lone surrogates one character at a time in
// JavaScript where a regular expression does it natively. No Node imports:
// the web app signs with it too.

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  const s = encode(value);
  if (s === undefined) throw new TypeError("value cannot be encoded as canonical JSON");
  return s;
}

function encode(v: unknown): string | undefined {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      if (LONE_SURROGATE.test(v)) throw new Error("Lone surrogate is not allowed");
      return JSON.stringify(v);
    case "number":
      if (Number.isNaN(v)) throw new Error("NaN is not allowed");
      if (!Number.isFinite(v)) throw new Error("Infinity is not allowed");
      // ECMAScript number serialisation is the one RFC 8785 prescribes.
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "object":
      break;
    case "undefined":
    case "function":
    case "symbol":
    case "bigint":
      // No JSON text (undefined), or a TypeError (bigint).
      return JSON.stringify(v);
  }
  const o = v as { toJSON?: () => unknown };
  if (typeof o.toJSON === "function") return encode(o.toJSON());
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (i > 0) out += ",";
      out += x === undefined || typeof x === "symbol" ? "null" : (encode(x) ?? "");
    }
    return out + "]";
  }
  const rec = v as Record<string, unknown>;
  // Default sort: UTF-16 code units, as RFC 8785 orders member names.
  const keys = Object.keys(rec).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const x = rec[k];
    if (x === undefined || typeof x === "symbol") continue;
    if (!first) out += ",";
    first = false;
    out += `${encode(k)}:${encode(x)}`;
  }
  return out + "}";
}
