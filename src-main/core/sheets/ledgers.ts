// The ledgers clerks are asked for, as .xlsx with Chinese headers (written by ./xlsxWriter).
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import { postsZhCN } from '../../../shared/posts/texts';
import { percentText } from '../../../shared/stats/percent';
import { trainingZhCN } from '../../../shared/training/texts';
import { zhCN } from '../../../shared/i18n/zh-CN';
import type { AttendanceGridView, MonthSummary, SessionAttendanceView, SessionView, SignInRecordView } from '../../../shared/rpc/handlers';
import type { LedgerEntry } from '../search/residentIndex';
import { xlsx, type Cell, type SheetSpec } from './xlsxWriter';

export type { Cell, SheetSpec };

/** The .xlsx bytes: the header row, then the rows. */
export async function writeXlsx(spec: SheetSpec, rows: Iterable<Cell[]>): Promise<Buffer> {
  return xlsx(spec, rows);
}

// ── 实名制登记台账 ───────────────────────────────────────────────────────────────────────────

export const LEDGER_COLUMNS: SheetSpec['columns'] = [
  { header: '序号', width: 7 },
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '年龄', width: 6 },
  { header: '文化程度', width: 14 },
  { header: '身份证号', width: 21 },
  { header: '户籍性质', width: 9 },
  { header: '现居住址', width: 24 },
  { header: '人员类别', width: 18 },
  { header: '登记类型', width: 12 },
  { header: '登记日期', width: 12 },
  { header: '技能特长', width: 16 },
  { header: '就业创业证号', width: 18 },
  { header: '失业人员类型', width: 16 },
  { header: '失业时间', width: 12 },
  { header: '求职意向', width: 16 },
  { header: '培训意向', width: 16 },
  { header: '就业服务需求', width: 20 },
  { header: '联系电话', width: 14 },
  { header: '状态', width: 18 },
];

/** The line above the header: station, export date, and whether ID numbers and phones are masked. */
export function ledgerTitle(station: string, today: string, full: boolean): string {
  return `实名制登记台账  服务站点：${station}  导出日期：${today}  身份证号/联系电话：${full ? '完整' : '已脱敏'}`;
}

/** 有效, or 已注销（reason，date）. */
function statusCell(entry: LedgerEntry): string {
  if (entry.active) return enums.status.active;
  const reason = enums.closeReason[entry.closeReason as keyof typeof enums.closeReason] ?? '';
  const detail = [reason, entry.closedOn].filter(Boolean).join('，');
  return detail ? `${enums.status.closed}（${detail}）` : enums.status.closed;
}

const enums = zhCN.enums;

/** One ledger row without its sequence number (added after sorting). */
export function ledgerRow(entry: LedgerEntry, today: string, full: boolean): Cell[] {
  return [
    entry.name,
    enums.sex[entry.sex],
    ageOn(entry.birthDate, today),
    enums.education[entry.education],
    full ? entry.idNumber : maskIdNumber(entry.idNumber),
    enums.householdType[entry.householdType],
    entry.address,
    entry.groups.map((g) => enums.targetGroup[g]).join('、'),
    enums.kind[entry.kind],
    entry.registeredOn,
    entry.skills,
    entry.employmentCertificateNo,
    entry.unemploymentType ? enums.unemploymentType[entry.unemploymentType as keyof typeof enums.unemploymentType] : '',
    entry.unemployedSince,
    entry.jobIntention,
    entry.trainingIntention,
    entry.serviceNeeds,
    full ? entry.phone : maskPhone(entry.phone),
    statusCell(entry),
  ];
}

// ── 公益性岗位月度考勤表 ─────────────────────────────────────────────────────────────────────

const MARK = postsZhCN.attendance.short;

/** The line below the attendance rows (after a blank one): what the day cells mean. */
export const ATTENDANCE_LEGEND = `图例：${MARK.present}8 = 出勤 8 小时，${MARK.present}4 = 出勤 4 小时（出勤一律写明小时数）；${MARK.personalLeave} = 事假；${MARK.sickLeave} = 病假；${MARK.absent} = 旷工；${MARK.rest} = 休息；空白 = 未记录`;

/** A day cell: a present day always with its hours ("出8", "出4"), other marks as their letter. */
export function attendanceMark(cell: { mark: keyof typeof MARK; hours: number }): string {
  return cell.mark === 'present' ? `${MARK.present}${cell.hours}` : MARK[cell.mark];
}

export function attendanceSheet(
  grid: AttendanceGridView,
  summary: MonthSummary,
  idNumberOf: (residentId: string) => string,
): { spec: SheetSpec; rows: Cell[][] } {
  const spec: SheetSpec = {
    name: `${grid.post.name} ${grid.month}`.replace(/[\\/?*[\]:]/g, ' '),
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '身份证号', width: 21 },
      ...grid.days.map((d) => ({ header: String(d.day), width: 4 })),
      { header: '出勤天数', width: 9 },
      { header: '事假', width: 6 },
      { header: '病假', width: 6 },
      { header: '旷工', width: 6 },
      { header: '休息', width: 6 },
      { header: '工时', width: 7 },
      { header: '应发金额（元）', width: 13 },
    ],
  };
  const totals = new Map(summary.holders.map((h) => [h.residentId, h]));
  const rows = grid.holders.map((h, i): Cell[] => {
    const cells = grid.cells[h.residentId] ?? {};
    const t = totals.get(h.residentId);
    return [
      i + 1,
      h.name,
      idNumberOf(h.residentId),
      ...grid.days.map((d) => {
        const cell = cells[d.date];
        return cell ? attendanceMark(cell) : '';
      }),
      t?.presentDays ?? 0,
      t?.personalLeaveDays ?? 0,
      t?.sickLeaveDays ?? 0,
      t?.absentDays ?? 0,
      t?.restDays ?? 0,
      t?.hours ?? 0,
      t?.payDue ?? 0,
    ];
  });
  return { spec, rows };
}

/** The attendance rows with the legend below them, as the file has them. */
export function withLegend(rows: Cell[][]): Cell[][] {
  return [...rows, [], [ATTENDANCE_LEGEND]];
}

// ── 培训考勤表 ───────────────────────────────────────────────────────────────────────────────

export function trainingSheet(
  session: SessionView,
  trainees: { residentId: string; name: string }[],
  slots: { date: string; half: 'am' | 'pm'; records: SignInRecordView[] }[],
  attendance: SessionAttendanceView,
  idNumberOf: (residentId: string) => string,
  localTime: (iso: string) => string,
  today: string,
): { spec: SheetSpec; rows: Cell[][] } {
  const half = trainingZhCN.training.half;
  // A session that has not ended: its half-days to come are not absences and a 否 is not final.
  const running = slots.some((s) => s.date >= today);
  const spec: SheetSpec = {
    name: `${session.course.occupation} ${session.startDate}`.replace(/[\\/?*[\]:]/g, ' '),
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '身份证号', width: 21 },
      ...slots.map((s) => ({ header: `${s.date.slice(5)} ${half[s.half]}`, width: 11 })),
      { header: '出勤学时', width: 9 },
      { header: '总学时', width: 8 },
      { header: '出勤率', width: 8 },
      { header: '迟到次数', width: 9 },
      { header: '早退次数', width: 9 },
      { header: '是否符合补贴条件', width: 16 },
    ],
  };
  const bySlot = slots.map((s) => new Map(s.records.map((r) => [r.residentId, r])));
  const rates = new Map(attendance.trainees.map((t) => [t.residentId, t]));
  const rows = trainees.map((t, i): Cell[] => {
    const rate = rates.get(t.residentId);
    return [
      i + 1,
      t.name,
      idNumberOf(t.residentId),
      ...bySlot.map((records, s) => {
        const r = records.get(t.residentId);
        if (!r?.in) {
          const date = slots[s]!.date;
          return date > today ? '' : date === today ? '未到' : '缺勤';
        }
        const inAt = localTime(r.in.at);
        return r.out ? `签到 ${inAt} 签退 ${localTime(r.out.at)}` : `签到 ${inAt}`;
      }),
      rate?.attendedHours ?? 0,
      attendance.totalClassHours,
      percentText(rate?.rate ?? 0),
      rate?.lateCount ?? 0,
      rate?.earlyLeaveCount ?? 0,
      // Attended hours only grow: 是 is final while a session runs, 否 is not.
      rate?.eligible ? '是' : running ? '培训未结束' : '否',
    ];
  });
  return { spec, rows };
}
