// The station's signature on its USB batch files: Ed25519 with the station's own private key (from
// its setup code, or made at its first connect), checked at the importing machine against the
// public key the county published for the station the file says it comes from (county_ref's
// station directory, as last pulled). The county key proves a file is of the county; only the
// signature proves which station made it.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { PouchDB as P } from 'pouchdb-node';
import { docId } from '../../../shared/documents/registry';
import { getOrNull } from '../store/db';
import type { SyncService } from '../sync/sync';

/** The header's `signed` value: the signature is the first 64 bytes of the sealed content. */
export const SIGNATURE = 'ed25519';
export const SIGNATURE_BYTES = 64;

/** Signs the header bytes (newline included) followed by the compressed content. */
export function signBatch(privateKey: string, headerBytes: Buffer, content: Buffer): Buffer {
  return sign(null, Buffer.concat([headerBytes, content]), createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
}

/** Whether `signature` over the header bytes and content was made with the private half of `publicKey`. */
export function signedWith(publicKey: string, headerBytes: Buffer, content: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.concat([headerBytes, content]), key, signature);
  } catch {
    // A published key that is not an Ed25519 public key checks nothing.
    return false;
  }
}

type DirectoryEntry = { type?: unknown; signingKey?: unknown } | null;
const keyOf = (entry: DirectoryEntry) => (entry?.type === 'station' && typeof entry.signingKey === 'string' ? entry.signingKey : null);

/** The public key the county published for `place` in this machine's copy of its directory, or null. */
export async function publishedKey(reference: P.Database, place: string): Promise<string | null> {
  return keyOf(await getOrNull<{ type?: unknown; signingKey?: unknown }>(reference, docId.station(place)));
}

/**
 * The key the importing machine checks a file of `place` against: its copy of the directory, or,
 * when that has none yet (a machine connected but not synced since the station was provisioned),
 * the directory on the county server itself; null when neither has one.
 */
export async function signerKey(sync: Pick<SyncService, 'referenceDb' | 'isConnected' | 'serverFetch'>, place: string): Promise<string | null> {
  const local = await publishedKey(sync.referenceDb(), place);
  if (local !== null || !sync.isConnected()) return local;
  // No network (or a slow one): the copy is all there is, and the clerk is not kept waiting long.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ASK_COUNTY_MS)));
  const asked = sync.serverFetch(`/county_ref/${encodeURIComponent(docId.station(place))}`).then(
    ({ status, body }) => (status === 200 ? keyOf(body as DirectoryEntry) : null),
    () => null,
  );
  try {
    return await Promise.race([asked, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long an import waits for the county's directory when its own copy has no key. */
const ASK_COUNTY_MS = 10_000;
