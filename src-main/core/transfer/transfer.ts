// USB transfer for stations without network: the waiting documents go out as one encrypted file
// (AES-256-GCM with a key derived from the county secret) signed with the station's own key, are
// imported at a township or county machine (which checks the signature against the key the county
// published for that station, and syncs them up through its relay copy), and a receipt comes back.
// This file: TransferService, which the core calls (one export or import at a time). The file
// format is in file.ts; export.ts seals a batch, import.ts checks and relays one, receipts.ts
// keeps the receipts that come back.
import type { ParsedArgsOf, SessionUser, TransferFileView, TransferImportResult } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import type { FileDelivery } from '../sync/batches';
import { signingPublicKey, type CountyKeys } from '../sync/credentials';
import type { SyncService } from '../sync/sync';
import { exportBatch, type ExportKeys } from './export';
import { keyId, placeLabel, readHeader, refuse } from './file';
import { importBatch } from './import';
import { Receipts } from './receipts';
import { publishedKey } from './signature';

export class TransferService implements FileDelivery {
  private readonly receipts: Receipts;
  /** One export or import at a time: the receipts document and the relay see no interleaving. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: SyncService,
  ) {
    this.receipts = new Receipts(ctx);
  }

  /** Loads the receipts kept at this station. */
  async load(): Promise<void> {
    await this.receipts.load();
  }

  delivered(id: string, rev: string): boolean {
    return this.receipts.delivered(id, rev);
  }

  receipted(batchId: string): boolean {
    return this.receipts.receipted(batchId);
  }

  get deliveredVersion(): number {
    return this.receipts.deliveredVersion;
  }

  eachDelivered(visit: (id: string, rev: string) => void): void {
    this.receipts.eachDelivered(visit);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  exportBatch(user: SessionUser): Promise<TransferFileView & { batchId: string; documents: number }> {
    return this.serial(() => exportBatch(this.ctx, this.sync, () => this.requireExportKeys(), user));
  }

  importFile(args: ParsedArgsOf<'transfer.import'>, user: SessionUser): Promise<TransferImportResult> {
    return this.serial(() => this.doImport(args, user));
  }

  private requireKeys(): CountyKeys {
    const keys = this.sync.countyKeys();
    if (!keys) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.noCountyKey' });
    return keys;
  }

  /**
   * The county's keys and this station's signing key. A station whose key the county published
   * differently (it connected again on a new machine with a code made before signing keys) is told
   * before it carries a file the township would refuse.
   */
  private async requireExportKeys(): Promise<ExportKeys> {
    const county = this.requireKeys();
    const signingKey = this.sync.signingKey();
    if (!signingKey) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.noCountyKey' });
    const published = await publishedKey(this.sync.referenceDb(), this.ctx.station().placeCode);
    if (published !== null && published !== signingPublicKey(signingKey)) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.signingKeyRefused' });
    return { county, signingKey };
  }

  private async doImport(args: ParsedArgsOf<'transfer.import'>, user: SessionUser): Promise<TransferImportResult> {
    const station = this.ctx.station();
    const file = readHeader(Buffer.from(args.content, 'base64'));
    const { header } = file;
    // Before any key is used: a file of another county is named as such, not as damaged.
    if (header.county !== station.placeCode.slice(0, 6)) refuse('wrongCounty', { county: placeLabel(header.county) });
    const keys = this.requireKeys();
    if (header.keyId !== keyId(keys)) refuse('otherKey');
    return header.kind === 'batch' ? importBatch(this.ctx, this.sync, file, keys, user) : this.receipts.importReceipt(file, keys);
  }
}
