// HTTP for the calm index (JSON and CSV), the public dashboard (no sign-in,
// aggregates of public records only, after the publication delay) and reports.
import { z } from "zod";
import { publicViewer } from "../../../core/access/distribution.ts";
import { calmSchema, publicDashboardSchema, reportListSchema, reportSchema, type ReportDto } from "../../../core/api/indicators.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const presentReport = (r: ReportDto): ReportDto => ({ id: r.id, audience: r.audience, period_start: r.period_start, period_end: r.period_end, language: r.language, trigger: r.trigger, html_sha256: r.html_sha256, pdf_sha256: r.pdf_sha256, created_at: r.created_at });

export function indicatorsRoutes(r: Router, ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/indicators/calm", auth: "user", tags: ["indicators"],
    summary: "Calm index per zone or governorate per week, weighted by verification and precision, with the previous week, the change, an uncertainty band and running totals (format=csv for CSV)",
    query: z.object({
      area_type: z.enum(["zone", "admin1"]).default("zone"),
      weeks: z.coerce.number().int().min(1).max(260).default(12),
      to: isoDate.optional(),
      areas: z.string().max(2000).optional().transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined)),
      running_from: isoDate.optional(),
      format: z.enum(["json", "csv"]).default("json"),
    }),
    response: calmSchema,
    handler: async ({ auth, query, reply }) => {
      const result = await ctx.indicators.calmIndex(auth.viewer, query);
      if (query.format === "csv") {
        reply.header("content-disposition", `attachment; filename="calm-index-${query.area_type}.csv"`);
        return reply.type("text/csv; charset=utf-8").send(ctx.indicators.toCsv(result));
      }
      return result;
    },
  });

  r.route({
    method: "GET", url: "/api/public/dashboard", auth: "none", tags: ["public"],
    summary: "Public aggregates: the calm index by governorate and zone over public records only, as of the publication delay",
    query: z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }),
    response: publicDashboardSchema,
    handler: async ({ query }) => ctx.indicators.publicDashboard(query.weeks),
  });

  r.route({
    method: "GET", url: "/api/public/reports", auth: "none", tags: ["public"], summary: "Published (public) reports", response: reportListSchema,
    handler: async () => ({ items: (await ctx.reports.list(publicViewer)).map(presentReport) }),
  });

  r.route({
    method: "GET", url: "/api/reports", auth: "user", tags: ["reports"], summary: "Reports for my party's audience and public ones", response: reportListSchema,
    handler: async ({ auth }) => ({ items: (await ctx.reports.list(auth.viewer)).map(presentReport) }),
  });

  r.route({
    method: "POST", url: "/api/reports", auth: "user", tags: ["reports"], summary: "Generate a weekly situation report now, for my party or (mediator) the public", status: 201,
    body: z.object({ audience: z.string().min(2).max(16), week: isoDate, language: z.enum(["en", "ar", "he"]).default("en") }),
    response: reportSchema,
    handler: async ({ auth, body }) => {
      const v = auth.viewer;
      if (v.party === null) throw errors.forbidden("Reports are made for a party's audience; administrators hold none.");
      if (body.audience === "public" ? v.partyKind !== "mediator" : body.audience !== v.party) {
        throw errors.forbidden(body.audience === "public" ? "Only the mediator publishes public reports." : "You can generate reports for your own party's audience only.");
      }
      return presentReport(await ctx.reports.generate({ userId: v.userId, party: v.party }, body.audience, body.week, body.language, "request"));
    },
  });

  for (const format of ["html", "pdf"] as const) {
    r.route({
      method: "GET", url: `/api/reports/:id/${format}`, auth: "optional", tags: ["reports"], summary: `A stored report as ${format.toUpperCase()} (checked against its SHA-256)`,
      params: z.object({ id: z.string().max(100) }), response: null,
      handler: async ({ auth, params, reply }) => {
        const { data } = await ctx.reports.read(auth?.viewer ?? publicViewer, params.id, format);
        return reply.type(format === "html" ? "text/html; charset=utf-8" : "application/pdf").header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'").send(data);
      },
    });
  }
}
