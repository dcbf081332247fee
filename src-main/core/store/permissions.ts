// The data folder is this account's alone: other local users cannot read the station's LevelDB,
// search-index snapshot, logs or backups. Folders 0700, files 0600 (Linux and macOS); on Windows
// the folder stays under the user's profile, whose access list already keeps other users out.
import fs from 'node:fs';
import path from 'node:path';

/** What the core's process never grants: anything to the group or to other users. */
export const PRIVATE_UMASK = 0o077;

const posix = process.platform !== 'win32';

/** Early in the core's host process: everything it creates from then on is its user's alone. */
export function restrictFileModes(): void {
  if (posix) process.umask(PRIVATE_UMASK);
}

/**
 * Creates the data folder 0700; a folder an older version left open to others (0755 and 0644
 * inside) is tightened, recursively, once: its own mode is set last, so a tightening cut short is
 * done again at the next start.
 */
export function privateDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!posix || (fs.statSync(dataDir).mode & PRIVATE_UMASK) === 0) return;
  tighten(dataDir);
}

function tighten(target: string): void {
  const stat = fs.lstatSync(target);
  // A link is not ours to change (nor is where it points).
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) tighten(path.join(target, entry));
    fs.chmodSync(target, stat.mode & 0o700);
  } else if (stat.mode & PRIVATE_UMASK) {
    fs.chmodSync(target, stat.mode & 0o700);
  }
}
