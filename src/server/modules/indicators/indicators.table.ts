// Row types: the weekly incident roll-up (kept by triggers) and stored reports.
export interface IncidentWeeklyTable {
  area_type: "zone" | "admin1";
  area: string;
  week: string;
  category: string;
  verification: string;
  precision: number;
  distribution: string;
  /** '' when the incident has no owner party. */
  owner_party: string;
  events: number;
  fatalities: number;
}

export interface ReportsTable {
  id: string;
  audience: string;
  period_start: string;
  period_end: string;
  language: string;
  html_sha256: string;
  pdf_sha256: string;
  trigger: "schedule" | "request";
  distribution: string;
  owner_party: string | null;
  created_by: string | null;
  created_at: string;
}

export interface IndicatorsTables {
  incident_weekly: IncidentWeeklyTable;
  reports: ReportsTable;
}
