// USB transfer for stations without network: the waiting documents go out as one encrypted file
// (AES-256-GCM with a key derived from the county secret), are imported at a township or county
// machine (which syncs them up through its relay copy), and a receipt comes back.
import type { ParsedArgsOf, SessionUser, TransferFileView, TransferImportResult } from '../../shared/rpc/handlers';
import type { CoreContext } from './context';
import type { FileDelivery, SyncService } from './sync';

export class TransferService implements FileDelivery {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: SyncService,
  ) {}

  /** Loads the receipts kept at this station. */
  async load(): Promise<void> {}

  delivered(_id: string, _rev: string): boolean {
    return false;
  }

  receipted(_batchId: string): boolean {
    return false;
  }

  async exportBatch(_user: SessionUser): Promise<TransferFileView & { batchId: string; documents: number }> {
    throw new Error('not implemented');
  }

  async importFile(_args: ParsedArgsOf<'transfer.import'>, _user: SessionUser): Promise<TransferImportResult> {
    throw new Error('not implemented');
  }
}
