// Spreadsheets: the resident roster import and the ledgers clerks export (.xlsx).
//
// The core keeps no import session: preview and import each take the file the renderer sends and
// validate every row through the registration's own schema and the core's own checks
// (ctx.buildResident); the last parse and row validation are only a cache, by file hash and
// mapping, so the confirm after a preview does not redo them. The import refuses a confirm whose
// file or count of valid rows differs from what the clerk saw. The
// import then writes all valid rows in ONE bulkDocs, which PouchDB's LevelDB adapter turns into
// one synced LevelDB batch: after a crash either every row of the import is on disk or none is.
// Residents have deterministic ids (keyed hash of the ID number), so a second import of the same
// file finds every row already registered and stores nothing.
import { checkIdNumber } from '../../../shared/id/idNumber';
import { maskIdNumber } from '../../../shared/id/mask';
import { LeyeError } from '../../../shared/rpc/errors';
import { handlers, type Role, type SessionUser } from '../../../shared/rpc/handlers';
import { monthsBetween } from '../../../shared/stats/contract';
import {
  ASSISTANCE_MAX_MONTHS,
  REQUIRED_IMPORT_FIELDS,
  type ImportConstants,
  type ImportCounts,
  type ImportField,
  type ImportPreview,
  type ImportRowView,
  type RowWarnings,
  type SheetFileView,
  type SkippedRow,
} from '../../../shared/sheets/contract';
import { residentRegisterSchema } from '../../../shared/residents/schema';
import type { ResidentDoc } from '../store/docs';
import { createApp } from '../app';
import type { ModuleDeps } from '../modules';
import { assistanceLedger, type FollowUpDeps } from './assistance';
import { dynamicsLedger } from './dynamics';
import { attendanceSheet, withLegend, ledgerRow, LEDGER_COLUMNS, ledgerTitle, trainingSheet, writeXlsx, type Cell } from './ledgers';
import { RowReader, scoreHeader, suggestMapping } from './roster';
import { sameName } from './rosterCells';
import { issueText, text } from './texts';
import { columnLetter, fileBytes, hashOf, readRoster, type Roster } from './workbook';
import { fieldError, validationError } from '../validation';

interface Checked {
  roster: Roster;
  mapping: (ImportField | null)[];
  constants: ImportConstants;
  missing: ImportField[];
  skipped: SkippedRow[];
  rows: ImportRowView[];
  /** The documents of the valid rows, in file order. */
  docs: ResidentDoc[];
  counts: ImportCounts;
}

/** Who may have full ID numbers and phones: whoever may reveal one today. */
export function mayRevealFull(role: Role): boolean {
  const access = handlers['residents.reveal'].access;
  return access === 'public' || access.includes(role);
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80);
}

/** The current month, or the one asked for; the 援助台账's period defaults to January … this month. */
function period(today: string, from: string | undefined, to: string | undefined): { from: string; to: string } {
  const last = to ?? (from && from > today.slice(0, 7) ? from : today.slice(0, 7));
  const first = from ?? `${last.slice(0, 4)}-01`;
  if (last < first) throw new LeyeError(fieldError('to', 'errors.sheets.toBeforeFrom'));
  if (monthsBetween(first, last) > ASSISTANCE_MAX_MONTHS) throw new LeyeError(fieldError('from', 'errors.sheets.periodTooLong', { max: ASSISTANCE_MAX_MONTHS }));
  return { from: first, to: last };
}

export function sheetsApp(deps: ModuleDeps & Omit<FollowUpDeps, 'ctx'>) {
  /** The last roster read, by file hash: the confirm after a preview reuses it. */
  let lastRoster: Roster | null = null;

  async function roster(content: string): Promise<Roster> {
    const hash = hashOf(fileBytes(content));
    if (lastRoster?.fileHash === hash) return lastRoster;
    lastRoster = await readRoster(content, scoreHeader);
    return lastRoster;
  }

  /**
   * The last row validation, by file, mapping, day and user: the confirm right after a preview
   * reuses it (10,000 rows take seconds to validate); who is already registered is always
   * looked up afresh.
   */
  let lastValidation: {
    key: string;
    at: number;
    rows: ImportRowView[];
    docOf: Map<number, ResidentDoc>;
    idOf: Map<number, string>;
    skipped: SkippedRow[];
  } | null = null;
  const VALIDATION_TTL_MS = 10 * 60_000;

  function validateRows(sheet: Roster, reader: RowReader, user: SessionUser) {
    const { ctx } = deps;
    const rows: ImportRowView[] = [];
    const docOf = new Map<number, ResidentDoc>();
    const idOf = new Map<number, string>();
    const skipped: SkippedRow[] = [];
    for (const r of sheet.rows) {
      // A 合计 row is not a person: left out, and said so.
      if (reader.isTotal(r.cells)) {
        skipped.push({ row: r.row, reason: 'total' });
        continue;
      }
      const at = rows.length;
      const read = reader.read(r.cells);
      const issues = [...read.issues];
      const parsed = residentRegisterSchema.safeParse(read.input);
      if (!parsed.success) {
        for (const issue of validationError(parsed.error).issues ?? []) {
          const mapped = reader.fromFieldIssue(issue, read.input);
          if (mapped.field && read.faulty.has(mapped.field)) continue;
          issues.push(mapped);
        }
      } else {
        try {
          const doc = ctx.buildResident(parsed.data, user);
          if (read.check.sex && read.check.sex !== doc.sex) issues.push(reader.issue('sex', 'errors.sheets.sexMismatch', { value: read.check.sexText ?? '' }));
          if (read.check.birthDate && read.check.birthDate !== doc.birthDate) {
            issues.push(reader.issue('birthDate', 'errors.sheets.birthDateMismatch', { value: read.check.birthDate, birthDate: doc.birthDate }));
          }
          if (!issues.length) docOf.set(at, doc);
        } catch (error) {
          if (!(error instanceof LeyeError)) throw error;
          for (const issue of error.rpc.issues ?? [{ field: error.rpc.field ?? '', messageKey: error.rpc.messageKey, ...(error.rpc.params ? { params: error.rpc.params } : {}) }]) {
            issues.push(reader.fromFieldIssue(issue));
          }
        }
      }
      const id = checkIdNumber(read.idText);
      if (id.ok) idOf.set(at, ctx.residentIdFor(id.idNumber));
      rows.push({
        row: r.row,
        name: read.name.slice(0, 30),
        idNumberMasked: read.idShown ?? (read.idText ? maskIdNumber(id.ok ? id.idNumber : read.idText.slice(0, 18)) : ''),
        status: issues.length ? 'invalid' : 'valid',
        issues,
      });
    }
    return { rows, docOf, idOf, skipped };
  }

  async function check(content: string, columns: (ImportField | null)[] | undefined, given: ImportConstants, user: SessionUser): Promise<Checked> {
    const { ctx } = deps;
    const sheet = await roster(content);
    const suggested = columns ? null : suggestMapping(sheet.headers);
    const mapping = sheet.headers.map((_, i) => (columns ? columns[i] : suggested![i]) ?? null);
    // One value for all rows stands in for a missing column only: never beside a column for it.
    const constants: ImportConstants = {};
    for (const [field, value] of Object.entries(given) as [keyof ImportConstants, string | undefined][]) {
      if (value === undefined) continue;
      if (mapping.includes(field)) throw new LeyeError(fieldError(`constants.${field}`, 'errors.sheets.constantForColumn'));
      constants[field] = value;
    }
    const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping.includes(f) && !(f in constants));
    const reader = new RowReader(sheet.headers, mapping, ctx.today(), constants);
    const key = `${sheet.fileHash}|${JSON.stringify(mapping)}|${JSON.stringify(constants)}|${ctx.today()}|${user.loginName}`;
    if (!lastValidation || lastValidation.key !== key || Date.now() - lastValidation.at > VALIDATION_TTL_MS) {
      lastValidation = { key, at: Date.now(), ...validateRows(sheet, reader, user) };
    }
    const { docOf, idOf, skipped } = lastValidation;
    const rows = lastValidation.rows.map((row) => ({ ...row }));
    // The same person twice in one file: the first row counts, later ones are reported.
    const firstRow = new Map<string, number>();
    for (const [at, id] of idOf) {
      const first = firstRow.get(id);
      if (first === undefined) firstRow.set(id, at);
      else Object.assign(rows[at]!, { status: 'duplicate', duplicateOfRow: rows[first]!.row });
    }
    // Already registered here (an earlier import of this file, or the form): reported, not stored twice.
    // The search index knows every stored resident (a write updates it before answering; one
    // arriving by sync this very moment meets the bulk write as a conflict, reported the same).
    for (const [id, at] of firstRow) {
      const known = ctx.residents.summary(id);
      if (!known) continue;
      const row = rows[at]!;
      // Same ID number, another name: handled as already registered, but the clerk should look.
      const warnings = sameName(row.name, known.name) ? [] : [reader.issue('name', 'sheets.nameDiffers', { name: row.name, registered: known.name })];
      Object.assign(row, { status: 'existing', issues: [], existing: { residentId: id, name: known.name }, ...(warnings.length ? { warnings } : {}) });
    }

    const docs: ResidentDoc[] = [];
    rows.forEach((row, at) => {
      if (row.status === 'valid') docs.push(docOf.get(at)!);
    });
    const counts: ImportCounts = { rows: rows.length, valid: 0, invalid: 0, duplicate: 0, existing: 0 };
    for (const row of rows) counts[row.status] += 1;
    return { roster: sheet, mapping, constants, missing, skipped, rows, docs, counts };
  }

  async function file(fileName: string, bytes: Buffer, rows: number): Promise<SheetFileView> {
    return { fileName: `${safeName(fileName)}.xlsx`, content: bytes.toString('base64'), rows };
  }

  function requireFull(full: boolean, user: SessionUser): void {
    if (full && !mayRevealFull(user.role)) throw new LeyeError({ code: 'FORBIDDEN', field: 'full', messageKey: 'errors.forbidden' });
  }

  /** The ID number a post or session sheet shows for a resident: masked unless full was asked (and allowed). */
  async function idNumbers(ids: string[], full: boolean): Promise<Map<string, string>> {
    const { ctx } = deps;
    const out = new Map<string, string>();
    for (const id of ids) {
      const doc = await ctx.residentDoc(id);
      out.set(id, doc ? (full ? doc.idNumber : maskIdNumber(doc.idNumber)) : '');
    }
    return out;
  }

  return createApp(
    'sheets',
    {
      'sheets.preview': async (args, session) => {
        const checked = await check(args.file.content, args.columns, args.constants, session.user!);
        const { roster: sheet } = checked;
        return {
          fileName: args.file.fileName,
          fileHash: sheet.fileHash,
          sheetName: sheet.sheetName,
          headerRow: sheet.headerRow,
          columns: sheet.headers.map((header, index) => ({ index, letter: columnLetter(index), header })),
          mapping: checked.mapping,
          constants: checked.constants,
          missing: checked.missing,
          skipped: checked.skipped,
          rows: checked.rows,
          counts: checked.counts,
        } satisfies ImportPreview;
      },

      'sheets.import': async (args, session) => {
        const { ctx } = deps;
        const user = session.user!;
        const checked = await check(args.file.content, args.columns, args.constants, user);
        const { counts } = checked;
        // What the clerk confirmed must be what would be stored now.
        if (checked.roster.fileHash !== args.fileHash || counts.valid !== args.expectedValid) {
          throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.sheets.previewStale' });
        }
        if (checked.missing.length) {
          throw new LeyeError(fieldError('columns', 'errors.sheets.missingColumns', { fields: checked.missing.map((f) => text('zh-CN', `sheets.field.${f}`)).join('、') }));
        }
        const problems = counts.invalid + counts.duplicate;
        if (problems && !args.skipInvalid) throw new LeyeError(fieldError('skipInvalid', 'errors.sheets.invalidRows', { count: problems }));
        if (!counts.valid && !counts.existing) throw new LeyeError(fieldError('file', 'errors.sheets.nothingValid'));
        // Stamped now (a validation kept from the preview was stamped then).
        const docs = checked.docs.map((doc) => ({ ...doc, ...ctx.stamp(user, doc.placeCode) }));
        const result = docs.length ? await ctx.storeNewResidents(docs) : { stored: [], conflicts: [] };
        // Someone registered a person between the check and the write: already registered, not twice.
        const existing = counts.existing + result.conflicts.length;
        await ctx.audit(user, 'import', 'residents', 'roster', `imported ${result.stored.length}, existing ${existing}, skipped ${problems}`);
        const warnings: RowWarnings[] = checked.rows.filter((r) => r.warnings?.length).map((r) => ({ row: r.row, name: r.name, warnings: r.warnings! }));
        return { ...counts, valid: result.stored.length, existing, imported: result.stored.length, residentIds: result.stored, skipped: checked.skipped, warnings };
      },

      'sheets.errorSheet': async (args, session) => {
        const { ctx } = deps;
        const user = session.user!;
        const checked = await check(args.file.content, args.columns, args.constants, user);
        const locale = args.locale;
        const cells = new Map(checked.roster.rows.map((r) => [r.row, r.cells]));
        const out: Cell[][] = [];
        for (const row of checked.rows) {
          if (row.status !== 'invalid' && row.status !== 'duplicate') continue;
          const reasons = row.status === 'duplicate' ? [text(locale, 'sheets.duplicateOf', { row: row.duplicateOfRow ?? '' })] : row.issues.map((i) => issueText(locale, i));
          // Each cell as the file had it: a number stays a number (an ID Excel stored as one is
          // never written out in digits it does not have), the reason beside it says what to do.
          out.push([row.row, reasons.join('\n'), ...(cells.get(row.row) ?? []).map((c) => (c.kind === 'problem' ? '' : c.kind === 'number' ? c.value : c.text))]);
        }
        const bytes = await writeXlsx(
          {
            name: text(locale, 'sheets.errorSheet.title'),
            columns: [
              { header: text(locale, 'sheets.errorSheet.row'), width: 8 },
              { header: text(locale, 'sheets.errorSheet.reasons'), width: 50 },
              ...checked.roster.headers.map((h) => ({ header: h, width: Math.max(8, Math.min(24, h.length * 2 + 4)) })),
            ],
          },
          out,
        );
        // The rows carry the file's own full ID numbers: leaving the app, they are logged like an export.
        await ctx.audit(user, 'export', 'residents', `errorSheet ${out.length}`, 'full');
        return file(`${text(locale, 'sheets.errorSheet.title')}-${args.file.fileName.replace(/\.xlsx$/i, '')}`, bytes, out.length);
      },

      'sheets.exportLedger': async (args, session) => {
        const { ctx } = deps;
        const user = session.user!;
        requireFull(args.full, user);
        const today = ctx.today();
        const rows: { key: string; cells: Cell[] }[] = [];
        // From the in-memory index, never 100,000 documents read from disk.
        await ctx.residentsIndexed();
        ctx.residents.eachLedgerEntry((entry) => {
          if ((args.status === 'active' && !entry.active) || (args.status === 'closed' && entry.active)) return;
          rows.push({ key: `${entry.place}|${entry.registeredOn}|${entry.name}|${entry.id}`, cells: ledgerRow(entry, today, args.full) });
        });
        // By village, then registration date: the order the paper ledger kept.
        rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const station = ctx.station();
        const bytes = await writeXlsx(
          { name: '实名制登记台账', columns: LEDGER_COLUMNS, title: ledgerTitle(station.name, today, args.full) },
          (function* () {
            for (let i = 0; i < rows.length; i++) yield [i + 1, ...rows[i]!.cells];
          })(),
        );
        const mode = args.full ? 'full' : 'masked';
        await ctx.audit(user, 'export', 'residents', `ledger ${args.status} ${rows.length}`, mode);
        return file(`实名制登记台账-${station.name}-${today}`, bytes, rows.length);
      },

      'sheets.exportAttendance': async (args, session) => {
        const { ctx, posts } = deps;
        const user = session.user!;
        requireFull(args.full, user);
        for (const cache of [posts.posts, posts.assignments, posts.closes]) await cache.ensure(ctx.db);
        const grid = await posts.month(args.postId, args.month);
        const summary = await posts.summary(args.postId, args.month);
        const ids = await idNumbers(grid.holders.map((h) => h.residentId), args.full);
        const { spec, rows } = attendanceSheet(grid, summary, (id) => ids.get(id) ?? '');
        const bytes = await writeXlsx(spec, withLegend(rows));
        await ctx.audit(user, 'export', args.postId, `attendance ${args.month} ${rows.length}`, args.full ? 'full' : 'masked');
        return file(`公益性岗位考勤表-${grid.post.name}-${args.month}`, bytes, rows.length);
      },

      'sheets.exportTraining': async (args, session) => {
        const { ctx, training } = deps;
        const user = session.user!;
        requireFull(args.full, user);
        for (const cache of [training.sessions, training.enrolments]) await cache.ensure(ctx.db);
        const found = training.get(args.sessionId);
        if (!found) throw new LeyeError({ code: 'NOT_FOUND', field: 'sessionId', messageKey: 'errors.notFound' });
        const slots = [];
        for (const slot of found.session.timetable) {
          slots.push({ date: slot.date, half: slot.half, records: await training.signIns(args.sessionId, slot.date, slot.half) });
        }
        const attendance = await training.attendance(args.sessionId);
        const ids = await idNumbers(found.trainees.map((t) => t.residentId), args.full);
        const { spec, rows } = trainingSheet(found.session, found.trainees, slots, attendance, (id) => ids.get(id) ?? '', ctx.localTime, ctx.today());
        const bytes = await writeXlsx(spec, rows);
        await ctx.audit(user, 'export', args.sessionId, `training ${rows.length}`, args.full ? 'full' : 'masked');
        return file(`培训考勤表-${found.session.course.occupation}-${found.session.startDate}`, bytes, rows.length);
      },

      'sheets.exportAssistance': async (args, session) => {
        const { ctx } = deps;
        const user = session.user!;
        requireFull(args.full, user);
        const { from, to } = period(ctx.today(), args.from, args.to);
        const ledger = await assistanceLedger(deps, { from, to, full: args.full, locale: args.locale });
        await ctx.audit(user, 'export', 'residents', `assistance ${from}..${to} ${ledger.rows}`, args.full ? 'full' : 'masked');
        const name = text(args.locale, 'sheets.assistance.fileName');
        return file(`${name}-${ctx.station().name}-${from === to ? from : `${from}-${to}`}`, ledger.bytes, ledger.rows);
      },

      'sheets.exportDynamics': async (args, session) => {
        const { ctx } = deps;
        const user = session.user!;
        requireFull(args.full, user);
        const month = args.month ?? ctx.today().slice(0, 7);
        const ledger = await dynamicsLedger(deps, { month, full: args.full, locale: args.locale });
        await ctx.audit(user, 'export', 'residents', `dynamics ${month} ${ledger.rows}`, args.full ? 'full' : 'masked');
        return file(`${text(args.locale, 'sheets.dynamics.fileName')}-${ctx.station().name}-${month}`, ledger.bytes, ledger.rows);
      },
    },
    // The two exports that read posts or training load those caches themselves.
    {},
  );
}
