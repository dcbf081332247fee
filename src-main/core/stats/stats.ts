// Statistics: registrations, posts and training by month, target group and village.
//
// Where the numbers come from:
// - a village or township station counts its own database: residents from the in-memory search
//   index (never 100,000 documents read per opening), the few other record types from a tally
//   kept in memory and brought up to date from the changes feed since its last update_seq;
// - a township adds the read-only relay copies of its villages, each with its own tally;
// - a county station asks the county server's `_design/stats` views over the aggregate database
//   (never a local copy: offline means no numbers, not old ones).
// Both paths produce the same facts (`Facts`), and one function turns facts into the dashboard,
// so a village's numbers at the village and at the county are computed the same way.
import ExcelJS from 'exceljs';
import { statsZhCN } from '../../../shared/stats/texts';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { placeName } from '../../../shared/places';
import { REGISTRATION_KINDS, TARGET_GROUPS, type RegistrationKind } from '../../../shared/residents/schema';
import {
  type PostCounts,
  type RegistrationCounts,
  type StatsDashboard,
  type StatsGroup,
  type StatsRow,
  type TrainingCounts,
} from '../../../shared/stats/contract';
import { ID_PREFIX, type AssignmentDoc, type AttendanceDoc, type EnrolmentDoc, type ResidentDoc, type SignInDoc, type TrainingDoc } from '../store/docs';
import { getOrNull, prefixRange, type StationDb } from '../store/db';

export const GROUPS: readonly StatsGroup[] = [...TARGET_GROUPS, 'none'];
/**
 * The station's own tally, kept in its database between starts (a `_local` document: never
 * replicated, not in the changes feed, not in backups, since its sequence is this database's).
 * Reading every post, attendance and training record again took 20–30 s at a station with a year
 * of daily marks.
 */
export const SAVED_TALLY = '_local/stats-tally';
// Bump when what Tally.apply keeps changes: an older saved tally is then read again from the records.
const TALLY_FORMAT = 1;
/** The saved tally is replaced once this many changes came in since it was saved. */
const SAVE_AFTER = 2_000;
/** Changes replayed per read; beyond REBUILD_AFTER changes a tally is re-read by type instead. */
const CHANGES_BATCH = 2000;
const REBUILD_AFTER = 20_000;
const READ_PAGE = 5000;
/** An assignment counts in at most this many months (the views stop at the same bound). */
const MAX_ASSIGNMENT_MONTHS = 240;

// ── Facts: what both paths produce ──────────────────────────────────────────────────────────

interface SessionFact {
  id: string;
  place: string;
  month: string;
  trainees: number;
  eligible: number;
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

function nextMonth(month: string): string {
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

// ── Tally: one database's records, kept in memory ───────────────────────────────────────────

interface SessionEntry {
  place: string;
  startDate: string;
  slots: Map<string, number>;
}

type Entries<T> = [string, T][];
interface SavedTally {
  _id: typeof SAVED_TALLY;
  _rev?: string;
  format: number;
  seq: number;
  attendance: Entries<{ place: string; month: string; mark: string }>;
  assignments: Entries<{ place: string; residentId: string; from: string; to: string }>;
  sessions: Entries<{ place: string; startDate: string; slots: [string, number][] }>;
  enrolments: Entries<{ sessionId: string; residentId: string }>;
  signIns: Entries<{ sessionId: string; residentId: string; slot: string }>;
}

export class Tally {
  seq = -1;
  readonly residents = new Map<string, { place: string; date: string; kind: RegistrationKind; groups: readonly StatsGroup[] }>();
  readonly attendance = new Map<string, { place: string; month: string; mark: string }>();
  readonly assignments = new Map<string, { place: string; residentId: string; from: string; to: string }>();
  readonly sessions = new Map<string, SessionEntry>();
  readonly enrolments = new Map<string, { sessionId: string; residentId: string }>();
  readonly signIns = new Map<string, { sessionId: string; residentId: string; slot: string }>();
  private refreshing: Promise<void> | null = null;

  private savedSeq = -1;
  private savedRev: string | undefined;
  private saving = false;

  /**
   * @param withResidents false for the station's own database, whose residents the search index holds.
   * @param kept whether the tally is saved in that database between starts (the station's own).
   */
  constructor(
    private readonly withResidents: boolean,
    private readonly kept = false,
  ) {}

  private get prefixes(): string[] {
    const types = [ID_PREFIX.attendance, ID_PREFIX.assignment, ID_PREFIX.training, ID_PREFIX.enrolment, ID_PREFIX.signIn];
    return this.withResidents ? [ID_PREFIX.resident, ...types] : types;
  }

  private clear(): void {
    for (const map of [this.residents, this.attendance, this.assignments, this.sessions, this.enrolments, this.signIns]) map.clear();
  }

  private remove(id: string): void {
    for (const map of [this.residents, this.attendance, this.assignments, this.sessions, this.enrolments, this.signIns]) map.delete(id);
  }

  /** Takes in one document (a new revision replaces what the previous one counted). */
  apply(id: string, doc: Record<string, unknown> | undefined, deleted: boolean): void {
    this.remove(id);
    if (deleted || !doc) return;
    if (id.startsWith(ID_PREFIX.resident)) {
      if (!this.withResidents) return;
      const r = doc as unknown as ResidentDoc;
      if (!r.registration?.date) return;
      this.residents.set(id, { place: r.placeCode, date: r.registration.date, kind: r.registration.kind, groups: r.targetGroups?.length ? r.targetGroups : ['none'] });
    } else if (id.startsWith(ID_PREFIX.attendance)) {
      const a = doc as unknown as AttendanceDoc;
      if (a.date && a.mark) this.attendance.set(id, { place: a.placeCode, month: a.date.slice(0, 7), mark: a.mark });
    } else if (id.startsWith(ID_PREFIX.assignment)) {
      const a = doc as unknown as AssignmentDoc;
      if (a.startDate && a.endDate) this.assignments.set(id, { place: a.placeCode, residentId: a.residentId, from: a.startDate.slice(0, 7), to: a.endDate.slice(0, 7) });
    } else if (id.startsWith(ID_PREFIX.training)) {
      const t = doc as unknown as TrainingDoc;
      if (t.startDate) this.sessions.set(id, { place: t.placeCode, startDate: t.startDate, slots: new Map((t.timetable ?? []).map((s) => [`${s.date}:${s.half}`, s.classHours])) });
    } else if (id.startsWith(ID_PREFIX.enrolment)) {
      const e = doc as unknown as EnrolmentDoc;
      this.enrolments.set(id, { sessionId: e.sessionId, residentId: e.residentId });
    } else if (id.startsWith(ID_PREFIX.signIn)) {
      const s = doc as unknown as SignInDoc;
      if (s.in) this.signIns.set(id, { sessionId: s.sessionId, residentId: s.residentId, slot: `${s.date}:${s.half}` });
    }
  }

  /**
   * Brings the tally to the database's current update_seq: nothing to do when it is there, the
   * changes since otherwise, or a fresh read by type when too much changed (a seeded station).
   */
  refresh(db: StationDb): Promise<void> {
    this.refreshing ??= this.doRefresh(db).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(db: StationDb): Promise<void> {
    const seq = Number((await db.info()).update_seq);
    if (this.kept && this.seq < 0) await this.loadSaved(db, seq);
    await this.catchUp(db, seq);
    if (this.kept && this.seq - this.savedSeq >= Math.min(SAVE_AFTER, this.seq + 1)) this.save(db);
  }

  /** The tally saved at an earlier start, unless it is of a later sequence than this database has. */
  private async loadSaved(db: StationDb, current: number): Promise<void> {
    const saved = await getOrNull<SavedTally>(db, SAVED_TALLY);
    this.savedRev = saved?._rev;
    if (!saved || saved.format !== TALLY_FORMAT || !(saved.seq <= current)) return;
    for (const [id, a] of saved.attendance) this.attendance.set(id, a);
    for (const [id, a] of saved.assignments) this.assignments.set(id, a);
    for (const [id, t] of saved.sessions) this.sessions.set(id, { place: t.place, startDate: t.startDate, slots: new Map(t.slots) });
    for (const [id, e] of saved.enrolments) this.enrolments.set(id, e);
    for (const [id, e] of saved.signIns) this.signIns.set(id, e);
    this.seq = saved.seq;
    this.savedSeq = saved.seq;
  }

  /** Saves the tally as it is now (taken at once: later changes wait for the next save). */
  private save(db: StationDb): void {
    if (this.saving) return;
    this.saving = true;
    const doc: SavedTally = {
      _id: SAVED_TALLY,
      ...(this.savedRev ? { _rev: this.savedRev } : {}),
      format: TALLY_FORMAT,
      seq: this.seq,
      attendance: [...this.attendance],
      assignments: [...this.assignments],
      sessions: [...this.sessions].map(([id, t]) => [id, { place: t.place, startDate: t.startDate, slots: [...t.slots] }]),
      enrolments: [...this.enrolments],
      signIns: [...this.signIns],
    };
    void db
      .put(doc)
      .then((result) => {
        this.savedRev = result.rev;
        this.savedSeq = doc.seq;
      })
      // A cache: a failed save is tried again after the next changes.
      .catch(() => undefined)
      .finally(() => (this.saving = false));
  }

  private async catchUp(db: StationDb, seq: number): Promise<void> {
    if (seq === this.seq) return;
    if (this.seq < 0 || seq - this.seq > REBUILD_AFTER) {
      this.clear();
      // The sequence is taken before reading: whatever is written meanwhile is replayed next time
      // (applying a document twice changes nothing).
      for (const prefix of this.prefixes) {
        // In pages, so a year of daily marks is never all in memory at once.
        const range = prefixRange(prefix);
        let startkey = range.startkey;
        for (let first = true; ; first = false) {
          const page = await db.allDocs<Record<string, unknown>>({ include_docs: true, startkey, endkey: range.endkey, limit: READ_PAGE, skip: first ? 0 : 1 });
          for (const row of page.rows) this.apply(row.id, row.doc as Record<string, unknown> | undefined, false);
          if (page.rows.length < READ_PAGE) break;
          startkey = page.rows[page.rows.length - 1]!.id;
        }
      }
      this.seq = seq;
      return;
    }
    for (;;) {
      const changes = await db.changes<Record<string, unknown>>({ since: this.seq, include_docs: true, limit: CHANGES_BATCH });
      for (const change of changes.results) {
        if (!this.withResidents && change.id.startsWith(ID_PREFIX.resident)) continue;
        this.apply(change.id, change.doc as Record<string, unknown> | undefined, change.deleted === true);
      }
      this.seq = Number(changes.last_seq);
      if (changes.results.length < CHANGES_BATCH) break;
    }
  }

  /** Adds this database's facts in the month range; residents only when the tally holds them. */
  collect(facts: Facts, from: string, to: string, threshold: (startDate: string) => number): void {
    const inRange = (month: string) => month >= from && month <= to;
    for (const r of this.residents.values()) {
      const month = r.date.slice(0, 7);
      if (!inRange(month)) continue;
      add(facts.kinds, `${month}|${r.place}|${r.kind}`);
      for (const g of r.groups) add(facts.groups, `${month}|${r.place}|${g}`);
    }
    for (const a of this.attendance.values()) if (inRange(a.month)) add(facts.marks, `${a.month}|${a.place}|${a.mark}`);
    const held = new Set<string>();
    for (const a of this.assignments.values()) {
      let month = a.from;
      for (let i = 0; i < MAX_ASSIGNMENT_MONTHS && month <= a.to && month <= to; i++, month = nextMonth(month)) {
        const key = `${month}|${a.place}|${a.residentId}`;
        if (month >= from && !held.has(key)) {
          held.add(key);
          facts.holders.push({ month, place: a.place, residentId: a.residentId });
        }
      }
    }
    const sessions = new Map<string, { entry: SessionEntry; trainees: Set<string>; hours: Map<string, number> }>();
    for (const [id, s] of this.sessions) if (inRange(s.startDate.slice(0, 7))) sessions.set(id, { entry: s, trainees: new Set(), hours: new Map() });
    for (const e of this.enrolments.values()) sessions.get(e.sessionId)?.trainees.add(e.residentId);
    for (const s of this.signIns.values()) {
      const session = sessions.get(s.sessionId);
      const hours = session?.entry.slots.get(s.slot);
      // A sign-in of a half-day the timetable no longer has counts nothing (as in training.attendance).
      if (session && hours !== undefined) session.hours.set(s.residentId, (session.hours.get(s.residentId) ?? 0) + hours);
    }
    for (const [id, { entry, trainees, hours }] of sessions) {
      const total = [...entry.slots.values()].reduce((sum, h) => sum + h, 0);
      const limit = threshold(entry.startDate);
      let eligible = 0;
      for (const residentId of trainees) if (isEligible(hours.get(residentId) ?? 0, total, limit)) eligible += 1;
      facts.sessions.push({ id, place: entry.place, month: entry.startDate.slice(0, 7), trainees: trainees.size, eligible });
    }
  }
}

// ── From facts to the dashboard ─────────────────────────────────────────────────────────────

function zeroRegistrations(): RegistrationCounts {
  return {
    total: 0,
    kinds: Object.fromEntries(REGISTRATION_KINDS.map((k) => [k, 0])) as RegistrationCounts['kinds'],
    groups: Object.fromEntries(GROUPS.map((g) => [g, 0])) as RegistrationCounts['groups'],
  };
}

interface RowBuilder {
  registrations: RegistrationCounts;
  holders: Set<string>;
  presentDays: number;
  workDays: number;
  sessions: number;
  trainees: number;
  eligible: number;
}

function newBuilder(): RowBuilder {
  return { registrations: zeroRegistrations(), holders: new Set(), presentDays: 0, workDays: 0, sessions: 0, trainees: 0, eligible: 0 };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

function finish(b: RowBuilder): StatsRow {
  const posts: PostCounts = { holders: b.holders.size, presentDays: b.presentDays, workDays: b.workDays, attendanceRate: ratio(b.presentDays, b.workDays) };
  const training: TrainingCounts = { sessions: b.sessions, trainees: b.trainees, eligible: b.eligible, eligibilityRate: ratio(b.eligible, b.trainees) };
  return { registrations: b.registrations, posts, training };
}

export function summarize(
  facts: Facts,
  station: { level: StatsDashboard['level']; placeCode: string },
  from: string,
  to: string,
  places: string[],
): Omit<StatsDashboard, 'source' | 'computedAt' | 'tookMs'> {
  const months = monthRange(from, to);
  const byMonth = new Map(months.map((m) => [m, newBuilder()]));
  const byPlace = new Map(places.map((p) => [p, newBuilder()]));
  const total = newBuilder();
  const rowsOf = (month: string, place: string): RowBuilder[] => {
    const m = byMonth.get(month);
    if (!m) return [];
    let p = byPlace.get(place);
    if (!p) byPlace.set(place, (p = newBuilder()));
    return [m, p, total];
  };
  for (const [key, n] of facts.kinds) {
    const [month, place, kind] = key.split('|') as [string, string, RegistrationKind];
    for (const row of rowsOf(month, place)) {
      row.registrations.total += n;
      if (kind in row.registrations.kinds) row.registrations.kinds[kind] += n;
    }
  }
  for (const [key, n] of facts.groups) {
    const [month, place, group] = key.split('|') as [string, string, StatsGroup];
    for (const row of rowsOf(month, place)) if (group in row.registrations.groups) row.registrations.groups[group] += n;
  }
  for (const h of facts.holders) for (const row of rowsOf(h.month, h.place)) row.holders.add(h.residentId);
  for (const [key, n] of facts.marks) {
    const [month, place, mark] = key.split('|') as [string, string, string];
    for (const row of rowsOf(month, place)) {
      if (mark === 'present') row.presentDays += n;
      if (mark !== 'rest') row.workDays += n;
    }
  }
  for (const s of facts.sessions) {
    for (const row of rowsOf(s.month, s.place)) {
      row.sessions += 1;
      row.trainees += s.trainees;
      row.eligible += s.eligible;
    }
  }
  const own = station.placeCode;
  const placeRows = [...byPlace.entries()]
    .sort(([a], [b]) => (a === own ? -1 : b === own ? 1 : a.localeCompare(b)))
    .map(([placeCode, b]) => ({ placeCode, placeName: placeName(placeCode) ?? placeCode, ...finish(b) }));
  return {
    level: station.level,
    placeCode: own,
    placeName: placeName(own) ?? own,
    from,
    to,
    months,
    byMonth: months.map((month) => ({ month, ...finish(byMonth.get(month)!) })),
    byPlace: placeRows,
    total: finish(total),
  };
}

// ── The spreadsheet ─────────────────────────────────────────────────────────────────────────

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
    { header: c.attendanceRate, value: (r) => r.posts.attendanceRate, percent: true },
    { header: c.sessions, value: (r) => r.training.sessions },
    { header: c.trainees, value: (r) => r.training.trainees },
    { header: c.eligible, value: (r) => r.training.eligible },
    { header: c.eligibilityRate, value: (r) => r.training.eligibilityRate, percent: true },
  ];
}

export async function workbook(data: StatsDashboard): Promise<string> {
  const texts = statsZhCN.stats;
  const columns = statsColumns();
  const book = new ExcelJS.Workbook();
  book.creator = '乐业驿站';
  const sheet = (name: string, firstHeaders: string[], rows: { first: (string | number)[]; row: StatsRow }[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3, xSplit: firstHeaders.length }] });
    ws.addRow([texts.sheet.title.replace('{{place}}', data.placeName).replace('{{from}}', data.from).replace('{{to}}', data.to)]).font = { bold: true, size: 14 };
    ws.addRow([texts.sheet.generated.replace('{{at}}', data.computedAt).replace('{{source}}', texts.source[data.source === 'countyServer' ? 'countyServer' : data.level === 'township' ? 'township' : 'station'])]);
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
  const buffer = await book.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}
