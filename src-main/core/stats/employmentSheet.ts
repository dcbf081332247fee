// The statistics export's 就业统计 sheet: 城镇新增就业, 失业人员再就业 and 就业困难人员实现就业 by
// month, place and target group (as the stats screen's card shows them), then the written
// definitions and how this level's figures are formed, in Chinese and in English.
import type ExcelJS from 'exceljs';
import type { EmploymentCountsView } from '../../../shared/employment/contract';
import type { EmploymentCounts } from '../../../shared/employment/counts';
import { employmentZhCN } from '../../../shared/employment/texts';
import { employmentEn } from '../../../shared/employment/texts.en';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { stationLevel } from '../../../shared/places';
import { statsZhCN } from '../../../shared/stats/texts';
import { statsEn } from '../../../shared/stats/texts.en';
import { monthRange } from './facts';

const MEASURES = ['newUrban', 'reemployed', 'hardship'] as const;
const ZERO: EmploymentCounts = { newUrban: 0, reemployed: 0, hardship: 0 };
const HELP = ['entries', 'newUrban', 'reemployed', 'hardship', 'sums'] as const;

/** The definitions as the screen's help words them, then how this level's figures are formed. */
export function definitionLines(level: 'village' | 'township' | 'county', language: 'zh-CN' | 'en'): string[] {
  const [employment, stats] = language === 'zh-CN' ? [employmentZhCN.employment, statsZhCN.stats] : [employmentEn.employment, statsEn.stats];
  return [...HELP.map((k) => employment.counts.help[k]), stats.employment.levels[level]];
}

/**
 * Adds the sheet: a title and source line, then three tables one below the other (label in
 * column A, the three counts in B–D, a place's code in E), then the notes (zh-CN, then English).
 */
export function addEmploymentSheet(book: ExcelJS.Workbook, counts: EmploymentCountsView, source: string): ExcelJS.Worksheet {
  const texts = statsZhCN.stats;
  const sheetTexts = texts.employment.sheet;
  const names = employmentZhCN.employment.counts;
  const level = stationLevel(counts.placeCode) ?? 'village';
  const ws = book.addWorksheet(sheetTexts.name);
  const place = counts.placeNames[counts.placeCode] ?? counts.placeCode;
  ws.addRow([sheetTexts.title.replace('{{place}}', place).replace('{{from}}', counts.from).replace('{{to}}', counts.to)]).font = { bold: true, size: 14 };
  ws.addRow([source]);
  const table = (title: string, first: string, rows: { label: string; counts: EmploymentCounts; code?: string }[], total: EmploymentCounts | null, withCode = false) => {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
    const header = ws.addRow([first, ...MEASURES.map((m) => names[m]), ...(withCode ? [texts.columns.placeCode] : [])]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const r of rows) ws.addRow([r.label, ...MEASURES.map((m) => r.counts[m]), ...(withCode ? [r.code ?? ''] : [])]);
    if (total) ws.addRow([texts.columns.totalRow, ...MEASURES.map((m) => total[m])]).font = { bold: true };
  };
  const byMonth = new Map(counts.byMonth.map((m) => [m.month, m.counts]));
  table(sheetTexts.byMonth, names.month, monthRange(counts.from, counts.to).map((month) => ({ label: month, counts: byMonth.get(month) ?? ZERO })), counts.total);
  table(sheetTexts.byPlace, names.place, counts.byPlace.map((p) => ({ label: counts.placeNames[p.place] ?? p.place, counts: p.counts, code: p.place })), counts.total, true);
  // A person in several groups counts in each: no total row.
  table(sheetTexts.byGroup, names.group, counts.byGroup.map((g) => ({ label: g.group === 'none' ? texts.groupNone : zhCN.enums.targetGroup[g.group], counts: g.counts })), null);
  for (const [title, language] of [[sheetTexts.notes, 'zh-CN'], [sheetTexts.notesEn, 'en']] as const) {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
    for (const line of definitionLines(level, language)) {
      const row = ws.addRow([line]);
      ws.mergeCells(row.number, 1, row.number, 5);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = language === 'zh-CN' ? 48 : 60;
    }
  }
  ws.getColumn(1).width = 26;
  for (const c of [2, 3, 4]) ws.getColumn(c).width = 16;
  ws.getColumn(5).width = 16;
  return ws;
}
