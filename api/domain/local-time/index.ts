/**
 * The city's calendar: Malmö's days and clock times (Europe/Stockholm), for what staff and
 * settings express in local time — a day in a filter, the digest's hour, retention's once a
 * day, the public "day it was made". One formatter, built once, since Intl formatters are costly.
 */

/** Malmö's time zone. */
export const CITY_TIME_ZONE = 'Europe/Stockholm';

const zoned = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Local calendar date (YYYY-MM-DD) and wall-clock time (HH:MM) of `ms` in the city, and how far
 * the city's clock is ahead of UTC then, in milliseconds.
 */
export function localParts(ms: number): { date: string; time: string; offsetMs: number } {
  const p = Object.fromEntries(zoned.formatToParts(ms).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    offsetMs: wall - Math.floor(ms / 1000) * 1000,
  };
}

/** The day (YYYY-MM-DD) in the city that the ISO time `iso` falls on. */
export function stockholmDay(iso: string): string {
  return localParts(Date.parse(iso)).date;
}

/** Midnight at the start of `day` (YYYY-MM-DD) in the city, as an ISO time; undefined for no such day. */
export function stockholmMidnight(day: string, addDays = 0): string | undefined {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
    return undefined;
  const local = utc + addDays * 86_400_000;
  // Twice: the offset at the guess may differ from the one at the answer around a DST change.
  const first = local - localParts(local).offsetMs;
  return new Date(local - localParts(first).offsetMs).toISOString();
}
