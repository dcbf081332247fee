// The employment status entries an exit and its withdrawal write (shared/employment: entries are
// never rewritten, a correcting entry replaces one). An exit ends the assignment's standing
// 公益性岗位 entries on the exit date and starts the next status the day after; a withdrawal
// corrects both back: the 公益性岗位 entry runs to the agreed end again, and the next status
// becomes 公益性岗位 from the day after the withdrawn exit (the post held on), so the ledger
// counts no new employment and no exit.
import type { EmploymentDoc } from '../../../shared/documents';
import type { EmploymentEntryData } from '../../../shared/employment/schema';
import type { ExitNextStatus } from '../../../shared/posts/exits';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { addDays, type CoreContext } from '../context';
import { buildEntry } from '../employment/entries';
import type { AssignmentDoc, ResidentDoc } from '../store/docs';

type Entry = Pick<EmploymentDoc, 'status' | 'area' | 'destination' | 'employer' | 'effectiveDate' | 'endDate' | 'note'>;

const dataOf = (e: Entry, over: Partial<EmploymentEntryData>): EmploymentEntryData => ({
  status: e.status,
  area: e.area,
  destination: e.destination,
  employer: e.employer,
  effectiveDate: e.effectiveDate,
  endDate: e.endDate,
  note: e.note,
  ...over,
});

/** The entries the assignment wrote (or an exit or withdrawal wrote for it) that stand: not corrected by another. */
export function standingOf(all: readonly EmploymentDoc[], assignmentId: string): EmploymentDoc[] {
  const corrected = new Set(all.flatMap((e) => (e.corrects ? [e.corrects] : [])));
  return all.filter((e) => e.source?.kind === 'assignment' && e.source.id === assignmentId && !corrected.has(e._id));
}

interface Writer {
  ctx: CoreContext;
  user: SessionUser;
  resident: Pick<ResidentDoc, '_id' | 'placeCode' | 'birthDate'>;
  assignment: AssignmentDoc;
}

function build(w: Writer, data: EmploymentEntryData, extras: { corrects?: string; reason?: string; fieldPrefix?: string }): EmploymentDoc {
  const stamp = (u: SessionUser, place: string) => w.ctx.stamp(u, place);
  return buildEntry(w.resident, data, w.user, stamp, w.ctx.today(), {
    source: { kind: 'assignment', id: w.assignment._id },
    allowFuture: true,
    ...(extras.corrects ? { corrects: extras.corrects, correctionReason: (extras.reason ?? '').slice(0, 200) } : {}),
    ...(extras.fieldPrefix ? { fieldPrefix: extras.fieldPrefix } : {}),
  });
}

/**
 * An exit on `date`: the standing 公益性岗位 entries running past it end on it; the next status
 * starts the day after, correcting a 公益性岗位 entry a withdrawal restored after that day (else new).
 */
export function exitEntries(w: Writer, standing: readonly EmploymentDoc[], date: string, next: ExitNextStatus | null, note: string, reason: string): EmploymentDoc[] {
  const post = standing.filter((e) => e.status === 'publicWelfare');
  const out = post
    .filter((e) => e.effectiveDate <= date && (e.endDate === null || e.endDate >= date))
    .map((e) => build(w, dataOf(e, { endDate: date }), { corrects: e._id, reason }));
  const later = post.find((e) => e.effectiveDate > date);
  if (next) out.push(build(w, { ...next, effectiveDate: addDays(date, 1), endDate: null, note }, { fieldPrefix: 'next.', ...(later ? { corrects: later._id, reason } : {}) }));
  return out;
}

/**
 * A withdrawal of the exit on `date`: the 公益性岗位 entries it ended run to the agreed end again,
 * and the status it started the day after becomes 公益性岗位 to the agreed end.
 */
export function withdrawalEntries(w: Writer, standing: readonly EmploymentDoc[], date: string, reason: string): EmploymentDoc[] {
  const agreedEnd = w.assignment.endDate;
  const ended = standing.filter((e) => e.status === 'publicWelfare' && e.endDate === date && e.corrects !== null);
  const out = ended.map((e) => build(w, dataOf(e, { endDate: agreedEnd }), { corrects: e._id, reason }));
  const day = addDays(date, 1);
  const next = standing.find((e) => e.effectiveDate === day && e.endDate === null);
  const model = ended[0] ?? standing.find((e) => e.status === 'publicWelfare');
  if (next && day <= agreedEnd) {
    const data: EmploymentEntryData = { status: 'publicWelfare', area: null, destination: '', employer: model?.employer ?? null, effectiveDate: day, endDate: agreedEnd, note: model?.note ?? '' };
    out.push(build(w, data, { corrects: next._id, reason }));
  }
  return out;
}
