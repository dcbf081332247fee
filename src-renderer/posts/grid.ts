// The attendance month grid as pure data: which cell is active, what a key press does, what a
// row or column fill writes, and the optimistic cache updates. No React here: the screen only
// renders this and sends the resulting marks to 'attendance.set'.

import type { AttendanceMark } from '../../shared/posts/schema';
import type { AttendanceCell, AttendanceGridView, GridDay } from '../../shared/rpc/handlers';

export interface Pos {
  row: number;
  col: number;
}

export interface GridShape {
  rows: number;
  cols: number;
  /** Whether a mark may be entered in a cell (not locked, not future, the holder holds the post that day). */
  editable(row: number, col: number): boolean;
}

export interface KeyState {
  active: Pos;
  /** Hours being typed into the active cell, e.g. '7.' on the way to '7.5'. */
  buffer: string;
}

export interface MarkEntry {
  residentId: string;
  date: string;
  mark: AttendanceMark;
  hours: number;
}

export type KeyAction =
  | { kind: 'set'; pos: Pos; mark: AttendanceMark; hours: number }
  /** The active cell cannot take a mark. */
  | { kind: 'notEditable'; pos: Pos }
  /** The typed hours are not 0.5..24 in half hours. */
  | { kind: 'badHours'; pos: Pos; buffer: string };

export interface KeyResult {
  state: KeyState;
  action?: KeyAction;
  /** False when the grid does not use the key (the browser may). */
  handled: boolean;
}

/** The letter shortcuts of the marks other than 出勤 (which is typed as its hours). */
export const LETTER_MARKS: Readonly<Record<string, AttendanceMark>> = {
  s: 'personalLeave',
  b: 'sickLeave',
  k: 'absent',
  x: 'rest',
};

export const MARK_KEYS: Readonly<Partial<Record<AttendanceMark, string>>> = Object.fromEntries(
  Object.entries(LETTER_MARKS).map(([key, mark]) => [mark, key]),
);

/** Hours as typed: 1 or 2 digits, optionally '.5' or '.0'; 0.5..24 in half hours. Null if not valid. */
export function parseHours(buffer: string): number | null {
  if (!/^\d{1,2}(\.\d?)?$/.test(buffer)) return null;
  const value = Number(buffer);
  if (!Number.isFinite(value) || value <= 0 || value > 24) return null;
  if (Math.round(value * 2) !== value * 2) return null;
  return value;
}

/** Whether a partly typed buffer can still become valid hours (so the key is accepted). */
function couldBeHours(buffer: string): boolean {
  return /^\d{1,2}(\.\d?)?$/.test(buffer) && Number(buffer.replace(/\.$/, '')) <= 24;
}

function clamp(value: number, min: number, max: number) {
  return Math.max(min, Math.min(max, value));
}

/** The next editable cell after `pos` in reading order (right, then the next rows); `pos` itself if none. */
export function nextEditable(pos: Pos, shape: GridShape): Pos {
  for (let row = pos.row; row < shape.rows; row += 1) {
    for (let col = row === pos.row ? pos.col + 1 : 0; col < shape.cols; col += 1) {
      if (shape.editable(row, col)) return { row, col };
    }
  }
  return pos;
}

/** The first editable cell of the grid, else the top-left one. */
export function firstEditable(shape: GridShape): Pos {
  for (let row = 0; row < shape.rows; row += 1) {
    for (let col = 0; col < shape.cols; col += 1) if (shape.editable(row, col)) return { row, col };
  }
  return { row: 0, col: 0 };
}

function move(state: KeyState, shape: GridShape, dRow: number, dCol: number): KeyResult {
  const active = { row: clamp(state.active.row + dRow, 0, shape.rows - 1), col: clamp(state.active.col + dCol, 0, shape.cols - 1) };
  return { state: { active, buffer: '' }, handled: true };
}

function enter(state: KeyState, shape: GridShape, mark: AttendanceMark, hours: number): KeyResult {
  const pos = state.active;
  if (!shape.editable(pos.row, pos.col)) return { state: { active: pos, buffer: '' }, action: { kind: 'notEditable', pos }, handled: true };
  return { state: { active: nextEditable(pos, shape), buffer: '' }, action: { kind: 'set', pos, mark, hours }, handled: true };
}

/**
 * One key press on the grid. `key` is KeyboardEvent.key. Ctrl combinations and Tab are left to
 * the browser, so Ctrl+R keeps working and Tab leaves the grid.
 */
export function gridKey(state: KeyState, key: string, shape: GridShape, modifiers: { ctrl?: boolean } = {}): KeyResult {
  if (shape.rows === 0 || shape.cols === 0 || modifiers.ctrl) return { state, handled: false };
  switch (key) {
    case 'ArrowLeft':
      return move(state, shape, 0, -1);
    case 'ArrowRight':
      return move(state, shape, 0, 1);
    case 'ArrowUp':
      return move(state, shape, -1, 0);
    case 'ArrowDown':
      return move(state, shape, 1, 0);
    case 'Home':
      return move(state, shape, 0, -shape.cols);
    case 'End':
      return move(state, shape, 0, shape.cols);
    case 'Escape':
      return { state: { ...state, buffer: '' }, handled: state.buffer !== '' };
    case 'Backspace':
      // Edits the hours being typed; a stored mark is never cleared (documents are immutable).
      return { state: { ...state, buffer: state.buffer.slice(0, -1) }, handled: true };
    case 'Enter': {
      if (state.buffer === '') return { state: { active: nextEditable(state.active, shape), buffer: '' }, handled: true };
      const hours = parseHours(state.buffer);
      if (hours === null) return { state: { ...state, buffer: '' }, action: { kind: 'badHours', pos: state.active, buffer: state.buffer }, handled: true };
      return enter(state, shape, 'present', hours);
    }
  }
  if (/^[0-9.]$/.test(key)) {
    const next = state.buffer + key;
    return couldBeHours(next) ? { state: { ...state, buffer: next }, handled: true } : { state, handled: true };
  }
  const letter = LETTER_MARKS[key.toLowerCase()];
  if (letter) return enter(state, shape, letter, 0);
  return { state, handled: false };
}

// ── Fills ─────────────────────────────────────────────────────────────────────────────────────

export interface HolderSpan {
  residentId: string;
  from: string;
  to: string;
}

export function holds(holder: { from: string; to: string }, date: string): boolean {
  return holder.from <= date && date <= holder.to;
}

function sameValue(cell: AttendanceCell | undefined, mark: AttendanceMark, hours: number): boolean {
  return cell !== undefined && cell.mark === mark && cell.hours === hours;
}

/**
 * Whole-row fill: every day of the month the holder held the post, up to today, that has no mark
 * yet becomes 出勤 `hours` on working days and 休息 on weekends. Marked days stay as they are.
 */
export function rowFillMarks(days: readonly GridDay[], holder: HolderSpan, cells: Readonly<Record<string, AttendanceCell>> | undefined, hours: number): MarkEntry[] {
  const out: MarkEntry[] = [];
  for (const day of days) {
    if (day.future || !holds(holder, day.date) || cells?.[day.date]) continue;
    out.push(day.weekend ? { residentId: holder.residentId, date: day.date, mark: 'rest', hours: 0 } : { residentId: holder.residentId, date: day.date, mark: 'present', hours });
  }
  return out;
}

/** Whole-column fill: the same mark for every holder of the post that day (unchanged cells are not rewritten). */
export function columnFillMarks(
  day: GridDay,
  holders: readonly HolderSpan[],
  cells: Readonly<Record<string, Readonly<Record<string, AttendanceCell>>>>,
  mark: AttendanceMark,
  hours: number,
): MarkEntry[] {
  if (day.future) return [];
  const h = mark === 'present' ? hours : 0;
  return holders
    .filter((holder) => holds(holder, day.date) && !sameValue(cells[holder.residentId]?.[day.date], mark, h))
    .map((holder) => ({ residentId: holder.residentId, date: day.date, mark, hours: h }));
}

/** Leaves out entries that would not change their cell (no needless correction in the history). */
export function changedOnly(entries: readonly MarkEntry[], cells: Readonly<Record<string, Readonly<Record<string, AttendanceCell>>>>): MarkEntry[] {
  return entries.filter((e) => !sameValue(cells[e.residentId]?.[e.date], e.mark, e.hours));
}

/** A default for the row fill: the post's planned monthly hours spread over the month's working days, in half hours. */
export function defaultDailyHours(plannedHoursPerMonth: number, days: readonly GridDay[]): number {
  const working = days.filter((d) => !d.weekend).length || 1;
  const value = Math.round((plannedHoursPerMonth / working) * 2) / 2;
  return clamp(value, 0.5, 24);
}

export interface RowTotals {
  presentDays: number;
  hours: number;
}

export function rowTotals(cells: Readonly<Record<string, AttendanceCell>> | undefined): RowTotals {
  let presentDays = 0;
  let hours = 0;
  for (const cell of Object.values(cells ?? {})) {
    if (cell.mark === 'present') {
      presentDays += 1;
      hours += cell.hours;
    }
  }
  return { presentDays, hours };
}

// ── Optimistic cache updates ──────────────────────────────────────────────────────────────────

export interface CellWrite {
  residentId: string;
  date: string;
  cell: AttendanceCell;
}

/** The grid with these cells written (a new object; untouched rows are shared). */
export function withCells(grid: AttendanceGridView, writes: readonly CellWrite[]): AttendanceGridView {
  if (writes.length === 0) return grid;
  const cells = { ...grid.cells };
  const copied = new Set<string>();
  for (const w of writes) {
    if (!copied.has(w.residentId)) {
      cells[w.residentId] = { ...(cells[w.residentId] ?? {}) };
      copied.add(w.residentId);
    }
    cells[w.residentId]![w.date] = w.cell;
  }
  return { ...grid, cells };
}

export interface Rollback {
  residentId: string;
  date: string;
  /** What the cache held before the optimistic write. */
  previous: AttendanceCell | undefined;
  /** The optimistic cell: only rolled back while the cache still holds exactly this one. */
  optimistic: AttendanceCell;
}

/** Undoes optimistic writes that nothing newer has replaced. */
export function rolledBack(grid: AttendanceGridView, rollbacks: readonly Rollback[]): AttendanceGridView {
  const cells = { ...grid.cells };
  let changed = false;
  for (const r of rollbacks) {
    const row = cells[r.residentId];
    if (!row || row[r.date] !== r.optimistic) continue;
    const next = { ...row };
    if (r.previous) next[r.date] = r.previous;
    else delete next[r.date];
    cells[r.residentId] = next;
    changed = true;
  }
  return changed ? { ...grid, cells } : grid;
}

/** The optimistic cells for entries, with what to roll back to. */
export function optimisticWrites(grid: AttendanceGridView, entries: readonly MarkEntry[], by: string, at: string): { writes: CellWrite[]; rollbacks: Rollback[] } {
  const writes: CellWrite[] = [];
  const rollbacks: Rollback[] = [];
  for (const e of entries) {
    const previous = grid.cells[e.residentId]?.[e.date];
    const cell: AttendanceCell = { mark: e.mark, hours: e.hours, updatedBy: by, updatedAt: at, corrections: previous ? previous.corrections + 1 : 0 };
    writes.push({ residentId: e.residentId, date: e.date, cell });
    rollbacks.push({ residentId: e.residentId, date: e.date, previous, optimistic: cell });
  }
  return { writes, rollbacks };
}

/**
 * The core's answer replaces the optimistic cells it answers for, unless a newer entry for the
 * same day has replaced them meanwhile (its own answer will follow).
 */
export function confirmed(grid: AttendanceGridView, rollbacks: readonly Rollback[], answer: readonly CellWrite[]): AttendanceGridView {
  const optimistic = new Map(rollbacks.map((r) => [`${r.residentId}|${r.date}`, r.optimistic]));
  return withCells(
    grid,
    answer.filter((w) => {
      const mine = optimistic.get(`${w.residentId}|${w.date}`);
      const current = grid.cells[w.residentId]?.[w.date];
      return mine === undefined || current === mine;
    }),
  );
}

/** Where entry starts: the first editable cell without a mark, else the first editable cell. */
export function firstOpen(shape: GridShape, marked: (row: number, col: number) => boolean): Pos {
  for (let row = 0; row < shape.rows; row += 1) {
    for (let col = 0; col < shape.cols; col += 1) if (shape.editable(row, col) && !marked(row, col)) return { row, col };
  }
  return firstEditable(shape);
}
