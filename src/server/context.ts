// Everything a request handler or CLI command may use, built once at start.
// Services hold no per-process state another process would need: sessions,
// rate limits, idempotency keys and the audit head all live in the database.
import type { Config } from "./config.ts";
import type { AuditService } from "./platform/audit/audit.service.ts";
import type { Clock } from "./platform/clock.ts";
import type { DeploymentKey } from "./platform/crypto/keys.ts";
import type { Db, Dialect } from "./platform/db/database.ts";
import type { AccountService } from "./modules/accounts/account.service.ts";
import type { NoteService } from "./modules/notes/note.service.ts";
import type { RealtimeService } from "./platform/realtime/realtime.service.ts";
import type { JobService } from "./platform/jobs/jobs.service.ts";
import type { HotlineService } from "./modules/hotline/hotline.service.ts";
import type { TalksService } from "./modules/talks/talks.service.ts";
import type { IndicatorsService } from "./modules/indicators/indicators.service.ts";
import type { ReportService } from "./modules/indicators/report.service.ts";
import type { IncidentService } from "./modules/incidents/incident.service.ts";
import type { IntakeService } from "./modules/intake/intake.service.ts";

export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  key: DeploymentKey;
  deploymentId: string;
  version: string;
  audit: AuditService;
  accounts: AccountService;
  notes: NoteService;
  realtime: RealtimeService;
  jobs: JobService;
  hotline: HotlineService;
  talks: TalksService;
  indicators: IndicatorsService;
  reports: ReportService;
  incidents: IncidentService;
  intake: IntakeService;
}
