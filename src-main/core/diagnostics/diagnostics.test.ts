// About / diagnostics through the core: what a support person sees matches the station, handler
// failures are logged by name and code without their arguments, and the support bundle carries
// the log lines but no ID number or phone number a clerk typed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/rpc/handlers';
import type { Core } from '../core';
import { syncLogger } from './diagnostics';
import { ID_PREFIX, type AuditDoc } from '../store/docs';
import { LOG_FILE, MAIN_LOG_FILE, StationLog } from '../log/log';
import { prefixRange } from '../store/db';
import { idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station() {
  const s = await openStation(tempDir());
  open.push(s.core);
  return s;
}

const FAKE_ID = idNumber('19850312', '456');
const FAKE_PHONE = '13966667777';

describe('diagnostics', () => {
  it('tells the station, the documents by type, the database and the data folder', async () => {
    const { core, session } = await station();
    await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '222'), name: '李四' }));
    const about = await core.call(session, 'diagnostics.about', {});
    const { documents } = await core.call(session, 'diagnostics.documents', {});
    expect(about.station).toMatchObject({ placeCode: '370102001002', level: 'village', demo: false });
    expect(documents).toContainEqual({ type: 'resident', count: 2 });
    expect(documents.find((d) => d.type === 'policy')?.count).toBeGreaterThan(0);
    expect(about.database.docCount).toBe(documents.reduce((n, d) => n + d.count, 0));
    expect(about.database.updateSeq).toBeGreaterThan(0);
    expect(about.dataFolder.bytes).toBeGreaterThan(0);
    expect(about.sync).toMatchObject({ connected: false, state: 'never' });
    expect(about.versions.node).toBe(process.versions.node);
    expect(about.os.platform).toBe(process.platform);
    expect(about.logs.files).toBeGreaterThanOrEqual(1);
  });

  it('logs a failed call by handler name and error code, never its arguments', async () => {
    const { core, session, dataDir } = await station();
    // A registration refused as a duplicate: its arguments carry the ID number and the phone.
    await core.call(session, 'residents.register', registration({ idNumber: FAKE_ID, phone: FAKE_PHONE }));
    const refused = await refusal(core.call(session, 'residents.register', registration({ idNumber: FAKE_ID, phone: FAKE_PHONE })));
    expect(refused.code).toBe('DUPLICATE_RESIDENT');
    // And one refused by validation, with the number in a field that fails.
    await refusal(core.call(session, 'residents.register', registration({ idNumber: FAKE_ID, phone: `${FAKE_PHONE}99`, name: FAKE_ID })));
    // A handler name that is not one is not written either (it is caller input).
    await core.dispatch(session, `residents.${FAKE_PHONE}`, {});
    const text = readFileSync(path.join(dataDir, 'logs', LOG_FILE), 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'handler.failed', handler: 'residents.register', code: 'DUPLICATE_RESIDENT', field: 'idNumber' }));
    expect(lines).toContainEqual(expect.objectContaining({ event: 'handler.failed', handler: 'residents.register', code: 'VALIDATION' }));
    expect(lines).toContainEqual(expect.objectContaining({ event: 'handler.failed', handler: '(unknown)', code: 'UNKNOWN_HANDLER' }));
    expect(text).not.toContain(FAKE_ID);
    expect(text).not.toContain(FAKE_ID.slice(-4));
    expect(text).not.toContain(FAKE_PHONE);
    expect(text).not.toContain('张三');
  });

  it('exports a support bundle (gzipped JSON: about and the log) without ID numbers or phones, audit-logged', async () => {
    const { core, session, dataDir } = await station();
    await core.call(session, 'residents.register', registration({ idNumber: FAKE_ID, phone: FAKE_PHONE }));
    await refusal(core.call(session, 'residents.register', registration({ idNumber: FAKE_ID, phone: FAKE_PHONE })));
    // The Electron main process's log beside it (here written by hand, with a number in it).
    new StationLog({ dir: path.join(dataDir, 'logs'), name: MAIN_LOG_FILE }).error('core.exited', { code: 9, note: `x ${FAKE_PHONE}` });
    const bundle = await core.call(session, 'diagnostics.bundle', {});
    expect(bundle.fileName).toMatch(/^乐业驿站诊断-370102001002-\d{8}-\d{4}\.json\.gz$/);
    const json = gunzipSync(Buffer.from(bundle.content, 'base64')).toString('utf8');
    const parsed = JSON.parse(json) as { format: string; about: { station: { placeCode: string } }; documents: { type: string; count: number }[]; logLines: string[]; mainLogLines: string[] };
    expect(parsed.format).toBe('leye-support-bundle');
    expect(parsed.about.station.placeCode).toBe('370102001002');
    expect(parsed.documents).toContainEqual({ type: 'resident', count: 1 });
    expect(parsed.logLines.length).toBe(bundle.logLines);
    expect(parsed.logLines.some((l) => l.includes('DUPLICATE_RESIDENT'))).toBe(true);
    expect(parsed.mainLogLines).toEqual([expect.stringContaining('core.exited')]);
    expect(json).not.toContain(FAKE_ID);
    expect(json).not.toContain(FAKE_PHONE);
    expect(json).not.toContain(dataDir);
    const audits = await core.db.allDocs<AuditDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.audit) });
    expect(audits.rows.map((r) => r.doc)).toContainEqual(expect.objectContaining({ action: 'export', targetId: 'diagnostics' }));
  });

  it('is for signed-in users only', async () => {
    const { core } = await station();
    expect((await refusal(core.call({ user: null }, 'diagnostics.bundle', {}))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(core.call({ user: null }, 'diagnostics.about', {}))).code).toBe('UNAUTHENTICATED');
  });
});

describe('sync outcomes in the log', () => {
  const status = (over: Partial<SyncStatus>): SyncStatus => ({
    connected: true,
    server: { url: 'https://couch.example', username: 'station-370102001002', placeCode: '370102001002' },
    state: 'idle',
    lastSuccessAt: null,
    lastAttemptAt: null,
    waiting: 0,
    progress: null,
    failure: null,
    nextAttemptAt: null,
    ...over,
  });

  it('writes each success and failure once, with counts and the reason, never the server or the account', () => {
    const dir = tempDir();
    const log = new StationLog({ dir });
    const record = syncLogger(log);
    record(status({ state: 'syncing', progress: { pushed: 10, pulled: 0 } }));
    record(status({ state: 'idle', lastSuccessAt: '2026-11-22T02:00:00.000Z', progress: { pushed: 120, pulled: 3 } }));
    record(status({ state: 'idle', lastSuccessAt: '2026-11-22T02:00:00.000Z', progress: { pushed: 120, pulled: 3 } }));
    const failure = { reason: 'credentials' as const, messageKey: 'errors.sync.credentials', refused: [] };
    record(status({ state: 'failed', lastSuccessAt: '2026-11-22T02:00:00.000Z', waiting: 7, failure }));
    record(status({ state: 'failed', lastSuccessAt: '2026-11-22T02:00:00.000Z', waiting: 7, failure }));
    const text = readFileSync(path.join(dir, LOG_FILE), 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual(['sync.ok', 'sync.failed']);
    expect(lines[0]).toMatchObject({ pushed: 120, pulled: 3, waiting: 0 });
    expect(lines[1]).toMatchObject({ level: 'warn', reason: 'credentials', waiting: 7 });
    expect(text).not.toContain('couch.example');
    expect(text).not.toContain('station-370102001002');
  });
});
