// Receipts at the station: a county machine's signed receipt checked and kept (`_local/transfer-receipts`), and which revisions it says reached the county.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TransferImportResult } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import type { BatchDoc } from '../store/docs';
import { getOrNull } from '../store/db';
import type { FileDelivery } from '../sync/batches';
import type { CountyKeys } from '../sync/credentials';
import { MAC_BYTES, placeLabel, refuse, type ReceiptBody, type readHeader } from './file';

const RECEIPTS_DOC = '_local/transfer-receipts';

interface ReceiptsDoc {
  _id: typeof RECEIPTS_DOC;
  _rev?: string;
  receipts: Record<string, ReceiptBody & { importedAt: string }>;
}

export class Receipts implements FileDelivery {
  private receipts: ReceiptsDoc = { _id: RECEIPTS_DOC, receipts: {} };
  /** Every revision a receipt confirmed, by id. */
  private readonly deliveredRevs = new Map<string, Set<string>>();
  private marked = 0;

  constructor(private readonly ctx: CoreContext) {}

  /** Loads the receipts kept at this station. */
  async load(): Promise<void> {
    this.receipts = (await getOrNull<ReceiptsDoc>(this.ctx.db, RECEIPTS_DOC)) ?? { _id: RECEIPTS_DOC, receipts: {} };
    this.deliveredRevs.clear();
    this.marked += 1;
    for (const batchId of Object.keys(this.receipts.receipts)) {
      const batch = await getOrNull<BatchDoc>(this.ctx.db, batchId);
      if (batch) this.markDelivered(batch);
    }
  }

  delivered(id: string, rev: string): boolean {
    // Asked for every waiting record: most stations never received a receipt.
    return this.deliveredRevs.size > 0 && this.deliveredRevs.get(id)?.has(rev) === true;
  }

  receipted(batchId: string): boolean {
    return batchId in this.receipts.receipts;
  }

  get deliveredVersion(): number {
    return this.marked;
  }

  eachDelivered(visit: (id: string, rev: string) => void): void {
    for (const [id, revs] of this.deliveredRevs) for (const rev of revs) visit(id, rev);
  }

  private markDelivered(batch: BatchDoc): void {
    this.marked += 1;
    for (const d of batch.docs) {
      const revs = this.deliveredRevs.get(d.id);
      if (revs) revs.add(d.rev);
      else this.deliveredRevs.set(d.id, new Set([d.rev]));
    }
  }

  async importReceipt(file: ReturnType<typeof readHeader>, keys: CountyKeys): Promise<TransferImportResult> {
    const { header, headerBytes, payload } = file;
    if (payload.length < MAC_BYTES) refuse('tampered');
    const json = payload.subarray(0, payload.length - MAC_BYTES);
    const mac = createHmac('sha256', keys.transferKey).update(headerBytes).update(json).digest();
    if (!timingSafeEqual(mac, payload.subarray(payload.length - MAC_BYTES))) refuse('tampered');
    let body: ReceiptBody;
    try {
      body = JSON.parse(json.toString('utf8')) as ReceiptBody;
    } catch {
      refuse('tampered');
    }
    if (
      typeof body !== 'object' ||
      body === null ||
      body.batchId !== header.batchId ||
      body.place !== header.place ||
      body.documents !== header.documents ||
      typeof body.checksum !== 'string' ||
      typeof body.receivedAt !== 'string' ||
      typeof body.receivedBy !== 'string' ||
      typeof body.receivedAtPlace !== 'string'
    ) {
      refuse('tampered');
    }
    if (body.place !== this.ctx.station().placeCode) refuse('notForThisStation', { place: placeLabel(body.place) });

    const batch = await getOrNull<BatchDoc>(this.ctx.db, body.batchId);
    // What the clerk recognises the batch by: when it was exported, how many records, and where it went.
    const seen = { batchId: body.batchId, exportedAt: batch?.createdAt ?? '', documents: body.documents, receivedAtPlace: body.receivedAtPlace };
    const known = this.receipts.receipts[body.batchId];
    if (known) return { kind: 'receipt', ...seen, receivedAt: known.receivedAt, receivedBy: known.receivedBy, alreadyHad: true };
    // A batch with another checksum is not the one the receipt speaks of (a reinstalled station
    // can make a batch of the same place at the same minute).
    if (!batch || batch.type !== 'batch') refuse('unknownBatch');
    if (batch.checksum !== body.checksum || batch.docs.length !== body.documents) refuse('unknownBatch');

    const next: ReceiptsDoc = {
      ...this.receipts,
      receipts: { ...this.receipts.receipts, [body.batchId]: { ...body, importedAt: this.ctx.now() } },
    };
    const { rev } = await this.ctx.db.put(next);
    this.receipts = { ...next, _rev: rev };
    this.markDelivered(batch);
    return { kind: 'receipt', ...seen, receivedAt: body.receivedAt, receivedBy: body.receivedBy, alreadyHad: false };
  }
}
