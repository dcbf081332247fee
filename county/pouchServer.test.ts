// The embedded county server must store replicated revisions like CouchDB does, also in
// databases with validate_doc_update (every station database has one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServerAdmin, startPouchServer, type PouchServer } from './pouchServer';

let server: PouchServer;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-pouch-server-'));
const auth = 'Basic ' + Buffer.from('admin:secret').toString('base64');
const request = async (method: string, url: string, body?: object) => {
  const response = await fetch(server.url + url, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await response.json()) as unknown;
};

beforeAll(async () => {
  server = await startPouchServer({ dir });
  await createServerAdmin(server.url, 'admin', 'secret');
}, 30_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded county server (PouchDB Server)', () => {
  it('keeps replicated new revisions and conflicting branches where validation runs', async () => {
    await request('PUT', '/validated');
    await request('PUT', '/validated/_design/v', { validate_doc_update: 'function (n, o, u) { if (u.roles.indexOf("_admin") === -1) throw({ forbidden: "no" }); }' });
    const write = (doc: object) => request('POST', '/validated/_bulk_docs', { new_edits: false, docs: [doc] });
    await write({ _id: 'resident:x', _rev: '1-aaaa', name: 'from A' });
    await write({ _id: 'resident:x', _rev: '1-bbbb', name: 'from B', _revisions: { start: 1, ids: ['bbbb'] } });
    await write({ _id: 'resident:x', _rev: '2-cccc', name: 'A corrected', _revisions: { start: 2, ids: ['cccc', 'aaaa'] } });
    const leaves = (await request('GET', '/validated/resident:x?open_revs=all')) as { ok: { _rev: string; name: string } }[];
    expect(leaves.map((l) => l.ok._rev).sort()).toEqual(['1-bbbb', '2-cccc']);
    expect(await request('GET', '/validated/resident:x?conflicts=true')).toMatchObject({ _rev: '2-cccc', name: 'A corrected', _conflicts: ['1-bbbb'] });
  });
});

describe('a county administrator removing a replication', () => {
  it('deletes a running _replicator document and the server keeps answering (PouchDB Server threw at its next state write)', async () => {
    await request('PUT', '/rep-source');
    await request('PUT', '/rep-target');
    await request('PUT', '/rep-source/doc-1', { n: 1 });
    const withAuth = (db: string) => `${server.url.replace('://', '://admin:secret@')}/${db}`;
    await request('PUT', '/_replicator');
    const made = (await request('PUT', '/_replicator/rep-1', { source: withAuth('rep-source'), target: withAuth('rep-target'), continuous: true })) as { rev: string };
    // The replication starts and writes its state into its document; then the admin removes it.
    const until = Date.now() + 10_000;
    while (Date.now() < until && !((await request('GET', '/rep-target/doc-1')) as { n?: number }).n) await new Promise((r) => setTimeout(r, 100));
    const current = (await request('GET', '/_replicator/rep-1')) as { _rev: string };
    expect(current._rev ?? made.rev).toBeTruthy();
    expect(await request('DELETE', `/_replicator/rep-1?rev=${current._rev ?? made.rev}`)).toMatchObject({ ok: true });
    await request('PUT', '/rep-source/doc-2', { n: 2 });
    // The server did not exit, and answers a while later.
    let exited = false;
    void server.exited.then(() => (exited = true));
    await new Promise((r) => setTimeout(r, 2000));
    expect(exited).toBe(false);
    expect(await request('GET', '/rep-source')).toMatchObject({ db_name: 'rep-source' });
  });
});
