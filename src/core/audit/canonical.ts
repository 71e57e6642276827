// RFC 8785 canonical JSON and SHA-256: the encoding every hash and signature
// in Truceline is computed over, so an independent verifier can recompute it.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

export { canonicalJson };

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
