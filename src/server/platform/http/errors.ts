// One error vocabulary for the whole API. Every failure leaves the server as
// { code, message, details?, request_id }; codes are stable, messages say what to fix.
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "totp_required"
  | "forbidden"
  | "csrf_failed"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "idempotency_conflict"
  // Hotline: each way a signed message can be refused has its own code.
  | "signature_invalid"
  | "key_unknown"
  | "key_revoked"
  | "message_replayed"
  | "clock_skew"
  | "not_in_thread"
  // Intake URL fetching: each refusal has its own code.
  | "blocked_address"
  | "too_large"
  | "timeout"
  | "http_error"
  | "unsupported_content"
  | "internal";

export interface ErrorDetail {
  path: string;
  problem: string;
}

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  signature_invalid: 400,
  key_unknown: 400,
  key_revoked: 403,
  message_replayed: 409,
  clock_skew: 400,
  not_in_thread: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  blocked_address: 400,
  too_large: 413,
  timeout: 504,
  http_error: 502,
  unsupported_content: 415,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const errors = {
  validation: (message: string, details: ErrorDetail[] = []) => new AppError("validation_failed", message, details),
  unauthenticated: (message = "Sign in first: send the session cookie or an API token (Authorization: Bearer …).") => new AppError("unauthenticated", message),
  forbidden: (message: string) => new AppError("forbidden", message),
  /** Same body whether the record is missing or hidden from the caller. */
  notFound: (what: string) => new AppError("not_found", `No ${what} with that id exists, or you may not see it.`),
  conflict: (message: string, details: ErrorDetail[] = []) => new AppError("conflict", message, details),
  rateLimited: (message: string, retryAfterSeconds: number) =>
    new AppError("rate_limited", message, [], { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) }),
};
