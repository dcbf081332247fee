// Reading a roster workbook: refusing what is not an .xlsx before unpacking it, finding the
// header row, and turning cells into text (formulas give their cached result).
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { excel } from '../store/lazyModules';
import { LeyeError } from '../../../shared/rpc/errors';
import { SHEET_MAX_BYTES, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS } from '../../../shared/sheets/contract';

export type CellRead = (
  | { kind: 'text'; text: string }
  /** A number as stored: ID numbers must not be numbers (Excel keeps 15 significant digits). */
  | { kind: 'number'; text: string; value: number }
  | { kind: 'date'; text: string }
) & { /** The formula whose saved result this is ("COUNTA(B3:B20)"). */ formula?: string }
  | { kind: 'problem'; messageKey: string; params: Record<string, string> };

export interface RosterRow {
  /** The row number Excel shows. */
  row: number;
  cells: CellRead[];
}

export interface Roster {
  fileHash: string;
  sheetName: string;
  headerRow: number;
  headers: string[];
  rows: RosterRow[];
}

const EMPTY: CellRead = { kind: 'text', text: '' };

function refuse(messageKey: string, params?: Record<string, string | number>): never {
  throw new LeyeError({ code: 'VALIDATION', field: 'file', messageKey, ...(params ? { params } : {}), issues: [{ field: 'file', messageKey, ...(params ? { params } : {}) }] });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function isoDayOf(date: Date): string {
  // Excel dates carry no zone; exceljs gives them as UTC midnight.
  return date.toISOString().slice(0, 10);
}

/** One cell value as text; a formula counts by the result Excel saved with it. */
export function readCell(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { kind: 'text', text: value.trim() };
  if (typeof value === 'number') {
    const text = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
    return { kind: 'number', text, value };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', text: isoDayOf(value) };
  if (typeof value === 'object') {
    if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('').trim() };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      const formula = String((value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '');
      // A file saved by Excel or WPS carries each formula's last result; without one we would
      // have to evaluate Excel formulas ourselves, so the cell is refused instead.
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date) && !('error' in result))) {
        return { kind: 'problem', messageKey: 'errors.sheets.formulaNoResult', params: { formula: `=${formula}`.slice(0, 60) } };
      }
      const read = readCell(result as ExcelJS.CellValue);
      return read.kind === 'problem' ? read : { ...read, formula };
    }
    if ('error' in value) return { kind: 'problem', messageKey: 'errors.sheets.cellError', params: { value: String(value.error) } };
    if ('text' in value) return readCell((value as { text: ExcelJS.CellValue }).text);
  }
  return EMPTY;
}

export function fileBytes(content: string): Buffer {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length === 0) refuse('errors.sheets.empty');
  if (bytes.length > SHEET_MAX_BYTES) refuse('errors.sheets.tooLarge', { maxMb: SHEET_MAX_BYTES / 1024 / 1024 });
  return bytes;
}

export function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Scores a row as a header: how many of its cells name a field. */
type HeaderScore = (texts: string[]) => number;

/**
 * Reads the first worksheet. The header is the first row among the first ten that names at least
 * two fields (a merged title row above it is fine); otherwise the first non-empty row.
 */
export async function readRoster(content: string, scoreHeader: HeaderScore): Promise<Roster> {
  const bytes = fileBytes(content);
  // Old binary Excel (OLE compound file) and anything that is not a zip are refused unopened.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) refuse('errors.sheets.oldXls');
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) refuse('errors.sheets.notXlsx');
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('errors.sheets.notXlsx');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) refuse(workbook.worksheets.length ? 'errors.sheets.noRows' : 'errors.sheets.notXlsx');
  if (sheet.columnCount > SHEET_MAX_COLUMNS) refuse('errors.sheets.tooManyColumns', { max: SHEET_MAX_COLUMNS });
  // Title rows and the header are few; refuse a huge file before reading every cell of it.
  if (sheet.actualRowCount > SHEET_MAX_ROWS + 10) refuse('errors.sheets.tooManyRows', { max: SHEET_MAX_ROWS, rows: sheet.actualRowCount - 1 });

  const width = sheet.columnCount;
  const rowTexts = (n: number): string[] => {
    const row = sheet.getRow(n);
    return Array.from({ length: width }, (_, i) => {
      const read = readCell(row.getCell(i + 1).value);
      return read.kind === 'problem' ? '' : read.text;
    });
  };
  let headerRow = 0;
  let firstNonEmpty = 0;
  for (let n = 1; n <= Math.min(10, sheet.rowCount); n++) {
    const texts = rowTexts(n);
    if (!firstNonEmpty && texts.some((t) => t !== '')) firstNonEmpty = n;
    if (scoreHeader(texts) >= 2) {
      headerRow = n;
      break;
    }
  }
  headerRow ||= firstNonEmpty;
  if (!headerRow) refuse('errors.sheets.noRows');

  // A header cell merged across columns leaves the columns under it without their own name.
  const header = sheet.getRow(headerRow);
  const spans = new Map<string, number[]>();
  for (let c = 1; c <= width; c++) {
    const cell = header.getCell(c);
    if (!cell.isMerged) continue;
    const master = cell.master.address;
    spans.set(master, [...(spans.get(master) ?? []), c]);
  }
  const merged = [...spans.values()].filter((cols) => cols.length > 1);
  if (merged.length) {
    const cells = merged.map((cols) => `${columnLetter(cols[0]! - 1)}${headerRow}:${columnLetter(cols[cols.length - 1]! - 1)}${headerRow}`).join('、');
    refuse('errors.sheets.mergedHeader', { cells });
  }
  const headers = rowTexts(headerRow);
  while (headers.length && headers[headers.length - 1] === '') headers.pop();

  const rows: RosterRow[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (!row.hasValues) continue;
    const cells = headers.map((_, i) => readCell(row.getCell(i + 1).value));
    if (cells.every((c) => c.kind !== 'problem' && c.text === '')) continue;
    rows.push({ row: n, cells });
  }
  if (!rows.length) refuse('errors.sheets.noDataRows');
  if (rows.length > SHEET_MAX_ROWS) refuse('errors.sheets.tooManyRows', { max: SHEET_MAX_ROWS, rows: rows.length });
  return { fileHash: hashOf(bytes), sheetName: sheet.name, headerRow, headers, rows };
}
