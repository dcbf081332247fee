// Issue 4's sync figures: 10,000 documents pushed and pulled between a station and the county
// server on 127.0.0.1 (PouchDB Server), by our sync, by plain PouchDB replication with default
// options, and the server's raw `_bulk_docs` ingest rate for the same documents: as the server
// admin (the ceiling) and as the station's own account (the floor of any push by that account).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { provisionCounty } from '../county/provision';
import { createServerAdmin, startPouchServer } from '../county/pouchServer';
import { placeChildren } from '../shared/places';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import { residentKey } from '../src-main/core/residents/identity';
import { checkIdNumber } from '../shared/id/idNumber';
import { docId } from '../shared/documents/registry';

/** Any key will do: the township only copies what its villages hold. */
const BENCH_IDENTITY_KEY = Buffer.from('bench-identity-key').toString('base64');

const PLACE = '370102001002';
const ADMIN = { username: 'bench-admin', password: 'bench-secret' };
const AUTH = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
const NEVER = { debounceMs: 3_600_000, intervalMs: 3_600_000, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000, requestTimeoutMs: 120_000 };

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function createDb(url: string, name: string): Promise<void> {
  await fetch(`${url}/${name}`, { method: 'PUT', headers: { authorization: AUTH } });
}

/** A station set up at `place` and connected with its setup code (the account the county made). */
async function station(place: string, setupCode: string, docs: number): Promise<{ core: Core; session: Session }> {
  const core = await Core.open({ dataDir: tempDir('leye-bench-sync-'), syncTiming: NEVER });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
  await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
  // Connected first, as a station set up with its setup code is: the residents carry county ids.
  await core.call(session, 'sync.connect', { setupCode });
  if (docs > 0) await core.seedResidents(fakeResidents(docs, { placeCode: place, today: core.today(), seed: 3 }), session.user!);
  // The search index catches up with the seeded residents first: measured alone, not alongside.
  await core.whenIndexed();
  return { core, session };
}

const rate = (docs: number, ms: number) => Math.round((docs / ms) * 1000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** One village per round, each in its own township (so a township's first sync pulls one village). */
const ROUND_VILLAGES = ['370102001002', '370102002002', '370102003007'];
/**
 * Each figure is measured in every round and the median is reported: this machine's speed drifts
 * by a quarter between minutes (the same ceiling run twice differs that much), so the three ways
 * of pushing take turns going first.
 */
const ORDERS = [
  ['ours', 'plain', 'ceiling', 'station'],
  ['plain', 'station', 'ceiling', 'ours'],
  ['ceiling', 'ours', 'station', 'plain'],
] as const;

/** The same documents (with their revisions) posted straight to `_bulk_docs`, 1,000 a request. */
async function postAll(url: string, authorization: string, bodies: object[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 1000) {
    const response = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: bodies.slice(i, i + 1000), new_edits: false }),
    });
    if (!response.ok) throw new Error(`_bulk_docs ${response.status}`);
    const refused = ((await response.json()) as { error?: string }[]).filter((r) => r.error);
    if (refused.length > 0) throw new Error(`_bulk_docs refused ${refused.length}: ${JSON.stringify(refused[0])}`);
  }
}

/**
 * Push: a village's 10,000 documents into its database on a provisioned county (validation
 * runs on every document), by our sync, by plain PouchDB replication with default options, and
 * straight to `_bulk_docs` as the server admin (the ceiling) and as the station's own account
 * through the county's front door (the station's raw ingest: what the server takes from that
 * account with no replication around it), each into a fresh database with the same validation.
 * Pull: the village's township pulls the same documents (its read-only copy), against plain
 * replication from the same database.
 */
// The county server's replication into the aggregate is left out: it would compete with what is
// measured, and not with the plain replication or the ceiling (unreplicated databases).
export async function benchSync(docs = 10_000, rounds = ROUND_VILLAGES.length) {
  const server = await startPouchServer({ dir: tempDir('leye-bench-county-') });
  try {
    await createServerAdmin(server.url, ADMIN.username, ADMIN.password);
    const admin = { user: ADMIN.username, password: ADMIN.password };
    const villages = ROUND_VILLAGES.slice(0, rounds);
    const townshipOf = (village: string) => village.slice(0, 9);
    const provisioned = await provisionCounty(server.url, admin, {
      county: PLACE.slice(0, 6),
      townships: villages.map((v) => ({ code: townshipOf(v), villages: [v] })),
      aggregateReplication: false,
    });
    const codeOf = (place: string) => provisioned.created.find((a) => a.place === place)!.setupCode;
    const remoteOf = (db: string) => new PouchDB(`${server.url}/${db}`, { auth: ADMIN, skip_setup: true });
    const design = (await (await fetch(`${server.url}/station_${PLACE}/_design/leye`, { headers: { authorization: AUTH } })).json()) as Record<string, unknown>;
    const withValidation = async (name: string, validation = design) => {
      await createDb(server.url, name);
      const { _rev: _ignored, ...copy } = validation;
      await fetch(`${server.url}/${name}/_design/leye`, { method: 'PUT', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(copy) });
    };

    // The server warms up first (its JIT, caches): whichever ran first would otherwise pay for it.
    await withValidation('warm_up');
    const warmUp = [...fakeResidents(3000, { placeCode: PLACE, today: new Date().toISOString().slice(0, 10), seed: 9 })].map((p, i) => ({
      _id: docId.resident(`warmup${String(i).padStart(6, '0')}`),
      _rev: `1-${String(i).padStart(32, '0')}`,
      type: 'resident',
      schemaVersion: 1,
      placeCode: PLACE,
      createdBy: 'bench',
      createdAt: new Date().toISOString(),
      updatedBy: 'bench',
      updatedAt: new Date().toISOString(),
      ...(p as object),
    }));
    for (let i = 0; i < warmUp.length; i += 1000) {
      await fetch(`${server.url}/warm_up/_bulk_docs`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ docs: warmUp.slice(i, i + 1000), new_edits: false }) });
    }

    const push = { ours: [] as number[], plain: [] as number[], ceiling: [] as number[], station: [] as number[] };
    const pull = { ours: [] as number[], plain: [] as number[] };
    let total = 0;
    for (const [round, village] of villages.entries()) {
      const ours = await station(village, codeOf(village), docs);
      total = (await ours.core.db.info()).doc_count;
      const all = await ours.core.db.allDocs<Record<string, unknown>>({ include_docs: true });
      const bodies = all.rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc!);
      for (const way of ORDERS[round % ORDERS.length]!) {
        const start = performance.now();
        if (way === 'ours') {
          // Our sync: one push, then what the county wrote comes down; into station_<place>.
          const status = await ours.core.call(ours.session, 'sync.now', {});
          if (status.state !== 'idle') throw new Error(`bench sync failed: ${JSON.stringify(status.failure)}`);
          push.ours.push(rate(total, performance.now() - start));
        } else if (way === 'plain') {
          // Plain PouchDB replication, default options, same documents, into a fresh database.
          await withValidation(`plain_push_${round}`);
          const begin = performance.now();
          await ours.core.db.replicate.to(remoteOf(`plain_push_${round}`));
          push.plain.push(rate(total, performance.now() - begin));
        } else if (way === 'ceiling') {
          // The same documents (with revisions) posted straight to _bulk_docs by the server admin.
          await withValidation(`ceiling_${round}`);
          const begin = performance.now();
          await postAll(`${server.url}/ceiling_${round}`, AUTH, bodies);
          push.ceiling.push(rate(bodies.length, performance.now() - begin));
        } else {
          // The same, by the station's own account, into a fresh station database (its name is what
          // the front door checks for locked records; the security and validation of the village's).
          const name = `station_${village}_raw${round}`;
          // The village's own function: it names the station whose account may write.
          await withValidation(name, (await (await fetch(`${server.url}/station_${village}/_design/leye`, { headers: { authorization: AUTH } })).json()) as Record<string, unknown>);
          const security = await (await fetch(`${server.url}/station_${village}/_security`, { headers: { authorization: AUTH } })).text();
          await fetch(`${server.url}/${name}/_security`, { method: 'PUT', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: security });
          const account = provisioned.created.find((a) => a.place === village)!;
          const begin = performance.now();
          await postAll(`${server.url}/${name}`, 'Basic ' + Buffer.from(`${account.name}:${account.password}`).toString('base64'), bodies);
          push.station.push(rate(bodies.length, performance.now() - begin));
        }
      }
      await ours.core.close();
      console.log(`  push round ${round + 1}: ours ${push.ours.at(-1)}/s, plain ${push.plain.at(-1)}/s, ceiling ${push.ceiling.at(-1)}/s, the station's raw ingest ${push.station.at(-1)}/s`);
    }

    // Pull: each village's township reads the village's database into its copy (its first sync),
    // against plain replication from the same database; the two take turns going first.
    let pulled = 0;
    for (const [round, village] of villages.entries()) {
      pulled = (await remoteOf(`station_${village}`).info()).doc_count;
      const ways = round % 2 === 0 ? (['ours', 'plain'] as const) : (['plain', 'ours'] as const);
      for (const way of ways) {
        if (way === 'ours') {
          const town = await station(townshipOf(village), codeOf(townshipOf(village)), 0);
          const start = performance.now();
          const status = await town.core.call(town.session, 'sync.now', {});
          pull.ours.push(rate(pulled, performance.now() - start));
          if (status.state !== 'idle') throw new Error(`bench township sync failed: ${JSON.stringify(status.failure)}`);
          await town.core.close();
        } else {
          const plainTarget = new PouchDB(path.join(tempDir('leye-bench-plain-'), 'db'), { adapter: 'leveldb' });
          const start = performance.now();
          await plainTarget.replicate.from(remoteOf(`station_${village}`));
          pull.plain.push(rate(pulled, performance.now() - start));
          await plainTarget.close();
        }
      }
      console.log(`  pull round ${round + 1}: ours ${pull.ours.at(-1)}/s, plain ${pull.plain.at(-1)}/s`);
    }

    const figures = {
      sync_docs: total,
      sync_rounds: villages.length,
      sync_push_docs_per_s: median(push.ours),
      plain_push_docs_per_s: median(push.plain),
      ceiling_bulk_docs_per_s: median(push.ceiling),
      station_bulk_docs_per_s: median(push.station),
      sync_pull_docs_per_s: median(pull.ours),
      plain_pull_docs_per_s: median(pull.plain),
      sync_push_vs_plain: 0,
      sync_push_vs_ceiling: 0,
      sync_push_vs_station_bulk: 0,
      station_bulk_vs_ceiling: 0,
      station_bulk_vs_plain: 0,
      sync_pull_vs_plain: 0,
    };
    figures.sync_push_vs_plain = ratio(figures.sync_push_docs_per_s, figures.plain_push_docs_per_s);
    figures.sync_push_vs_ceiling = ratio(figures.sync_push_docs_per_s, figures.ceiling_bulk_docs_per_s);
    figures.sync_push_vs_station_bulk = ratio(figures.sync_push_docs_per_s, figures.station_bulk_docs_per_s);
    figures.station_bulk_vs_ceiling = ratio(figures.station_bulk_docs_per_s, figures.ceiling_bulk_docs_per_s);
    figures.station_bulk_vs_plain = ratio(figures.station_bulk_docs_per_s, figures.plain_push_docs_per_s);
    figures.sync_pull_vs_plain = ratio(figures.sync_pull_docs_per_s, figures.plain_pull_docs_per_s);
    console.log(
      `sync push ${total} docs (median of ${villages.length}): ours ${figures.sync_push_docs_per_s}/s, plain replication ${figures.plain_push_docs_per_s}/s ` +
        `(x${figures.sync_push_vs_plain}), _bulk_docs ceiling ${figures.ceiling_bulk_docs_per_s}/s (${Math.round(figures.sync_push_vs_ceiling * 100)} %), ` +
        `the station account's own _bulk_docs ${figures.station_bulk_docs_per_s}/s (${Math.round(figures.station_bulk_vs_ceiling * 100)} % of the ceiling; ours ${Math.round(figures.sync_push_vs_station_bulk * 100)} % of it)`,
    );
    // No push by the station's account stores faster than the server takes that account's own
    // _bulk_docs: its ratios can reach these and no more (issue 18's floor of the push targets).
    console.log(
      `sync push bound (the server's ingest for the station's account): x${figures.station_bulk_vs_plain} of plain replication, ${Math.round(figures.station_bulk_vs_ceiling * 100)} % of the ceiling`,
    );
    console.log(
      `sync pull ${pulled} docs (median of ${villages.length}): ours ${figures.sync_pull_docs_per_s}/s, plain replication ${figures.plain_pull_docs_per_s}/s (x${figures.sync_pull_vs_plain})`,
    );
    return figures;
  } finally {
    await server.stop();
  }
}

/**
 * A township's first sync: it pulls each of its villages' databases (read-only copies) besides its
 * own. 30 villages × 3,000 documents written straight into the county server first.
 */
export async function benchTownshipPull(villages = 30, docsPerVillage = 3000) {
  const server = await startPouchServer({ dir: tempDir('leye-bench-township-') });
  try {
    const admin = { user: ADMIN.username, password: ADMIN.password };
    await createServerAdmin(server.url, admin.user, admin.password);
    const township = '370102011';
    const codes = placeChildren(township).slice(0, villages).map((c) => c.code);
    if (codes.length < villages) throw new Error(`township ${township} has only ${codes.length} villages`);
    const provisioned = await provisionCounty(server.url, admin, { county: '370102', townships: [{ code: township, villages: codes }], aggregateReplication: false });
    // The villages' documents, written as the server admin (the fastest way in).
    let seeded = 0;
    for (const [v, code] of codes.entries()) {
      const people = fakeResidents(docsPerVillage, { placeCode: code, today: new Date().toISOString().slice(0, 10), seed: 100 + v });
      const at = new Date().toISOString();
      // Whole resident documents as a village station stores them: a station checks what it pulls
      // against the document schemas and keeps malformed ones aside (sync quarantine).
      const docs = [...people].map((p) => {
        const id = checkIdNumber(p.idNumber);
        if (!id.ok) throw new Error(`fake ID number refused: ${id.reason}`);
        return {
          ...(p as object),
          _id: docId.resident(residentKey(BENCH_IDENTITY_KEY, id.idNumber)),
          type: 'resident',
          schemaVersion: 1,
          placeCode: code,
          createdBy: 'bench',
          createdAt: at,
          updatedBy: 'bench',
          updatedAt: at,
          idNumber: id.idNumber,
          sex: id.sex,
          birthDate: id.birthDate,
          closure: null,
        };
      });
      for (let i = 0; i < docs.length; i += 1000) {
        const response = await fetch(`${server.url}/station_${code}/_bulk_docs`, {
          method: 'POST',
          headers: { authorization: AUTH, 'content-type': 'application/json' },
          body: JSON.stringify({ docs: docs.slice(i, i + 1000) }),
        });
        if (!response.ok) throw new Error(`seeding ${code}: ${response.status}`);
      }
      seeded += docs.length;
    }
    const account = provisioned.created.find((a) => a.place === township)!;
    const dataDir = tempDir('leye-bench-township-station-');
    const core = await Core.open({ dataDir, syncTiming: NEVER });
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: township, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
    await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
    await core.call(session, 'sync.connect', { setupCode: account.setupCode });
    const start = performance.now();
    const status = await core.call(session, 'sync.now', {});
    const ms = performance.now() - start;
    if (status.state !== 'idle') throw new Error(`township pull failed: ${JSON.stringify(status.failure)}`);
    await core.close();
    let held = 0;
    for (const code of codes) {
      // The relay copies are this station's read-only view of its villages.
      const copy = new PouchDB(path.join(dataDir, 'relay', code), { adapter: 'leveldb' });
      held += (await copy.info()).doc_count;
      await copy.close();
    }
    if (held < seeded) throw new Error(`township holds ${held} of ${seeded} village documents`);
    const figures = { township_villages: villages, township_pull_docs: seeded, township_pull_s: Math.round(ms / 100) / 10, township_pull_docs_per_s: rate(seeded, ms) };
    console.log(`township initial pull: ${villages} villages × ${docsPerVillage} docs = ${seeded} in ${figures.township_pull_s} s (${figures.township_pull_docs_per_s}/s)`);
    return figures;
  } finally {
    await server.stop();
  }
}
