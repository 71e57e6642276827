// RFC 8785 canonical JSON and SHA-256: the encoding every hash and signature
// in Truceline is computed over, so an independent verifier can recompute it.
import { createHash } from "node:crypto";
import canonicalizeImport from "canonicalize";

const canonicalizeFn = canonicalizeImport;

export function canonicalJson(value: unknown): string {
  const s = canonicalizeFn(value);
  if (s === undefined) throw new TypeError("value cannot be encoded as canonical JSON");
  return s;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
