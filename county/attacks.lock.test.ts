// Attacks on a record the county accepted (issue 15, item 4), tried over plain HTTP on the county
// server (the embedded one, or LEYE_COUCH_URL's: testing/attackTarget.ts) with what station A
// really holds: its account and password from its setup code.
// The county's lock lives on the record (`countyLock`, written by a county account the way
// src-main/core/county/recordLocks.ts does); the server's validation (county/designDocs.ts) and
// its front door (county/guard.mjs) must refuse every change by the station, and nothing of it
// may reach the aggregate. A county account can lift the lock, after which the station edits again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateDb, stationDb } from './provision';
import { openAttackTarget, type AttackTarget } from './testing/attackTarget';

let t: AttackTarget;
let A: string, DB: string, AGGREGATE: string;

type Json = Record<string, unknown>;
const asA = () => t.as(A);
const asCounty = () => t.as('county-li');
const asAdmin = () => t.asAdmin();
const call = async (method: string, path: string, auth: string, body?: unknown) => (await t.call(method, path, auth, body)) as { status: number; body: Json & Json[] };

const at = '2026-12-02T02:00:00.000Z';
let lock: Json;
const LOCKED = /document resident:\w+ was accepted by the county on 2026-12-02 and is locked/;

function resident(id: string): Json {
  const stamp = { schemaVersion: 1, placeCode: A, createdBy: 'clerk', createdAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-22T02:00:00.000Z' };
  return { _id: id, type: 'resident', ...stamp, name: '张三', idNumber: '370102198505054118', address: '一号院', closure: null };
}

/** A resident of A, written by A, then locked by a county account; resolves to the locked revision. */
async function lockedResident(id: string): Promise<Json> {
  const created = await call('PUT', `${DB}/${id}`, asA(), resident(id));
  expect(created.status).toBe(201);
  const locked = await call('PUT', `${DB}/${id}`, asCounty(), { ...resident(id), _rev: created.body.rev, countyLock: lock });
  expect(locked.status).toBe(201);
  return (await call('GET', `${DB}/${id}?revs=true`, asA())).body;
}

/** The aggregate's copy, once replication has brought the locked revision there. */
async function inAggregate(id: string, rev: string): Promise<Json> {
  const until = Date.now() + 10_000;
  for (;;) {
    const r = await call('GET', `${AGGREGATE}/${id}?conflicts=true`, asAdmin());
    if (r.status === 200 && r.body._rev === rev) return r.body;
    if (Date.now() > until) throw new Error(`the aggregate never got ${id} ${rev}: ${JSON.stringify(r.body)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

beforeAll(async () => {
  t = await openAttackTarget('attacks-lock', { staff: ['county-li'] });
  A = t.A;
  DB = `/${stationDb(A)}`;
  AGGREGATE = `/${aggregateDb(t.county)}`;
  lock = { at, by: '李科长', batchId: `batch:${A}:2026-11-22T02:00:00.000Z:abc123` };
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('a record the county accepted, attacked with the station’s own password (item 4)', () => {
  it('refuses every change by the station, and the aggregate keeps the county’s version', async () => {
    const id = 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa';
    const held = await lockedResident(id);
    const rev = held._rev as string;
    const before = await inAggregate(id, rev);
    const { _revisions: _history, ...current } = held;

    const edit = await call('PUT', `${DB}/${id}`, asA(), { ...current, address: '二号院' });
    expect(edit.status).toBe(403);
    expect(edit.body.reason).toMatch(LOCKED);

    const deleted = await call('DELETE', `${DB}/${id}?rev=${rev}`, asA());
    expect(deleted.status).toBe(403);
    expect(deleted.body.reason).toMatch(LOCKED);

    const bulk = await call('POST', `${DB}/_bulk_docs`, asA(), { docs: [{ ...current, address: '二号院' }] });
    expect(bulk.body[0]).toMatchObject({ id, error: 'forbidden', reason: expect.stringMatching(LOCKED) });
    const bulkDelete = await call('POST', `${DB}/_bulk_docs`, asA(), { docs: [{ _id: id, _rev: rev, _deleted: true }] });
    expect(bulkDelete.body[0]).toMatchObject({ id, error: 'forbidden', reason: expect.stringMatching(LOCKED) });

    // A fabricated branch beside the county's revision, off the station's own first revision,
    // with a higher generation so that it would win.
    const history = held._revisions as { start: number; ids: string[] };
    const first = history.ids[history.ids.length - 1]!;
    const fake = (n: number) => n.toString(16).padStart(32, 'f');
    const branch = { ...resident(id), address: '伪造', _rev: `5-${fake(5)}`, _revisions: { start: 5, ids: [fake(5), fake(4), fake(3), fake(2), first] } };
    // The front door refuses it (on CouchDB, validation would see only the branch's own parent);
    // the other documents of the request go on.
    const BESIDE = /was accepted by the county on 2026-12-02 and is locked; a revision beside the county's is refused/;
    const alongside = 'resident:eeeeeeeeeeeeeeeeeeeeeeeeee';
    const fresh = { ...resident(alongside), _rev: `1-${fake(1)}` };
    // (A CouchDB given by LEYE_COUCH_URL stores such a branch as a conflict, which the county's
    // conflict list shows: the residual county/README.md names.)
    if (!t.external) {
      const planted = await call('POST', `${DB}/_bulk_docs`, asA(), { docs: [branch, fresh], new_edits: false });
      expect(planted.status).toBe(201);
      expect(planted.body).toContainEqual({ id, error: 'forbidden', reason: expect.stringMatching(BESIDE) });
      expect((await call('GET', `${DB}/${alongside}`, asA())).body._rev).toBe(fresh._rev);
      // Nor one that claims the county's lock as its own.
      const claimed = await call('POST', `${DB}/_bulk_docs`, asA(), { docs: [{ ...branch, countyLock: lock }], new_edits: false });
      expect(claimed.body).toContainEqual({ id, error: 'forbidden', reason: expect.stringMatching(BESIDE) });
    }
    // A replicated revision on top of the county's is judged by validation: refused too.
    const onTop = { ...current, address: '二号院', _rev: `${history.start + 1}-${fake(9)}`, _revisions: { start: history.start + 1, ids: [fake(9), ...history.ids] } };
    const stacked = await call('POST', `${DB}/_bulk_docs`, asA(), { docs: [onTop], new_edits: false });
    expect(stacked.body).toContainEqual(expect.objectContaining({ id, error: 'forbidden', reason: expect.stringMatching(LOCKED) }));

    const { countyLock: _lock, ...unlocked } = current;
    const lifted = await call('PUT', `${DB}/${id}`, asA(), unlocked);
    expect(lifted.status).toBe(403);
    expect(lifted.body.reason).toMatch(LOCKED);

    // A lock of its own making on another record is refused too.
    const other = 'resident:bbbbbbbbbbbbbbbbbbbbbbbbbb';
    const made = await call('PUT', `${DB}/${other}`, asA(), resident(other));
    expect(made.status).toBe(201);
    const selfLocked = await call('PUT', `${DB}/${other}`, asA(), { ...resident(other), _rev: made.body.rev, countyLock: lock });
    expect(selfLocked.status).toBe(403);
    expect(selfLocked.body.reason).toMatch(/only the county may set countyLock/);
    expect((await call('PUT', `${DB}/resident:cccccccccccccccccccccccccc`, asA(), { ...resident('resident:cccccccccccccccccccccccccc'), countyLock: lock })).status).toBe(403);

    // Nothing changed: not at the station's database, not in the aggregate.
    const after = await call('GET', `${DB}/${id}?conflicts=true`, asAdmin());
    expect(after.body).toMatchObject({ _rev: rev, address: '一号院', countyLock: lock });
    expect(after.body._conflicts).toBeUndefined();
    await new Promise((ok) => setTimeout(ok, 500));
    const aggregate = await call('GET', `${AGGREGATE}/${id}?conflicts=true`, asAdmin());
    expect(aggregate.body).toEqual(before);
  });

  it('lets a county account lift the lock, after which the station edits the record again', async () => {
    const id = 'resident:dddddddddddddddddddddddddd';
    const { _revisions: _history, ...held } = await lockedResident(id);
    const { countyLock: _lock, ...unlocked } = held;
    const lifted = await call('PUT', `${DB}/${id}`, asCounty(), unlocked);
    expect(lifted.status).toBe(201);
    const edit = await call('PUT', `${DB}/${id}`, asA(), { ...unlocked, _rev: lifted.body.rev, address: '二号院' });
    expect(edit.status).toBe(201);
    expect((await call('GET', `${DB}/${id}`, asAdmin())).body).toMatchObject({ address: '二号院' });
  });
});
