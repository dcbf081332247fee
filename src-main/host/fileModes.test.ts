import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../core/core';
import { registration, tempDir, VILLAGE } from '../core/testing/fixtures';
import { startNodeHost, type NodeHost } from './nodeHost';

/** Every file and folder under `root` (the root too) that the group or other users may use. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (target: string) => {
    const stat = fs.lstatSync(target);
    if (stat.mode & 0o077) found.push(`${path.relative(root, target) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) walk(path.join(target, entry));
  };
  walk(root);
  return found;
}

let host: NodeHost | null = null;
let umask = 0;
beforeEach(() => {
  // The test runner's own umask (usually 022), as a host process starts with.
  umask = process.umask(0o022);
});
afterEach(async () => {
  await host?.close();
  host = null;
  process.umask(umask);
});

describe.skipIf(process.platform === 'win32')('the data folder is its user’s alone', () => {
  it('holds nothing the group or other users can read once a station has written a resident and a backup', async () => {
    const dataDir = path.join(tempDir(), 'station-data');
    host = await startNodeHost({ dataDir });
    const session: Session = { user: null };
    await host.core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await host.core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    await host.core.call(session, 'residents.register', registration());
    await host.core.call(session, 'backup.passphrase', { passphrase: '乐业驿站 backup 口令 2026' });
    await host.core.call(session, 'backup.now', {});
    await host.close();
    host = null;
    expect(fs.readdirSync(dataDir)).toEqual(expect.arrayContaining(['station', 'logs', 'backups']));
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it('tightens a data folder an older version left open (0755 folders, 0644 files), recursively', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'logs', 'leye.log'), 'an old log\n', { mode: 0o644 });
    fs.writeFileSync(path.join(dataDir, 'search-index.json'), '{}', { mode: 0o644 });
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'logs'), 0o755);
    fs.chmodSync(path.join(dataDir, 'logs', 'leye.log'), 0o644);
    expect(openToOthers(dataDir).length).toBeGreaterThan(0);
    host = await startNodeHost({ dataDir });
    await host.close();
    host = null;
    expect(openToOthers(dataDir)).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'leye.log'), 'utf8')).toContain('an old log');
  });
});
