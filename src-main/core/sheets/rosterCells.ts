// What a roster cell is beyond its text: a total row's marks, an ID number Excel stored as a
// number, and how a name compares with the one already registered.
import type { CellRead } from './workbook';

/**
 * Labels of a total row, spaces ignored, a count after them allowed: 合计, 总计：18 人, 小计, 共计,
 * 合计人数; Total, Subtotal, Grand total: 18, Sum.
 */
const TOTAL_LABEL = /^(?:(?:合计|总计|小计|共计|总数)(?:人数)?|(?:grand)?(?:sub)?totals?|sum)[:：]?(?:\d+(?:人|名|户|行|people|persons|rows)?)?$/;

/** Functions that sum or count a range: a cell holding one is a total, not a person's value. */
const AGGREGATE = /\b(SUM|SUMIF|SUMIFS|COUNT|COUNTA|COUNTIF|COUNTIFS|COUNTBLANK|SUBTOTAL|AGGREGATE|AVERAGE)\s*\(/i;

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(text.replace(/\s/g, '').toLowerCase());
}

function aggregate(cell: CellRead | undefined): boolean {
  return !!cell && cell.kind !== 'problem' && !!cell.formula && AGGREGATE.test(cell.formula);
}

function personText(cell: CellRead | undefined): boolean {
  return !!cell && cell.kind !== 'problem' && !cell.formula && cell.text !== '';
}

/**
 * A total row: its name cell or its first filled cell reads 合计/总计/小计/Total, or a SUM/COUNTA
 * formula stands where a person's name or ID number would, or one stands elsewhere while the row
 * names nobody. (A per-person check such as =COUNTIF(B:B,B3)>1 beside a name and an ID number is
 * not a total.)
 */
export function isTotalRow(cells: CellRead[], nameAt: number | undefined, idAt: number | undefined): boolean {
  const name = nameAt === undefined ? undefined : cells[nameAt];
  const id = idAt === undefined ? undefined : cells[idAt];
  if (name && name.kind !== 'problem' && isTotalLabel(name.text)) return true;
  const first = cells.find((c) => c.kind === 'problem' || c.text !== '');
  if (first && first.kind !== 'problem' && isTotalLabel(first.text)) return true;
  if (aggregate(name) || aggregate(id)) return true;
  return cells.some(aggregate) && !personText(name) && !personText(id);
}

/**
 * An integer of 16 digits or more stored as a number: Excel keeps 15 significant digits (and a
 * double 15 to 17), so the digits after the 15th are not the ones typed. Up to 15 digits a number
 * is exact (every such integer is below 2^53 and within Excel's precision): its digits are true.
 */
export function damagedNumber(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) >= 1e15;
}

/** A large number as Excel shows it in a General cell: 3.70102E+17 (six significant digits). */
export function excelShown(value: number): string {
  const [mantissa, exponent] = value.toExponential(5).split('e');
  const m = mantissa!.replace(/\.?0+$/, '');
  const e = Number(exponent);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Names compared as a person reads them: spaces (also full-width) and the kinds of middle dot ignored. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/[·•．.・‧]/g, '·');
  return norm(a) === norm(b);
}
