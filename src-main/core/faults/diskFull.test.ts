// A full disk and a read-only data folder: the core refuses the write with an error that says
// so (not "internal error"), keeps everything already stored, and takes the next write once the
// disk has room again, without a restart. Once with an injected failing LevelDB (runs anywhere),
// once on a real small tmpfs (where this machine lets the test mount one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LeyeError } from '../../../shared/rpc/errors';
import { Core, type Session } from '../core';
import { injectWriteFault } from '../store/durableLeveldown';
import { idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';

const open = new Set<Core>();
afterEach(async () => {
  injectWriteFault(null);
  for (const core of open) await core.close().catch(() => undefined);
  open.clear();
});

async function station(dataDir = tempDir()) {
  const s = await openStation(dataDir);
  open.add(s.core);
  return s;
}

let serial = 100;
/** A new person each call (distinct ID numbers and names). */
function newPerson() {
  serial += 1;
  const digits = String(serial).padStart(3, '0').slice(-3);
  return registration({ idNumber: idNumber('19850301', digits), name: `测试${'零一二三四五六七八九'[serial % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(serial / 10) % 10]}${'东南西北中'[Math.floor(serial / 100) % 5]}` });
}

async function storedIds(core: Core): Promise<string[]> {
  return (await core.db.allDocs({ startkey: 'resident:', endkey: 'resident:\ufff0' })).rows.map((r) => r.id);
}

async function found(core: Core, session: Session, input: ReturnType<typeof newPerson>): Promise<boolean> {
  const result = await core.call(session, 'residents.search', { query: input.idNumber.slice(-4) });
  return result.items.some((r) => r.name === input.name);
}

/** The errors LevelDB gives for these disks (its "IO error: file: strerror" form). */
const NO_SPACE = (location: string) => new Error(`IO error: ${location}/000005.log: No space left on device`);
const READ_ONLY = (location: string) => new Error(`IO error: ${location}/000006.log: Read-only file system`);

describe('a disk that refuses writes (injected into LevelDB)', () => {
  for (const [label, fault, code, messageKey] of [
    ['full', NO_SPACE, 'DISK_FULL', 'errors.diskFull'],
    ['read-only', READ_ONLY, 'DATA_READ_ONLY', 'errors.dataReadOnly'],
  ] as const) {
    it(`${label}: refuses the write with ${code}, keeps what was stored, and takes the next write once the disk is back`, async () => {
      const { core, session, dataDir } = await station();
      const before = newPerson();
      const kept = await core.call(session, 'residents.register', before);
      injectWriteFault((location) => (location.startsWith(dataDir) ? fault(location) : null));

      const refusedPerson = newPerson();
      expect(await refusal(core.call(session, 'residents.register', refusedPerson))).toEqual({ code, messageKey });
      const { idNumber: _idNumber, ...editable } = before;
      expect(await refusal(core.call(session, 'residents.update', { ...editable, id: kept.id, rev: kept.rev, name: '改名字' }))).toEqual({ code, messageKey });
      // What was stored is still there and readable; nothing of the refused calls is.
      expect(await core.call(session, 'residents.get', { id: kept.id })).toMatchObject({ name: before.name, rev: kept.rev });
      expect(await found(core, session, before)).toBe(true);
      expect(await found(core, session, refusedPerson)).toBe(false);
      expect(await storedIds(core)).toEqual([kept.id]);

      injectWriteFault(null);
      const after = await core.call(session, 'residents.register', refusedPerson);
      expect(await found(core, session, refusedPerson)).toBe(true);
      await core.close();
      open.delete(core);

      const reopened = await station(dataDir);
      expect((await storedIds(reopened.core)).sort()).toEqual([kept.id, after.id].sort());
      expect(await reopened.core.call(reopened.session, 'residents.get', { id: kept.id })).toMatchObject({ name: before.name });
    });
  }
});

/** Mounts a tmpfs of `sizeMb`, or returns null where this machine does not allow it (CI containers). */
function mountTmpfs(sizeMb: number): string | null {
  const mountPoint = tempDir('leye-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mountPoint], { stdio: 'pipe' });
    return mountPoint;
  } catch {
    fs.rmSync(mountPoint, { recursive: true, force: true });
    return null;
  }
}

function unmount(mountPoint: string): void {
  execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
  fs.rmSync(mountPoint, { recursive: true, force: true });
}

function available(mountPoint: string): number {
  return Number(execFileSync('df', ['-B1', '--output=avail', mountPoint]).toString().trim().split('\n').pop());
}

describe('a real disk', () => {
  it('full: refuses with DISK_FULL, loses nothing acknowledged, and recovers when space is freed', async (ctx) => {
    const mountPoint = mountTmpfs(16);
    if (!mountPoint) return ctx.skip('mount -t tmpfs is not allowed here; the injected test above covers the mapping');
    try {
      const dataDir = path.join(mountPoint, 'station-data');
      const { core, session } = await station(dataDir);
      const acknowledged: { id: string; input: ReturnType<typeof newPerson> }[] = [];
      for (let i = 0; i < 5; i++) {
        const input = newPerson();
        acknowledged.push({ id: (await core.call(session, 'residents.register', input)).id, input });
      }
      const filler = path.join(mountPoint, 'filler');
      execFileSync('fallocate', ['-l', String(available(mountPoint)), filler]);

      // LevelDB may still fit a write or two into its log's last page; then the disk says no.
      let refusedWith: LeyeError['rpc'] | null = null;
      const refusedInputs: ReturnType<typeof newPerson>[] = [];
      for (let i = 0; i < 50 && !refusedWith; i++) {
        const input = newPerson();
        try {
          acknowledged.push({ id: (await core.call(session, 'residents.register', input)).id, input });
        } catch (error) {
          expect(error).toBeInstanceOf(LeyeError);
          refusedWith = (error as LeyeError).rpc;
          refusedInputs.push(input);
        }
      }
      expect(refusedWith).toEqual({ code: 'DISK_FULL', messageKey: 'errors.diskFull' });
      for (let i = 0; i < 3; i++) {
        const input = newPerson();
        expect(await refusal(core.call(session, 'residents.register', input))).toMatchObject({ code: 'DISK_FULL' });
        refusedInputs.push(input);
      }
      for (const { input } of acknowledged) expect(await found(core, session, input)).toBe(true);

      fs.rmSync(filler);
      // No restart: the next write is taken.
      for (let i = 0; i < 3; i++) {
        const input = newPerson();
        acknowledged.push({ id: (await core.call(session, 'residents.register', input)).id, input });
      }
      await core.close();
      open.delete(core);

      // Reopened: every acknowledged write is there, and none of the refused ones.
      const reopened = await station(dataDir);
      expect((await storedIds(reopened.core)).sort()).toEqual(acknowledged.map((a) => a.id).sort());
      for (const { input } of acknowledged) expect(await found(reopened.core, reopened.session, input)).toBe(true);
      for (const input of refusedInputs) expect(await found(reopened.core, reopened.session, input)).toBe(false);
      await reopened.core.close();
      open.delete(reopened.core);
    } finally {
      unmount(mountPoint);
    }
  });

  it('read-only: the station opens with DATA_READ_ONLY, loses nothing, and works again once writable', async (ctx) => {
    const mountPoint = mountTmpfs(16);
    if (!mountPoint) return ctx.skip('mount -t tmpfs is not allowed here; the injected test above covers the mapping');
    try {
      const dataDir = path.join(mountPoint, 'station-data');
      const { core, session } = await station(dataDir);
      const input = newPerson();
      const kept = await core.call(session, 'residents.register', input);
      await core.close();
      open.delete(core);
      // Linux refuses to remount read-only while files are open for writing, so the folder turns
      // read-only between two runs (a locked USB disk, a disk the system remounted read-only).
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const failed = await Core.open({ dataDir }).then(
        async (c) => {
          await c.close();
          return null;
        },
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(LeyeError);
      expect((failed as LeyeError).rpc).toEqual({ code: 'DATA_READ_ONLY', messageKey: 'errors.dataReadOnly' });

      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
      const reopened = await station(dataDir);
      expect(await storedIds(reopened.core)).toEqual([kept.id]);
      expect(await found(reopened.core, reopened.session, input)).toBe(true);
      await reopened.core.call(reopened.session, 'residents.register', newPerson());
      expect(await storedIds(reopened.core)).toHaveLength(2);
      await reopened.core.close();
      open.delete(reopened.core);
    } finally {
      unmount(mountPoint);
    }
  });
});
