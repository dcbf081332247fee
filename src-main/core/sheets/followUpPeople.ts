// What the follow-up ledgers (援助台账, 就业失业动态台账) read of people and their employment
// status, and how they word it: the residents from the in-memory index (never 100,000 documents
// from disk), the status entries from the employment service's cache, every label in the
// reader's language (a village by its name, never its code).
import { docsById as readByIds } from '../store/db';
import type { EmploymentDoc } from '../../../shared/documents';
import { standingEntries, type EntryFact, type ResidentFact } from '../../../shared/employment/counts';
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import { placeName } from '../../../shared/places';
import type { CareCategory } from '../../../shared/residents/schema';
import { daysInMonth, type CoreContext } from '../context';
import { entryFact } from '../../../shared/employment/counts';
import type { LedgerEntry } from '../search/residentIndex';
import type { ResidentDoc } from '../store/docs';
import { text, type Locale } from './texts';

/** A resident as the ledgers show them: the index's ledger entry and their care categories. */
export interface LedgerPerson extends LedgerEntry {
  care: CareCategory[];
}

/**
 * The residents `keep` accepts, from the index. Care categories come with the target group
 * 重点关爱人群 only, so one filtered scan of the index finds every resident who has any.
 */
export async function ledgerPeople(ctx: CoreContext, keep: (entry: LedgerEntry, care: readonly CareCategory[]) => boolean): Promise<LedgerPerson[]> {
  await ctx.residentsIndexed();
  const index = ctx.residents;
  const keyCare = index.search({ query: '', targetGroup: 'keyCare', sort: 'registeredOn', order: 'asc', offset: 0, limit: Math.max(1, index.size) }, ctx.today());
  const careOf = new Map(keyCare.items.map((r) => [r.id, r.careCategories]));
  const out: LedgerPerson[] = [];
  index.eachLedgerEntry((entry) => {
    const care = careOf.get(entry.id) ?? [];
    if (keep(entry, care)) out.push({ ...entry, care });
  });
  // By village, then name: the order a township's paper ledger keeps.
  const collator = new Intl.Collator('zh-Hans-CN');
  return out.sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)));
}

/** Registered 就业困难人员: a hardship registration, or the care category 就业困难人员. */
export function isHardToEmploy(entry: Pick<LedgerEntry, 'kind'>, care: readonly CareCategory[]): boolean {
  return entry.kind === 'hardship' || care.includes('hardToEmploy');
}

/** What the employment counts read of a resident (as src-main/core/employment's residentFact, from the index). */
export function personFact(p: LedgerPerson): ResidentFact {
  return {
    place: p.place,
    householdType: p.householdType,
    targetGroups: p.groups,
    registration: { kind: p.kind, date: p.registeredOn },
    hardToEmploy: p.care.includes('hardToEmploy'),
  };
}

/** Documents by id (the people of a ledger, not one read each): the store's bounded reader. */
export async function docsById<T extends { _id: string }>(ctx: CoreContext, ids: readonly string[]): Promise<Map<string, T>> {
  return (await readByIds<T>(ctx.db, ids)) as Map<string, T>;
}

/** The hardship categories of those people who applied as 就业困难人员 (the index does not keep them). */
export async function hardshipCategories(ctx: CoreContext, people: readonly LedgerPerson[]): Promise<Map<string, string[]>> {
  const docs = await docsById<ResidentDoc>(ctx, people.filter((p) => p.kind === 'hardship').map((p) => p.id));
  const out = new Map<string, string[]>();
  for (const [id, doc] of docs) if (doc.registration.kind === 'hardship') out.set(id, doc.registration.hardshipCategories);
  return out;
}

// ── Employment status ────────────────────────────────────────────────────────────────────────

export type StandingEntry = EntryFact & { doc: EmploymentDoc };

/** A resident's entries: all of them (for the counts) and those that stand, oldest first. */
export interface History {
  facts: EntryFact[];
  standing: StandingEntry[];
}

/** The histories of the residents `wanted` accepts, from every entry of the station. */
export function histories(docs: readonly EmploymentDoc[], wanted: (residentId: string) => boolean = () => true): Map<string, History> {
  const byResident = new Map<string, EmploymentDoc[]>();
  for (const d of docs) {
    if (!wanted(d.residentId)) continue;
    const list = byResident.get(d.residentId);
    if (list) list.push(d);
    else byResident.set(d.residentId, [d]);
  }
  const out = new Map<string, History>();
  for (const [id, list] of byResident) {
    const facts = list.map(entryFact);
    out.set(id, { facts, standing: standingEntries(list.map((doc) => ({ ...entryFact(doc), doc }))) });
  }
  return out;
}

/** The standing entry in force on `day`: the latest that starts on or before it (null before any). */
export function statusOn(history: History | undefined, day: string): StandingEntry | null {
  let found: StandingEntry | null = null;
  for (const e of history?.standing ?? []) {
    if (e.effectiveDate > day) break;
    found = e;
  }
  return found;
}

// ── Cells ────────────────────────────────────────────────────────────────────────────────────

/** "甲（乙）" / "A (B)". */
const paren = (locale: Locale, outer: string, inner: string) => (locale === 'en' ? `${outer} (${inner})` : `${outer}（${inner}）`);
/** "、" / ", ". */
export const listSep = (locale: Locale) => (locale === 'en' ? ', ' : '、');
/** "；" / "; ": between clauses of one cell. */
export const clauseSep = (locale: Locale) => (locale === 'en' ? '; ' : '；');

export function villageName(place: string): string {
  return placeName(place) ?? place;
}

export function idCell(p: LedgerPerson, full: boolean): string {
  return full ? p.idNumber : maskIdNumber(p.idNumber);
}

export function phoneCell(p: LedgerPerson, full: boolean): string {
  return full ? p.phone : maskPhone(p.phone);
}

/** 姓名, 身份证号, 性别, 年龄, 村（社区）. */
export function personCells(locale: Locale, p: LedgerPerson, full: boolean, today: string): (string | number)[] {
  return [p.name, idCell(p, full), text(locale, `enums.sex.${p.sex}`), ageOn(p.birthDate, today), villageName(p.place)];
}

/** 失业登记（有效）, 失业登记（已注销：已就业，2026-12-01）. */
export function registrationCell(locale: Locale, p: LedgerPerson): string {
  const kind = text(locale, `enums.kind.${p.kind}`);
  if (p.active) return paren(locale, kind, text(locale, 'enums.status.active'));
  const reason = p.closeReason ? text(locale, `enums.closeReason.${p.closeReason}`) : '';
  return paren(locale, kind, [text(locale, 'enums.status.closed'), reason, p.closedOn].filter(Boolean).join(locale === 'en' ? ', ' : '，'));
}

/** Target groups, and the care categories after 重点关爱人群. */
export function groupsCell(locale: Locale, p: LedgerPerson): string {
  const sep = listSep(locale);
  return p.groups
    .map((g) => {
      const group = text(locale, `enums.targetGroup.${g}`);
      return g === 'keyCare' && p.care.length ? paren(locale, group, p.care.map((c) => text(locale, `enums.careCategory.${c}`)).join(sep)) : group;
    })
    .join(sep);
}

export function hardshipCell(locale: Locale, categories: readonly string[] | undefined): string {
  return (categories ?? []).map((c) => text(locale, `enums.hardshipCategory.${c}`)).join(listSep(locale));
}

/** The status of an entry on `day`: 外出务工 with where it is, an ended one with its end date. */
export function statusCell(locale: Locale, e: StandingEntry | null, day: string, none: string): string {
  if (!e) return none;
  const d = e.doc;
  let status = text(locale, `employment.statuses.${d.status}`);
  if (d.status === 'migrant' && d.area) status = paren(locale, status, [text(locale, `employment.areas.${d.area}`), d.destination].filter(Boolean).join(' '));
  return d.endDate !== null && d.endDate < day ? text(locale, 'sheets.assistance.ended', { status, date: d.endDate }) : status;
}

/** The employer, or where a 外出务工 person works. */
export function workplaceCell(locale: Locale, e: StandingEntry | null): string {
  if (!e) return '';
  const d = e.doc;
  if (d.employer) return d.employer.name;
  return d.area ? [text(locale, `employment.areas.${d.area}`), d.destination].filter(Boolean).join(' ') : '';
}

/** The last day of a month (YYYY-MM-DD). */
export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

export const fullMode = (locale: Locale, full: boolean) => text(locale, full ? 'sheets.ledgerFull' : 'sheets.ledgerMasked');
