// Display names for the incident vocabulary (ACLED event types, verification
// states, claim kinds) in the current language; unknown values show as given.
import type { MessageKey } from "../i18n/en.ts";
import { en } from "../i18n/en.ts";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, "_").replace(/^_|_$/g, "");

function keyOr(prefix: string, value: string): MessageKey | null {
  const k = `${prefix}.${slug(value)}`;
  return k in en ? (k as MessageKey) : null;
}

export function eventTypeLabel(t: (k: MessageKey) => string, v: string): string {
  const k = keyOr("eventType", v);
  return k ? t(k) : v;
}
/** ACLED sub-event types in the reader's language (the ACLED string itself when the catalogue has none). */
export function subEventTypeLabel(t: (k: MessageKey) => string, v: string): string {
  const k = keyOr("subEventType", v);
  return k ? t(k) : v;
}
export function verificationLabel(t: (k: MessageKey) => string, v: string): string {
  const k = keyOr("verification", v);
  return k ? t(k) : v;
}
export function claimKindLabel(t: (k: MessageKey) => string, v: string): string {
  const k = keyOr("claimKind", v);
  return k ? t(k) : v;
}
export const verificationTone = (v: string) =>
  v === "verified" || v === "corroborated" ? "ok" as const : v === "disputed" ? "bad" as const : v === "rejected" ? "muted" as const : v === "under_review" ? "warn" as const : "info" as const;
