// The hotline wire protocol, shared by the server, the CLI and the web app:
// the message a client signs, the receipt the server countersigns, and the
// request/response schemas. Nothing here does I/O or needs node:crypto, so
// the browser can import it and sign exactly the bytes the server verifies.
import { canonicalJson } from "../audit/canonical-json.ts";
import { z } from "zod";
import { forcesSchema, type Finding } from "../agreement/activity.ts";
import { messageKind, type MessageKind } from "../agreement/schema.ts";
import { findingTextSchema } from "../agreement/finding-text.ts";

export { messageKind, type MessageKind };

export const HOTLINE_FORMAT = "truceline-hotline/1";
export const RECEIPT_FORMAT = "truceline-hotline-receipt/1";
export const EXPORT_FORMAT = "truceline-hotline-export/1";

/** How far a client's clock may be from the server's when it signs (either way). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const text = z.string().max(20_000);
const msgRef = z.string().min(1).max(100);
const isoUtc = z.iso.datetime({ message: "an ISO-8601 UTC time such as 2026-03-01T06:00:00.000Z" });

export const windowSchema = z.strictObject({ start: isoUtc, end: isoUtc }).refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: "end must be after start", path: ["end"] });

/** A notification of activity: where (GeoJSON geometry), when, and with what. */
export const notificationBodySchema = z.strictObject({
  area: z.looseObject({ type: z.enum(["Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) }),
  window: windowSchema,
  forces: forcesSchema,
  description: text.optional(),
});
export type NotificationBody = z.infer<typeof notificationBodySchema>;

export const bodySchemas = {
  notification: notificationBodySchema,
  acknowledgement: z.strictObject({ text: text.optional() }),
  query: z.strictObject({ text: text.min(1) }),
  answer: z.strictObject({ text: text.min(1) }),
  protest: z.strictObject({ incident_ids: z.array(z.string().min(1).max(100)).min(1, "name at least one incident").max(100), text: text.min(1) }),
  response: z.strictObject({ text: text.min(1) }),
  closure: z.strictObject({ text: text.optional() }),
} satisfies Record<MessageKind, z.ZodType>;

/** Kinds that answer an earlier message and so must name it in refers_to. */
export const replyKinds: readonly MessageKind[] = ["acknowledgement", "answer", "response"];

/**
 * What a sender signs. The signature is Ed25519 over the UTF-8 bytes of the
 * RFC 8785 canonical JSON of exactly this object (see `signedText`).
 */
export const signedMessageSchema = z.strictObject({
  format: z.literal(HOTLINE_FORMAT),
  /** The deployment id (GET /api/health): a message cannot be replayed into another deployment. */
  deployment: z.string().min(1).max(100),
  thread_id: z.string().min(1).max(100),
  /** Chosen by the client, never reused by the same sender: a second use is a replay. */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, "16–100 letters, digits, - or _"),
  /** The sender's user id and the id of the key that signs. */
  sender: z.string().min(1).max(100),
  key_id: z.string().min(1).max(100),
  /** The sender's clock when signing. */
  client_time: isoUtc,
  kind: messageKind,
  refers_to: msgRef.nullable(),
  /** A correction names the message it replaces; the original stays. */
  corrects: msgRef.nullable(),
  body: z.unknown(),
});
export type SignedMessage = z.infer<typeof signedMessageSchema>;

/** The exact text that is signed: RFC 8785 canonical JSON of the signed message. */
export function signedText(message: SignedMessage | Record<string, unknown>): string {
  return canonicalJson(message);
}

export function signedBytes(message: SignedMessage | Record<string, unknown>): Uint8Array {
  return new TextEncoder().encode(signedText(message));
}

export const receiptEvent = z.enum(["received", "delivered", "read"]);
export type ReceiptEvent = z.infer<typeof receiptEvent>;

/** What the server countersigns with the deployment key (canonical JSON, Ed25519, base64). */
export const receiptBodySchema = z.object({
  format: z.literal(RECEIPT_FORMAT),
  deployment: z.string(),
  event: receiptEvent,
  message_id: z.string(),
  thread_id: z.string(),
  thread_seq: z.number().int(),
  /** SHA-256 (hex) of the signed text, and the sender's signature as given. */
  payload_sha256: z.string(),
  sender_signature: z.string(),
  /** SHA-256 of the canonical JSON of the checks' findings stored with the message (received only). */
  findings_sha256: z.string().nullable(),
  late: z.boolean().nullable(),
  shortfall_minutes: z.number().nullable(),
  /** received: the sender's party and user; delivered/read: the recipient's. */
  party: z.string().nullable(),
  user_id: z.string().nullable(),
  /** Server time of the event. */
  at: z.string(),
});
export type ReceiptBody = z.infer<typeof receiptBodySchema>;
export const receiptSchema = z.object({ body: receiptBodySchema, signature: z.string(), key_id: z.string() });
export type Receipt = z.infer<typeof receiptSchema>;

// ---------- HTTP requests and responses ----------

export const registerKeyRequest = z.object({
  /** Ed25519 public key: base64 of the 32 raw bytes (WebCrypto exportKey("raw")) or an SPKI PEM. */
  public_key: z.string().min(40).max(2000),
  label: z.string().max(200).optional(),
});
export const keySchema = z.object({
  key_id: z.string(),
  user_id: z.string(),
  party: z.string().nullable(),
  public_key: z.string().describe("base64 of the 32 raw bytes"),
  label: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
export type KeyView = z.infer<typeof keySchema>;

export const threadVia = z.enum(["direct", "mediator"]);
export const createThreadRequest = z.object({
  title: z.string().min(1).max(300),
  /** The other parties; yours is added. */
  parties: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/)).min(1).max(8),
  /** "mediator": the deployment's mediator party is in the thread and sees every message. */
  via: threadVia.default("mediator"),
});
export const threadSchema = z.object({
  id: z.string(),
  title: z.string(),
  parties: z.array(z.string()),
  via: threadVia,
  mediator: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  last_seq: z.number(),
});
export type ThreadView = z.infer<typeof threadSchema>;

export const sendRequest = z.object({ payload: signedMessageSchema, signature: z.string().min(80).max(200) });
export type SendRequest = z.infer<typeof sendRequest>;

export const timingSchema = z.object({
  rule_id: z.string(),
  required_lead_minutes: z.number(),
  lead_minutes: z.number(),
  late: z.boolean(),
  shortfall_minutes: z.number().nullable(),
});
export type Timing = z.infer<typeof timingSchema>;

export const deadlineSchema = z.object({
  id: z.string(),
  message_id: z.string(),
  thread_id: z.string(),
  rule_id: z.string(),
  reply_kind: messageKind,
  due_at: z.string(),
  met_at: z.string().nullable(),
  met_by: z.string().nullable(),
  escalation_level: z.number(),
});
export type DeadlineView = z.infer<typeof deadlineSchema>;

/** `text` (message id and values, for wording in any language) is absent on findings stored before it existed. */
export const findingSchema = z.looseObject({ status: z.enum(["breach", "warning", "compliant"]), message: z.string(), text: findingTextSchema.optional() });
export const checkResultSchema = z.object({
  status: z.enum(["breach", "warning", "compliant"]),
  findings: z.array(findingSchema),
  overlaps: z.array(z.object({ message_id: z.string(), thread_id: z.string(), party: z.string(), start: z.string(), end: z.string(), message: z.string() })),
  timing: timingSchema.nullable(),
  disclaimer: z.string().nullable(),
});
export type CheckResult = { status: "breach" | "warning" | "compliant"; findings: Finding[]; overlaps: z.infer<typeof checkResultSchema>["overlaps"]; timing: Timing | null; disclaimer: string | null };

export const checkRequest = z.object({ thread_id: z.string().min(1).max(100), body: notificationBodySchema });

export const messageSchema = z.object({
  id: z.string(),
  thread_id: z.string(),
  seq: z.number(),
  kind: messageKind,
  sender: z.object({ user_id: z.string(), party: z.string(), key_id: z.string() }),
  client_time: z.string(),
  received_at: z.string(),
  refers_to: z.string().nullable(),
  corrects: z.string().nullable(),
  body: z.unknown(),
  /** The signed message as sent, and its signature: enough to verify it anywhere. */
  payload: signedMessageSchema,
  signature: z.string(),
  receipt: receiptSchema,
  checks: checkResultSchema.nullable(),
  timing: timingSchema.nullable(),
});
export type MessageView = z.infer<typeof messageSchema>;

export const sendResponse = messageSchema.extend({ deadlines: z.array(deadlineSchema) });
