// Exporting a batch to a USB file: what waits, signed with the station's own key and sealed with the county's (AES-256-GCM), listed as a batch at the station.
import { createCipheriv, randomBytes } from 'node:crypto';
import type { SessionUser, TransferFileView } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { ID_PREFIX, SCHEMA_VERSION, type BatchDoc } from '../store/docs';
import { randomId } from '../residents/identity';
import { batchChecksum, countByType } from '../sync/batches';
import { isReviewedId } from '../../../shared/sync/review';
import type { CountyKeys } from '../sync/credentials';
import type { SyncService } from '../sync/sync';
import { FORMAT, IV_BYTES, TAG_BYTES, VERSION, byId, encodeHeader, fileStamp, gzip, keyId, raw, type FileHeader, type TravellingDoc } from './file';
import { SIGNATURE, SIGNATURE_BYTES, signBatch } from './signature';

/** What sealing and signing a file takes: the county's keys and the station's private signing key. */
export interface ExportKeys {
  county: CountyKeys;
  signingKey: string;
}

/** Seals what waits into a file; the batch is written here first, so the station lists it. */
export async function exportBatch(
  ctx: CoreContext,
  sync: Pick<SyncService, 'waitingDocs'>,
  requireKeys: () => Promise<ExportKeys>,
  user: SessionUser,
): Promise<TransferFileView & { batchId: string; documents: number }> {
  const station = ctx.station();
  const { county: keys, signingKey } = await requireKeys();
  const refs = await sync.waitingDocs();
  if (refs.length === 0) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.nothingWaiting' });
  const fetched = await raw(ctx.db).bulkGet({ docs: refs, revs: true, attachments: true });
  const docs = fetched.results
    .flatMap((r) => r.docs)
    .flatMap((d) => ('ok' in d ? [d.ok] : []))
    // Only the station's own records: another place's would make the whole file look forged at
    // the importing machine (and the county refuses them anyway); they stay waiting.
    .filter((d) => typeof d.placeCode === 'string' && d.placeCode.startsWith(station.placeCode));
  // Audit entries alone make no file: they travel with the next records (no batch to review).
  if (!docs.some((d) => isReviewedId(d._id))) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.nothingWaiting' });

  const at = ctx.now();
  const batchId = `${ID_PREFIX.batch}${station.placeCode}:${at}:${randomId(6)}`;
  // The export's audit entry travels in the file it describes, so it reaches the county with
  // the records and leaves nothing new waiting behind the file.
  const auditId = await ctx.audit(user, 'export', batchId, `usb ${docs.length}`, 'file');
  docs.push(await ctx.db.get<TravellingDoc>(auditId, { revs: true }));
  const list = docs.map((d) => ({ id: d._id, rev: d._rev })).sort(byId);

  const batch: BatchDoc = {
    _id: batchId,
    type: 'batch',
    ...ctx.stamp(user, station.placeCode),
    schemaVersion: SCHEMA_VERSION,
    createdByName: user.displayName || user.loginName,
    via: 'file',
    counts: countByType(list),
    docs: list,
    checksum: batchChecksum(list),
  };
  // Written here first, so the station lists the batch and the receipt finds it; it travels with
  // its revision history so the relay (and later the county) hold the same revision.
  const { rev } = await ctx.db.put(batch);
  const [stored] = (await raw(ctx.db).bulkGet({ docs: [{ id: batch._id, rev }], revs: true, attachments: false })).results;
  const manifest = stored?.docs[0] && 'ok' in stored.docs[0] ? stored.docs[0].ok : null;
  if (!manifest) throw new Error(`batch ${batch._id} not readable after writing it`);

  const iv = randomBytes(IV_BYTES);
  const plain = await gzip(Buffer.from(JSON.stringify({ manifest, docs }), 'utf8'));
  const header: FileHeader = {
    format: FORMAT,
    version: VERSION,
    kind: 'batch',
    county: keys.county,
    keyId: keyId(keys),
    place: station.placeCode,
    batchId: batch._id,
    createdAt: at,
    documents: docs.length,
    payloadLength: SIGNATURE_BYTES + plain.length + TAG_BYTES,
    iv: iv.toString('base64'),
    signed: SIGNATURE,
  };
  const headerBytes = encodeHeader(header);
  const signature = signBatch(signingKey, headerBytes, plain);
  const cipher = createCipheriv('aes-256-gcm', keys.transferKey, iv);
  cipher.setAAD(headerBytes);
  const sealed = Buffer.concat([cipher.update(signature), cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    fileName: `leye-${station.placeCode}-${fileStamp(ctx, at)}.leye`,
    content: Buffer.concat([headerBytes, sealed]).toString('base64'),
    batchId: batch._id,
    documents: docs.length,
  };
}
