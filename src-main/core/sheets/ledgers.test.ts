// The post and training exports write what a day or a half-day was, consistently (issue 14 item 12).
import { describe, expect, it } from 'vitest';
import type { AttendanceGridView, MonthSummary, SessionAttendanceView, SessionView, SignInRecordView } from '../../../shared/rpc/handlers';
import { attendanceSheet, trainingSheet, withLegend } from './ledgers';

const cell = (mark: string, hours: number) => ({ mark, hours, updatedBy: 'w', updatedAt: '', corrections: 0 });

describe('the attendance export', () => {
  it('writes every present day with its hours (8 and 4 alike) and explains the marks below the rows', () => {
    const grid = {
      post: { name: '保洁' },
      month: '2026-10',
      days: [5, 6, 7].map((day) => ({ day, date: `2026-10-0${day}` })),
      holders: [{ residentId: 'r1', name: '王五', assignmentId: 'a', from: '2026-01-01', to: '2026-12-31' }],
      cells: { r1: { '2026-10-05': cell('present', 8), '2026-10-06': cell('present', 4), '2026-10-07': cell('sickLeave', 0) } },
    } as unknown as AttendanceGridView;
    const summary = { postId: 'p', month: '2026-10', minimumWage: null, holders: [] } as MonthSummary;
    const { rows } = attendanceSheet(grid, summary, () => '');
    expect(rows[0]!.slice(3, 6)).toEqual(['出8', '出4', '病']);
    const file = withLegend(rows);
    expect(file).toHaveLength(3);
    expect(String(file[2]![0])).toMatch(/^图例：出8 = 出勤 8 小时，出4 = 出勤 4 小时.*事 = 事假.*病 = 病假.*旷 = 旷工.*休 = 休息/);
  });
});

describe('the training export', () => {
  const slot = (date: string, half: 'am' | 'pm', records: SignInRecordView[] = []) => ({ date, half, records });
  const signedIn = (at: string) => ({ residentId: 'r1', in: { at }, out: null }) as unknown as SignInRecordView;
  const session = { course: { occupation: '养老护理员' }, startDate: '2026-11-21' } as SessionView;
  const attendance = {
    totalClassHours: 12,
    trainees: [{ residentId: 'r1', attendedHours: 4, rate: 1 / 3, lateCount: 0, earlyLeaveCount: 0, eligible: false }],
  } as unknown as SessionAttendanceView;
  const slots = [slot('2026-11-21', 'am'), slot('2026-11-22', 'am', [signedIn('2026-11-22T00:40:00Z')]), slot('2026-11-22', 'pm'), slot('2026-11-23', 'am')];
  const sheet = (today: string) => trainingSheet(session, [{ residentId: 'r1', name: '王五' }], slots, attendance, () => '', () => '08:40', today).rows[0]!;

  it('marks a missed past half-day 缺勤, today’s not yet 未到, leaves the days to come blank and calls nobody ineligible yet', () => {
    expect(sheet('2026-11-22').slice(3)).toEqual(['缺勤', '签到 08:40', '未到', '', 4, 12, '33.3%', 0, 0, '培训未结束']);
  });

  it('says 是 at once for a trainee already over the threshold (attended hours only grow)', () => {
    const eligible = { ...attendance, trainees: [{ ...attendance.trainees[0]!, eligible: true }] } as SessionAttendanceView;
    const row = trainingSheet(session, [{ residentId: 'r1', name: '王五' }], slots, eligible, () => '', () => '08:40', '2026-11-22').rows[0]!;
    expect(row.at(-1)).toBe('是');
  });

  it('once the session is over, every missed half-day is 缺勤 and eligibility is final', () => {
    expect(sheet('2026-11-24').slice(3)).toEqual(['缺勤', '签到 08:40', '缺勤', '缺勤', 4, 12, '33.3%', 0, 0, '否']);
  });
});
