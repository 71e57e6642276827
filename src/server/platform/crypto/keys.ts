// The deployment's Ed25519 key: signs audit checkpoints and hotline receipts.
// The private key lives in the data folder (mode 0600), created on first start;
// its public half is recorded in the database so every process of a deployment
// can tell if it was handed a different key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sha256Hex } from "../../../core/audit/canonical.ts";

export interface DeploymentKey {
  keyId: string;
  publicKeyPem: string;
  sign(message: Buffer): string;
}

export function keyIdOf(publicKeyPem: string): string {
  return "ed25519:" + sha256Hex(publicKeyPem.trim()).slice(0, 16);
}

function fromPrivate(priv: KeyObject): DeploymentKey {
  const publicKeyPem = createPublicKey(priv).export({ type: "spki", format: "pem" }).toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (message) => sign(null, message, priv).toString("base64"),
  };
}

export function loadOrCreateDeploymentKey(dataDir: string, keyFile?: string): DeploymentKey {
  const file = keyFile ?? join(dataDir, "keys", "deployment-ed25519.pem");
  const dir = dirname(file);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      // wx: if another process created it a moment ago, keep theirs.
      writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return fromPrivate(createPrivateKey(readFileSync(file, "utf8")));
}
