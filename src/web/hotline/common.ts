// Hotline data shared by the hotline screen and the home panel.
import { z } from "zod";
import { deadlineSchema, messageSchema, receiptSchema, sendResponse, threadSchema, checkResultSchema, type DeadlineView, type MessageView } from "../../core/hotline/protocol.ts";
import { healthSchema } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";

export const threadList = z.object({ items: z.array(threadSchema) });
export const messageList = z.object({ items: z.array(messageSchema) });
export const deadlineList = z.object({ items: z.array(deadlineSchema) });
export { receiptSchema, sendResponse, threadSchema, checkResultSchema };
export type { DeadlineView, MessageView };

let deployment: Promise<string> | null = null;
/** The deployment id every signed message names (so it cannot be replayed into another deployment). */
export function deploymentId(): Promise<string> {
  deployment ??= api.get("/api/health", healthSchema).then((h) => h.deployment);
  return deployment;
}

/** Milliseconds until (positive) or since (negative) an instant. */
export function msUntil(iso: string, now: number): number {
  return Date.parse(iso) - now;
}

/** "04:59" / "1:02:03" countdown text; negative values count up as overdue. */
export function countdown(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}
