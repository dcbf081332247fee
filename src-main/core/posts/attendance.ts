// Daily attendance of a post's holders: immutable per-day documents (a correction is a new
// revision with its history), a month's grid, and the cache of the recently opened months.
import type { AttendanceCell, AttendanceGridView, AttendanceRevision, GridDay, ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { docId } from '../../../shared/documents/registry';
import { attendanceDateIssue } from '../../../shared/posts/rules';
import { daysInMonth, fail } from '../context';
import { ID_PREFIX, type AttendanceDoc, type MonthCloseDoc } from '../store/docs';
import { getOrNull, prefixRange } from '../store/db';
import { fieldError } from '../validation';
import { PostRecords, keyOf } from './records';
import { closeView } from './monthCloseView';

export class PostAttendance extends PostRecords {
  /**
   * A month of one post's marks, kept for the most recently opened months: the grid is opened,
   * edited and closed again and again, and reading ~1,500 documents costs ~100 ms each time.
   */
  private readonly months = new Map<string, Map<string, AttendanceDoc & { _rev: string }>>();
  private static readonly MONTHS_KEPT = 24;

  protected async monthDocs(postId: string, month: string): Promise<(AttendanceDoc & { _rev: string })[]> {
    const key = `${keyOf(postId)}:${month}`;
    let docs = this.months.get(key);
    if (docs) {
      this.months.delete(key);
    } else {
      const result = await this.ctx.db.allDocs<AttendanceDoc>({ include_docs: true, ...prefixRange(`${ID_PREFIX.attendance}${key}:`) });
      docs = this.months.get(key) ?? new Map();
      for (const row of result.rows) if (row.doc && row.doc.postId === postId) keepNewer(docs, row.doc as AttendanceDoc & { _rev: string });
      if (this.months.size >= PostAttendance.MONTHS_KEPT) this.months.delete(this.months.keys().next().value!);
    }
    this.months.set(key, docs);
    return [...docs.values()];
  }

  /** Keeps a cached month current with a written or replicated mark. */
  applyAttendance(doc: AttendanceDoc & { _rev: string }): void {
    const docs = this.months.get(`${keyOf(doc.postId)}:${doc.date.slice(0, 7)}`);
    if (docs) keepNewer(docs, doc);
  }

  protected holdersInMonth(postId: string, month: string) {
    const first = `${month}-01`;
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
    return this.heldOf(postId)
      .filter((a) => a.startDate <= last && a.endDate >= first)
      .map((a) => ({
        assignment: a,
        from: a.startDate > first ? a.startDate : first,
        to: a.endDate < last ? a.endDate : last,
        name: this.ctx.residents.summary(a.residentId)?.name ?? '',
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name, 'zh-CN') || a.assignment._id.localeCompare(b.assignment._id));
  }

  protected closeOf(postId: string, month: string): (MonthCloseDoc & { _rev: string }) | null {
    return this.closes.get(docId.monthClose(postId, month));
  }

  async month(postId: string, month: string): Promise<AttendanceGridView> {
    const post = this.post(postId);
    const today = this.ctx.today();
    const days: GridDay[] = [];
    for (let d = 1; d <= daysInMonth(month); d++) {
      const date = `${month}-${String(d).padStart(2, '0')}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      days.push({ date, day: d, weekday, weekend: weekday === 0 || weekday === 6, future: date > today });
    }
    const holders = this.holdersInMonth(postId, month);
    const cells: AttendanceGridView['cells'] = {};
    for (const h of holders) cells[h.assignment.residentId] = {};
    const marks = await this.monthDocs(postId, month);
    for (const doc of marks) (cells[doc.residentId] ??= {})[doc.date] = cellOf(doc);
    const close = this.closeOf(postId, month);
    // The county accepted the month (its close or any of its days): read-only until it unlocks.
    const countyLockedAt = [docId.monthClose(postId, month), ...marks.map((d) => d._id)].reduce<string | null>((latest, id) => {
      const at = this.ctx.lockedAt(id);
      return at && (!latest || at > latest) ? at : latest;
    }, null);
    return {
      post: this.postView(post),
      month,
      days,
      holders: holders.map((h) => ({ residentId: h.assignment.residentId, name: h.name, assignmentId: h.assignment._id, from: h.from, to: h.to })),
      cells,
      close: close ? closeView(close) : null,
      locked: close?.status === 'closed' || countyLockedAt !== null,
      countyLockedAt,
    };
  }

  async setMarks(args: ParsedArgsOf<'attendance.set'>, user: SessionUser): Promise<{ cells: { residentId: string; date: string; cell: AttendanceCell }[] }> {
    const post = this.post(args.postId);
    const today = this.ctx.today();
    const holders = this.heldOf(post._id);
    // Every mark is checked before anything is written: a batch is stored whole or not at all.
    args.marks.forEach((m, i) => {
      const future = attendanceDateIssue(m.date, today);
      if (future) fail(fieldError(`marks.${i}.${future.field}`, future.messageKey, future.params));
      if (this.closeOf(post._id, m.date.slice(0, 7))?.status === 'closed') {
        fail({ code: 'LOCKED', field: `marks.${i}.date`, messageKey: 'errors.attendance.monthClosed', params: { month: m.date.slice(0, 7) } });
      }
      if (!holders.some((a) => a.residentId === m.residentId && a.startDate <= m.date && a.endDate >= m.date)) {
        fail(fieldError(`marks.${i}.date`, 'errors.attendance.notHolder', { date: m.date }));
      }
    });
    // The last mark for a day wins within one batch.
    const byId = new Map<string, (typeof args.marks)[number]>();
    for (const m of args.marks) byId.set(docId.attendance(post._id, m.residentId, m.date), m);
    const ids = [...byId.keys()];
    const existing = await this.ctx.db.allDocs<AttendanceDoc>({ keys: ids, include_docs: true });
    const at = this.ctx.now();
    const docs: (AttendanceDoc & { _rev?: string })[] = [];
    const unchanged: (AttendanceDoc & { _rev: string })[] = [];
    existing.rows.forEach((row, i) => {
      const id = ids[i]!;
      const mark = byId.get(id)!;
      const old = row.doc as (AttendanceDoc & { _rev: string }) | undefined;
      if (old && old.mark === mark.mark && old.hours === mark.hours) {
        unchanged.push(old);
        return;
      }
      docs.push(
        old
          ? {
              ...old,
              mark: mark.mark,
              hours: mark.hours,
              history: [...old.history, { mark: old.mark, hours: old.hours, by: old.updatedBy, at: old.updatedAt }],
              updatedBy: user.loginName,
              updatedAt: at,
            }
          : {
              _id: id,
              type: 'attendance',
              ...this.ctx.stamp(user, post.placeCode),
              postId: post._id,
              residentId: mark.residentId,
              date: mark.date,
              mark: mark.mark,
              hours: mark.hours,
              history: [],
            },
      );
    });
    this.ctx.assertUnlocked(docs.map((d) => d._id));
    const results = docs.length ? await this.ctx.db.bulkDocs(docs) : [];
    const failed = results.find((r) => !('rev' in r));
    if (failed) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const saved = docs.map((d, i) => ({ ...d, _rev: (results[i] as { rev: string }).rev }));
    for (const doc of saved) this.applyAttendance(doc);
    return { cells: [...saved, ...unchanged].map((d) => ({ residentId: d.residentId, date: d.date, cell: cellOf(d) })) };
  }

  async history(postId: string, residentId: string, date: string): Promise<AttendanceRevision[]> {
    const doc = await getOrNull<AttendanceDoc>(this.ctx.db, docId.attendance(postId, residentId, date));
    if (!doc) return [];
    return [...doc.history, { mark: doc.mark, hours: doc.hours, by: doc.updatedBy, at: doc.updatedAt }];
  }
}

function keepNewer(docs: Map<string, AttendanceDoc & { _rev: string }>, doc: AttendanceDoc & { _rev: string }): void {
  const existing = docs.get(doc._id);
  if (!existing || Number.parseInt(existing._rev, 10) <= Number.parseInt(doc._rev, 10)) docs.set(doc._id, doc);
}

function cellOf(doc: AttendanceDoc): AttendanceCell {
  return { mark: doc.mark, hours: doc.hours, updatedBy: doc.updatedBy, updatedAt: doc.updatedAt, corrections: doc.history.length };
}
