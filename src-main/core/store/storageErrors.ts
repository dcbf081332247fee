// Where the disk says no. LevelDB reports a failed write as "IO error: <file>: <strerror>" and
// PouchDB passes that message on (sometimes wrapped in a per-document result or a plain Error),
// Node's fs calls as an errno code. One place turns each into the error the clerk reads, so a full
// disk or a read-only data folder is named as such, never as an internal error.
import type { RpcError } from '../../../shared/rpc/errors';

const DISK_FULL = /ENOSPC|EDQUOT|No space left on device|Disk quota exceeded/i;
const READ_ONLY = /EROFS|EACCES|EPERM|Read-only file system|Permission denied|Operation not permitted/i;
const IO = /\bEIO\b|IO error|Input\/output error/i;

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { code?: unknown; message?: unknown; reason?: unknown; name?: unknown };
  return [e.code, e.name, e.message, e.reason].filter((part) => typeof part === 'string').join(' ');
}

/** The storage error behind a failure, or null when the failure is not the disk's. */
export function storageFailure(error: unknown): RpcError | null {
  const text = describe(error);
  if (DISK_FULL.test(text)) return { code: 'DISK_FULL', messageKey: 'errors.diskFull' };
  if (READ_ONLY.test(text)) return { code: 'DATA_READ_ONLY', messageKey: 'errors.dataReadOnly' };
  if (IO.test(text)) return { code: 'STORAGE', messageKey: 'errors.storage' };
  return null;
}
