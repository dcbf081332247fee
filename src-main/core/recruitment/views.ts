// Recruitment's read side: an opening's facts (applications, withdrawals, the current 公示 and its
// objections) gathered from its append-only entries, each application checked against the
// assignment's own eligibility rules and ranked by the township's order in force.
import type { z } from 'zod';
import { ageOn } from '../../../shared/id/idNumber';
import { placeName } from '../../../shared/places';
import type { PostQualifyingGroup, RecruitmentPolicy } from '../../../shared/policy/parameters';
import type { ApplicationView, OpeningStatus, OpeningView, PublicityGate, PublicityView } from '../../../shared/recruitment/contract';
import { periodDays, periodEnded, publicityIssue, ranked, type PublicityFacts } from '../../../shared/recruitment/rules';
import type { openingSchema, recruitEntrySchema } from '../../../shared/documents/schemasPostCycle';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { addDays, type CoreContext } from '../context';
import { eligibility, postGroups } from '../posts/eligibility';
import type { PostsService } from '../posts/posts';
import type { PostDoc, ResidentDoc } from '../store/docs';

export type OpeningDoc = z.output<typeof openingSchema>;
export type RecruitEntryDoc = z.output<typeof recruitEntrySchema>;
type Entry<E extends RecruitEntryDoc['entry']> = Extract<RecruitEntryDoc, { entry: E }>;
export type PublicityDoc = Entry<'publicity'>;

/** An opening's entries sorted into what they record (oldest first). */
export interface OpeningFacts {
  applications: Entry<'application'>[];
  withdrawals: Map<string, Entry<'withdrawal'>>;
  /** The latest 公示 (a new one replaces the one before), or null. */
  publicity: PublicityDoc | null;
  objections: Entry<'objection'>[];
  decisions: Map<string, Entry<'decision'>>;
}

export function openingFacts(entries: readonly RecruitEntryDoc[]): OpeningFacts {
  const sorted = [...entries].sort((a, b) => a._id.localeCompare(b._id));
  const facts: OpeningFacts = { applications: [], withdrawals: new Map(), publicity: null, objections: [], decisions: new Map() };
  for (const e of sorted) {
    if (e.entry === 'application') facts.applications.push(e);
    else if (e.entry === 'withdrawal') facts.withdrawals.set(e.refersTo, e);
    else if (e.entry === 'publicity') facts.publicity = e;
    else if (e.entry === 'decision') facts.decisions.set(e.refersTo, e);
  }
  // Objections count against the 公示 they were raised on (the current one).
  facts.objections = sorted.filter((e): e is Entry<'objection'> => e.entry === 'objection' && e.refersTo === facts.publicity?._id);
  return facts;
}

/** The current 公示 as the gate reads it. */
export function publicityFacts(facts: OpeningFacts): PublicityFacts | null {
  const p = facts.publicity;
  if (!p) return null;
  return { from: p.noticeFrom, to: p.noticeTo, objections: facts.objections.map((o) => ({ upheld: facts.decisions.get(o._id)?.upheld ?? null })) };
}

export function gateOf(p: PublicityFacts, today: string): PublicityGate {
  const issue = publicityIssue(p, today);
  if (!issue) return 'ready';
  return issue.messageKey.endsWith('Upheld') ? 'upheld' : issue.messageKey.endsWith('Open') ? 'open' : 'running';
}

export function openingStatus(doc: OpeningDoc, facts: OpeningFacts, today: string): OpeningStatus {
  if (facts.publicity) return periodEnded({ from: facts.publicity.noticeFrom, to: facts.publicity.noticeTo }, today) ? 'noticeEnded' : 'noticeRunning';
  if (today < doc.windowFrom) return 'upcoming';
  return today > doc.windowTo ? 'closed' : 'open';
}

/** The groups a resident counts in for a post's ranking (as eligibility reads them, 大龄 on rural posts). */
function groupsOf(ctx: CoreContext, post: PostDoc, resident: ResidentDoc, day: string): PostQualifyingGroup[] {
  const policy = ctx.policies.posts(day);
  const age = ageOn(resident.birthDate, day);
  const groups = postGroups(resident, age, policy.urban.olderUnemployedAge);
  if (post.kind === 'rural' && age >= policy.rural.olderFromAge) groups.add('older');
  return [...groups];
}

/**
 * The eligibility rules an application breaks as of its date: those of an assignment from then
 * (the post's start at the earliest) for the usual one-year agreement, the post's end at the latest.
 */
export function applicationReasons(ctx: CoreContext, posts: PostsService, post: PostDoc, resident: ResidentDoc, date: string): FieldIssue[] {
  if (resident.closure) return [{ field: 'residentId', messageKey: 'errors.post.registrationClosed' }];
  const start = date < post.startDate ? post.startDate : date;
  const yearEnd = addDays(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`, -1);
  return eligibility(ctx.policies, posts.posts, posts.assignments, post, resident, start, yearEnd < post.endDate ? yearEnd : post.endDate);
}

export function openingView(doc: OpeningDoc & { _rev?: string }, facts: OpeningFacts, postName: string, today: string): OpeningView {
  return {
    id: doc._id,
    rev: doc._rev ?? '',
    postId: doc.postId,
    postName,
    places: doc.places,
    conditions: doc.conditions,
    windowFrom: doc.windowFrom,
    windowTo: doc.windowTo,
    contact: doc.contact,
    status: openingStatus(doc, facts, today),
    applicants: facts.applications.filter((a) => !facts.withdrawals.has(a._id)).length,
    updatedAt: doc.updatedAt,
  };
}

/** Every application with its person, reasons and rank (eligible standing ones ranked 1…, the rest after). */
export async function applicationViews(
  deps: { ctx: CoreContext; posts: PostsService },
  post: PostDoc,
  facts: OpeningFacts,
  policy: RecruitmentPolicy,
): Promise<ApplicationView[]> {
  const { ctx, posts } = deps;
  const rows: (ApplicationView & { at: string; applicationId: string })[] = [];
  for (const a of facts.applications) {
    const resident = await ctx.residentDoc(a.residentId);
    if (!resident) continue;
    const w = facts.withdrawals.get(a._id);
    rows.push({
      id: a._id,
      applicationId: a._id,
      at: a.createdAt,
      residentId: a.residentId,
      name: resident.name,
      sex: resident.sex,
      age: ageOn(resident.birthDate, a.date),
      villageName: placeName(resident.placeCode) ?? resident.placeCode,
      date: a.date,
      groups: groupsOf(ctx, post, resident, a.date),
      reasons: applicationReasons(ctx, posts, post, resident, a.date),
      withdrawn: w ? { date: w.date, reason: w.reason } : null,
      rank: null,
    });
  }
  const standing = ranked(rows.filter((r) => !r.withdrawn && r.reasons.length === 0), policy.groupOrder);
  standing.forEach((r, i) => (r.rank = i + 1));
  const rest = ranked(rows.filter((r) => r.rank === null), policy.groupOrder);
  return [...standing, ...rest].map(({ at: _at, applicationId: _id, ...view }) => view);
}

export function publicityView(facts: OpeningFacts, names: Map<string, string>, assigned: (residentId: string) => boolean, today: string): PublicityView | null {
  const p = facts.publicity;
  const gateFacts = publicityFacts(facts);
  if (!p || !gateFacts) return null;
  return {
    id: p._id,
    noticeFrom: p.noticeFrom,
    noticeTo: p.noticeTo,
    noticeDays: periodDays(gateFacts),
    objectionsTo: p.objectionsTo,
    candidates: p.candidates.map((id) => ({ residentId: id, name: names.get(id) ?? '', assigned: assigned(id) })),
    objections: facts.objections.map((o) => {
      const d = facts.decisions.get(o._id);
      return { id: o._id, date: o.date, by: o.by, content: o.content, decision: d ? { upheld: d.upheld, reason: d.reason, date: d.date } : null };
    }),
    gate: gateOf(gateFacts, today),
    issue: publicityIssue(gateFacts, today),
  };
}
