// Power loss cannot be simulated here, so this proves the mechanism: the core host runs under
// strace, and for every write it acknowledged (its answer is a write(2) on the WebSocket) the
// trace shows the record written to the station database's LevelDB log and then an fdatasync
// (or fsync) of that log completed before the answer went out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleaningPost, idNumber, openStation, registration, tempDir } from '../testing/fixtures';
import { hostBundle, startChildHost } from './childHost';

const LOGIN = { loginName: 'wangli', password: 'secret-123' };
const DIGITS = '零一二三四五六七八九';

/** Why strace cannot trace here (not installed, or ptrace not allowed in this container), or null. */
function straceUnavailable(): string | null {
  try {
    execFileSync('strace', ['-f', '-e', 'trace=none', 'true'], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `strace cannot trace here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); CI installs it (.ci/run)`;
  }
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** One completed system call of the trace, in the order strace saw it complete. */
interface Syscall {
  name: string;
  /** The path strace printed for the first argument's descriptor (`-y`). */
  fdPath: string;
  text: string;
  ok: boolean;
}

/**
 * Parses `strace -f -y` output: a call another thread interrupted is printed as
 * `<unfinished ...>` and completed later as `<... name resumed>`; it counts where it completed.
 */
function parseTrace(trace: string): Syscall[] {
  const calls: Syscall[] = [];
  const unfinished = new Map<string, string>();
  for (const line of trace.split('\n')) {
    const m = /^(\d+)\s+\S+\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, rest] = m as unknown as [string, string, string];
    let text = rest;
    if (text.endsWith('<unfinished ...>')) {
      unfinished.set(pid, text.slice(0, -'<unfinished ...>'.length));
      continue;
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(text);
    if (resumed) {
      text = (unfinished.get(pid) ?? '') + resumed[1];
      unfinished.delete(pid);
    }
    const call = /^(\w+)\((\d+)<([^>]*)>/.exec(text);
    if (!call) continue;
    const result = /\)\s+=\s+(-?\d+)/.exec(text.slice(text.lastIndexOf(')')));
    // strace prints a quote inside a string as \".
    calls.push({ name: call[1]!, fdPath: call[3]!, text: text.replaceAll('\\"', '"'), ok: result !== null && Number(result[1]) >= 0 });
  }
  return calls;
}

describe('acknowledged means synced', () => {
  const dataDir = tempDir('leye-fsync-');
  const today = localDay(new Date());
  const year = Number(today.slice(0, 4));
  let postId = '';
  let holder = '';
  let sessionId = '';

  beforeAll(async () => {
    const bundling = hostBundle();
    const { core, session } = await openStation(dataDir, () => new Date());
    postId = (await core.call(session, 'posts.save', cleaningPost('SYNC-1', year))).id;
    holder = (await core.call(session, 'residents.register', registration({ idNumber: idNumber('19750101', '901'), name: '岗位甲', registration: { kind: 'jobSeeking', date: `${year - 1}-01-01` } }))).id;
    await core.call(session, 'posts.assign', { postId, residentId: holder, startDate: `${year - 1}-01-01`, endDate: `${year}-12-31`, contractNo: 'HT-1' });
    sessionId = (
      await core.call(session, 'training.save', {
        course: { occupation: '养老护理员', level: 'level5' },
        provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
        teachers: ['李老师'],
        place: '解放桥社区活动中心',
        startDate: today,
        endDate: today,
        timetable: [{ date: today, half: 'am', start: '08:30', end: '11:30', classHours: 3 }],
        plannedTrainees: 50,
      })
    ).id;
    await core.close();
    await bundling;
  });

  it('every acknowledged write was preceded by an fdatasync of the station log', async (ctx) => {
    const unavailable = straceUnavailable();
    if (unavailable) return ctx.skip(unavailable);
    const traceFile = path.join(tempDir('leye-strace-'), 'trace.txt');
    const host = await startChildHost(dataDir, LOGIN, {
      wrap: ['strace', '-f', '-y', '-tt', '-s', '65536', '-e', 'trace=fsync,fdatasync,write,writev', '-o', traceFile],
    });
    // One call at a time, so each answer's window holds only its own call's work. The bridge
    // numbers calls 1, 2, … in order; the login was call 1.
    const writes: { callId: number; what: string; token: string }[] = [];
    let callId = 1;
    const days = Array.from({ length: 10 }, (_, i) => `${year}-01-${String(i + 1).padStart(2, '0')}`);
    for (let i = 0; i < 10; i++) {
      const input = registration({ idNumber: idNumber('19900101', String(300 + i)), name: `证${DIGITS[i]}`, registration: { kind: 'jobSeeking', date: today } });
      const saved = await host.client.call('residents.register', input);
      writes.push({ callId: ++callId, what: 'registration', token: saved.id });
      await host.client.call('attendance.set', { postId, marks: [{ residentId: holder, date: days[i]!, mark: 'present', hours: 4 }] });
      writes.push({ callId: ++callId, what: 'attendance mark', token: `${days[i]}` });
      await host.client.call('training.enrol', { sessionId, residentId: saved.id });
      writes.push({ callId: ++callId, what: 'enrolment', token: saved.id.slice('resident:'.length) });
      await host.client.call('training.signIn', { sessionId, date: today, half: 'am', direction: 'in', method: 'list', residentId: saved.id });
      writes.push({ callId: ++callId, what: 'sign-in', token: saved.id.slice('resident:'.length) });
    }
    await host.stop();

    const calls = parseTrace(fs.readFileSync(traceFile, 'utf8'));
    const stationLog = (c: Syscall) => /\/station\/\d+\.log$/.test(c.fdPath) && c.fdPath.startsWith(dataDir);
    const answer = (id: number) => calls.findIndex((c) => (c.name === 'write' || c.name === 'writev') && c.fdPath.startsWith('socket:') && c.text.includes(`"kind":"result","id":${id},"ok":true`));
    let previous = answer(1);
    expect(previous, 'the login answer is in the trace').toBeGreaterThan(0);
    for (const write of writes) {
      const acked = answer(write.callId);
      expect(acked, `answer to the ${write.what} (call ${write.callId})`).toBeGreaterThan(previous);
      const window = calls.slice(previous + 1, acked);
      // The record itself went into the station's log …
      const logged = window.findLastIndex((c) => c.name === 'write' && stationLog(c) && c.ok && c.text.includes(write.token));
      expect(logged, `the ${write.what} written to the station log before its answer`).toBeGreaterThanOrEqual(0);
      // … and a sync of that log completed after it and before the answer.
      const synced = window.slice(logged + 1).some((c) => (c.name === 'fdatasync' || c.name === 'fsync') && stationLog(c) && c.ok);
      expect(synced, `the ${write.what} (call ${write.callId}) synced before it was acknowledged`).toBe(true);
      previous = acked;
    }
    console.log(`fsync proof: ${writes.length} acknowledged writes, each preceded by its log write and an fdatasync of ${calls.find(stationLog)?.fdPath}`);
  });
});
