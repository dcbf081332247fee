// 援助台账: the people a township window follows up (active 失业登记 and 就业困难人员, and anyone
// served in the period), one summary row each, then one row per service of the period with the
// person's columns repeated (the sheet filters and sorts in Excel/WPS), then the notes. Labels
// in the reader's language; ID numbers and phones masked unless full was asked (and allowed).
import type { UserView } from '../../../shared/access/contract';
import { REFERRAL_KIND } from '../../../shared/services/schema';
import type { CoreContext } from '../context';
import type { EmploymentService } from '../employment/employment';
import { periodServices, type LedgerService } from './assistanceServices';
import {
  clauseSep,
  fullMode,
  groupsCell,
  hardshipCategories,
  hardshipCell,
  histories,
  isHardToEmploy,
  ledgerPeople,
  monthEnd,
  personCells,
  phoneCell,
  registrationCell,
  statusCell,
  statusOn,
  workplaceCell,
  type LedgerPerson,
} from './followUpPeople';
import { text, type Locale } from './texts';
import { xlsxBook, type Cell, type Row, type SheetSpec } from './xlsxWriter';

export interface FollowUpDeps {
  ctx: CoreContext;
  employment: EmploymentService;
  /** The station's accounts: who recorded a service, by display name. */
  users(): UserView[];
}

export interface LedgerFile {
  bytes: Buffer;
  /** Data rows of the first sheet (people here). */
  rows: number;
}

const PEOPLE_COLUMNS: [key: string, width: number][] = [
  ['seq', 6], ['name', 10], ['idNumber', 21], ['sex', 6], ['age', 6], ['village', 22], ['phone', 14], ['kind', 22], ['registeredOn', 12],
  ['groups', 20], ['hardship', 24], ['services', 10], ['lastService', 12], ['referrals', 10], ['hired', 10], ['status', 22], ['since', 12], ['workplace', 24],
];
const SERVICE_COLUMNS: [key: string, width: number, wrap?: boolean][] = [
  ['seq', 6], ['name', 10], ['idNumber', 21], ['village', 22], ['kind', 22], ['groups', 20], ['date', 12], ['channel', 10], ['serviceKind', 16],
  ['content', 40, true], ['outcome', 24, true], ['employer', 24], ['job', 14], ['pay', 14], ['result', 18, true], ['resultDate', 12], ['remark', 24, true], ['by', 10], ['status', 22],
];

function columns(locale: Locale, list: [string, number, boolean?][]): SheetSpec['columns'] {
  return list.map(([key, width, wrap]) => ({ header: text(locale, `sheets.assistance.columns.${key}`), width, ...(wrap ? { wrap } : {}) }));
}

/** The service cells after the person's: date, channel, kind, content, outcome, referral, result, remark, who. */
function serviceCells(locale: Locale, s: LedgerService, byName: (login: string) => string): Cell[] {
  const d = s.doc;
  const r = d.referral;
  let result = '';
  if (d.kind === REFERRAL_KIND) {
    const label = s.result ? text(locale, `services.results.${s.result.result}`) : text(locale, 'sheets.assistance.awaiting');
    result = s.result?.note ? text(locale, 'sheets.assistance.resultWithNote', { result: label, note: s.result.note }) : label;
  }
  const remarks = [
    s.correctsDate ? text(locale, 'sheets.assistance.corrects', { date: s.correctsDate }) : '',
    s.result?.corrects ? text(locale, 'sheets.assistance.resultCorrected') : '',
    s.before ? text(locale, 'sheets.assistance.referralBefore') : '',
  ].filter(Boolean);
  return [
    d.date,
    text(locale, `services.channels.${d.channel}`),
    text(locale, `services.kinds.${d.kind}`),
    d.content,
    d.outcome,
    r?.employerName ?? '',
    r?.job ?? '',
    r?.pay ?? '',
    result,
    s.result?.date ?? '',
    remarks.join(clauseSep(locale)),
    byName(d.createdBy),
  ];
}

/** The 援助台账 of months `from`…`to` as an .xlsx. */
export async function assistanceLedger(deps: FollowUpDeps, args: { from: string; to: string; full: boolean; locale: Locale }): Promise<LedgerFile> {
  const { ctx, employment } = deps;
  const { from, to, full, locale } = args;
  const today = ctx.today();
  const start = `${from}-01`;
  const end = monthEnd(to);
  const services = await periodServices(ctx, start, end);
  const people = await ledgerPeople(ctx, (p, care) => services.has(p.id) || (p.active && (p.kind === 'unemployment' || isHardToEmploy(p, care))));
  const inScope = new Set(people.map((p) => p.id));
  const hardship = await hardshipCategories(ctx, people);
  const statuses = histories(await employment.allEntries(), (id) => inScope.has(id));
  const names = new Map(deps.users().map((u) => [u.loginName, u.displayName]));
  const byName = (login: string) => names.get(login) || login;
  const none = text(locale, 'sheets.assistance.noStatus');

  const summary: Row[] = [];
  const detail: Row[] = [];
  people.forEach((p: LedgerPerson, i) => {
    const [name, id, sex, age, village] = personCells(locale, p, full, today);
    const current = statusOn(statuses.get(p.id), today);
    const status = statusCell(locale, current, today, none);
    const list = services.get(p.id) ?? [];
    const inPeriod = list.filter((s) => !s.before);
    const referrals = inPeriod.filter((s) => s.doc.kind === REFERRAL_KIND);
    const registration = registrationCell(locale, p);
    const groups = groupsCell(locale, p);
    summary.push([
      i + 1, name!, id!, sex!, age!, village!, phoneCell(p, full), registration, p.registeredOn, groups, hardshipCell(locale, hardship.get(p.id)),
      inPeriod.length, inPeriod.at(-1)?.doc.date ?? '', referrals.length, list.filter((s) => s.result?.result === 'hired' && s.result.date >= start).length,
      status, current?.effectiveDate ?? '', workplaceCell(locale, current),
    ]);
    const person: Cell[] = [i + 1, name!, id!, village!, registration, groups];
    if (!list.length) detail.push([...person, '', '', text(locale, 'sheets.assistance.noService'), '', '', '', '', '', '', '', '', '', status]);
    for (const s of list) detail.push([...person, ...serviceCells(locale, s, byName), status]);
  });

  const station = ctx.station().name;
  const title = text(locale, 'sheets.assistance.titleLine', { station, from, to, today, mode: fullMode(locale, full) });
  const notes = ['scope', 'services', 'corrections', 'status', 'masked'].map((k) => [text(locale, `sheets.assistance.notes.${k}`)]);
  const bytes = xlsxBook([
    { spec: { name: text(locale, 'sheets.assistance.sheets.people'), title, columns: columns(locale, PEOPLE_COLUMNS), frozenColumns: 3 }, rows: summary },
    { spec: { name: text(locale, 'sheets.assistance.sheets.services'), title, columns: columns(locale, SERVICE_COLUMNS), frozenColumns: 3 }, rows: detail },
    { spec: { name: text(locale, 'sheets.assistance.sheets.notes'), columns: [{ header: text(locale, 'sheets.assistance.title'), width: 120, wrap: true }] }, rows: [[title], ...notes] },
  ]);
  return { bytes, rows: summary.length };
}
