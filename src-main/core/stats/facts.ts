// Facts: what both ways of counting (a station's own records, the county server's views) produce, and the month arithmetic they share.
import { TARGET_GROUPS } from '../../../shared/residents/schema';
import type { StatsGroup } from '../../../shared/stats/contract';

export const GROUPS: readonly StatsGroup[] = [...TARGET_GROUPS, 'none'];

export interface SessionFact {
  id: string;
  place: string;
  month: string;
  trainees: number;
  eligible: number;
  /** The session's last half-day is before today: its eligibility is final. */
  finished: boolean;
}

/** Whether a session whose timetable has these `date:half` keys (or dates) has ended before `today`. */
export function sessionFinished(slotKeys: Iterable<string>, today: string): boolean {
  let last = '';
  for (const key of slotKeys) {
    const date = key.slice(0, 10);
    if (date > last) last = date;
  }
  return last !== '' && last < today;
}

export interface Facts {
  /** `${month}|${place}|${kind}` → residents. */
  kinds: Map<string, number>;
  /** `${month}|${place}|${group}` → residents (once per group). */
  groups: Map<string, number>;
  /** Distinct (month, place, resident) of post holders. */
  holders: { month: string; place: string; residentId: string }[];
  /** `${month}|${place}|${mark}` → days. */
  marks: Map<string, number>;
  sessions: SessionFact[];
}

export function emptyFacts(): Facts {
  return { kinds: new Map(), groups: new Map(), holders: [], marks: new Map(), sessions: [] };
}

export const add = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

export function nextMonth(month: string): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** Whether a trainee's attended hours reach the threshold (as TrainingService decides it). */
export function isEligible(hours: number, total: number, threshold: number): boolean {
  const rate = total > 0 ? hours / total : 0;
  return rate + 1e-9 >= threshold;
}
