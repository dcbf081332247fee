// For the backup tests: a passphrase set on a station, and backup files as versions 1 and 2 wrote
// them (plain gzip of the same lines, before backups were encrypted), made from a version 3 file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Core, Session } from '../core';
import { openGzipStream } from './crypto';

export const TEST_PASSPHRASE = '乐业驿站 backup 口令 2026';

export async function setPassphrase(core: Core, session: Session, passphrase = TEST_PASSPHRASE): Promise<void> {
  await core.call(session, 'backup.passphrase', { passphrase });
}

/** The JSON lines inside a backup file (decrypted when it is encrypted). */
export async function backupLines(file: string, passphrase = TEST_PASSPHRASE): Promise<string[]> {
  const chunks: Buffer[] = [];
  const opened = await openGzipStream(file, passphrase);
  for await (const chunk of opened.stream) chunks.push(chunk);
  if (opened.tagFailed()) throw new Error(`${file}: changed (its tag does not match)`);
  return gunzipSync(Buffer.concat(chunks)).toString('utf8').split('\n').filter(Boolean);
}

/**
 * Writes `lines` as a plain (unencrypted) backup of `version`: the header's version set, the
 * trailer's SHA-256 computed again over the lines before it. `keep` leaves lines out.
 */
export function writePlainBackup(lines: string[], to: string, version: 1 | 2, keep: (line: Record<string, unknown>) => boolean = () => true): void {
  const hash = createHash('sha256');
  const out: string[] = [];
  for (const text of lines) {
    const line = JSON.parse(text) as Record<string, unknown>;
    if (!keep(line)) continue;
    if (line.kind === 'end') {
      const { relays, ...rest } = line;
      out.push(JSON.stringify({ ...rest, ...(version >= 2 ? { relays } : {}), sha256: hash.digest('hex') }));
      continue;
    }
    const kept = JSON.stringify(line.kind === 'header' ? { ...line, version } : line);
    hash.update(`${kept}\n`);
    out.push(kept);
  }
  fs.writeFileSync(to, gzipSync(`${out.join('\n')}\n`));
}

/** A version 3 backup rewritten as version 2 wrote it: the same lines, plain gzip. */
export async function asVersion2(file: string, to: string, passphrase = TEST_PASSPHRASE): Promise<void> {
  writePlainBackup(await backupLines(file, passphrase), to, 2);
}
