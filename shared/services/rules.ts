// The rules of service records that need more than the form's own values: the resident's birth
// date and registration, today, the entries already stored. The core applies them before it
// stores anything; the form applies the same functions to what it knows (the resident on screen,
// today), so the clerk sees the message on the field before saving. Each issue names its field.
import type { FieldIssue } from '../rpc/errors';
import { KIND_AFTER_CLOSURE, REFERRAL_KIND, type ServiceEntry, type ServiceKind } from './schema';

/** What the rules know of the resident and the day. */
export interface ServiceFacts {
  today: string;
  birthDate: string;
  /** The registration is closed (注销). */
  closed: boolean;
}

/** A stored entry as the rules read it. */
export interface StoredEntry {
  id: string;
  residentId: string;
  entry: ServiceEntry;
  date: string;
  kind?: ServiceKind;
  refersTo?: string;
  corrects?: string;
}

const issue = (field: string, messageKey: string, params?: Record<string, string>): FieldIssue => ({ field, messageKey, ...(params ? { params } : {}) });

/** Not in the future, not before the person was born. */
export function dateIssues(date: string, facts: ServiceFacts, field = 'date'): FieldIssue[] {
  if (date > facts.today) return [issue(field, 'errors.services.dateFuture', { today: facts.today })];
  if (facts.birthDate && date < facts.birthDate) return [issue(field, 'errors.services.dateBeforeBirth', { birthDate: facts.birthDate })];
  return [];
}

/**
 * A service's own rules: its date, and, for a person whose registration is closed, only a 回访
 * (a correction keeps the kind of the entry it corrects whatever the registration is now).
 */
export function serviceIssues(input: { date: string; kind: ServiceKind }, facts: ServiceFacts, correctedKind?: ServiceKind): FieldIssue[] {
  const out = dateIssues(input.date, facts);
  if (facts.closed && input.kind !== KIND_AFTER_CLOSURE && input.kind !== correctedKind) out.push(issue('kind', 'errors.services.closedOnlyFollowUp'));
  return out;
}

/** The first entry of a correction chain (an entry that corrects none is its own). */
export function rootOf(id: string, byId: ReadonlyMap<string, StoredEntry>): string {
  let current = id;
  for (let hops = 0; hops < 1000; hops++) {
    const corrects = byId.get(current)?.corrects;
    if (corrects === undefined || !byId.has(corrects)) return current;
    current = corrects;
  }
  return current;
}

/**
 * A referral's result: for an existing referral (岗位推荐) of the same resident, once (a result
 * recorded for any version of the referral counts), not dated before the referral.
 */
export function resultIssues(input: { referralId: string; date: string }, entries: readonly StoredEntry[], facts: ServiceFacts): FieldIssue[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const referral = byId.get(input.referralId);
  if (!referral || referral.entry !== 'service' || referral.kind !== REFERRAL_KIND) return [issue('referralId', 'errors.services.noReferral')];
  const root = rootOf(referral.id, byId);
  const recorded = entries.some((e) => e.entry === 'result' && e.corrects === undefined && e.refersTo !== undefined && byId.has(e.refersTo) && rootOf(e.refersTo, byId) === root);
  if (recorded) return [issue('referralId', 'errors.services.resultTwice')];
  const out = dateIssues(input.date, facts);
  if (out.length === 0 && input.date < referral.date) out.push(issue('date', 'errors.services.resultBeforeReferral', { referralDate: referral.date }));
  return out;
}

/** A correction: of an entry of this resident and the same kind of entry, not corrected already. */
export function correctionIssues(input: { corrects: string; entry: ServiceEntry }, entries: readonly StoredEntry[]): FieldIssue[] {
  const target = entries.find((e) => e.id === input.corrects);
  if (!target || target.entry !== input.entry) return [issue('corrects', 'errors.services.noSuchEntry')];
  if (entries.some((e) => e.corrects === target.id)) return [issue('corrects', 'errors.services.alreadyCorrected')];
  return [];
}
