// GET /api/events: the server-sent event stream of one signed-in user, and the
// background side of a server process (event fan-out and stored timers),
// started when the app is ready and stopped before it closes.
import type { OutgoingHttpHeaders } from "node:http";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { errors } from "../http/errors.ts";
import type { Router } from "../http/route.ts";

export function realtimeRoutes(r: Router, ctx: AppContext): void {
  r.app.addHook("onReady", async () => {
    await ctx.realtime.start();
    await ctx.jobs.start();
  });
  // Open streams would keep the listener from closing: end them first.
  r.app.addHook("preClose", async () => {
    await ctx.realtime.stop();
  });
  r.app.addHook("onClose", async () => {
    await ctx.jobs.stop();
  });

  r.route({
    method: "GET",
    url: "/api/events",
    auth: "user",
    tags: ["realtime"],
    summary: "Server-sent events for me: new messages, receipts, deadline warnings, escalations. Resume with Last-Event-ID.",
    query: z.object({ last_event_id: z.string().max(20).optional().describe("for clients that cannot set the Last-Event-ID header") }),
    response: null,
    handler: async ({ auth, req, reply, query }) => {
      const header = req.headers["last-event-id"];
      const given = typeof header === "string" && header !== "" ? { v: header, path: "headers.last-event-id" } : query.last_event_id !== undefined ? { v: query.last_event_id, path: "query.last_event_id" } : null;
      if (given && !/^\d{1,15}$/.test(given.v)) throw errors.validation("Last-Event-ID must be the id of an event you received (a non-negative integer).", [{ path: given.path, problem: "not an event id" }]);
      const last = given ? Number(given.v) : null;
      reply.hijack();
      const res = reply.raw;
      // The stream is delimited by closing the connection rather than by
      // chunked encoding, so events go to the socket as they are: one plain
      // write per flush, the same bytes shared by every stream of an audience.
      res.useChunkedEncodingByDefault = false;
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        // Reverse proxies (nginx) must not buffer the stream.
        "x-accel-buffering": "no",
      });
      res.flushHeaders();
      const socket = res.socket;
      if (!socket) return reply;
      socket.write("retry: 2000\n\n");
      const sub = ctx.realtime.subscribe({ userId: auth.user.id, sessionId: auth.sessionId, tokenId: auth.tokenId }, auth.viewer, last, {
        write: (chunk) => socket.write(chunk),
        end: () => socket.end(),
        backlog: () => socket.writableLength,
      });
      res.on("close", () => sub.close());
      return reply;
    },
  });
}
