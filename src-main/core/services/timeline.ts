// A resident's one timeline: what happened to the person after registration, from every domain
// that records something about them, newest first. Each source reads its own documents and
// answers dated entries (shared/services/contract.ts TimelineEntry); adding what another domain
// records (employment status entries, say) is adding one source to TIMELINE_SOURCES.
import { sessionOf } from '../../../shared/documents/labels';
import { docId, keyOfId, PREFIX } from '../../../shared/documents/registry';
import type { ServiceTimelineItem, TimelineEntry } from '../../../shared/services/contract';
import { REFERRAL_KIND } from '../../../shared/services/schema';
import type { CoreContext } from '../context';
import { effectiveEnd } from '../../../shared/posts/exits';
import type { PostsService } from '../posts/posts';
import { prefixRange } from '../store/db';
import type { ResidentDoc, SignInDoc } from '../store/docs';
import type { TrainingService } from '../training/training';
import type { EmploymentService } from '../employment/employment';
import type { DecisionIndex } from './decisions';
import { serviceView, type ServiceDoc } from './services';

/** What every source is given: the resident and their service entries (read once for all). */
export interface TimelineInput {
  resident: ResidentDoc & { _id: string };
  services: ServiceDoc[];
}

export interface TimelineDeps {
  ctx: CoreContext;
  /** The resident's employment status history (src-main/core/employment/). */
  employment: Pick<EmploymentService, 'history'>;
  posts: PostsService;
  training: TrainingService;
  decisions: DecisionIndex;
}

export type TimelineSource = (input: TimelineInput, deps: TimelineDeps) => Promise<TimelineEntry[]> | TimelineEntry[];

const day = (iso: string) => iso.slice(0, 10);

/** The registration, its last change, its closures and reopenings (the resident's document keeps them). */
export const registrationSource: TimelineSource = ({ resident: r }) => {
  const out: TimelineEntry[] = [{ type: 'registered', kind: r.registration.kind, date: r.registration.date, at: r.createdAt, by: r.createdBy }];
  const reopenings = r.reopenings ?? [];
  for (const reopening of reopenings) {
    const c = reopening.closure;
    out.push({ type: 'closed', reason: c.reason, note: c.note, date: c.date, at: '', by: c.by });
    out.push({ type: 'reopened', reason: reopening.reason, closeReason: c.reason, closeDate: c.date, date: day(reopening.at), at: reopening.at, by: reopening.by });
  }
  if (r.closure) out.push({ type: 'closed', reason: r.closure.reason, note: r.closure.note, date: r.closure.date, at: r.updatedAt, by: r.closure.by });
  // A change of the details that was neither a closure nor a reopening.
  const last = reopenings[reopenings.length - 1];
  if (r.updatedAt > r.createdAt && !r.closure && r.updatedAt !== last?.at) out.push({ type: 'updated', date: day(r.updatedAt), at: r.updatedAt, by: r.updatedBy });
  return out;
};

/** Services, each referral with its results folded in, corrections marked on what they supersede. */
export const servicesSource: TimelineSource = ({ services }) => {
  const views = services.map((d) => serviceView(d, services));
  const byId = new Map(views.map((v) => [v.id, v]));
  const current = (id: string) => {
    let v = byId.get(id);
    for (let hops = 0; v?.correctedBy && hops < 1000; hops++) v = byId.get(v.correctedBy);
    return v;
  };
  // A correction after what it corrects, whatever the clock said (entries of one instant sort by chance).
  const depth = (v: (typeof views)[number]) => {
    let n = 0;
    for (let c = v.corrects; c !== undefined && n < 1000; c = byId.get(c)?.corrects) n++;
    return n;
  };
  const results = new Map<string, typeof views>();
  for (const v of views) {
    if (v.entry !== 'result' || !v.refersTo) continue;
    const referral = current(v.refersTo);
    if (!referral) continue;
    results.set(referral.id, [...(results.get(referral.id) ?? []), v]);
  }
  return views
    .filter((v) => v.entry === 'service')
    .map((v): TimelineEntry => {
      const own = (results.get(v.id) ?? []).sort((a, b) => depth(a) - depth(b) || a.at.localeCompare(b.at));
      const item: ServiceTimelineItem = { ...v, results: own, awaitingResult: v.kind === REFERRAL_KIND && v.correctedBy === null && own.length === 0 };
      return { type: 'service', service: item, date: v.date, at: v.at, by: v.by };
    });
};

/** Public-welfare post assignments. */
export const assignmentsSource: TimelineSource = ({ resident }, { posts }) =>
  posts.assignments
    .values()
    .filter((a) => a.residentId === resident._id)
    .map((a) => {
      // Ended early: the exit date and its reason, not the agreed end.
      const end = effectiveEnd(a, posts.exits.exitOf(a._id));
      return { type: 'assignment', post: posts.posts.get(a.postId)?.name ?? '', from: a.startDate, to: end.date, endReason: end.reason, date: a.startDate, at: a.createdAt, by: a.createdBy };
    });

/** The ids of a resident's sign-ins in a session, from the ids of the whole session's. */
async function signInIds(ctx: CoreContext, sessionId: string, residentKey: string): Promise<string[]> {
  const ids = await ctx.db.allDocs({ ...prefixRange(`${PREFIX.signIn}${sessionId.slice(PREFIX.training.length)}:`) });
  return ids.rows.flatMap((r) => (r.id.endsWith(`:${residentKey}`) ? [r.id] : []));
}

/** Training enrolments, and per session the half-days signed in (one entry, at the last one). */
export const trainingSource: TimelineSource = async ({ resident }, { ctx, training }) => {
  const out: TimelineEntry[] = [];
  const key = keyOfId(resident._id);
  for (const e of training.enrolments.values().filter((x) => x.residentId === resident._id)) {
    const sessionDoc = training.sessions.get(e.sessionId);
    const session = sessionDoc ? sessionOf(sessionDoc as unknown as Record<string, unknown>) : null;
    out.push({ type: 'enrolment', session, date: day(e.createdAt), at: e.createdAt, by: e.createdBy });
    // The resident's own sign-ins, one per half-day of the timetable (as `training.attendance`
    // counts them), read by id: never every trainee's. A session not here yet: read its range.
    const keys = sessionDoc ? sessionDoc.timetable.map((slot) => docId.signIn(e.sessionId, slot.date, slot.half, resident._id)) : await signInIds(ctx, e.sessionId, key);
    const rows = keys.length ? (await ctx.db.allDocs<SignInDoc>({ keys, include_docs: true })).rows : [];
    const mine = rows.flatMap((r) => ('doc' in r && r.doc?.in ? [r.doc] : [])).sort((a, b) => `${a.date}${a.half}`.localeCompare(`${b.date}${b.half}`));
    const first = mine[0];
    const last = mine[mine.length - 1];
    if (first && last) out.push({ type: 'signIns', session, halfDays: mine.length, from: first.date, to: last.date, lastHalf: last.half, date: last.date, at: last.in?.at ?? '', by: last.in?.by ?? '' });
  }
  return out;
};

/** The county's decisions on the resident's registration and service records. */
export const decisionsSource: TimelineSource = ({ resident, services }, { decisions }) => {
  const about: [string, { record: 'resident' | 'service'; recordDate: string }][] = [
    [resident._id, { record: 'resident', recordDate: resident.registration.date }],
    ...services.map((s): [string, { record: 'service'; recordDate: string }] => [s._id, { record: 'service', recordDate: s.date }]),
  ];
  return about.flatMap(([id, what]) => decisions.of(id).map((d): TimelineEntry => ({ type: 'decision', decision: d.decision, reason: d.reason, ...what, date: day(d.at), at: d.at, by: '' })));
};

/** Employment status entries (就业登记), dated by when they take effect; a corrected one says so. */
export const employmentSource: TimelineSource = async ({ resident }, { employment }) =>
  (await employment.history(resident._id)).entries.map(
    (e): TimelineEntry => ({
      type: 'employment',
      status: e.status,
      employer: e.employer?.name ?? '',
      area: e.area,
      destination: e.destination,
      endDate: e.endDate,
      corrected: e.correctedBy !== null,
      date: e.effectiveDate,
      at: e.recordedAt,
      by: e.recordedBy,
    }),
  );

/** Every source of the timeline; a domain that records something about a resident adds its own. */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [registrationSource, servicesSource, assignmentsSource, trainingSource, decisionsSource, employmentSource];

/** Newest first: by day, then by when it was recorded. */
export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return b.date.localeCompare(a.date) || b.at.localeCompare(a.at);
}

export async function timeline(input: TimelineInput, deps: TimelineDeps, sources: readonly TimelineSource[] = TIMELINE_SOURCES): Promise<TimelineEntry[]> {
  const parts = await Promise.all(sources.map((source) => source(input, deps)));
  return parts.flat().sort(newestFirst);
}
