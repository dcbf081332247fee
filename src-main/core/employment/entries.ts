// Employment status entries as the core builds and stores them: one builder (the rules of
// shared/employment run here too), and the one write that stores entries together with the record
// that made them (a closure as employed, a post assignment): one bulkDocs, all or nothing.
import type { SessionUser } from '../../../shared/rpc/handlers';
import { LeyeError } from '../../../shared/rpc/errors';
import { docId } from '../../../shared/documents/registry';
import type { EmploymentDoc, ResidentDoc, Stamp } from '../../../shared/documents';
import { employmentDateIssues } from '../../../shared/employment/rules';
import type { ClosureEmployment, EmploymentEntryData, EmploymentSource } from '../../../shared/employment/schema';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { randomId } from '../residents/identity';
import { isConflict, type StationDb } from '../store/db';

export interface EntryExtras {
  source?: { kind: EmploymentSource; id: string } | null;
  corrects?: string | null;
  correctionReason?: string;
  /** Field names of the issues start with this (`employment.` in the closure dialog). */
  fieldPrefix?: string;
  /** An entry a post assignment writes may start after today (the assignment's own start). */
  allowFuture?: boolean;
}

/** The entry for a resident, after the rules; a refusal names its field and stores nothing. */
export function buildEntry(
  resident: Pick<ResidentDoc, '_id' | 'placeCode' | 'birthDate'>,
  data: EmploymentEntryData,
  user: SessionUser,
  stamp: (user: SessionUser, placeCode: string) => Stamp,
  today: string,
  extras: EntryExtras = {},
): EmploymentDoc {
  const prefix = extras.fieldPrefix ?? '';
  const issues: FieldIssue[] = employmentDateIssues(data, resident.birthDate, extras.allowFuture ? '9999-12-31' : today).map((i) => ({
    field: prefix + i.field,
    messageKey: i.messageKey,
    ...(i.params ? { params: i.params } : {}),
  }));
  if (issues.length) {
    const first = issues[0]!;
    throw new LeyeError({ code: 'VALIDATION', field: first.field, messageKey: first.messageKey, ...(first.params ? { params: first.params } : {}), issues });
  }
  const migrant = data.status === 'migrant';
  return {
    _id: docId.employment(resident.placeCode, resident._id, data.effectiveDate, randomId(8)),
    type: 'employment',
    ...stamp(user, resident.placeCode),
    residentId: resident._id,
    status: data.status,
    area: migrant ? data.area : null,
    destination: migrant ? data.destination : '',
    employer: data.employer && data.employer.name ? { name: data.employer.name, creditCode: data.employer.creditCode } : null,
    effectiveDate: data.effectiveDate,
    endDate: data.endDate,
    note: data.note,
    recordedBy: user.loginName,
    recordedByName: user.displayName || user.loginName,
    source: extras.source ?? null,
    corrects: extras.corrects ?? null,
    correctionReason: extras.correctionReason ?? '',
  };
}

type Stored<T> = T & { _rev: string };

/**
 * Stores a record (new, or a new revision of one read at `_rev`) and the entries it makes in one
 * bulkDocs: one LevelDB batch, so a crash leaves all or none. Should one of them be refused (a
 * revision written meanwhile), what the batch did store is undone before the refusal: the new
 * entries deleted (they never left this station), the record put back as it was.
 */
export async function storeWithEntries<T extends { _id: string; _rev?: string }>(
  db: StationDb,
  doc: T,
  entries: readonly EmploymentDoc[],
  previous: Stored<T> | null = null,
): Promise<{ doc: Stored<T>; entries: Stored<EmploymentDoc>[] }> {
  const all = [doc, ...entries] as { _id: string }[];
  const results = await db.bulkDocs(all);
  const revs = results.map((r) => ('rev' in r && r.ok !== false ? r.rev : null));
  if (revs.every((rev) => rev !== null)) {
    return { doc: { ...doc, _rev: revs[0]! }, entries: entries.map((e, i) => ({ ...e, _rev: revs[i + 1]! })) };
  }
  const undo: { _id: string; _rev?: string; _deleted?: boolean }[] = [];
  entries.forEach((e, i) => {
    const rev = revs[i + 1];
    if (rev) undo.push({ _id: e._id, _rev: rev, _deleted: true });
  });
  if (revs[0]) undo.push(previous ? { ...previous, _rev: revs[0] } : { _id: doc._id, _rev: revs[0], _deleted: true });
  if (undo.length) await db.bulkDocs(undo);
  const failed = results.find((r) => !('rev' in r && r.ok !== false));
  if (failed && isConflict(failed)) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.conflict' });
  throw new Error(`write failed: ${failed && 'error' in failed ? String(failed.error) : 'unknown'}`);
}

/** What the residents service needs of employment status (the closure as employed), without the service's own imports. */
export interface ClosureEntries {
  closureEntry(resident: ResidentDoc, closure: { date: string; employment?: ClosureEmployment | undefined }, user: SessionUser, closureId: string): EmploymentDoc;
  storeWith<T extends { _id: string; _rev?: string }>(doc: T, entries: readonly EmploymentDoc[], previous?: (T & { _rev: string }) | null): Promise<T & { _rev: string }>;
}
