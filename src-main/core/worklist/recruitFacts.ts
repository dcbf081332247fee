// What the work list's recruitment rule reads of a database (kept by ./facts.ts with the rest):
// the openings (岗位公告) and, per opening, the entries that decide whether its 公示 still has a
// candidate to place: the 公示s, withdrawals, objections and their decisions. Applications are
// not kept (a 公示 names its candidates). Whether a candidate is placed is read from the
// assignments the facts already keep.
import type { RecruitCandidateFact, RecruitNoticeFact } from '../../../shared/worklist/recruitRule';

export interface OpeningFact {
  postId: string;
  placeCode: string;
  windowFrom: string;
  windowTo: string;
}

/** The few fields of an entry the rule reads. */
export type RecruitEntryFact =
  | { entry: 'publicity'; candidates: string[]; noticeFrom: string; noticeTo: string }
  | { entry: 'withdrawal'; residentId: string }
  | { entry: 'objection'; refersTo: string }
  | { entry: 'decision'; refersTo: string; upheld: boolean };

/** An entry as stored (../../../shared/documents/schemasPostCycle.ts recruitEntrySchema), loosely read. */
interface EntryDoc {
  openingId?: string;
  entry?: string;
  candidates?: string[];
  noticeFrom?: string;
  noticeTo?: string;
  residentId?: string;
  refersTo?: string;
  upheld?: boolean;
}

/** The entry's fields the rule reads, or null for an entry it does not (an application). */
export function entryFact(doc: EntryDoc): RecruitEntryFact | null {
  switch (doc.entry) {
    case 'publicity':
      return doc.candidates && doc.noticeFrom && doc.noticeTo ? { entry: 'publicity', candidates: doc.candidates, noticeFrom: doc.noticeFrom, noticeTo: doc.noticeTo } : null;
    case 'withdrawal':
      return doc.residentId ? { entry: 'withdrawal', residentId: doc.residentId } : null;
    case 'objection':
      return doc.refersTo ? { entry: 'objection', refersTo: doc.refersTo } : null;
    case 'decision':
      return doc.refersTo && typeof doc.upheld === 'boolean' ? { entry: 'decision', refersTo: doc.refersTo, upheld: doc.upheld } : null;
    default:
      return null;
  }
}

/** An assignment as the rule reads it: at which post, from when. */
export interface HeldFact {
  postId: string;
  startDate: string;
}

/**
 * The opening's current 公示 as the rule reads it, or null when it has none. `entries` are the
 * opening's, by id (ids sort in the order they were written); `held` a resident's assignments.
 */
export function recruitNoticeFact(
  openingId: string,
  opening: OpeningFact,
  entries: ReadonlyMap<string, RecruitEntryFact>,
  postName: string,
  held: (residentId: string) => Iterable<HeldFact>,
): RecruitNoticeFact | null {
  const ids = [...entries.keys()].sort();
  let publicityId: string | null = null;
  for (const id of ids) if (entries.get(id)!.entry === 'publicity') publicityId = id;
  if (publicityId === null) return null;
  const p = entries.get(publicityId) as Extract<RecruitEntryFact, { entry: 'publicity' }>;
  const withdrawn = new Set<string>();
  const objections = new Set<string>();
  let upheld = false;
  for (const id of ids) {
    const e = entries.get(id)!;
    if (e.entry === 'withdrawal' && id > publicityId) withdrawn.add(e.residentId);
    if (e.entry === 'objection' && e.refersTo === publicityId) objections.add(id);
  }
  for (const e of entries.values()) if (e.entry === 'decision' && e.upheld && objections.has(e.refersTo)) upheld = true;
  const candidates: RecruitCandidateFact[] = p.candidates.map((residentId) => {
    let assigned = false;
    for (const a of held(residentId)) if (a.postId === opening.postId && a.startDate >= p.noticeFrom) assigned = true;
    return { residentId, assigned, withdrawn: withdrawn.has(residentId) };
  });
  return { openingId, publicityId, postId: opening.postId, postName, placeCode: opening.placeCode, windowFrom: opening.windowFrom, windowTo: opening.windowTo, noticeFrom: p.noticeFrom, noticeTo: p.noticeTo, candidates, upheld };
}
