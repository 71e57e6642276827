// HTTP for the hotline: signing keys, threads, signed messages with receipts,
// checks before send, read receipts, deadlines and the verifiable export.
import { z } from "zod";
import {
  checkRequest,
  checkResultSchema,
  createThreadRequest,
  deadlineSchema,
  keySchema,
  messageSchema,
  receiptSchema,
  registerKeyRequest,
  sendRequest,
  sendResponse,
  threadSchema,
} from "../../../core/hotline/protocol.ts";
import type { AppContext } from "../../context.ts";
import type { Router } from "../../platform/http/route.ts";
import { presentKey } from "./hotline.presenter.ts";

const id = z.string().min(1).max(100);

export function hotlineRoutes(r: Router, ctx: AppContext): void {
  const h = ctx.hotline;

  r.route({
    method: "POST", url: "/api/hotline/keys", auth: "user", tags: ["hotline"], status: 201,
    summary: "Register my Ed25519 public key (the private key never leaves my device)",
    body: registerKeyRequest, response: keySchema,
    handler: async ({ auth, body }) => presentKey(await h.registerKey(auth.viewer, body)),
  });
  r.route({
    method: "GET", url: "/api/hotline/keys", auth: "user", tags: ["hotline"],
    summary: "Registered public keys (mine by default; ?user=<id> for another user's, to verify their signatures)",
    query: z.object({ user: id.optional() }),
    response: z.object({ items: z.array(keySchema) }),
    handler: async ({ auth, query }) => ({ items: (await h.listKeys(query.user ?? auth.user.id)).map(presentKey) }),
  });
  r.route({
    method: "POST", url: "/api/hotline/keys/:id/revoke", auth: "user", tags: ["hotline"],
    summary: "Revoke one of my keys: messages signed with it are refused from now on",
    params: z.object({ id }), response: keySchema,
    handler: async ({ auth, params }) => presentKey(await h.revokeKey(auth.viewer, params.id)),
  });

  r.route({
    method: "POST", url: "/api/hotline/threads", auth: "user", tags: ["hotline"], status: 201,
    summary: "Open a thread with other parties, directly or through the mediator",
    body: createThreadRequest, response: threadSchema,
    handler: async ({ auth, body }) => h.createThread(auth.viewer, body),
  });
  r.route({
    method: "GET", url: "/api/hotline/threads", auth: "user", tags: ["hotline"],
    summary: "Threads my party is in",
    response: z.object({ items: z.array(threadSchema) }),
    handler: async ({ auth }) => ({ items: await h.listThreads(auth.viewer) }),
  });
  r.route({
    method: "GET", url: "/api/hotline/threads/:id", auth: "user", tags: ["hotline"], summary: "One thread",
    params: z.object({ id }), response: threadSchema,
    handler: async ({ auth, params }) => h.getThread(auth.viewer, params.id),
  });
  r.route({
    method: "GET", url: "/api/hotline/threads/:id/messages", auth: "user", tags: ["hotline"],
    summary: "Messages of a thread in order (after_seq for the next page); reading records delivery to my party",
    params: z.object({ id }),
    query: z.object({ after_seq: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: z.object({ items: z.array(messageSchema) }),
    handler: async ({ auth, params, query }) => ({ items: await h.listMessages(auth.viewer, params.id, query.after_seq, query.limit) }),
  });
  r.route({
    method: "POST", url: "/api/hotline/threads/:id/messages", auth: "user", tags: ["hotline"], status: 201,
    summary: "Send a signed message; the answer carries the server's countersigned receipt (use Idempotency-Key to retry safely)",
    params: z.object({ id }), body: sendRequest, response: sendResponse, keyInTransaction: true,
    handler: async ({ auth, params, body, once }) => h.send(auth.viewer, params.id, body, once),
  });
  r.route({
    method: "GET", url: "/api/hotline/threads/:id/export", auth: "user", tags: ["hotline"],
    summary: "The thread with every signature and receipt, for `truceline hotline verify` offline",
    params: z.object({ id }), response: z.looseObject({ format: z.string() }),
    handler: async ({ auth, params }) => h.exportThread(auth.viewer, params.id),
  });

  r.route({
    method: "POST", url: "/api/hotline/check", auth: "user", tags: ["hotline"],
    summary: "Check a draft notification before sending: agreement limits (forces summed over concurrent notifications), overlap with other notified activity, notice",
    body: checkRequest, response: checkResultSchema,
    handler: async ({ auth, body }) => {
      await h.getThread(auth.viewer, body.thread_id);
      return h.checkNotification(auth.viewer, body.body);
    },
  });

  r.route({
    method: "GET", url: "/api/hotline/messages/:id", auth: "user", tags: ["hotline"], summary: "One message with its receipt and deadlines",
    params: z.object({ id }), response: sendResponse,
    handler: async ({ auth, params }) => h.getMessage(auth.viewer, params.id),
  });
  r.route({
    method: "POST", url: "/api/hotline/messages/:id/read", auth: "user", tags: ["hotline"],
    summary: "Record that my party has read a message (a countersigned read receipt)",
    params: z.object({ id }), response: receiptSchema,
    handler: async ({ auth, params }) => h.markRead(auth.viewer, params.id),
  });
  r.route({
    method: "GET", url: "/api/hotline/deadlines", auth: "user", tags: ["hotline"], summary: "Reply deadlines in my threads (open ones by default)",
    query: z.object({ open: z.enum(["true", "false"]).default("true") }),
    response: z.object({ items: z.array(deadlineSchema) }),
    handler: async ({ auth, query }) => ({ items: await h.listDeadlines(auth.viewer, query.open === "true") }),
  });
}
