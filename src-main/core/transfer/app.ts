// Files carried by USB stick between stations: the handlers.
import type { SyncStatus } from '../../../shared/rpc/handlers';
import { createApp } from '../app';
import type { SyncService } from '../sync/sync';
import type { TransferService } from './transfer';

export interface TransferAppDeps {
  transfer: TransferService;
  sync: SyncService;
  /** Tells the windows what is waiting now. */
  syncChanged(status: SyncStatus): void;
}

export function transferApp({ transfer, sync, syncChanged }: TransferAppDeps) {
  return createApp('transfer', {
    'transfer.export': async (_args, session) => transfer.exportBatch(session.user!),
    'transfer.import': async (args, session) => {
      const result = await transfer.importFile(args, session.user!);
      // A receipt changes what is waiting; an import at a township or county waits to go up.
      syncChanged(await sync.status());
      return result;
    },
  });
}
