// The statistics spreadsheet: the dashboard's columns and the workbook (by month, by place, and
// the employment figures: ./employmentSheet.ts) the export hands out.
import { excel } from '../store/lazyModules';
import { statsZhCN } from '../../../shared/stats/texts';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { REGISTRATION_KINDS } from '../../../shared/residents/schema';
import type { StatsDashboard, StatsRow } from '../../../shared/stats/contract';
import { GROUPS } from './facts';
import { shownRate } from '../../../shared/stats/percent';
import type { EmploymentCountsView } from '../../../shared/employment/contract';
import { addEmploymentSheet } from './employmentSheet';

/** A rate as the screen shows it (rounded down to 0.1 %), so Excel's 0.0% format shows the same digits. */
const asShown = (rate: number | null) => (rate === null ? null : shownRate(rate));

/** Column headers and cell values of one table row, in the order the screen shows them. */
export function statsColumns(): { header: string; value: (row: StatsRow) => number | null; percent?: boolean }[] {
  const c = statsZhCN.stats.columns;
  return [
    { header: c.total, value: (r) => r.registrations.total },
    ...REGISTRATION_KINDS.map((k) => ({ header: zhCN.enums.kind[k], value: (r: StatsRow) => r.registrations.kinds[k] })),
    ...GROUPS.map((g) => ({
      header: g === 'none' ? statsZhCN.stats.groupNone : zhCN.enums.targetGroup[g],
      value: (r: StatsRow) => r.registrations.groups[g],
    })),
    { header: c.holders, value: (r) => r.posts.holders },
    { header: c.presentDays, value: (r) => r.posts.presentDays },
    { header: c.workDays, value: (r) => r.posts.workDays },
    { header: c.attendanceRate, value: (r) => asShown(r.posts.attendanceRate), percent: true },
    { header: c.sessions, value: (r) => r.training.sessions },
    { header: c.trainees, value: (r) => r.training.trainees },
    { header: c.eligible, value: (r) => r.training.eligible },
    { header: c.eligibilityRate, value: (r) => asShown(r.training.eligibilityRate), percent: true },
  ];
}

export async function workbook(data: StatsDashboard, employment: EmploymentCountsView): Promise<string> {
  const texts = statsZhCN.stats;
  const columns = statsColumns();
  const book = new (excel().Workbook)();
  const generated = texts.sheet.generated.replace('{{at}}', data.computedAt).replace('{{source}}', texts.source[data.source === 'countyServer' ? 'countyServer' : data.level === 'township' ? 'township' : 'station']);
  book.creator = '乐业驿站';
  const sheet = (name: string, firstHeaders: string[], rows: { first: (string | number)[]; row: StatsRow }[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3, xSplit: firstHeaders.length }] });
    ws.addRow([texts.sheet.title.replace('{{place}}', data.placeName).replace('{{from}}', data.from).replace('{{to}}', data.to)]).font = { bold: true, size: 14 };
    ws.addRow([generated]);
    const header = ws.addRow([...firstHeaders, ...columns.map((c) => c.header)]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const { first, row } of rows) ws.addRow([...first, ...columns.map((c) => c.value(row))]);
    columns.forEach((c, i) => {
      const column = ws.getColumn(firstHeaders.length + i + 1);
      column.width = 11;
      if (c.percent) column.numFmt = '0.0%';
    });
    firstHeaders.forEach((_h, i) => (ws.getColumn(i + 1).width = i === 0 ? 24 : 14));
  };
  const totalRow = { row: data.total };
  sheet(texts.sheet.byMonth, [texts.columns.month], [...data.byMonth.map((r) => ({ first: [r.month], row: r })), { first: [texts.columns.totalRow], ...totalRow }]);
  sheet(texts.sheet.byPlace, [texts.columns.place, texts.columns.placeCode], [
    ...data.byPlace.map((r) => ({ first: [r.placeName, r.placeCode], row: r })),
    { first: [texts.columns.totalRow, ''], ...totalRow },
  ]);
  addEmploymentSheet(book, employment, generated);
  const buffer = await book.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}
