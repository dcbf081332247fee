import { describe, expect, it } from 'vitest';
import type { AttendanceCell, AttendanceGridView, GridDay } from '../../shared/rpc/handlers';
import {
  changedOnly,
  columnFillMarks,
  confirmed,
  defaultDailyHours,
  firstEditable,
  firstOpen,
  gridKey,
  optimisticWrites,
  parseHours,
  rolledBack,
  rowFillMarks,
  rowTotals,
  withCells,
  type GridShape,
  type KeyState,
} from './grid';

/** June 2025: the 1st is a Sunday; "today" is the 20th. */
function june(today = 20): GridDay[] {
  return Array.from({ length: 30 }, (_, i) => {
    const day = i + 1;
    const weekday = day % 7 === 1 ? 0 : (day - 1) % 7; // 1st = Sunday
    return { date: `2025-06-${String(day).padStart(2, '0')}`, day, weekday, weekend: weekday === 0 || weekday === 6, future: day > today };
  });
}

const A = 'resident:' + 'a'.repeat(26);
const B = 'resident:' + 'b'.repeat(26);

function shape(rows: number, cols: number, editable: (row: number, col: number) => boolean = () => true): GridShape {
  return { rows, cols, editable };
}

const at = (row: number, col: number, buffer = ''): KeyState => ({ active: { row, col }, buffer });

function press(state: KeyState, keys: string[], s: GridShape) {
  const actions = [];
  for (const key of keys) {
    const result = gridKey(state, key, s);
    state = result.state;
    if (result.action) actions.push(result.action);
  }
  return { state, actions };
}

const cell = (mark: AttendanceCell['mark'], hours = 0, corrections = 0): AttendanceCell => ({ mark, hours, updatedBy: '王丽', updatedAt: '2025-06-02T08:00:00Z', corrections });

describe('hours as typed', () => {
  it('takes whole and half hours from 0.5 to 24', () => {
    expect(parseHours('8')).toBe(8);
    expect(parseHours('7.5')).toBe(7.5);
    expect(parseHours('0.5')).toBe(0.5);
    expect(parseHours('24')).toBe(24);
    expect(parseHours('8.')).toBe(8);
    expect(parseHours('8.0')).toBe(8);
  });
  it('refuses zero, more than 24 and other fractions', () => {
    for (const bad of ['0', '25', '7.3', '', '.', '123']) expect(parseHours(bad), bad).toBeNull();
  });
});

describe('grid keyboard', () => {
  const s = shape(2, 5);

  it('moves with the arrows, clamped at the edges', () => {
    expect(gridKey(at(0, 0), 'ArrowRight', s).state.active).toEqual({ row: 0, col: 1 });
    expect(gridKey(at(0, 0), 'ArrowLeft', s).state.active).toEqual({ row: 0, col: 0 });
    expect(gridKey(at(0, 0), 'ArrowDown', s).state.active).toEqual({ row: 1, col: 0 });
    expect(gridKey(at(1, 4), 'ArrowDown', s).state.active).toEqual({ row: 1, col: 4 });
    expect(gridKey(at(1, 2), 'Home', s).state.active).toEqual({ row: 1, col: 0 });
    expect(gridKey(at(1, 2), 'End', s).state.active).toEqual({ row: 1, col: 4 });
  });

  it('sets 出勤 with typed hours on Enter and moves to the next cell', () => {
    const { state, actions } = press(at(0, 0), ['7', '.', '5', 'Enter'], s);
    expect(actions).toEqual([{ kind: 'set', pos: { row: 0, col: 0 }, mark: 'present', hours: 7.5 }]);
    expect(state).toEqual(at(0, 1));
  });

  it('wraps from the last day of a row to the first day of the next', () => {
    const { state } = press(at(0, 4), ['8', 'Enter'], s);
    expect(state.active).toEqual({ row: 1, col: 0 });
  });

  it('sets the other marks by letter, upper or lower case', () => {
    const { actions } = press(at(0, 0), ['s', 'B', 'k', 'x'], s);
    expect(actions.map((a) => (a.kind === 'set' ? [a.pos.col, a.mark, a.hours] : a.kind))).toEqual([
      [0, 'personalLeave', 0],
      [1, 'sickLeave', 0],
      [2, 'absent', 0],
      [3, 'rest', 0],
    ]);
  });

  it('ignores keys that cannot make valid hours and reports bad hours on Enter', () => {
    let result = gridKey(at(0, 0, '24'), '5', s);
    expect(result.state.buffer).toBe('24');
    result = gridKey(at(0, 0, '7.'), '3', s);
    expect(result.state.buffer).toBe('7.3');
    result = gridKey(result.state, 'Enter', s);
    expect(result.action).toEqual({ kind: 'badHours', pos: { row: 0, col: 0 }, buffer: '7.3' });
    expect(result.state.buffer).toBe('');
  });

  it('Escape and moving drop the typed hours; Backspace edits them', () => {
    expect(gridKey(at(0, 0, '8'), 'Escape', s).state.buffer).toBe('');
    expect(gridKey(at(0, 0, '8'), 'ArrowRight', s).state).toEqual(at(0, 1));
    expect(gridKey(at(0, 0, '7.5'), 'Backspace', s).state.buffer).toBe('7.');
  });

  it('refuses an entry on a cell that cannot take one, and stays there', () => {
    const locked = shape(1, 5, (_row, col) => col < 2);
    const { state, actions } = press(at(0, 3), ['8', 'Enter'], locked);
    expect(actions).toEqual([{ kind: 'notEditable', pos: { row: 0, col: 3 } }]);
    expect(state).toEqual(at(0, 3));
  });

  it('skips cells that cannot take an entry when advancing', () => {
    const gaps = shape(2, 5, (row, col) => !(row === 0 && col >= 3) && !(row === 1 && col === 0));
    const { state } = press(at(0, 2), ['x'], gaps);
    expect(state.active).toEqual({ row: 1, col: 1 });
    expect(firstEditable(gaps)).toEqual({ row: 0, col: 0 });
    expect(firstEditable(shape(2, 3, (row, col) => row === 1 && col === 2))).toEqual({ row: 1, col: 2 });
  });

  it('starts entry at the first editable cell without a mark', () => {
    const s2 = shape(2, 4, (_row, col) => col < 3);
    expect(firstOpen(s2, (row, col) => row === 0 || col === 0)).toEqual({ row: 1, col: 1 });
    expect(firstOpen(s2, () => true)).toEqual({ row: 0, col: 0 });
  });

  it('leaves Ctrl combinations and unknown keys to the browser', () => {
    expect(gridKey(at(0, 0), 'r', s, { ctrl: true }).handled).toBe(false);
    expect(gridKey(at(0, 0), 'q', s).handled).toBe(false);
    expect(gridKey(at(0, 0), 'Tab', s).handled).toBe(false);
    expect(gridKey(at(0, 0), 'ArrowDown', shape(0, 0)).handled).toBe(false);
  });
});

describe('fills', () => {
  const days = june();
  const holder = { residentId: A, from: '2025-06-03', to: '2025-12-31' };

  it('row fill: working days present, weekends rest, only days held, past and not yet marked', () => {
    const marks = rowFillMarks(days, holder, { '2025-06-04': cell('sickLeave') }, 2);
    const dates = marks.map((m) => m.date);
    expect(dates[0]).toBe('2025-06-03');
    expect(dates).not.toContain('2025-06-04');
    expect(dates.at(-1)).toBe('2025-06-20');
    expect(marks).toHaveLength(20 - 2 - 1);
    expect(marks.find((m) => m.date === '2025-06-07')).toEqual({ residentId: A, date: '2025-06-07', mark: 'rest', hours: 0 });
    expect(marks.find((m) => m.date === '2025-06-09')).toEqual({ residentId: A, date: '2025-06-09', mark: 'present', hours: 2 });
  });

  it('column fill: every holder of that day, hours only for present, unchanged cells left alone', () => {
    const day = days[9]!; // 2025-06-10
    const holders = [holder, { residentId: B, from: '2025-06-01', to: '2025-06-30' }, { residentId: 'resident:' + 'c'.repeat(26), from: '2025-06-11', to: '2025-06-30' }];
    const cells = { [B]: { '2025-06-10': cell('present', 8) } };
    expect(columnFillMarks(day, holders, cells, 'present', 8)).toEqual([{ residentId: A, date: '2025-06-10', mark: 'present', hours: 8 }]);
    expect(columnFillMarks(day, holders, cells, 'sickLeave', 8).map((m) => [m.residentId, m.hours])).toEqual([
      [A, 0],
      [B, 0],
    ]);
    expect(columnFillMarks(days[25]!, holders, cells, 'rest', 0)).toEqual([]);
  });

  it('changedOnly drops entries equal to the stored cell', () => {
    const cells = { [A]: { '2025-06-10': cell('present', 8) } };
    expect(
      changedOnly(
        [
          { residentId: A, date: '2025-06-10', mark: 'present', hours: 8 },
          { residentId: A, date: '2025-06-11', mark: 'present', hours: 8 },
        ],
        cells,
      ).map((e) => e.date),
    ).toEqual(['2025-06-11']);
  });

  it('default daily hours spread the planned hours over working days, in half hours', () => {
    const working = days.filter((d) => !d.weekend).length; // 21
    expect(working).toBe(21);
    expect(defaultDailyHours(40, days)).toBe(2);
    expect(defaultDailyHours(168, days)).toBe(8);
    expect(defaultDailyHours(1, days)).toBe(0.5);
  });

  it('row totals count present days and their hours', () => {
    expect(rowTotals({ a: cell('present', 8), b: cell('present', 7.5), c: cell('rest'), d: cell('sickLeave') })).toEqual({ presentDays: 2, hours: 15.5 });
    expect(rowTotals(undefined)).toEqual({ presentDays: 0, hours: 0 });
  });
});

describe('optimistic updates', () => {
  const grid = { cells: { [A]: { '2025-06-02': cell('present', 8) } } } as unknown as AttendanceGridView;

  it('writes optimistic cells, counting a correction over an existing mark', () => {
    const { writes, rollbacks } = optimisticWrites(grid, [
      { residentId: A, date: '2025-06-02', mark: 'sickLeave', hours: 0 },
      { residentId: B, date: '2025-06-02', mark: 'present', hours: 4 },
    ], '王丽', '2025-06-03T00:00:00Z');
    const next = withCells(grid, writes);
    expect(next.cells[A]!['2025-06-02']).toMatchObject({ mark: 'sickLeave', corrections: 1 });
    expect(next.cells[B]!['2025-06-02']).toMatchObject({ mark: 'present', hours: 4, corrections: 0 });
    expect(grid.cells[A]!['2025-06-02']!.mark).toBe('present'); // the original is untouched

    const back = rolledBack(next, rollbacks);
    expect(back.cells[A]!['2025-06-02']!.mark).toBe('present');
    expect(back.cells[B]!['2025-06-02']).toBeUndefined();
  });

  it('does not roll back or overwrite a newer entry for the same day', () => {
    const first = optimisticWrites(grid, [{ residentId: A, date: '2025-06-02', mark: 'rest', hours: 0 }], 'x', 't1');
    const afterFirst = withCells(grid, first.writes);
    const second = optimisticWrites(afterFirst, [{ residentId: A, date: '2025-06-02', mark: 'absent', hours: 0 }], 'x', 't2');
    const afterSecond = withCells(afterFirst, second.writes);
    // The first call fails: the second entry stays.
    expect(rolledBack(afterSecond, first.rollbacks).cells[A]!['2025-06-02']!.mark).toBe('absent');
    // The first call's late answer does not replace the second entry either.
    const answer = [{ residentId: A, date: '2025-06-02', cell: cell('rest', 0, 1) }];
    expect(confirmed(afterSecond, first.rollbacks, answer).cells[A]!['2025-06-02']!.mark).toBe('absent');
    // The second call's answer does.
    const answer2 = [{ residentId: A, date: '2025-06-02', cell: cell('absent', 0, 2) }];
    expect(confirmed(afterSecond, second.rollbacks, answer2).cells[A]!['2025-06-02']).toEqual(cell('absent', 0, 2));
  });
});
