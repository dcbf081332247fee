// The backup passphrase on this machine, for the daily backup that runs with nobody there to type
// it. Each file needs the passphrase itself (scrypt with the file's own random salt), so the
// passphrase is kept: in `_local/backup-passphrase`, sealed with the app's key store (Electron's
// safeStorage: the operating system's key for this user, as the county credentials are) when
// there is one; in the Node host (no key store) as it is, in the station's database, which only
// this user can read (store/permissions.ts). The document is never in a backup (STATION_LOCAL_DOCS
// lists what is), so a USB stick never carries it, sealed or not. A restore sets it anew (restore.ts).
import { LOCAL_DOCUMENTS } from '../../../shared/documents/local';
import type { SecretBox } from '../sync/secretBox';
import { getOrNull, type StationDb } from '../store/db';

export const BACKUP_PASSPHRASE_DOC = LOCAL_DOCUMENTS.backupPassphrase.id;

export interface PassphraseDoc {
  _id: typeof BACKUP_PASSPHRASE_DOC;
  _rev?: string;
  /** Sealed by the key store named `box`; or `plain` where there is none. */
  sealed?: string;
  box?: string;
  plain?: string;
  setAt: string;
}

/** The document that keeps `passphrase` on this machine (sealed when the app has a key store). */
export async function passphraseDoc(box: SecretBox | null, passphrase: string, setAt: string): Promise<PassphraseDoc> {
  const kept = passphrase.normalize('NFC');
  return box ? { _id: BACKUP_PASSPHRASE_DOC, sealed: await box.seal(kept), box: box.kind, setAt } : { _id: BACKUP_PASSPHRASE_DOC, plain: kept, setAt };
}

/** The passphrase kept here; null when none is set or it cannot be opened on this machine (another key store). */
export async function openPassphrase(doc: PassphraseDoc | null, box: SecretBox | null): Promise<string | null> {
  if (!doc) return null;
  if (typeof doc.sealed === 'string') {
    if (!box || doc.box !== box.kind) return null;
    try {
      return await box.open(doc.sealed);
    } catch {
      return null;
    }
  }
  return typeof doc.plain === 'string' && doc.plain !== '' ? doc.plain : null;
}

/** A passphrase is kept that this machine can open (without asking the key store: the core's start does not wait on it). */
export async function hasPassphrase(db: StationDb, box: SecretBox | null): Promise<boolean> {
  const doc = await getOrNull<PassphraseDoc>(db, BACKUP_PASSPHRASE_DOC);
  if (!doc) return false;
  return typeof doc.sealed === 'string' ? box !== null && doc.box === box.kind : typeof doc.plain === 'string' && doc.plain !== '';
}

export async function readPassphrase(db: StationDb, box: SecretBox | null): Promise<string | null> {
  return openPassphrase(await getOrNull<PassphraseDoc>(db, BACKUP_PASSPHRASE_DOC), box);
}

export async function storePassphrase(db: StationDb, box: SecretBox | null, passphrase: string, setAt: string): Promise<void> {
  const current = await getOrNull<PassphraseDoc>(db, BACKUP_PASSPHRASE_DOC);
  await db.put({ ...(await passphraseDoc(box, passphrase, setAt)), ...(current ? { _rev: current._rev } : {}) });
}
