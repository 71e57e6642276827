// The typed API client: every response is parsed with the same zod schema the
// server presents it with, so a contract drift fails loudly here, not deep in a
// component. Cookie session + the CSRF token from /api/auth/me on every change.
import type { z } from "zod";
import { apiErrorSchema } from "../../core/api/accounts.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; problem: string }[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Listener = () => void;

export class ApiClient {
  private csrf: string | null = null;
  private unauthListeners = new Set<Listener>();

  setCsrf(token: string | null): void {
    this.csrf = token;
  }

  /** Called when the server says the session is gone (401 on a signed-in request). */
  onUnauthenticated(fn: Listener): () => void {
    this.unauthListeners.add(fn);
    return () => this.unauthListeners.delete(fn);
  }

  private async send(method: Method, url: string, accept: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const raw = body instanceof Blob;
    if (body !== undefined) headers["content-type"] = raw ? "application/octet-stream" : "application/json";
    if (method !== "GET" && this.csrf) headers["x-csrf-token"] = this.csrf;
    let res: Response;
    try {
      res = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? null : raw ? body : JSON.stringify(body), signal: signal ?? null });
    } catch (e) {
      if ((e as Error).name === "AbortError") throw e;
      throw new ApiError(0, "network", "The server cannot be reached.");
    }
    if (res.ok) return res;
    const text = await res.text();
    let json: unknown = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not the error vocabulary: reported by status below */ }
    const parsed = apiErrorSchema.safeParse(json);
    const err = parsed.success
      ? new ApiError(res.status, parsed.data.code, parsed.data.message, parsed.data.details ?? [], parsed.data.request_id ?? null)
      : new ApiError(res.status, "unknown", `HTTP ${res.status}`);
    if (res.status === 401 && err.code === "unauthenticated" && url !== "/api/auth/login") this.unauthListeners.forEach((fn) => fn());
    throw err;
  }

  async request<S extends z.ZodType>(method: Method, url: string, schema: S, body?: unknown, opts: { signal?: AbortSignal } = {}): Promise<z.infer<S>> {
    const res = await this.send(method, url, "application/json", body, opts.signal);
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : null;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, "bad_response", `Unexpected response from ${method} ${url}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data;
  }

  /** A binary answer (e.g. the map points), decoded by the caller's reader for its layout. */
  async getBinary<T>(url: string, mediaType: string, decode: (bytes: ArrayBuffer) => T): Promise<T> {
    const res = await this.send("GET", url, mediaType, undefined, undefined);
    try {
      return decode(await res.arrayBuffer());
    } catch (e) {
      throw new ApiError(res.status, "bad_response", `Unexpected response from GET ${url}: ${(e as Error).message}`);
    }
  }

  get<S extends z.ZodType>(url: string, schema: S, opts?: { signal?: AbortSignal }): Promise<z.infer<S>> {
    return this.request("GET", url, schema, undefined, opts);
  }
  post<S extends z.ZodType>(url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return this.request("POST", url, schema, body ?? {});
  }
  /** A file as the raw request body (uploads); the answer parsed like any other. */
  upload<S extends z.ZodType>(url: string, schema: S, file: Blob): Promise<z.infer<S>> {
    return this.request("POST", url, schema, file);
  }
  put<S extends z.ZodType>(url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return this.request("PUT", url, schema, body ?? {});
  }
  patch<S extends z.ZodType>(url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return this.request("PATCH", url, schema, body ?? {});
  }
  delete<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
    return this.request("DELETE", url, schema);
  }
}

export const api = new ApiClient();
