// A backup written before ids carried places (format version 2, legacy ids: `post:<code>`,
// `training:<key>`, `audit:<time>:<random>` and their children) restores on a new PC, and the
// station works on: it lists its posts, sessions, residents and audit log, records attendance on
// a legacy post (under the legacy id shape, consistently), and syncs with the county.
// The file is written here by the test's own writer of the documented format (format.ts: gzip of
// JSON lines, header, one line per revision, one per `_local` document, trailer with the counts
// and the SHA-256 of every line before it), so that a later change of the app's writer does not
// change this fixture.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { aggregateDb, provisionCounty, type ProvisionResult } from '../../../county/provision';
import { childIdParts, docId, legacyId, placeOfId } from '../../../shared/documents/registry';
import { BACKED_UP_LOCAL_DOCS } from '../../../shared/documents/local';
import { Core, type Session } from '../core';
import { QUIET, accountOf, eventually } from '../testing/countyStations';
import { FIXED_NOW, idNumber, openStation, registration, tempDir, VILLAGE } from '../testing/fixtures';

const ADMIN = { user: 'admin', password: 'backup-legacy-test-secret' };
const TOWNSHIP = VILLAGE.slice(0, 9);
const LEGACY_POST = legacyId.post('XC-001');
const LEGACY_SESSION = 'training:legacysessionkeyq';
const LEGACY_AUDIT = 'audit:2026-10-01T01:02:03.000Z:legacyau';

let server: PouchServer;
let provisioned: ProvisionResult;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-backup-legacy-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: VILLAGE.slice(0, 6), townships: [{ code: TOWNSHIP, villages: [VILLAGE] }] });
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

type Doc = { _id: string; _rev?: string } & Record<string, unknown>;

/** A version 2 `.leyebak` as format.ts documents it: every document at its first revision. */
function writeV2(file: string, station: { placeCode: string; name: string; createdAt: string }, docs: Doc[], locals: Doc[]): void {
  const lines: string[] = [];
  const hash = createHash('sha256');
  const emit = (line: object) => {
    const text = `${JSON.stringify(line)}\n`;
    hash.update(text);
    lines.push(text);
  };
  emit({ kind: 'header', format: 'leye-station-backup', version: 2, placeCode: station.placeCode, stationName: station.name, createdAt: station.createdAt });
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    const revId = createHash('md5').update(doc._id).digest('hex');
    const { _rev: _dropped, ...body } = doc;
    emit({ kind: 'doc', doc: { ...body, _rev: `1-${revId}`, _revisions: { start: 1, ids: [revId] } } });
    counts[String(doc.type)] = (counts[String(doc.type)] ?? 0) + 1;
  }
  for (const doc of locals) emit({ kind: 'local', doc });
  const trailer = { kind: 'end', documents: docs.length, revisions: docs.length, locals: locals.length, relays: {}, counts, sha256: hash.digest('hex') };
  fs.writeFileSync(file, gzipSync(lines.join('') + `${JSON.stringify(trailer)}\n`));
}

/**
 * The station as it was before the change: its accounts and configuration (`_local`), two
 * residents, and records under legacy ids: a post with a holder and a day of attendance, a
 * training session, audit entries.
 */
async function legacyBackup(folder: string): Promise<{ file: string; residents: string[] }> {
  const s = await openStation(tempDir(), () => FIXED_NOW, undefined, { backupSchedule: { firstCheckMs: Infinity } });
  cleanups.push(() => s.core.close());
  const a = (await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber('19700301', '111'), name: '李四' }))).id;
  const b = (await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }))).id;
  const all = await s.core.db.allDocs<Doc>({ include_docs: true });
  // Audit entries the app of then wrote without a place.
  const docs = all.rows
    .filter((r) => !r.id.startsWith('_'))
    .map((r) => r.doc as Doc)
    .map((d) => (d.type === 'audit' && placeOfId(d._id) ? { ...d, _id: `audit:${d._id.split(':').slice(2).join(':')}` } : d));
  const locals: Doc[] = [];
  for (const id of BACKED_UP_LOCAL_DOCS) {
    const local = await s.core.db.get<Doc>(id).catch(() => null);
    if (local) locals.push(local);
  }
  const stamp = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'wangli', createdAt: '2026-10-01T01:02:03.000Z', updatedBy: 'wangli', updatedAt: '2026-10-01T01:02:03.000Z' };
  docs.push(
    {
      _id: LEGACY_POST, type: 'post', ...stamp, code: 'XC-001', name: '解放桥社区保洁', kind: 'rural', category: 'ruralCleaning',
      employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' }, plannedHoursPerMonth: 40, payPerMonthFen: 100_000, startDate: '2020-01-01', endDate: '2030-12-31',
    },
    { _id: docId.assignment(LEGACY_POST, a, '2026-01-01'), type: 'assignment', ...stamp, postId: LEGACY_POST, residentId: a, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1', override: null },
    { _id: docId.attendance(LEGACY_POST, a, '2026-11-02'), type: 'attendance', ...stamp, postId: LEGACY_POST, residentId: a, date: '2026-11-02', mark: 'present', hours: 4, history: [] },
    {
      _id: LEGACY_SESSION, type: 'training', ...stamp, course: { code: 'YL-01', occupation: '养老护理员', level: 'level5' }, provider: { name: '历下职业培训学校', creditCode: '91350100M000100Y43' },
      teachers: ['赵老师'], place: '社区活动室', startDate: '2026-11-02', endDate: '2026-11-02', timetable: [{ date: '2026-11-02', half: 'am', start: '09:00', end: '12:00', classHours: 3, content: '理论' }], plannedTrainees: 10,
    },
    { _id: LEGACY_AUDIT, type: 'audit', ...stamp, action: 'reveal', targetId: a, field: 'idNumber' },
  );
  // Only the station's own entry carried its place then (`station:<place>`).
  for (const d of docs) if (d.type !== 'station') expect(placeOfId(d._id), d._id).toBeNull();
  const file = '乐业驿站备份-370102001002-20261101-080000.leyebak';
  writeV2(path.join(folder, file), { placeCode: VILLAGE, name: '解放桥社区居民委员会', createdAt: '2026-11-01T00:00:00.000Z' }, docs, locals);
  return { file, residents: [a, b] };
}

/** The core answering now: after a restore, the one opened on the restored data. */
async function answering(core: Core): Promise<Core> {
  let next = core;
  for (;;) {
    const successor = (next as unknown as { successor: Promise<Core> | null }).successor;
    if (!successor) return next;
    next = await successor;
  }
}

describe('a backup written before ids carried places (format version 2)', () => {
  it('restores on a new PC, and the station lists, records on a legacy post under the legacy shape, and syncs', async () => {
    const usb = tempDir('leye-usb-legacy-');
    const { file, residents } = await legacyBackup(usb);
    const dataDir = tempDir('leye-reinstalled-legacy-');
    const first = await Core.open({ dataDir, clock: () => FIXED_NOW, syncTiming: QUIET, backupSchedule: { firstCheckMs: Infinity } });
    cleanups.push(() => first.close());
    let core = first;
    const session: Session = { user: null };
    expect(await core.call(session, 'backup.firstRunCheck', { folder: usb, file })).toMatchObject({ placeCode: VILLAGE, counts: { resident: 2, post: 1, training: 1 } });
    await core.call(session, 'backup.firstRunRestore', { folder: usb, file });
    // (Closing the first core closes the one it handed over to.)
    core = await answering(core);
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });

    expect((await core.call(session, 'residents.search', {})).items.map((r) => r.name).sort()).toEqual(['李四', '王五'].sort());
    expect((await core.call(session, 'posts.list', {})).map((p) => p.id)).toEqual([LEGACY_POST]);
    expect((await core.call(session, 'posts.get', { postId: LEGACY_POST }))!.holders.map((h) => h.residentId)).toEqual([residents[0]]);
    expect((await core.call(session, 'training.list', {})).map((t) => t.id)).toEqual([LEGACY_SESSION]);

    // Attendance on the legacy post: a legacy-shaped id, as the post's other children.
    await core.call(session, 'attendance.set', { postId: LEGACY_POST, marks: [{ residentId: residents[0]!, date: '2026-11-03', mark: 'present', hours: 4 }] });
    const month = await core.call(session, 'attendance.month', { postId: LEGACY_POST, month: '2026-11' });
    expect(JSON.stringify(month)).toContain('2026-11-03');
    const marks = (await core.db.allDocs({ startkey: 'attendance:', endkey: 'attendance:\ufff0' })).rows.map((r) => r.id);
    expect(marks.sort()).toEqual([docId.attendance(LEGACY_POST, residents[0]!, '2026-11-02'), docId.attendance(LEGACY_POST, residents[0]!, '2026-11-03')].sort());
    expect(marks.map(placeOfId)).toEqual([null, null]);

    // The audit log lists the legacy entries with the new ones (which carry the place), newest first.
    await core.call(session, 'residents.reveal', { id: residents[1]!, field: 'phone' });
    const log = await core.call(session, 'audit.list', {});
    expect(log.items.map((e) => e.id)).toContain(LEGACY_AUDIT);
    expect(log.items[log.items.length - 1]!.id).toBe(LEGACY_AUDIT);
    expect(placeOfId(log.items[0]!.id)).toBe(VILLAGE);
    // A day's entries are found by their time, whichever shape their id has.
    expect((await core.call(session, 'audit.list', { from: '2026-11-22', to: '2026-11-22' })).items.map((e) => e.id)).toEqual([log.items[0]!.id]);
    expect((await core.call(session, 'audit.list', { from: '2026-10-01', to: '2026-10-01' })).items.map((e) => e.id)).toEqual([LEGACY_AUDIT]);

    // It syncs: the legacy records and the new mark reach the county.
    await core.call(session, 'sync.connect', { setupCode: accountOf(provisioned, `station-${VILLAGE}`).setupCode });
    expect((await core.call(session, 'sync.now', {})).failure).toBeNull();
    const seen = await eventually(
      async () => {
        const r = await fetch(`${server.url}/${aggregateDb(VILLAGE.slice(0, 6))}/_all_docs`, { headers: { authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64') } });
        return ((await r.json()) as { rows: { id: string }[] }).rows.map((row) => row.id);
      },
      (ids) => ids.includes(LEGACY_POST) && ids.some((id) => childIdParts(id)?.parent === LEGACY_POST && id.endsWith(':03')),
    );
    // (Connecting took the county's identity key: the residents' ids, and their marks', were rebuilt with it, under the legacy post still.)
    expect(seen).toEqual(expect.arrayContaining([LEGACY_POST, LEGACY_SESSION, LEGACY_AUDIT]));
    expect(seen.filter((id) => id.startsWith('attendance:')).map((id) => childIdParts(id)?.parent)).toEqual([LEGACY_POST, LEGACY_POST]);
  });
});
