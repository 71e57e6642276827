// Weeks are named by their Monday (UTC, ISO 8601 weeks start on Monday), as
// YYYY-MM-DD text: sortable, and the same in SQL and in JavaScript.

const DAY = 86_400_000;

export function weekOf(isoDateOrInstant: string): string {
  const d = new Date(isoDateOrInstant.length === 10 ? `${isoDateOrInstant}T00:00:00Z` : isoDateOrInstant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${isoDateOrInstant}`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - dow * DAY).toISOString().slice(0, 10);
}

export function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);
}

/** `count` consecutive weeks ending with the week that contains `last`. */
export function weeksEnding(last: string, count: number): string[] {
  const end = weekOf(last);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(addWeeks(end, -i));
  return out;
}
