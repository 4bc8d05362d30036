import { z } from 'zod';

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** A calendar date, YYYY-MM-DD. */
export const calendarDateSchema = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
