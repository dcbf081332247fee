// A page of the work list: slices of the kept list's per-rule sections, each row made whole,
// with the totals the screen's pagers and counts show.
import { WORKLIST_PAGE_SIZE, WORKLIST_RULES, type WorklistRule, type WorklistSection, type WorklistView } from '../../../shared/worklist/contract';
import type { ComputedList } from './worklist';

export interface PageArgs {
  rule?: WorklistRule | undefined;
  section?: WorklistSection | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export type ListPage = Pick<WorklistView, 'items' | 'marked' | 'counts' | 'markedCount' | 'totals' | 'page'>;

/** Without a rule: the first `limit` rows of every rule, both sections; with one: its rows `offset`… of the section asked. */
export function pageOf(list: ComputedList, args: PageArgs): ListPage {
  const section = args.section ?? 'open';
  const limit = args.limit ?? WORKLIST_PAGE_SIZE;
  const offset = args.rule ? (args.offset ?? 0) : 0;
  const totals = WORKLIST_RULES.map((rule) => {
    const group = list.rules.get(rule)!;
    return { rule, ...group.counts, marked: group.marked.length };
  });
  const common = { counts: { ...list.counts }, markedCount: list.markedCount, totals, page: { rule: args.rule ?? null, section, offset, limit } };
  if (args.rule) {
    const group = list.rules.get(args.rule)!;
    const rows = (section === 'open' ? group.open : group.marked).slice(offset, offset + limit).flatMap((r) => list.item(r) ?? []);
    return { items: section === 'open' ? rows : [], marked: section === 'marked' ? rows : [], ...common };
  }
  const items = [];
  const marked = [];
  for (const rule of WORKLIST_RULES) {
    const group = list.rules.get(rule)!;
    items.push(...group.open.slice(0, limit).flatMap((r) => list.item(r) ?? []));
    marked.push(...group.marked.slice(0, limit).flatMap((r) => list.item(r) ?? []));
  }
  return { items, marked, ...common };
}

/** An empty list (a township's village whose copy this machine does not hold). */
export const EMPTY_LIST: ComputedList = {
  rules: new Map(WORKLIST_RULES.map((rule) => [rule, { open: [], marked: [], counts: { due: 0, overdue: 0 } }])),
  counts: { due: 0, overdue: 0 },
  markedCount: 0,
  find: () => undefined,
  item: () => null,
};
