// 就业失业动态台账 of a month: everyone whose employment status changed in it (an entry starting
// or ending within it) or who is still registered unemployed at its end, with the status at the
// start and at the end of the month, and whether the change counts toward 城镇新增就业 /
// 失业人员再就业 / 就业困难人员实现就业, decided by shared/employment/counts.ts (the same function
// as the statistics screen, person by person: the totals row equals that month's figures).
import { employmentCounts, type EmploymentCounts } from '../../../shared/employment/counts';
import type { FollowUpDeps, LedgerFile } from './assistance';
import { dayBefore } from './assistanceServices';
import {
  clauseSep,
  fullMode,
  histories,
  ledgerPeople,
  listSep,
  monthEnd,
  personCells,
  personFact,
  registrationCell,
  statusCell,
  statusOn,
  type History,
  type LedgerPerson,
} from './followUpPeople';
import { text, type Locale } from './texts';
import { xlsxBook, type Cell, type Row, type SheetSpec } from './xlsxWriter';

const COLUMNS: [key: string, width: number, wrap?: boolean][] = [
  ['seq', 6], ['name', 10], ['idNumber', 21], ['sex', 6], ['age', 6], ['village', 22], ['registration', 22], ['reason', 20, true],
  ['start', 22], ['end', 22], ['changeDates', 12, true], ['employer', 24], ['area', 14], ['destination', 16], ['newUrban', 12], ['reemployed', 12], ['hardship', 14],
];
const MEASURES: (keyof EmploymentCounts)[] = ['newUrban', 'reemployed', 'hardship'];

/** The days of the month on which a standing entry starts or ends, in order. */
function changeDates(history: History | undefined, start: string, end: string): string[] {
  const days = new Set<string>();
  for (const e of history?.standing ?? []) {
    if (e.effectiveDate >= start && e.effectiveDate <= end) days.add(e.effectiveDate);
    if (e.endDate !== null && e.endDate >= start && e.endDate <= end) days.add(e.endDate);
  }
  return [...days].sort();
}

/** Registered unemployed on `day`: a 失业登记 made by then and not closed by then. */
function unemployedOn(p: Pick<LedgerPerson, 'kind' | 'registeredOn' | 'active' | 'closedOn'>, day: string): boolean {
  return p.kind === 'unemployment' && p.registeredOn <= day && (p.active || p.closedOn > day);
}

export async function dynamicsLedger(deps: FollowUpDeps, args: { month: string; full: boolean; locale: Locale }): Promise<LedgerFile> {
  const { ctx, employment } = deps;
  const { month, full, locale } = args;
  const today = ctx.today();
  const start = `${month}-01`;
  const end = monthEnd(month);
  const all = histories(await employment.allEntries());
  const changed = new Set([...all].filter(([, h]) => changeDates(h, start, end).length).map(([id]) => id));
  const people = await ledgerPeople(ctx, (p) => changed.has(p.id) || unemployedOn(p, end));
  const none = text(locale, 'sheets.dynamics.noStatus');
  const yes = text(locale, 'sheets.dynamics.yes');

  const totals = { newUrban: 0, reemployed: 0, hardship: 0, changed: 0, unemployed: 0 };
  const rows: Row[] = people.map((p, i): Cell[] => {
    const history = all.get(p.id);
    const first = statusOn(history, dayBefore(start));
    const last = statusOn(history, end);
    const counted = history ? employmentCounts(history.facts, new Map([[p.id, personFact(p)]]), month, month).total : null;
    const reasons = [changed.has(p.id) ? 'changed' : '', unemployedOn(p, end) ? 'unemployed' : ''].filter(Boolean) as ('changed' | 'unemployed')[];
    for (const r of reasons) totals[r] += 1;
    for (const m of MEASURES) totals[m] += counted?.[m] ?? 0;
    const d = last?.doc;
    return [
      i + 1,
      ...personCells(locale, p, full, today),
      registrationCell(locale, p),
      reasons.map((r) => text(locale, `sheets.dynamics.reasons.${r}`)).join(clauseSep(locale)),
      statusCell(locale, first, start, none),
      statusCell(locale, last, end, none),
      changeDates(history, start, end).join(listSep(locale)),
      d?.employer?.name ?? '',
      d?.area ? text(locale, `employment.areas.${d.area}`) : '',
      d?.destination ?? '',
      ...MEASURES.map((m) => (counted?.[m] ? yes : '')),
    ];
  });
  const totalReasons = (['changed', 'unemployed'] as const)
    .map((r) => text(locale, 'sheets.dynamics.totalReason', { reason: text(locale, `sheets.dynamics.reasons.${r}`), count: totals[r] }))
    .join(clauseSep(locale));
  rows.push({
    bold: ['', text(locale, 'sheets.dynamics.total'), text(locale, 'sheets.dynamics.totalPeople', { count: people.length }), '', '', '', '', totalReasons, '', '', '', '', '', '', totals.newUrban, totals.reemployed, totals.hardship],
  });

  const station = ctx.station().name;
  const title = text(locale, 'sheets.dynamics.titleLine', { station, month, today, mode: fullMode(locale, full) });
  const spec: SheetSpec = {
    name: text(locale, 'sheets.dynamics.sheets.ledger', { month }),
    title,
    columns: COLUMNS.map(([key, width, wrap]) => ({ header: text(locale, `sheets.dynamics.columns.${key}`), width, ...(wrap ? { wrap } : {}) })),
    frozenColumns: 3,
  };
  // The definitions are the statistics screen's own help texts, not restated here.
  const notes = [
    text(locale, 'sheets.dynamics.notes.scope', { month, end }),
    text(locale, 'sheets.dynamics.notes.status'),
    text(locale, 'sheets.dynamics.notes.counts'),
    ...['entries', 'newUrban', 'reemployed', 'hardship'].map((k) => text(locale, `employment.counts.help.${k}`)),
    text(locale, 'sheets.dynamics.notes.masked'),
  ].map((line) => [line]);
  const bytes = xlsxBook([
    { spec, rows },
    { spec: { name: text(locale, 'sheets.dynamics.sheets.notes'), columns: [{ header: text(locale, 'sheets.dynamics.title'), width: 120, wrap: true }] }, rows: [[title], ...notes] },
  ]);
  return { bytes, rows: people.length };
}
