// The sender's side in Node (CLI, tests, benchmark): key pairs kept in a PEM
// file, and signing exactly what the server verifies. The browser does the
// same with WebCrypto over `signedBytes` from protocol.ts.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { HOTLINE_FORMAT, signedText, type MessageKind, type SignedMessage } from "./protocol.ts";
import { parsePublicKey } from "./verify.ts";

export interface SigningKey {
  privateKey: KeyObject;
  /** base64 of the 32 raw public bytes, as registered with the server. */
  publicKey: string;
  keyId: string;
}

export function generateSigningKey(): SigningKey & { privateKeyPem: string } {
  const { privateKey } = generateKeyPairSync("ed25519");
  return { ...signingKeyFrom(privateKey), privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

export function signingKeyFrom(priv: KeyObject | string): SigningKey {
  const privateKey = typeof priv === "string" ? createPrivateKey(priv) : priv;
  const pub = parsePublicKey(createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString());
  if (!pub) throw new Error("not an Ed25519 private key");
  return { privateKey, publicKey: pub.raw, keyId: pub.keyId };
}

export function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

export interface Draft {
  deployment: string;
  thread_id: string;
  sender: string;
  kind: MessageKind;
  body: unknown;
  refers_to?: string | null;
  corrects?: string | null;
  nonce?: string;
  client_time?: string;
}

/** Builds the signed message and its signature (base64). */
export function signDraft(key: SigningKey, d: Draft, now: Date = new Date()): { payload: SignedMessage; signature: string } {
  const payload: SignedMessage = {
    format: HOTLINE_FORMAT,
    deployment: d.deployment,
    thread_id: d.thread_id,
    nonce: d.nonce ?? newNonce(),
    sender: d.sender,
    key_id: key.keyId,
    client_time: d.client_time ?? now.toISOString(),
    kind: d.kind,
    refers_to: d.refers_to ?? null,
    corrects: d.corrects ?? null,
    body: d.body,
  };
  return { payload, signature: sign(null, Buffer.from(signedText(payload), "utf8"), key.privateKey).toString("base64") };
}
