// Importing a batch file at a township or county machine: decrypted, its station's signature and its content checked whole, written into the station's relay copy, answered with a receipt.
import { createDecipheriv } from 'node:crypto';
import { placeName, stationLevel } from '../../../shared/places';
import type { SessionUser, TransferImportResult } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { documentProblem } from '../store/docSchemas';
import { ID_PREFIX, type BatchDoc } from '../store/docs';
import { batchChecksum, countByType } from '../sync/batches';
import type { CountyKeys } from '../sync/credentials';
import type { SyncService } from '../sync/sync';
import {
  TAG_BYTES,
  byId,
  consistent,
  gunzip,
  placeLabel,
  raw,
  receiptFile,
  refuse,
  type FileHeader,
  type ReceiptBody,
  type TravellingDoc,
  type readHeader,
} from './file';
import { SIGNATURE, SIGNATURE_BYTES, signedWith, signerKey } from './signature';

/** Takes a village's batch into its relay copy (the next sync sends it up) and writes the receipt. */
export async function importBatch(
  ctx: CoreContext,
  sync: Pick<SyncService, 'relay' | 'localChange' | 'referenceDb' | 'isConnected' | 'serverFetch'>,
  file: ReturnType<typeof readHeader>,
  keys: CountyKeys,
  user: SessionUser,
): Promise<TransferImportResult> {
  const { header, headerBytes, payload } = file;
  const here = ctx.station().placeCode;
  // A township takes its villages' files, a county machine any station's of the county.
  if (header.place === here || !header.place.startsWith(here) || stationLevel(here) === 'village') {
    refuse('notInArea', { place: placeLabel(header.place) });
  }
  // Only the station the file names may have made it: its signature, against the public key the
  // county published for it (this machine's copy of the directory, else the county's own).
  const station = { place: placeLabel(header.place) };
  if (header.signed !== SIGNATURE) refuse('unsigned', station);
  const publicKey = await signerKey(sync, header.place);
  if (!publicKey) refuse('unknownSigner', station);
  const { manifest, docs } = await openBatch(header, headerBytes, payload, keys, publicKey);

  const relay = sync.relay(header.place);
  const had = await raw(relay).revsDiff(Object.fromEntries(docs.map((d) => [d._id, [d._rev]])));
  const imported = docs.filter((d) => had[d._id]?.missing?.includes(d._rev)).length;
  // One call: PouchDB writes it as one LevelDB batch, so a crash leaves all or nothing; with
  // `new_edits: false` a revision already there is left as it is (a second import is a no-op).
  const written = await raw(relay).bulkDocs([manifest, ...docs], { new_edits: false });
  const failed = written.find((r) => 'error' in r);
  if (failed) throw new Error(`relay ${header.place} refused ${failed.id ?? '?'}: ${String((failed as { message?: string }).message ?? '')}`);
  sync.localChange();
  // Personal data entered this machine: logged. A second import writes nothing, not even this.
  if (imported > 0) await ctx.audit(user, 'import', header.batchId, `usb ${docs.length} new ${imported}`, header.place);

  const body: ReceiptBody = {
    batchId: header.batchId,
    place: header.place,
    checksum: manifest.checksum as string,
    documents: docs.length,
    receivedAt: ctx.now(),
    receivedBy: user.displayName || user.loginName,
    receivedAtPlace: here,
  };
  return {
    kind: 'batch',
    batchId: header.batchId,
    placeCode: header.place,
    stationName: placeName(header.place) ?? header.place,
    documents: docs.length,
    imported,
    receipt: receiptFile(ctx, body, keys),
  };
}

/** Decrypts and checks a batch file completely (signature, then content) before anything is written. */
async function openBatch(header: FileHeader, headerBytes: Buffer, payload: Buffer, keys: CountyKeys, publicKey: string): Promise<{ manifest: TravellingDoc; docs: TravellingDoc[] }> {
  if (payload.length < TAG_BYTES) refuse('tampered');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.transferKey, Buffer.from(header.iv!, 'base64'));
    decipher.setAAD(headerBytes);
    decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(payload.subarray(0, payload.length - TAG_BYTES)), decipher.final()]);
  } catch {
    refuse('tampered');
  }
  // Sealed with the county's key, which every station holds: not yet from the station it names.
  const signed = plain.subarray(SIGNATURE_BYTES);
  if (plain.length < SIGNATURE_BYTES || !signedWith(publicKey, headerBytes, signed, plain.subarray(0, SIGNATURE_BYTES))) {
    refuse('badSignature', { place: placeLabel(header.place) });
  }
  let content: { manifest?: unknown; docs?: unknown };
  try {
    content = JSON.parse((await gunzip(signed)).toString('utf8')) as typeof content;
  } catch {
    refuse('tampered');
  }
  const { manifest, docs } = content;
  if (!consistent(manifest) || !Array.isArray(docs) || !docs.every(consistent)) refuse('tampered');
  const batch = manifest as unknown as BatchDoc;
  const list = docs.map((d) => ({ id: d._id, rev: d._rev })).sort(byId);
  const listed =
    Array.isArray(batch.docs) && batch.docs.every((d) => typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.rev === 'string')
      ? [...batch.docs].sort(byId)
      : [];
  const sameList = listed.length === list.length && listed.every((d, i) => d.id === list[i]!.id && d.rev === list[i]!.rev);
  if (
    manifest._id !== header.batchId ||
    batch.type !== 'batch' ||
    batch.placeCode !== header.place ||
    docs.length !== header.documents ||
    new Set(list.map((d) => d.id)).size !== list.length ||
    !sameList ||
    batch.checksum !== batchChecksum(listed) ||
    JSON.stringify(batch.counts) !== JSON.stringify(countByType(listed)) ||
    // Every record must belong to the station the file says it comes from.
    !docs.every((d) => typeof d.placeCode === 'string' && d.placeCode.startsWith(header.place)) ||
    docs.some((d) => d._id.startsWith(ID_PREFIX.batch))
  ) {
    refuse('tampered');
  }
  // Signed by the station is not the same as well formed: a station on an old or broken
  // version could write a record no form would. Checked like what a sync pulls; the whole file
  // is refused, since its receipt would tell the station every record had arrived.
  for (const doc of docs) {
    if (doc._deleted === true) continue;
    const problem = documentProblem(doc as unknown as Record<string, unknown>);
    if (problem) {
      const recordType = Object.entries(ID_PREFIX).find(([, prefix]) => doc._id.startsWith(prefix))?.[0] ?? 'unknown';
      refuse('invalidRecord', { recordType, recordField: problem.field });
    }
  }
  return { manifest, docs };
}
