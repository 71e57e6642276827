// Identifiers: a type prefix, then time-ordered base-32 so ids sort by
// creation (useful for cursors), then randomness so they cannot be guessed.
import { randomBytes, randomFillSync } from "node:crypto";

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

// Random bytes are drawn from the OS 4 KB at a time: one system call per id cost
// more than the rest of an imported row's id.
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function random10(): Uint8Array {
  if (poolAt + 10 > pool.length) { randomFillSync(pool); poolAt = 0; }
  const out = pool.subarray(poolAt, poolAt + 10);
  poolAt += 10;
  return out;
}

export function newId(prefix: string, now = Date.now()): string {
  const t = now.toString(32).padStart(10, "0");
  return `${prefix}_${t}${base32(random10())}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
