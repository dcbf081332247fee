// The township's 公益性岗位补贴发放表 for one month: every village's holders from the closed
// months in their relay copies (synced or imported from USB) and the township's own posts. A
// village whose month is not closed, or whose data never arrived, is listed as missing with why.
import type { PayrollMissing, PayrollRow, PayrollSheet, PayrollTotals, PayrollVillage } from '../../../shared/payroll/contract';
import { docId } from '../../../shared/documents/registry';
import type { CoreContext } from '../context';
import { prefixRange, type StationDb } from '../store/db';
import { ID_PREFIX, type AssignmentDoc, type MonthCloseDoc, type PostDoc } from '../store/docs';
import type { AssessmentDoc, DeductionNoticeDoc, PayAccountDoc } from '../../../shared/documents/types';
import type { SyncService } from '../sync/sync';
import { accountView, latestAccounts } from './accounts';
import { placeNames } from './names';
import { PAY_FROM, holderPayFor } from './pay';

/** One database's posts, holders, month closes and accounts, as the sheet reads them. */
interface Source {
  place: string;
  own: boolean;
  posts: PostDoc[];
  assignments: AssignmentDoc[];
  closes: Map<string, MonthCloseDoc>;
  accounts: PayAccountDoc[];
  /** 考核 entries and printed 扣款告知书 by `<post id>|<month>`. */
  assessments: Map<string, AssessmentDoc[]>;
  notices: Map<string, DeductionNoticeDoc[]>;
  lastReceivedAt: string | null;
}

function byPostMonth<T extends { postId: string; month: string }>(docs: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of docs) {
    const key = `${d.postId}|${d.month}`;
    out.set(key, [...(out.get(key) ?? []), d]);
  }
  return out;
}

async function docsOf<T>(db: StationDb, prefix: string): Promise<T[]> {
  const rows = await db.allDocs<T & object>({ include_docs: true, ...prefixRange(prefix) });
  return rows.rows.flatMap((r) => (r.doc ? [r.doc as T] : []));
}

/** A village's copy as last read, by its update sequence: read again only when something arrived. */
const read = new WeakMap<StationDb, { seq: string | number; source: Source }>();

async function readSource(db: StationDb, place: string, own: boolean): Promise<Source> {
  const seq = (await db.info()).update_seq;
  const known = read.get(db);
  if (known && known.seq === seq) return known.source;
  const source = await readWhole(db, place, own);
  read.set(db, { seq, source });
  return source;
}

async function readWhole(db: StationDb, place: string, own: boolean): Promise<Source> {
  const [posts, assignments, closes, accounts, assessments, notices, batches] = await Promise.all([
    docsOf<PostDoc>(db, ID_PREFIX.post),
    docsOf<AssignmentDoc>(db, ID_PREFIX.assignment),
    docsOf<MonthCloseDoc>(db, ID_PREFIX.monthClose),
    docsOf<PayAccountDoc>(db, ID_PREFIX.payAccount),
    docsOf<AssessmentDoc>(db, ID_PREFIX.assessment),
    docsOf<DeductionNoticeDoc>(db, ID_PREFIX.deductionNotice),
    // The newest batch the village sent (ids sort by time): when its data last came.
    (() => {
      const { startkey, endkey } = prefixRange(`${ID_PREFIX.batch}${place}:`);
      return db.allDocs<{ createdAt?: string }>({ include_docs: true, descending: true, startkey: endkey, endkey: startkey, limit: 1 });
    })(),
  ]);
  const lastReceivedAt = batches.rows[0]?.doc?.createdAt ?? null;
  return { place, own, posts, assignments, closes: new Map(closes.map((c) => [c._id, c])), accounts, assessments: byPostMonth(assessments), notices: byPostMonth(notices), lastReceivedAt };
}

const zero = (): PayrollTotals => ({ holders: 0, days: 0, hours: 0, payDue: 0, deductions: 0, payable: 0 });
const fen = (yuan: number) => Math.round(yuan * 100);

export function addTotals(into: PayrollTotals, row: Pick<PayrollRow, 'days' | 'hours' | 'payDue' | 'deductions' | 'payable'>, holders = 1): PayrollTotals {
  into.holders += holders;
  into.days += row.days;
  into.hours = Math.round((into.hours + row.hours) * 10) / 10;
  into.payDue = (fen(into.payDue) + fen(row.payDue)) / 100;
  into.deductions = (fen(into.deductions) + fen(row.deductions)) / 100;
  into.payable = (fen(into.payable) + fen(row.payable)) / 100;
  return into;
}

interface VillageState {
  rows: PayrollRow[];
  unclosed: string[];
  received: boolean;
  lastReceivedAt: string | null;
}

export async function buildSheet(deps: { ctx: CoreContext; sync: SyncService }, month: string, full: boolean): Promise<PayrollSheet> {
  const { ctx, sync } = deps;
  const township = ctx.station().placeCode;
  // The county's 考核 rule in force on the month's first day decides the month.
  const rules = ctx.policies.assessment(`${month}-01`);
  const first = `${month}-01`;
  const last = `${month}-31`;
  const relayPlaces = sync.relayPlaces().filter((p) => p.length === 12 && p.startsWith(township));
  const sources = await Promise.all([
    readSource(ctx.db, township, true),
    ...relayPlaces.map((place) => readSource(sync.relay(place) as unknown as StationDb, place, false)),
  ]);
  const villages = new Map<string, VillageState>();
  const village = (place: string) => {
    let v = villages.get(place);
    if (!v) villages.set(place, (v = { rows: [], unclosed: [], received: false, lastReceivedAt: null }));
    return v;
  };
  // Every village with a station (the county's directory, as last pulled) is expected on the sheet.
  await sync.loadDirectory();
  const nameOf = await placeNames(sync);
  for (const place of [...sync.villagesOf(township), ...relayPlaces]) village(place);

  for (const source of sources) {
    if (!source.own) {
      const v = village(source.place);
      v.received = source.posts.length > 0 || source.lastReceivedAt !== null;
      v.lastReceivedAt = source.lastReceivedAt;
    }
    const accounts = latestAccounts(source.accounts, last);
    const holdersOf = new Map<string, number>();
    const assignmentOf = new Map<string, string>();
    for (const a of source.assignments) {
      if (a.startDate > last || a.endDate < first) continue;
      holdersOf.set(a.postId, (holdersOf.get(a.postId) ?? 0) + 1);
      assignmentOf.set(`${a.postId}|${a.residentId}`, a._id);
    }
    for (const post of source.posts) {
      if (!post.placeCode.startsWith(township)) continue;
      const close = source.closes.get(docId.monthClose(post._id, month));
      if (!holdersOf.get(post._id) && !close) continue;
      const v = village(post.placeCode);
      if (source.own) v.received = true;
      if (close?.status !== 'closed') {
        v.unclosed.push(post.name);
        continue;
      }
      const key = `${post._id}|${month}`;
      for (const h of close.summary.holders) {
        const pay = holderPayFor({
          totals: h,
          assignmentId: assignmentOf.get(`${post._id}|${h.residentId}`) ?? null,
          month,
          hourlyMinimum: close.summary.minimumWage?.hourly ?? null,
          rules: rules.values,
          entries: source.assessments.get(key) ?? [],
          notices: source.notices.get(key) ?? [],
        });
        const account = accounts.get(h.residentId);
        v.rows.push({
          residentId: h.residentId,
          name: h.name,
          placeCode: post.placeCode,
          postId: post._id,
          postName: post.name,
          days: h.presentDays,
          hours: h.hours,
          ...pay,
          account: account ? accountView(account, full) : null,
        });
      }
    }
  }

  const out: PayrollVillage[] = [];
  const missing: PayrollMissing[] = [];
  const totals = zero();
  for (const [place, v] of [...villages].sort(([a], [b]) => a.localeCompare(b))) {
    const name = nameOf(place);
    if (v.unclosed.length) {
      missing.push({ placeCode: place, placeName: name, reason: 'notClosed', posts: v.unclosed.sort(), lastReceivedAt: v.lastReceivedAt });
      continue;
    }
    if (!v.received) {
      missing.push({ placeCode: place, placeName: name, reason: 'noData', posts: [], lastReceivedAt: v.lastReceivedAt });
      continue;
    }
    if (!v.rows.length) continue;
    // Post by post (by code), each post's holders in the month close's order.
    const rows = v.rows.sort((a, b) => (a.postId.split(':').pop() ?? '').localeCompare(b.postId.split(':').pop() ?? ''));
    const villageTotals = zero();
    for (const r of rows) addTotals(villageTotals, r);
    addTotals(totals, villageTotals, villageTotals.holders);
    out.push({ placeCode: place, placeName: name, rows, totals: villageTotals });
  }
  return {
    month,
    placeCode: township,
    placeName: nameOf(township),
    villages: out,
    missing,
    totals,
    final: out.every((v) => v.rows.every((r) => !r.noticePending)),
    full,
    payFrom: PAY_FROM,
    computedAt: ctx.now(),
  };
}
