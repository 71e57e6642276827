// Weekly situation reports per audience (a party, or the public): built from
// what that audience may see, rendered to HTML and PDF, stored under the data
// folder with their SHA-256, audited; on a schedule and on demand.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { publicViewer, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { categories, categoryOf, type Category } from "../../../core/indicators/calm-index.ts";
import { addWeeks, weekOf } from "../../../core/indicators/weeks.ts";
import { renderReportHtml, type ReportModel } from "../../../core/reports/report.ts";
import { t, type Lang } from "../../../core/reports/i18n.ts";
import type { Pack } from "../../../core/agreement/build.ts";
import { loadViewer } from "../../platform/access.ts";
import type { Actor, AuditService } from "../../platform/audit/audit.service.ts";
import { registerAuditedSubject } from "../../platform/audit/subjects.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/database.ts";
import { errors } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Scheduler, TalksService } from "../talks/talks.service.ts";
import { indicatorsRepository as repo, periodIncidents, type ReportRow } from "./indicators.repository.ts";
import type { IndicatorsService } from "./indicators.service.ts";
import { renderReportPdf } from "./report-pdf.ts";

registerAuditedSubject("report", { table: "reports", key: "id", columns: ["id", "audience", "period_start", "period_end", "language", "html_sha256", "pdf_sha256", "trigger", "distribution", "owner_party", "created_at"] });

export type HotlineFigures = NonNullable<ReportModel["hotline"]>;

export interface ReportDeps {
  db: Db;
  audit: AuditService;
  clock: Clock;
  dataDir: string;
  demo: boolean;
  pack: () => Promise<Pack>;
  indicators: IndicatorsService;
  talks: TalksService;
  hotlineFigures?: (viewer: Viewer, from: string, to: string) => Promise<HotlineFigures | null>;
  jobs?: Scheduler | undefined;
  /** Parties that get a weekly report (the public always does). */
  parties?: () => Promise<string[]>;
  log?: (err: unknown) => void;
}

const WEEKLY_JOB = "reports.weekly";
/** Weekly reports are made on Monday at 06:00 UTC, for the week that just ended. */
export function nextWeeklyRun(now: Date): Date {
  const monday = Date.parse(`${addWeeks(weekOf(now.toISOString()), 0)}T06:00:00Z`);
  return new Date(monday > now.getTime() ? monday : Date.parse(`${addWeeks(weekOf(now.toISOString()), 1)}T06:00:00Z`));
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export class ReportService {
  constructor(private readonly d: ReportDeps) {
    d.jobs?.register(WEEKLY_JOB, async (tx) => {
      await this.scheduleNext(tx);
      // Generation opens its own transactions: start it without waiting, so it runs once this job's commit is done.
      // (Nothing here may touch the database outside `tx`: on SQLite that would wait on this very transaction.)
      void (async () => this.generateWeekly(d.parties ? await d.parties() : []))().catch((err: unknown) => d.log?.(err));
    });
  }

  private async scheduleNext(tx: Parameters<Scheduler["schedule"]>[0]): Promise<void> {
    const at = nextWeeklyRun(this.d.clock.now());
    await this.d.jobs?.schedule(tx, { kind: WEEKLY_JOB, dueAt: at, payload: {}, key: `${WEEKLY_JOB}:${at.toISOString()}` });
  }

  /** At start: make sure the next weekly run is scheduled (idempotent by key). */
  async scheduleWeekly(): Promise<void> {
    if (this.d.jobs) await this.scheduleNext(this.d.db);
  }

  private dir(): string {
    const dir = join(this.d.dataDir, "reports");
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private async audienceViewer(audience: string): Promise<Viewer> {
    if (audience === "public") return publicViewer;
    return loadViewer(this.d.db, { id: `audience:${audience}`, party_id: audience, role: null });
  }

  /** Build the model for an audience and the week starting `weekStart`. */
  async model(audience: string, weekStart: string, language: Lang): Promise<ReportModel> {
    const viewer = await this.audienceViewer(audience);
    const pack = await this.d.pack();
    const periodStart = weekOf(weekStart);
    const periodEnd = addWeeks(periodStart, 1);
    const lastDay = new Date(Date.parse(`${periodEnd}T00:00:00Z`) - 1).toISOString().slice(0, 10);
    const zones = await this.d.indicators.calmIndex(viewer, { area_type: "zone", to: periodStart, weeks: 12 });
    const admins = await this.d.indicators.calmIndex(viewer, { area_type: "admin1", to: periodStart, weeks: 1 });
    const names = new Map(pack.admin1.map((a) => [a.code, language === "ar" ? (a.name_ar ?? a.name_en) : language === "he" ? (a.name_he ?? a.name_en) : a.name_en]));
    const thisWeek = Object.fromEntries(categories.map((c) => [c, 0])) as Record<Category, number>;
    const lastWeek = { ...thisWeek };
    const prevStart = addWeeks(periodStart, -1);
    for (const r of zones.rows) {
      for (const c of categories) {
        if (r.week === periodStart) thisWeek[c] += r.counts[c].raw;
        if (r.week === prevStart) lastWeek[c] += r.counts[c].raw;
      }
    }
    const trend = zones.weeks.map((w) => ({ week: w, score: Math.round(zones.rows.filter((r) => r.week === w).reduce((s, r) => s + r.score, 0) * 10) / 10 }));
    const incidents = (await periodIncidents(this.d.db, viewer, periodStart, lastDay)).map((i) => ({
      id: i.id,
      lon: i.longitude,
      lat: i.latitude,
      category: categoryOf({ event_type: i.event_type, sub_event_type: i.sub_event_type, tags: i.tags, plover: i.plover_event, plover_mode: i.plover_mode }),
      verification: i.verification,
      date: i.event_date,
    }));
    const commitments = await Promise.all(
      (await this.d.talks.listCommitments(viewer, {})).slice(0, 50).map(async (c) => ({ text: c.text, committed_party: c.committed_party, status: c.status, measured: (await this.d.talks.evaluate(viewer, c))?.summary ?? null })),
    );
    const { minX: minLon, minY: minLat, maxX: maxLon, maxY: maxLat } = pack.bbox;
    const padLon = (maxLon - minLon) * 0.08;
    const padLat = (maxLat - minLat) * 0.08;
    return {
      audience,
      audienceLabel: audience === "public" ? t(language, "public") : audience,
      language,
      periodStart,
      periodEnd: lastDay,
      generatedAt: this.d.clock.now().toISOString(),
      disclaimer: pack.meta.disclaimer,
      demo: this.d.demo,
      zoneRows: zones.rows.filter((r) => r.week === periodStart),
      adminRows: admins.rows.filter((r) => r.week === periodStart && categories.some((c) => r.counts[c].raw > 0)).map((r) => ({ ...r, name: names.get(r.area) ?? r.area })),
      trend,
      thisWeek,
      lastWeek,
      incidents,
      map: {
        countries: pack.countries.map((c) => c.geometry.map((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as [number, number]))).flat()),
        zones: pack.zones.map((z) => ({ id: z.id, rings: z.geometry.flatMap((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as [number, number]))) })),
        lines: pack.lines.map((l) => ({ id: l.id, coords: l.coords.map((p) => [p[0], p[1]] as [number, number]) })),
        bbox: [minLon - padLon, minLat - padLat, maxLon + padLon, maxLat + padLat],
      },
      hotline: this.d.hotlineFigures ? await this.d.hotlineFigures(viewer, `${periodStart}T00:00:00.000Z`, `${periodEnd}T00:00:00.000Z`) : null,
      commitments,
    };
  }

  /** Generate, store and audit one report. */
  async generate(actor: Actor, audience: string, weekStart: string, language: Lang, trigger: ReportRow["trigger"]): Promise<ReportRow> {
    const m = await this.model(audience, weekStart, language);
    const html = renderReportHtml(m);
    const pdf = await renderReportPdf(m);
    const id = newId("rpt");
    const dir = this.dir();
    writeFileSync(join(dir, `${id}.html`), html);
    writeFileSync(join(dir, `${id}.pdf`), pdf);
    const row: ReportRow = {
      id,
      audience,
      period_start: m.periodStart,
      period_end: m.periodEnd,
      language,
      html_sha256: sha256(html),
      pdf_sha256: sha256(pdf),
      trigger,
      distribution: (audience === "public" ? "public" : `party:${audience}`),
      owner_party: audience === "public" ? null : audience,
      created_by: actor.userId,
      created_at: this.d.clock.now().toISOString(),
    };
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insertReport(tx, row);
      await this.d.audit.record(tx, actor, { action: `report.${trigger}`, subjectType: "report", subjectId: id, distribution: row.distribution as Distribution, ownerParty: row.owner_party });
    });
    return row;
  }

  list(viewer: Viewer) {
    return repo.listReports(this.d.db, viewer, 200);
  }

  /** A stored file, checked against the hash recorded when it was made. */
  async read(viewer: Viewer, id: string, format: "html" | "pdf"): Promise<{ row: ReportRow; data: Buffer }> {
    const row = await repo.findReport(this.d.db, viewer, id);
    if (!row) throw errors.notFound("report");
    const data = readFileSync(join(this.dir(), `${id}.${format}`));
    if (sha256(data) !== (format === "html" ? row.html_sha256 : row.pdf_sha256)) {
      throw errors.conflict(`The stored ${format.toUpperCase()} of report ${id} no longer matches its recorded SHA-256: it was changed on disk.`);
    }
    return { row, data };
  }

  /** The scheduled run: last week's report for every party and the public, once each. */
  async generateWeekly(parties: readonly string[]): Promise<number> {
    const lastWeek = addWeeks(weekOf(this.d.clock.now().toISOString()), -1);
    let made = 0;
    for (const audience of [...parties, "public"]) {
      if (await repo.latestFor(this.d.db, audience, lastWeek)) continue;
      await this.generate({ userId: null, party: null }, audience, lastWeek, "en", "schedule");
      made++;
    }
    return made;
  }
}
