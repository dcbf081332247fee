// Spreadsheets: resident roster import (.xlsx) and the ledgers clerks export.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

import { z } from 'zod';
import { month, type FileView } from '../common/fields';
import { postId } from '../posts/schema';
import { sessionId } from '../training/schema';
import { monthsBetween } from '../stats/contract';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';

/** A roster larger than this is refused before it is unpacked (a 10,000-row roster is ~1 MB). */
export const SHEET_MAX_BYTES = 10 * 1024 * 1024;
/** Data rows one import validates and stores at once. */
export const SHEET_MAX_ROWS = 20_000;
/** Columns of a roster the mapping step offers. */
export const SHEET_MAX_COLUMNS = 100;

/** The registration fields a roster column can fill (`sex` and `birthDate` are checked against the ID number). */
export const IMPORT_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'householdType',
  'address',
  'education',
  'skills',
  'employmentCertificateNo',
  'targetGroups',
  'careCategories',
  'kind',
  'date',
  'unemploymentType',
  'unemployedSince',
  'jobIntention',
  'trainingIntention',
  'serviceNeeds',
  'hardshipCategories',
  'reason',
  'sex',
  'birthDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Without a column for these, no row can be registered. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'idNumber', 'phone', 'householdType', 'address', 'education'];

/**
 * Fields a clerk may give ONE value for every row when the file has no column for them (a roster
 * without 户籍性质 or 现居住址). Not who a person is (name, ID number, sex, birth date).
 */
export const CONSTANT_FIELDS = [
  'phone',
  'householdType',
  'address',
  'education',
  'skills',
  'kind',
  'date',
  'unemploymentType',
  'unemployedSince',
  'jobIntention',
  'trainingIntention',
  'serviceNeeds',
] as const satisfies readonly ImportField[];
export type ConstantField = (typeof CONSTANT_FIELDS)[number];
/** field → the value every row gets (an enum field's code or label, a text, a date): read like a cell. */
export type ImportConstants = Partial<Record<ConstantField, string>>;

/** base64 length of SHEET_MAX_BYTES bytes. */
const MAX_BASE64 = Math.ceil(SHEET_MAX_BYTES / 3) * 4;

export const sheetFile = z.strictObject({
  fileName: z.string().trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  /** base64 of the file's bytes. */
  content: z
    .string({ error: 'errors.required' })
    .min(1, { error: 'errors.sheets.empty' })
    .max(MAX_BASE64, { error: 'errors.sheets.tooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.sheets.notXlsx' }),
});

/** columns[i]: the field the file's i-th column fills, or null to ignore it. */
const columnMapping = z
  .array(z.enum(IMPORT_FIELDS, { error: 'errors.option' }).nullable(), { error: 'errors.required' })
  .max(SHEET_MAX_COLUMNS, { error: 'errors.tooMany' })
  .superRefine((columns, ctx) => {
    const seen = new Set<string>();
    columns.forEach((field, i) => {
      if (field === null) return;
      if (seen.has(field)) ctx.addIssue({ code: 'custom', path: [i], message: 'errors.sheets.mappedTwice' });
      seen.add(field);
    });
  });

/** One value for all rows, per field without a column; checked by the registration schema like a cell. */
const constants = z
  .partialRecord(
    z.enum(CONSTANT_FIELDS, { error: 'errors.option' }),
    z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  )
  .default({});

const locale = z.enum(['zh-CN', 'en'], { error: 'errors.option' }).default('zh-CN');

export const sheetPreviewSchema = z.strictObject({
  file: sheetFile,
  /** Omitted: the core suggests one from the headers. */
  columns: columnMapping.optional(),
  constants,
});

export const sheetImportSchema = z.strictObject({
  file: sheetFile,
  columns: columnMapping,
  constants,
  /** The preview the clerk confirmed: the file's hash and its valid rows; a changed answer is refused. */
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'errors.id' }),
  expectedValid: z.number().int().min(0).max(SHEET_MAX_ROWS),
  /** The clerk's choice when some rows have errors: store the valid rows (true) or nothing. */
  skipInvalid: z.boolean().default(false),
});

export const sheetErrorSheetSchema = z.strictObject({ file: sheetFile, columns: columnMapping, constants, locale });

const full = z.boolean().default(false);

export const LEDGER_STATUSES = ['all', 'active', 'closed'] as const;

/** The 援助台账's period: months `from` … `to`, at most 12 (full ID numbers only for a role that may reveal them). */
export const ASSISTANCE_MAX_MONTHS = 12;
export const assistanceLedgerSchema = z
  .strictObject({ from: month.optional(), to: month.optional(), full, locale })
  .superRefine((v, ctx) => {
    if (!v.from || !v.to) return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.sheets.toBeforeFrom' });
    else if (monthsBetween(v.from, v.to) > ASSISTANCE_MAX_MONTHS) ctx.addIssue({ code: 'custom', path: ['from'], message: 'errors.sheets.periodTooLong', params: { max: ASSISTANCE_MAX_MONTHS } });
  });

export interface SheetColumnView {
  index: number;
  /** Spreadsheet column letter (A, B, … AA). */
  letter: string;
  header: string;
}

export interface ImportIssue {
  /** The column at fault (letter and header), or null when the field has no column. */
  column: { letter: string; header: string } | null;
  field: ImportField | '';
  /** The value came from the clerk's one value for all rows, not from a cell. */
  constant?: true;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** A row of the file left out on purpose (a 合计/总计 row, or one with SUM/COUNTA formulas). */
export interface SkippedRow {
  row: number;
  reason: 'total';
}

/** A row's warnings: it is still handled, the clerk should look (a known ID number under another name). */
export interface RowWarnings {
  row: number;
  name: string;
  warnings: ImportIssue[];
}

export type ImportRowStatus = 'valid' | 'invalid' | 'duplicate' | 'existing';

export interface ImportRowView {
  /** The row number in the spreadsheet (1-based, as Excel shows it). */
  row: number;
  name: string;
  idNumberMasked: string;
  status: ImportRowStatus;
  issues: ImportIssue[];
  /** existing: the resident already registered; duplicate: the earlier row with the same ID number. */
  existing?: { residentId: string; name: string };
  duplicateOfRow?: number;
  /** Not errors: the row is handled as its status says (e.g. the registered name differs). */
  warnings?: ImportIssue[];
}

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicate: number;
  existing: number;
}

export interface ImportPreview {
  fileName: string;
  fileHash: string;
  sheetName: string;
  headerRow: number;
  columns: SheetColumnView[];
  mapping: (ImportField | null)[];
  /** The one values for all rows the check used (fields without a column). */
  constants: ImportConstants;
  /** Required fields neither a column nor a value for all rows fills: every row fails until they are. */
  missing: ImportField[];
  /** Rows left out (total rows); not counted in `counts`. */
  skipped: SkippedRow[];
  rows: ImportRowView[];
  counts: ImportCounts;
}

export interface ImportResult extends ImportCounts {
  /** Residents stored by this import (0 when nothing was stored). */
  imported: number;
  residentIds: string[];
  skipped: SkippedRow[];
  /** Rows with warnings (e.g. registered under another name). */
  warnings: RowWarnings[];
}

/** An .xlsx and its number of data rows. */
export interface SheetFileView extends FileView {
  rows: number;
}

export const sheetHandlers = {
  /** Reads a roster and validates every row like the registration form; stores nothing. */
  'sheets.preview': handler<ImportPreview>()(sheetPreviewSchema, WRITERS),
  /** Stores the valid rows of a previewed roster in one write, or nothing. */
  'sheets.import': handler<ImportResult>()(sheetImportSchema, WRITERS),
  /** The rows with errors and duplicates, with their reasons, as an .xlsx. */
  'sheets.errorSheet': handler<SheetFileView>()(sheetErrorSheetSchema, WRITERS),
  /** 实名制登记台账; full ID numbers and phones only for a role that may reveal them. */
  'sheets.exportLedger': handler<SheetFileView>()(
    z.strictObject({ full, status: z.enum(LEDGER_STATUSES, { error: 'errors.option' }).default('all') }),
    ALL_ROLES,
  ),
  /** One post's month: holders × days, days, hours, pay due. */
  'sheets.exportAttendance': handler<SheetFileView>()(z.strictObject({ postId, month, full }), ALL_ROLES),
  /** One training session: trainees × half-days, rate, eligibility. */
  'sheets.exportTraining': handler<SheetFileView>()(z.strictObject({ sessionId, full }), ALL_ROLES),
  /** 援助台账 for a period of months (default: January to the current month): a summary per person, a row per service. */
  'sheets.exportAssistance': handler<SheetFileView>()(assistanceLedgerSchema, ALL_ROLES),
  /** 就业失业动态台账 for a month (default: the current one), with its totals. */
  'sheets.exportDynamics': handler<SheetFileView>()(z.strictObject({ month: month.optional(), full, locale }), ALL_ROLES),
} as const;
