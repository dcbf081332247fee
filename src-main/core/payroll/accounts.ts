// Holders' payment accounts (bank card or 社保卡): dated documents per resident, the latest in
// force wins. Masked everywhere; the whole number leaves the core only through an audited reveal.
import { docId, placeOfId } from '../../../shared/documents/registry';
import type { PayAccountView } from '../../../shared/payroll/contract';
import { maskAccount } from '../../../shared/payroll/schema';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import type { AuditLog } from '../audit/audit';
import { notFound, type CoreContext } from '../context';
import { getOrNull, prefixRange, type StationDb } from '../store/db';
import { ID_PREFIX } from '../store/docs';
import type { PayAccountDoc } from '../../../shared/documents/types';
import type { SyncService } from '../sync/sync';

export function accountView(doc: PayAccountDoc, full = false): PayAccountView {
  return {
    id: doc._id,
    residentId: doc.residentId,
    kind: doc.kind,
    bankName: doc.bankName,
    accountNo: full ? doc.accountNo : maskAccount(doc.accountNo),
    masked: !full,
    effectiveFrom: doc.effectiveFrom,
    placeCode: doc.placeCode,
  };
}

/** Keeps, per resident, the account in force on `onDay` (the latest effective date, then the latest write). */
export function latestAccounts(docs: Iterable<PayAccountDoc>, onDay: string, into = new Map<string, PayAccountDoc>()): Map<string, PayAccountDoc> {
  for (const doc of docs) {
    if (doc.effectiveFrom > onDay) continue;
    const known = into.get(doc.residentId);
    if (!known || doc.effectiveFrom > known.effectiveFrom || (doc.effectiveFrom === known.effectiveFrom && doc.updatedAt > known.updatedAt)) into.set(doc.residentId, doc);
  }
  return into;
}

export async function readAccounts(db: StationDb): Promise<PayAccountDoc[]> {
  const rows = await db.allDocs<PayAccountDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.payAccount) });
  return rows.rows.flatMap((r) => (r.doc ? [r.doc] : []));
}

export class PayAccounts {
  constructor(private readonly deps: { ctx: CoreContext; sync: SyncService; audit: AuditLog }) {}

  /** The resident's account in force today at this station. */
  async current(residentId: string): Promise<PayAccountView | null> {
    const { ctx } = this.deps;
    const mine = (await readAccounts(ctx.db)).filter((d) => d.residentId === residentId);
    const doc = latestAccounts(mine, '9999-12-31').get(residentId);
    return doc ? accountView(doc) : null;
  }

  async set(args: ParsedArgsOf<'payroll.setAccount'>, user: SessionUser): Promise<PayAccountView> {
    const { ctx } = this.deps;
    const place = ctx.station().placeCode;
    const resident = (await ctx.residentDoc(args.residentId)) ?? notFound('residentId');
    const id = docId.payAccount(place, args.residentId, args.effectiveFrom);
    const existing = await getOrNull<PayAccountDoc>(ctx.db, id);
    const stamp = ctx.stamp(user, place);
    const doc: PayAccountDoc = {
      ...(existing ? { ...existing, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt } : { _id: id, type: 'payAccount', ...stamp }),
      residentId: args.residentId,
      kind: args.kind,
      bankName: args.bankName,
      accountNo: args.accountNo,
      effectiveFrom: args.effectiveFrom,
      holderName: resident.name,
    } as PayAccountDoc;
    const saved = await ctx.write(doc);
    return accountView(saved);
  }

  /** One account in full, from this station's records or a village's copy; logged first. */
  async reveal(id: string, user: SessionUser): Promise<{ value: string }> {
    const { ctx, sync } = this.deps;
    if (!id.startsWith(ID_PREFIX.payAccount)) notFound('id');
    const here = ctx.station().placeCode;
    const place = placeOfId(id);
    const db = !place || place === here ? ctx.db : place.startsWith(here) && sync.relayPlaces().includes(place) ? (sync.relay(place) as unknown as StationDb) : null;
    const doc = db ? await getOrNull<PayAccountDoc>(db, id) : null;
    if (!doc) notFound('id');
    await this.deps.audit.append(user, { action: 'reveal', targetId: doc._id, field: 'payAccount' });
    return { value: doc.accountNo };
  }
}
