// What a thread member sees. Every member of a thread sees all of it, so
// nothing is redacted field by field; the presenter fixes the shape.
import type { DeadlineView, KeyView, MessageView, ReceiptBody, SignedMessage, ThreadView, Timing } from "../../../core/hotline/protocol.ts";
import type { MessageKind } from "../../../core/agreement/schema.ts";
import type { DeadlineRow, KeyRow, MessageRow, ThreadRow } from "./hotline.repository.ts";

export function presentKey(k: KeyRow): KeyView {
  return { key_id: k.id, user_id: k.user_id, party: k.party_id, public_key: k.public_key, label: k.label, created_at: k.created_at, revoked_at: k.revoked_at };
}

export function presentThread(t: ThreadRow, lastSeq: number): ThreadView {
  return { id: t.id, title: t.title, parties: JSON.parse(t.parties) as string[], via: t.via, mediator: t.mediator, created_by: t.created_by, created_at: t.created_at, last_seq: lastSeq };
}

export function presentMessage(m: MessageRow, deploymentKeyId: string): MessageView {
  const payload = JSON.parse(m.payload) as SignedMessage;
  return {
    id: m.id,
    thread_id: m.thread_id,
    seq: m.seq,
    kind: m.kind as MessageKind,
    sender: { user_id: m.sender_user, party: m.sender_party, key_id: m.key_id },
    client_time: m.client_time,
    received_at: m.received_at,
    refers_to: m.refers_to,
    corrects: m.corrects,
    body: payload.body,
    payload,
    signature: m.signature,
    receipt: { body: JSON.parse(m.receipt) as ReceiptBody, signature: m.receipt_signature, key_id: deploymentKeyId },
    checks: m.checks ? (JSON.parse(m.checks) as MessageView["checks"]) : null,
    timing: m.timing ? (JSON.parse(m.timing) as Timing) : null,
  };
}

export function presentDeadline(d: DeadlineRow): DeadlineView {
  return { id: d.id, message_id: d.message_id, thread_id: d.thread_id, rule_id: d.rule_id, reply_kind: d.reply_kind as MessageKind, due_at: d.due_at, met_at: d.met_at, met_by: d.met_by, escalation_level: d.escalation_level };
}
