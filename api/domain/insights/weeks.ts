/**
 * ISO weeks of city days (YYYY-MM-DD, already Europe/Stockholm dates): the dashboard's week
 * series. Pure calendar arithmetic on dates, so no time zone or DST enters here: the day a
 * submission counts on was fixed in the city's calendar when it was stored.
 */

const DAY_MS = 86_400_000;

/** Milliseconds of a day's UTC midnight; NaN when `day` is no real date. */
export function dayMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
    ? ms
    : Number.NaN;
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
}

/** The ISO week of a day: its name (`2026-W43`) and its Monday. */
export function isoWeek(day: string): { week: string; start: string } {
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = ms - weekday * DAY_MS;
  // The week belongs to the year of its Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return {
    week: `${year}-W${String(week).padStart(2, '0')}`,
    start: new Date(monday).toISOString().slice(0, 10),
  };
}

/**
 * Per-day counts folded into ISO weeks, from the week of `from` to the week of `to`, every week
 * listed (zeros included). Days outside the period are ignored. A week at either end counts only
 * the days of the period it holds.
 */
export function weekSeries(
  from: string,
  to: string,
  perDay: readonly { key: string; count: number }[],
): { week: string; start: string; count: number }[] {
  const weeks: { week: string; start: string; count: number }[] = [];
  const index = new Map<string, number>();
  const last = isoWeek(to).start;
  for (let start = isoWeek(from).start; start <= last; start = addDays(start, 7)) {
    index.set(start, weeks.length);
    weeks.push({ week: isoWeek(start).week, start, count: 0 });
  }
  for (const { key, count } of perDay) {
    if (key < from || key > to) continue;
    const i = index.get(isoWeek(key).start);
    const row = i === undefined ? undefined : weeks[i];
    if (row) row.count += count;
  }
  return weeks;
}
