// The heartbeat's work list counts start while the push still waits on the server (CountsAhead),
// and as each page of a village a township pulls is stored; the heartbeat itself still asks for
// them at the end: what it sends is as of the sync's end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { docId } from '../../../shared/documents/registry';
import type { CoreContext } from '../context';
import { fakeResidents } from '../station/demo';
import { connectedStation, QUIET } from '../testing/countyStations';
import { tempDir, VILLAGE } from '../testing/fixtures';
import { reportWorklist } from './heartbeat';

const ADMIN = { user: 'county-admin', password: 'county-secret' };
const cleanups: (() => Promise<void>)[] = [];
let server: PouchServer;
let provisioned: ProvisionResult;

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-county-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: VILLAGE.slice(0, 9), villages: [VILLAGE] }], aggregateReplication: false });
}, 60_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server.stop();
});

describe('the heartbeat of a sync that carried records', () => {
  it('starts counting the work list while the push runs, and asks again for what it sends', async () => {
    const code = provisioned.created.find((a) => a.place === VILLAGE)!.setupCode;
    const st = await connectedStation(VILLAGE, code, { at: Date.parse('2026-03-02T08:00:00Z'), cleanups, timing: { ...QUIET, requestTimeoutMs: 60_000 } });
    // Three pages of the push (1,000 documents each).
    await st.core.seedResidents(fakeResidents(2500, { placeCode: VILLAGE, today: st.core.today(), seed: 5 }), st.session.user!);
    const total = (await st.core.db.info()).doc_count;
    // What the push had stored each time the work list was asked for its counts.
    const askedAt: number[] = [];
    const ctx = (st.core as unknown as { ctx: CoreContext }).ctx;
    reportWorklist(ctx, async () => {
      const status = await st.core.call(st.session, 'sync.status', {});
      askedAt.push(status.progress?.pushed ?? total);
      return { due: askedAt.length, overdue: 0, asOf: st.core.today() };
    });
    const status = await st.core.call(st.session, 'sync.now', {});
    expect(status.failure).toBeNull();
    expect(askedAt.length).toBeGreaterThanOrEqual(2);
    expect(askedAt[0]).toBeLessThan(total - 1000);
    // The heartbeat carries the counts it asked for at the end, not the early ones.
    const auth = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
    const heartbeat = (await (await fetch(`${server.url}/station_${VILLAGE}/${encodeURIComponent(docId.heartbeat(VILLAGE))}`, { headers: { authorization: auth } })).json()) as { worklist?: { due: number } };
    expect(heartbeat.worklist?.due).toBe(askedAt.length);
  }, 120_000);

  it('a township counts again while a village is pulled, page by page, not only after it', async () => {
    const village = await connectedStation(VILLAGE, provisioned.created.find((a) => a.place === VILLAGE)!.setupCode, { at: Date.parse('2026-03-02T08:00:00Z'), cleanups });
    await village.core.seedResidents(fakeResidents(2500, { placeCode: VILLAGE, today: village.core.today(), seed: 6 }), village.session.user!);
    expect((await village.core.call(village.session, 'sync.now', {})).failure).toBeNull();
    const township = VILLAGE.slice(0, 9);
    const t = await connectedStation(township, provisioned.created.find((a) => a.place === township)!.setupCode, { at: Date.parse('2026-03-02T09:00:00Z'), cleanups, timing: { ...QUIET, requestTimeoutMs: 60_000 } });
    // What the township had pulled each time the work list was asked for its counts.
    const askedAt: number[] = [];
    reportWorklist((t.core as unknown as { ctx: CoreContext }).ctx, async () => {
      askedAt.push((await t.core.call(t.session, 'sync.status', {})).progress?.pulled ?? -1);
      return { due: 0, overdue: 0, asOf: t.core.today() };
    });
    expect((await t.core.call(t.session, 'sync.now', {})).failure).toBeNull();
    const copy = (t.core as unknown as { sync: { relay(place: string): { info(): Promise<{ doc_count: number }> } } }).sync.relay(VILLAGE);
    const held = (await copy.info()).doc_count;
    expect(held).toBeGreaterThanOrEqual(2500);
    // Asked after the first pages of the village were stored, before its last (three pages).
    expect(askedAt.some((pulled) => pulled >= 1000 && pulled < held)).toBe(true);
  }, 120_000);
});
