// Identifiers: a type prefix, then time-ordered base-32 so ids sort by
// creation (useful for cursors), then randomness so they cannot be guessed.
import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

function base32(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function newId(prefix: string, now = Date.now()): string {
  const t = now.toString(32).padStart(10, "0");
  return `${prefix}_${t}${base32(randomBytes(10))}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
