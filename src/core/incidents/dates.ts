// ACLED dates arrive in three spellings depending on the export:
// 2025-05-16, 16-05-2025 and "16 May 2025". All become ISO YYYY-MM-DD; a
// date that does not exist on the calendar (31-02-2025) is an error, never
// silently rolled over.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export type DateResult = { ok: true; date: string } | { ok: false; problem: string };

/** Parses one of the accepted spellings into YYYY-MM-DD. */
export function parseAcledDate(raw: string): DateResult {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (r) {
    y = +r[1]!; m = +r[2]!; d = +r[3]!;
  } else if ((r = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s))) {
    d = +r[1]!; m = +r[2]!; y = +r[3]!;
  } else if ((r = /^(\d{1,2})[ -]([A-Za-z]+)[ -,]+(\d{4})$/.exec(s))) {
    d = +r[1]!; y = +r[3]!;
    const mm = MONTHS[r[2]!.toLowerCase()];
    if (mm === undefined) return { ok: false, problem: `unknown month "${r[2]}"` };
    m = mm;
  } else {
    return { ok: false, problem: `"${s}" is not a date (use YYYY-MM-DD, DD-MM-YYYY or 16 May 2025)` };
  }
  if (!isRealDate(y, m, d)) return { ok: false, problem: `"${s}" is not a real calendar date` };
  return { ok: true, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday starting the ISO week of a date: the key weekly counts group by. */
export function weekStart(isoDate: string): string {
  const n = dayNumber(isoDate);
  // 1970-01-01 was a Thursday: (n + 3) mod 7 is days since Monday.
  return fromDayNumber(n - (((n + 3) % 7) + 7) % 7);
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days);
}
