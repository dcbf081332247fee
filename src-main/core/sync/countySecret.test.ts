// Issue 15 item 6: the county secret on the server is a _local document, which validation never
// sees; a station must trust only the key in its setup code, never the server's (maybe forged) copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { parseSetupCode, provisionCounty, stationDb, type ProvisionResult } from '../../../county/provision';
import { COUNTY_SECRET_DOC } from '../../../shared/county/setupCode';
import { Core, type Session } from '../core';
import type { SyncTiming } from './sync';
import { tempDir } from '../testing/fixtures';

const VILLAGE = '370102001002';
const ADMIN = { user: 'admin', password: 'secret-test-admin' };
const QUIET: SyncTiming = { debounceMs: 600_000, intervalMs: 600_000, backoffBaseMs: 600_000, backoffMaxMs: 600_000, requestTimeoutMs: 15_000 };

let server: PouchServer;
let provisioned: ProvisionResult;
let core: Core | null = null;

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-secret-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: '370102001', villages: [VILLAGE] }] });
}, 30_000);

afterAll(async () => {
  await core?.close();
  await server?.stop();
});

describe('connecting with a setup code', () => {
  it('keeps the setup code key even when the server holds another one', async () => {
    const code = provisioned.created.find((a) => a.place === VILLAGE)!.setupCode;
    const key = parseSetupCode(code).key!;
    // The server's copy was overwritten (as a station could before the launcher refused it).
    const forged = Buffer.alloc(32, 9).toString('base64');
    const couch = new Couch(server.url, ADMIN);
    const held = await couch.getDoc<{ _id: string; _rev: string; key: string }>(stationDb(VILLAGE), COUNTY_SECRET_DOC);
    await couch.putDoc(stationDb(VILLAGE), { ...held!, key: forged });

    core = await Core.open({ dataDir: tempDir('leye-secret-station-'), syncTiming: QUIET });
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'clerk', displayName: '王丽', password: 'secret-123' } });
    await core.call(session, 'auth.login', { loginName: 'clerk', password: 'secret-123' });
    await core.call(session, 'sync.connect', { setupCode: code });
    const adopted = (await core.db.get('_local/county-secret')) as unknown as { key: string };
    expect(adopted.key).toBe(key);
    expect(adopted.key).not.toBe(forged);
  });
});
