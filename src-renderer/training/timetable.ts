// Pure helpers of the half-day timetable: filling it from the dates, tidying typed clock times,
// and choosing the class a sign-in screen opens on.

import type { HalfDay } from '../../shared/training/schema';

/** A timetable row as the form holds it (class hours may be blank while typing). */
export interface SlotValues {
  date: string;
  half: HalfDay;
  start: string;
  end: string;
  classHours: number | null;
}

/** What "按日期生成" puts in each half-day. */
export const DEFAULT_SLOTS: Record<HalfDay, Omit<SlotValues, 'date' | 'half'>> = {
  am: { start: '08:30', end: '11:30', classHours: 3 },
  pm: { start: '14:00', end: '17:00', classHours: 3 },
};

/** The shared schema's limit on timetable rows. */
export const MAX_SLOTS = 120;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(day: string): number | null {
  if (!ISO_DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** Every ISO day from start to end inclusive (empty when either is missing or end < start). */
export function daysBetween(start: string, end: string, limit = Infinity): string[] {
  const from = parseDay(start);
  const to = parseDay(end);
  if (from === null || to === null || to < from) return [];
  const days: string[] = [];
  for (let ms = from; ms <= to && days.length < limit; ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

export function slotKey(slot: { date: string; half: HalfDay }): string {
  return `${slot.date}:${slot.half}`;
}

export function compareSlots(a: { date: string; half: HalfDay }, b: { date: string; half: HalfDay }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.half === b.half ? 0 : a.half === 'am' ? -1 : 1;
}

/**
 * Fills every day from start to end with a morning and an afternoon class. Rows the clerk
 * already has for a day inside the dates are kept as they are (they may have been edited);
 * rows outside the dates go. At most MAX_SLOTS rows: `truncatedDays` says how many days fitted
 * when the dates span more.
 */
export function generateTimetable(
  start: string,
  end: string,
  existing: readonly SlotValues[] = [],
): { rows: SlotValues[]; truncatedDays: number | null } {
  const maxDays = MAX_SLOTS / 2;
  const all = daysBetween(start, end, maxDays + 1);
  const days = all.slice(0, maxDays);
  const kept = new Map<string, SlotValues>();
  const inRange = new Set(days);
  for (const row of existing) if (inRange.has(row.date) && !kept.has(slotKey(row))) kept.set(slotKey(row), row);
  const rows: SlotValues[] = [];
  for (const date of days) {
    for (const half of ['am', 'pm'] as const) {
      rows.push(kept.get(slotKey({ date, half })) ?? { date, half, ...DEFAULT_SLOTS[half] });
    }
  }
  return { rows, truncatedDays: all.length > maxDays ? maxDays : null };
}

/** "830", "0830", "8:30", "8.30", "8：30" → "08:30"; anything else comes back trimmed, for the schema to refuse. */
export function normalizeClock(raw: string): string {
  const text = raw.trim().replace(/[：.．]/g, ':');
  let match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) match = /^(\d{1,2})(\d{2})$/.exec(text);
  if (!match) {
    const hour = /^(\d{1,2})$/.exec(text);
    if (hour && Number(hour[1]) < 24) return `${hour[1]!.padStart(2, '0')}:00`;
    return text;
  }
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 23 || m > 59) return text;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Sum of class hours, ignoring blank rows. */
export function totalClassHours(rows: readonly { classHours: number | null }[]): number {
  return rows.reduce((sum, row) => sum + (typeof row.classHours === 'number' && Number.isFinite(row.classHours) ? row.classHours : 0), 0);
}

/** The local calendar day and minutes since midnight of a moment. */
export function localDayAndMinutes(now: Date): { day: string; minutes: number } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    minutes: now.getHours() * 60 + now.getMinutes(),
  };
}

/** The half of the day a moment belongs to for sign-ins: before 12:30 is the morning. */
export function currentHalf(now: Date): HalfDay {
  return localDayAndMinutes(now).minutes < 12 * 60 + 30 ? 'am' : 'pm';
}

/**
 * The class a sign-in screen opens on: today's current half; else today's other half; else the
 * latest class before today; else the first class (a session that has not started).
 */
export function chooseSlot<S extends { date: string; half: HalfDay }>(timetable: readonly S[], now: Date): S | null {
  if (timetable.length === 0) return null;
  const { day } = localDayAndMinutes(now);
  const half = currentHalf(now);
  const today = timetable.filter((slot) => slot.date === day);
  const exact = today.find((slot) => slot.half === half);
  if (exact) return exact;
  if (today.length > 0) return today[0]!;
  const sorted = [...timetable].sort(compareSlots);
  const past = sorted.filter((slot) => slot.date < day);
  return past.length > 0 ? past[past.length - 1]! : sorted[0]!;
}
