// Who may do what on the hotline. Reading a thread is decided by membership
// in the repository; these are the write rules.
import type { Viewer } from "../../../core/access/distribution.ts";
import { errors } from "../../platform/http/errors.ts";

const SENDERS = new Set(["liaison", "mediator", "observer"]);

export const hotlinePolicy = {
  /** Signing keys belong to people who act for a party. */
  registerKey(viewer: Viewer): void {
    if (viewer.party === null) throw errors.forbidden("Hotline keys belong to members of a party; administrators hold none.");
  },
  createThread(viewer: Viewer): void {
    if (viewer.party === null || !SENDERS.has(viewer.role ?? "")) throw errors.forbidden("Only liaison officers, mediators and observers open hotline threads.");
  },
  /** Analysts read the hotline; liaison officers (and the mediator, observers) speak on it. */
  send(viewer: Viewer): void {
    if (viewer.party === null || !SENDERS.has(viewer.role ?? "")) throw errors.forbidden("Only liaison officers, mediators and observers send hotline messages; analysts read them.");
  },
};
