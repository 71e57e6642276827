// Row types: the weighted weekly incident roll-up (kept by triggers) and stored reports.
export interface CalmWeeklyTable {
  area_type: "zone" | "admin1";
  week: string;
  area: string;
  category: string;
  distribution: string;
  /** '' when the incident has no owner party. */
  owner_party: string;
  events: number;
  fatalities: number;
  w_events: number;
  w_fatalities: number;
  score: number;
  score_low: number;
  score_high: number;
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
  calm_weekly: CalmWeeklyTable;
  reports: ReportsTable;
}
