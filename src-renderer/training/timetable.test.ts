import { describe, expect, it } from 'vitest';
import { sessionSaveSchema } from '../../shared/training/schema';
import { chooseSlot, currentHalf, daysBetween, generateTimetable, normalizeClock, totalClassHours, type SlotValues } from './timetable';

const at = (day: string, time: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
};

describe('daysBetween', () => {
  it('lists every day inclusive, across month and leap-day boundaries', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween('2025-06-01', '2025-06-01')).toEqual(['2025-06-01']);
  });
  it('is empty for missing, invalid or reversed dates', () => {
    expect(daysBetween('', '2025-06-01')).toEqual([]);
    expect(daysBetween('2025-06-02', '2025-06-01')).toEqual([]);
    expect(daysBetween('2025-13-01', '2025-13-02')).toEqual([]);
  });
});

describe('generateTimetable', () => {
  it('fills every day with 08:30–11:30 and 14:00–17:00, 3 class hours each', () => {
    const { rows, truncatedDays } = generateTimetable('2025-06-01', '2025-06-03');
    expect(truncatedDays).toBeNull();
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ date: '2025-06-01', half: 'am', start: '08:30', end: '11:30', classHours: 3 });
    expect(rows[1]).toEqual({ date: '2025-06-01', half: 'pm', start: '14:00', end: '17:00', classHours: 3 });
    expect(rows[5]!.date).toBe('2025-06-03');
    expect(totalClassHours(rows)).toBe(18);
  });

  it('produces a timetable the shared schema accepts', () => {
    const { rows } = generateTimetable('2025-06-01', '2025-06-05');
    const parsed = sessionSaveSchema.safeParse({
      course: { occupation: '养老护理员', level: 'level4' },
      provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
      teachers: ['王老师'],
      place: '解放桥社区活动室',
      startDate: '2025-06-01',
      endDate: '2025-06-05',
      timetable: rows,
      plannedTrainees: 40,
    });
    expect(parsed.success).toBe(true);
  });

  it('keeps edited rows inside the dates and drops rows outside', () => {
    const edited: SlotValues = { date: '2025-06-02', half: 'pm', start: '13:30', end: '16:30', classHours: 3 };
    const outside: SlotValues = { date: '2025-05-31', half: 'am', start: '08:30', end: '11:30', classHours: 3 };
    const { rows } = generateTimetable('2025-06-01', '2025-06-02', [outside, edited]);
    expect(rows.map((r) => `${r.date}:${r.half}`)).toEqual(['2025-06-01:am', '2025-06-01:pm', '2025-06-02:am', '2025-06-02:pm']);
    expect(rows[3]).toBe(edited);
  });

  it('stops at the schema limit of 120 half-days and says so', () => {
    const { rows, truncatedDays } = generateTimetable('2025-01-01', '2025-12-31');
    expect(rows).toHaveLength(120);
    expect(truncatedDays).toBe(60);
    expect(generateTimetable('2025-01-01', '2025-03-01').truncatedDays).toBeNull(); // exactly 60 days
    expect(generateTimetable('2025-01-01', '2025-03-01').rows).toHaveLength(120);
  });

  it('gives nothing without both dates', () => {
    expect(generateTimetable('2025-06-01', '').rows).toEqual([]);
  });
});

describe('normalizeClock', () => {
  it('tidies the ways people type a time', () => {
    expect(normalizeClock('830')).toBe('08:30');
    expect(normalizeClock('0830')).toBe('08:30');
    expect(normalizeClock('8:30')).toBe('08:30');
    expect(normalizeClock(' 8.30 ')).toBe('08:30');
    expect(normalizeClock('14：00')).toBe('14:00');
    expect(normalizeClock('14')).toBe('14:00');
    expect(normalizeClock('23:59')).toBe('23:59');
  });
  it('leaves what is not a time for the schema to refuse', () => {
    expect(normalizeClock('25:00')).toBe('25:00');
    expect(normalizeClock('12:60')).toBe('12:60');
    expect(normalizeClock('abc')).toBe('abc');
    expect(normalizeClock('')).toBe('');
  });
});

describe('choosing the class to sign in', () => {
  const timetable = [
    { date: '2025-06-02', half: 'am' as const },
    { date: '2025-06-02', half: 'pm' as const },
    { date: '2025-06-03', half: 'am' as const },
    { date: '2025-06-05', half: 'pm' as const },
  ];

  it('splits the day at 12:30', () => {
    expect(currentHalf(at('2025-06-02', '12:29'))).toBe('am');
    expect(currentHalf(at('2025-06-02', '12:30'))).toBe('pm');
    expect(currentHalf(at('2025-06-02', '00:00'))).toBe('am');
  });

  it("opens on today's current half", () => {
    expect(chooseSlot(timetable, at('2025-06-02', '08:10'))).toEqual({ date: '2025-06-02', half: 'am' });
    expect(chooseSlot(timetable, at('2025-06-02', '12:29'))).toEqual({ date: '2025-06-02', half: 'am' });
    expect(chooseSlot(timetable, at('2025-06-02', '12:30'))).toEqual({ date: '2025-06-02', half: 'pm' });
  });

  it("falls back to today's other half, then the latest past class, then the first", () => {
    expect(chooseSlot(timetable, at('2025-06-03', '15:00'))).toEqual({ date: '2025-06-03', half: 'am' });
    expect(chooseSlot(timetable, at('2025-06-04', '09:00'))).toEqual({ date: '2025-06-03', half: 'am' });
    expect(chooseSlot(timetable, at('2025-06-01', '09:00'))).toEqual({ date: '2025-06-02', half: 'am' });
    expect(chooseSlot(timetable, at('2025-07-01', '09:00'))).toEqual({ date: '2025-06-05', half: 'pm' });
    expect(chooseSlot([], at('2025-07-01', '09:00'))).toBeNull();
  });
});
