// The payroll's printed pages: its lines (a holder, or a village's subtotal) cut into pages of a
// fixed number of lines, each with its 本页小计 (the holders' rows on that page). The first page
// is shorter (the title and the missing villages), the last keeps room for the grand total and
// the signature lines.
import type { PayrollRow, PayrollSheet, PayrollTotals } from '../../shared/payroll/contract';
import type { PlaceLabel } from './placeLabel';

export type SheetLine = { kind: 'row'; row: PayrollRow; seq: number; village: string } | { kind: 'subtotal'; village: string; totals: PayrollTotals };

export interface SheetPage {
  lines: SheetLine[];
  subtotal: PayrollTotals;
}

export const FIRST_PAGE_LINES = 14;
export const PAGE_LINES = 18;
export const LAST_PAGE_LINES = 14;

const fen = (yuan: number) => Math.round(yuan * 100);

function subtotal(lines: SheetLine[]): PayrollTotals {
  const t = { holders: 0, days: 0, hours: 0, payDue: 0, deductions: 0, payable: 0 };
  for (const line of lines) {
    if (line.kind !== 'row') continue;
    const r = line.row;
    t.holders += 1;
    t.days += r.days;
    t.hours = Math.round((t.hours + r.hours) * 10) / 10;
    t.payDue = (fen(t.payDue) + fen(r.payDue)) / 100;
    t.deductions = (fen(t.deductions) + fen(r.deductions)) / 100;
    t.payable = (fen(t.payable) + fen(r.payable)) / 100;
  }
  return t;
}

export function pageLines(sheet: PayrollSheet, label: PlaceLabel): SheetPage[] {
  const lines: SheetLine[] = [];
  let seq = 0;
  for (const v of sheet.villages) {
    const village = label(v.placeCode, v.placeName);
    for (const row of v.rows) lines.push({ kind: 'row', row, seq: ++seq, village });
    lines.push({ kind: 'subtotal', village, totals: v.totals });
  }
  const chunks: SheetLine[][] = [];
  let at = 0;
  do {
    const size = chunks.length === 0 ? FIRST_PAGE_LINES : PAGE_LINES;
    chunks.push(lines.slice(at, at + size));
    at += size;
  } while (at < lines.length);
  // The last page needs room for the grand total and the signatures.
  const last = chunks[chunks.length - 1]!;
  if (last.length > LAST_PAGE_LINES) chunks.push(last.splice(LAST_PAGE_LINES));
  // A page of subtotals alone: the holder before them goes along (its 本页小计 is never empty).
  const end = chunks[chunks.length - 1]!;
  const before = chunks[chunks.length - 2];
  while (before?.length && !end.some((l) => l.kind === 'row')) end.unshift(before.pop()!);
  return chunks.map((chunk) => ({ lines: chunk, subtotal: subtotal(chunk) }));
}
