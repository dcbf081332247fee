// USB transfer (no network): a station's waiting documents as one encrypted file, imported at a
// township or county machine, and the receipt carried back. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import type { FileView } from '../common/fields';
import { WRITERS, handler, none } from '../rpc/define';

/** A file passed between the renderer and the core: the core never hands out paths. */
export const transferFileSchema = z.strictObject({
  fileName: z.string().trim().min(1, { error: 'errors.required' }).max(200),
  /** base64 of the file's bytes. */
  content: z.string().min(1, { error: 'errors.transfer.empty' }).max(200_000_000, { error: 'errors.transfer.tooLarge' }),
});

export type TransferFileView = FileView;

export type TransferImportResult =
  | {
      kind: 'batch';
      batchId: string;
      placeCode: string;
      stationName: string;
      documents: number;
      /** Documents this machine did not have before (0 on a second import). */
      imported: number;
      /** The receipt to carry back to the station. */
      receipt: TransferFileView;
    }
  | {
      kind: 'receipt';
      batchId: string;
      /** When the station exported the batch ('' if this station no longer has it). */
      exportedAt: string;
      documents: number;
      /** The township or county that received the file (a place code, named by the UI). */
      receivedAtPlace: string;
      receivedAt: string;
      receivedBy: string;
      alreadyHad: boolean;
    };

export const transferHandlers = {
  /** The waiting documents as one encrypted file for a USB stick (a batch with via 'file'). */
  'transfer.export': handler<TransferFileView & { batchId: string; documents: number }>()(none, WRITERS),
  /** A station's batch file (at a township or county machine) or a receipt (back at the station). */
  'transfer.import': handler<TransferImportResult>()(transferFileSchema, [...WRITERS, 'county']),
} as const;
