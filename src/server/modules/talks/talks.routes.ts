// HTTP for the talks register: meetings (+ iCalendar), delegations,
// commitments with status moves and measured criteria, windows and the
// inspection cadence.
import { z } from "zod";
import ical from "ical-generator";
import { distributionSchema } from "../../../core/access/distribution.ts";
import { criterionSchema } from "../../../core/talks/criteria.ts";
import type { AppContext } from "../../context.ts";
import type { Router } from "../../platform/http/route.ts";
import { byteStream, plainFileName } from "../../platform/http/uploads.ts";
import { cadenceSchema, commitmentSchema, commitmentStatuses, meetingFormats, meetingSchema, windowSchema } from "../../../core/api/talks.ts";
import { presentCommitment, presentMeeting, presentWindow } from "./talks.presenter.ts";

const instant = z.iso.datetime({ offset: true, message: "an ISO 8601 date-time such as 2025-06-01T09:00:00Z" });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const idParams = z.object({ id: z.string().min(1).max(100) });

export function talksRoutes(r: Router, ctx: AppContext): void {
  const presentMeetings = async (viewer: Parameters<typeof ctx.talks.delegates>[0], rows: Awaited<ReturnType<typeof ctx.talks.listMeetings>>) => {
    const ids = rows.map((m) => m.id);
    const { visible, hiddenCounts } = await ctx.talks.delegates(viewer, ids);
    const files = await ctx.talks.attachments(viewer, ids);
    return rows.map((m) =>
      presentMeeting(
        viewer,
        m,
        visible.filter((d) => d.meeting_id === m.id),
        hiddenCounts.filter((h) => h.meeting_id === m.id),
        files.filter((f) => f.meeting_id === m.id),
      ),
    );
  };

  r.route({
    method: "GET", url: "/api/meetings", auth: "user", tags: ["talks"], summary: "Meetings I may see, newest first",
    query: z.object({ from: instant.optional(), to: instant.optional() }), response: z.object({ items: z.array(meetingSchema) }),
    handler: async ({ auth, query }) => ({ items: await presentMeetings(auth.viewer, await ctx.talks.listMeetings(auth.viewer, query)) }),
  });

  r.route({
    method: "GET", url: "/api/meetings.ics", auth: "user", tags: ["talks"], summary: "Meetings I may see as an iCalendar feed", response: null,
    handler: async ({ auth, reply }) => {
      const cal = ical({ name: "Truceline meetings", prodId: { company: "Truceline", product: "talks" } });
      for (const m of await ctx.talks.listMeetings(auth.viewer, {})) {
        cal.createEvent({ id: m.id, start: new Date(m.starts_at), end: new Date(m.ends_at), summary: m.title, location: m.place, description: (JSON.parse(m.agenda) as string[]).map((a, i) => `${i + 1}. ${a}`).join("\n") });
      }
      return reply.type("text/calendar; charset=utf-8").send(cal.toString());
    },
  });

  r.route({
    method: "GET", url: "/api/meetings/:id", auth: "user", tags: ["talks"], summary: "One meeting", params: idParams, response: meetingSchema,
    handler: async ({ auth, params }) => (await presentMeetings(auth.viewer, [await ctx.talks.getMeeting(auth.viewer, params.id)]))[0]!,
  });

  r.route({
    method: "POST", url: "/api/meetings", auth: "user", tags: ["talks"], summary: "Schedule a meeting (mediator)", status: 201,
    body: z.object({
      title: z.string().min(1).max(300),
      starts_at: instant,
      ends_at: instant,
      place: z.string().min(1).max(300),
      format: z.enum(meetingFormats),
      agenda: z.array(z.string().min(1).max(500)).max(50).default([]),
      distribution: distributionSchema,
      minutes_distribution: distributionSchema.optional(),
    }),
    response: meetingSchema,
    handler: async ({ auth, body }) => (await presentMeetings(auth.viewer, [await ctx.talks.createMeeting(auth.viewer, body)]))[0]!,
  });

  r.route({
    method: "PATCH", url: "/api/meetings/:id", auth: "user", tags: ["talks"], summary: "Agenda, minutes (Markdown, sanitized) and outcomes (mediator)",
    params: idParams,
    body: z.object({ agenda: z.array(z.string().min(1).max(500)).max(50).optional(), minutes_md: z.string().max(200_000).optional(), outcomes: z.array(z.string().min(1).max(1000)).max(100).optional(), minutes_distribution: distributionSchema.optional() }),
    response: meetingSchema,
    handler: async ({ auth, params, body }) => (await presentMeetings(auth.viewer, [await ctx.talks.updateMeeting(auth.viewer, params.id, body)]))[0]!,
  });

  r.route({
    method: "POST", url: "/api/meetings/:id/delegates", auth: "user", tags: ["talks"], summary: "Name a member of my party's delegation (visible to my party only unless shared)", status: 201,
    params: idParams,
    body: z.object({ party: z.string().min(2).max(16), name: z.string().min(1).max(200), role_title: z.string().max(200).default(""), distribution: distributionSchema.optional() }),
    response: z.object({ id: z.string() }),
    handler: async ({ auth, params, body }) => ({ id: await ctx.talks.addDelegate(auth.viewer, params.id, body) }),
  });

  r.route({
    method: "POST", url: "/api/meetings/:id/attachments", auth: "user", tags: ["talks"], rawBody: true, status: 201,
    summary: "Attach a file to a meeting (raw body, application/octet-stream); type sniffed from the bytes, SHA-256 recorded, distribution per file",
    params: idParams,
    query: z.object({ distribution: distributionSchema, file_name: plainFileName }),
    response: z.object({ id: z.string(), sha256: z.string(), size: z.number(), content_type: z.string() }),
    handler: async ({ auth, params, query, req }) => {
      const a = await ctx.talks.addAttachment(auth.viewer, params.id, byteStream(req.body), query);
      return { id: a.id, sha256: a.sha256, size: a.size, content_type: a.content_type };
    },
  });

  r.route({
    method: "GET", url: "/api/meetings/:id/attachments/:attachmentId", auth: "user", tags: ["talks"], summary: "Download an attachment (SHA-256 checked first; x-sha256 header)",
    params: z.object({ id: z.string().max(100), attachmentId: z.string().max(100) }), response: null,
    handler: async ({ auth, params, reply }) => {
      const { row, data } = await ctx.talks.readAttachment(auth.viewer, params.id, params.attachmentId);
      reply.type(row.content_type).header("x-sha256", row.sha256).header("content-disposition", `attachment; filename="${row.file_name.replace(/["\\]/g, "_")}"`).header("content-security-policy", "default-src 'none'; sandbox");
      return reply.send(data);
    },
  });

  r.route({
    method: "GET", url: "/api/commitments", auth: "user", tags: ["talks"], summary: "Commitments and confidence-building measures I may see, with their measured status",
    query: z.object({ status: z.enum(commitmentStatuses).optional(), party: z.string().max(16).optional(), meeting: z.string().max(100).optional() }),
    response: z.object({ items: z.array(commitmentSchema) }),
    handler: async ({ auth, query }) => {
      const rows = await ctx.talks.listCommitments(auth.viewer, query);
      return { items: await Promise.all(rows.map(async (c) => presentCommitment(c, await ctx.talks.evaluate(auth.viewer, c)))) };
    },
  });

  r.route({
    method: "GET", url: "/api/commitments/:id", auth: "user", tags: ["talks"], summary: "One commitment with its status history and measured criterion", params: idParams, response: commitmentSchema,
    handler: async ({ auth, params }) => {
      const c = await ctx.talks.getCommitment(auth.viewer, params.id);
      return presentCommitment(c, await ctx.talks.evaluate(auth.viewer, c), await ctx.talks.history(c.id));
    },
  });

  r.route({
    method: "POST", url: "/api/commitments", auth: "user", tags: ["talks"], summary: "Record a commitment or confidence-building measure (starts as proposed)", status: 201,
    body: z.object({
      meeting_id: z.string().max(100).optional(),
      text: z.string().min(1).max(5000),
      committed_party: z.string().min(2).max(16),
      beneficiary_party: z.string().min(2).max(16).nullable().optional(),
      kind: z.enum(["commitment", "cbm"]).default("commitment"),
      due_date: isoDate.nullable().optional(),
      criterion: criterionSchema.nullable().optional(),
      distribution: distributionSchema,
    }),
    response: commitmentSchema,
    handler: async ({ auth, body }) => {
      const c = await ctx.talks.createCommitment(auth.viewer, body);
      return presentCommitment(c, await ctx.talks.evaluate(auth.viewer, c), await ctx.talks.history(c.id));
    },
  });

  r.route({
    method: "POST", url: "/api/commitments/:id/status", auth: "user", tags: ["talks"], summary: "Move a commitment's status, with a reason and evidence links",
    params: idParams,
    body: z.object({
      status: z.enum(["agreed", "in_progress", "fulfilled", "breached", "lapsed"]),
      reason: z.string().min(3, "say why, in a few words").max(2000),
      evidence: z.array(z.object({ type: z.enum(["incident", "inspection", "notification", "meeting", "indicator", "document"]), id: z.string().min(1).max(100), note: z.string().max(500).optional() })).max(50).default([]),
    }),
    response: commitmentSchema,
    handler: async ({ auth, params, body }) => {
      const c = await ctx.talks.moveCommitment(auth.viewer, params.id, body.status, body.reason, body.evidence);
      return presentCommitment(c, await ctx.talks.evaluate(auth.viewer, c), await ctx.talks.history(c.id));
    },
  });

  r.route({
    method: "GET", url: "/api/windows", auth: "user", tags: ["talks"], summary: "Scheduled windows: local truces, repair work, inspections",
    query: z.object({ kind: z.enum(["truce", "repair", "inspection"]).optional(), zone: z.string().max(40).optional(), from: instant.optional(), to: instant.optional() }),
    response: z.object({ items: z.array(windowSchema) }),
    handler: async ({ auth, query }) => ({ items: (await ctx.talks.listWindows(auth.viewer, query)).map(presentWindow) }),
  });

  r.route({
    method: "POST", url: "/api/windows", auth: "user", tags: ["talks"], summary: "Schedule a window (inspections: observer or mediator)", status: 201,
    body: z.object({ kind: z.enum(["truce", "repair", "inspection"]), title: z.string().min(1).max(300), zone: z.string().max(40).nullable().optional(), area: z.unknown().optional(), starts_at: instant, ends_at: instant, distribution: distributionSchema }),
    response: windowSchema,
    handler: async ({ auth, body }) => presentWindow(await ctx.talks.createWindow(auth.viewer, body)),
  });

  r.route({
    method: "POST", url: "/api/windows/:id/complete", auth: "user", tags: ["talks"], summary: "Record an inspection's findings (counts per item, e.g. artillery, tanks, sam)",
    params: idParams, body: z.object({ findings: z.record(z.string().min(1).max(40), z.number().int().min(0)), completed_at: instant.optional() }), response: windowSchema,
    handler: async ({ auth, params, body }) => presentWindow(await ctx.talks.completeInspection(auth.viewer, params.id, body.findings, body.completed_at)),
  });

  r.route({
    method: "POST", url: "/api/windows/:id/cancel", auth: "user", tags: ["talks"], summary: "Cancel a scheduled window (the party that scheduled it)",
    params: idParams, body: z.object({ reason: z.string().min(3).max(500) }), response: windowSchema,
    handler: async ({ auth, params, body }) => presentWindow(await ctx.talks.cancelWindow(auth.viewer, params.id, body.reason)),
  });

  r.route({
    method: "GET", url: "/api/inspections/cadence", auth: "user", tags: ["talks"], summary: "Per zone: last inspection, next due (every 15 days), overdue",
    response: cadenceSchema,
    handler: async ({ auth }) => ({ interval_days: 15, items: await ctx.talks.cadence(auth.viewer) }),
  });
}
