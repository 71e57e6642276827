// Uploads arrive as the raw request body (application/octet-stream) and are
// streamed by the service that stores them, under its own size limit. These
// pieces are shared by every route that takes a file.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errors } from "./errors.ts";

/** Leave application/octet-stream bodies unread, as a stream for the route. Registered once by the app. */
export function acceptByteStreams(app: FastifyInstance): void {
  if (!app.hasContentTypeParser("application/octet-stream")) {
    app.addContentTypeParser("application/octet-stream", (_req, payload, done) => done(null, payload));
  }
}

/** The request body as a byte stream, or a 400 that says how to send a file. */
export function byteStream(body: unknown): AsyncIterable<Uint8Array> {
  if (!body || typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== "function") {
    throw errors.validation("Send the file as the request body with content-type application/octet-stream.", [{ path: "body", problem: "expected raw bytes (application/octet-stream)" }]);
  }
  return body as AsyncIterable<Uint8Array>;
}

/** A client-supplied file name is only a label: never a path. */
export const plainFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[/\\]/.test(n) && ![...n].some((ch) => ch.charCodeAt(0) < 32), "a plain file name without folders or control characters");
