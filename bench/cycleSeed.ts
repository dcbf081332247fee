// The rest of the big station's documents (issue 17's post cycle, issue 18): for the posts and
// holders issue 3's figures seeded, a year of month closes, a 考核 entry per holder and closed
// month (every twelfth with a deduction and its printed 扣款告知书), a payment account per holder,
// exits for one holder in twenty, and an opening for one post in ten with its applications and
// 公示; then the audit log's entries (50,000 over the last year). Written as replication brings
// them: built with the registry's id builders, checked with `documentProblem` (the county's
// quarantine check), in synced bulk writes.
import { AUDIT_ACTIONS } from '../shared/access/contract';
import { ID_PREFIX, docId } from '../shared/documents/registry';
import type { Core, Session } from '../src-main/core/core';
import { prng } from '../src-main/core/station/demo';
import { documentProblem } from '../src-main/core/store/docSchemas';
import type { AssignmentDoc } from '../src-main/core/store/docs';

const BATCH = 2000;
export const AUDIT_ENTRIES = 50_000;

type Doc = { _id: string } & Record<string, unknown>;

async function write(core: Core, docs: Doc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    for (const doc of batch) {
      const problem = documentProblem(doc);
      if (problem) throw new Error(`seeded ${doc._id} is not valid: ${problem.field} ${problem.messageKey}`);
    }
    const results = await core.db.bulkDocs(batch);
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
  }
}

function previousMonths(today: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < n; i++) {
    m -= 1;
    if (m < 1) {
      m = 12;
      y -= 1;
    }
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

export interface CycleSeed {
  monthCloses: number;
  assessments: number;
  deductionNotices: number;
  payAccounts: number;
  exits: number;
  openings: number;
  recruitEntries: number;
}

/** Issue 17's documents for the station's posts and holders (those of issue 3's figures). */
export async function seedPostCycle(core: Core, session: Session): Promise<CycleSeed> {
  const user = session.user!.loginName;
  const at = core.now();
  const today = core.today();
  const place = '370102001002';
  const stamp = { schemaVersion: 1, placeCode: place, createdBy: user, createdAt: at, updatedBy: user, updatedAt: at };
  const assignments = (await core.db.allDocs<AssignmentDoc>({ include_docs: true, startkey: ID_PREFIX.assignment, endkey: `${ID_PREFIX.assignment}\ufff0` })).rows.map((r) => r.doc!);
  const byPost = new Map<string, AssignmentDoc[]>();
  for (const a of assignments) byPost.set(a.postId, [...(byPost.get(a.postId) ?? []), a]);
  const months = previousMonths(today, 11);
  const docs: Doc[] = [];
  const counts: CycleSeed = { monthCloses: 0, assessments: 0, deductionNotices: 0, payAccounts: 0, exits: 0, openings: 0, recruitEntries: 0 };
  const closedAt = (month: string) => `${month}-28T02:00:00.000Z`;
  for (const [postId, holders] of byPost) {
    for (const month of months) {
      const summary = {
        postId, month, minimumWage: null,
        holders: holders.map((h) => ({ residentId: h.residentId, name: '', presentDays: 21, personalLeaveDays: 0, sickLeaveDays: 0, absentDays: 0, restDays: 9, unmarkedDays: 0, hours: 84, payDue: 1600, hourlyPay: 19.05, belowMinimum: false })),
      };
      docs.push({ _id: docId.monthClose(postId, month), type: 'monthClose', ...stamp, postId, month, status: 'closed', summary, history: [{ action: 'close', by: user, at: closedAt(month), reason: '' }] });
      counts.monthCloses += 1;
    }
  }
  assignments.forEach((a, i) => {
    for (const month of months) {
      if (month < a.startDate.slice(0, 7)) continue;
      const when = closedAt(month).replace('02:00', '03:00');
      const deducted = (i + months.indexOf(month)) % 12 === 0;
      const id = docId.assessment(a.postId, month, a.residentId, when);
      docs.push({
        _id: id, type: 'assessment', ...stamp, postId: a.postId, assignmentId: a._id, residentId: a.residentId, month,
        scores: { attendance: 90, quality: 85, discipline: 95 }, score: 89.5, passed: true,
        deductions: deducted ? [{ reason: '无故缺勤一天', amountFen: 5000 }] : [], policyFrom: '2024-01-01', assessedBy: user, assessedByName: '基准', assessedAt: when, supersedes: null, note: '',
      });
      counts.assessments += 1;
      if (deducted) {
        docs.push({ _id: docId.deductionNotice(a.postId, month, a.residentId, when), type: 'deductionNotice', ...stamp, assessmentId: id, postId: a.postId, residentId: a.residentId, month, printedByName: '基准' });
        counts.deductionNotices += 1;
      }
    }
    docs.push({ _id: docId.payAccount(place, a.residentId, a.startDate), type: 'payAccount', ...stamp, residentId: a.residentId, kind: i % 2 ? 'bankCard' : 'socialSecurityCard', bankName: '济南农商银行', accountNo: `62284800${String(i).padStart(10, '0')}`, effectiveFrom: a.startDate, holderName: '基准' });
    counts.payAccounts += 1;
    if (i % 20 === 7) {
      docs.push({ _id: docId.assignmentExit(a._id), type: 'assignmentExit', ...stamp, assignmentId: a._id, postId: a.postId, residentId: a.residentId, date: months[0]! + '-15', reason: 'ownRequest', note: '', nextStatus: 'unemployed', byName: '基准' });
      counts.exits += 1;
    }
  });
  const applicants = assignments.map((a) => a.residentId);
  [...byPost.keys()].forEach((postId, p) => {
    if (p % 10 !== 0) return;
    const openingId = docId.opening(postId, `op${String(p).padStart(6, '0')}`);
    docs.push({ _id: openingId, type: 'opening', ...stamp, postId, places: 1, conditions: '本村户籍，年龄60岁以下', windowFrom: `${months[1]}-01`, windowTo: `${months[1]}-10`, contact: '村委会 0531-88888888' });
    counts.openings += 1;
    const applied = Array.from({ length: 8 }, (_, k) => applicants[(p * 8 + k) % applicants.length]!);
    applied.forEach((residentId, k) => {
      docs.push({ _id: docId.recruitEntry(openingId, `${months[1]}-0${k + 1}T02:00:00.000Z`, `ap${String(k).padStart(6, '0')}`), type: 'recruitEntry', ...stamp, openingId, date: `${months[1]}-0${k + 1}`, entry: 'application', residentId });
      counts.recruitEntries += 1;
    });
    docs.push({ _id: docId.recruitEntry(openingId, `${months[1]}-12T02:00:00.000Z`, 'pub00000'), type: 'recruitEntry', ...stamp, openingId, date: `${months[1]}-12`, entry: 'publicity', candidates: applied.slice(0, 1), noticeFrom: `${months[1]}-12`, noticeTo: `${months[1]}-18`, objectionsTo: '街道办事处' });
    counts.recruitEntries += 1;
  });
  await write(core, docs);
  return counts;
}

/** The audit log of a busy year: `count` entries over the last 365 days (reveals, prints, exports, logins refused…). */
export async function seedAudit(core: Core, session: Session, count = AUDIT_ENTRIES): Promise<number> {
  const random = prng(1818);
  const user = session.user!.loginName;
  const place = '370102001002';
  const end = Date.parse(core.now());
  const start = end - 365 * 86_400_000;
  const times = Array.from({ length: count }, () => start + Math.floor(random() * (end - start))).sort((a, b) => a - b);
  const docs: Doc[] = times.map((t, i) => {
    const iso = new Date(t).toISOString();
    const action = AUDIT_ACTIONS[i % 7 === 0 ? 4 : i % 5 === 0 ? 5 : i % 11 === 0 ? 9 : 0]!;
    return {
      _id: docId.audit(place, iso, `b${String(i).padStart(7, '0')}`), type: 'audit', schemaVersion: 1, placeCode: place,
      action, targetId: `${ID_PREFIX.resident}bench${i % 5000}`, field: action === 'reveal' ? 'idNumber' : action === 'print' ? 'registration' : 'residents',
      createdBy: i % 3 ? user : 'bench-clerk', createdAt: iso, updatedBy: i % 3 ? user : 'bench-clerk', updatedAt: iso,
    };
  });
  await write(core, docs);
  return docs.length;
}
