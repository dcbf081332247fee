// A township's first pull of a village fills an empty relay copy: the work list's facts of the
// copy take each page in hand as it is stored (no second read of what was just written), and
// come out the same as facts read from the copy afterwards; a page they cannot take (another
// writer beside it) leaves them behind, and the next refresh reads the rest from the copy.
import path from 'node:path';
import type { PouchDB as P } from 'pouchdb-node';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_POLICY } from '../../../shared/policy/defaults';
import { DEFAULT_RETIREMENT_RULES } from '../../../shared/policy/retirement';
import type { Core, Session } from '../core';
import { openLocalDb, type StationDb } from '../store/db';
import { replicate } from '../sync/replicate';
import { clockedStations, idNumber, registration, serviceVisit, tempDir } from '../testing/fixtures';
import { WorklistFacts } from './facts';
import { computeList, type ComputedList } from './worklist';

// The station's day is 2026-11-22.
const station = clockedStations();
const TODAY = '2026-11-22';
const POLICY = { params: DEFAULT_WORKLIST_POLICY, maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES };

const opened: P.Database[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close().catch(() => undefined);
});

/** A village with rows of several kinds: not contacted, contacted, a referral waiting, an edited and a corrected record. */
async function village(): Promise<{ core: Core; session: Session }> {
  const s = await station();
  const { core, session } = s;
  const ids: string[] = [];
  for (const [i, date] of ['2026-09-01', '2026-10-01', '2026-10-20', '2026-11-01', '2026-11-10'].entries()) {
    const reg = registration({ idNumber: idNumber('19800101', String(411 + i * 2)), name: ['李一', '李二', '李三', '李四', '李五'][i]!, registration: { kind: 'unemployment', date, unemploymentType: 'lostJob', unemployedSince: '2026-08-01' } });
    ids.push((await core.call(session, 'residents.register', reg)).id);
  }
  const visit = serviceVisit;
  await core.call(session, 'services.record', visit(ids[0]!, '2026-11-20', 'careerGuidance'));
  await core.call(session, 'services.record', visit(ids[1]!, '2026-11-01', 'jobReferral'));
  const served = await core.call(session, 'services.record', visit(ids[2]!, '2026-11-21', 'careerGuidance'));
  // Corrected to an earlier day: the correction decides, not the first record.
  const { residentId: _r, ...fields } = visit(ids[2]!, '2026-10-21', 'careerGuidance');
  await core.call(session, 'services.correct', { entry: 'service', corrects: served.id, ...fields });
  const view = (await core.call(session, 'residents.get', { id: ids[1]! }))!;
  const { idNumber: _id, ...edit } = registration({ idNumber: idNumber('19800101', '413'), registration: view.registration });
  await core.call(session, 'residents.update', { ...edit, id: view.id, rev: view.rev, name: '李思远' });
  return s;
}

/** Every open row of every rule, whole, and the counts. */
function rows(list: ComputedList) {
  return { counts: list.counts, items: [...list.rules.values()].flatMap((r) => r.open.map((row) => list.item(row))) };
}

/** A copy whose `changes` reads are counted. */
function countedCopy(): { copy: StationDb; reads: () => number } {
  const db = openLocalDb(path.join(tempDir('leye-filling-'), 'copy'));
  opened.push(db);
  let reads = 0;
  const changes = db.changes.bind(db) as (...args: unknown[]) => unknown;
  Object.assign(db, { changes: (...args: unknown[]) => ((reads += 1), changes(...args)) });
  return { copy: db as unknown as StationDb, reads: () => reads };
}

/** The village's database pulled into the copy in pages of 4, each page offered to the facts. */
async function fill(core: Core, copy: StationDb, facts: WorklistFacts): Promise<boolean[]> {
  const taken: boolean[] = [];
  const target = copy as unknown as P.Database;
  await replicate(core.db as unknown as P.Database, target, { home: target, pair: 'village', diff: 'fetched', pageSize: 4, filling: (page) => taken.push(facts.takeWritten(page)) });
  return taken;
}

describe('the work list of a relay copy a first pull fills', () => {
  it('takes every page in hand and lists what facts read from the copy afterwards list, without reading the copy again', async () => {
    const { core, session } = await village();
    const { copy, reads } = countedCopy();
    const facts = new WorklistFacts();
    const taken = await fill(core, copy, facts);
    expect(taken.length).toBeGreaterThanOrEqual(3);
    expect(taken.every(Boolean)).toBe(true);
    const before = reads();
    await facts.refresh(copy);
    expect(reads()).toBe(before);

    const read = new WorklistFacts();
    await read.refresh(copy);
    const inHand = rows(computeList(facts, TODAY, POLICY));
    expect(inHand).toEqual(rows(computeList(read, TODAY, POLICY)));
    // And the same as the village's own list.
    const own = await core.call(session, 'worklist.list', {});
    expect(inHand.counts).toEqual(own.counts);
    expect(inHand.counts.overdue).toBeGreaterThanOrEqual(2);
    expect(inHand.items.map((i) => i?.residentName)).toContain('李思远');
  });

  it('falls behind at a page another writer wrote beside, and reads the rest from the copy at the next refresh', async () => {
    const { core } = await village();
    const { copy, reads } = countedCopy();
    const facts = new WorklistFacts();
    const bulkDocs = copy.bulkDocs.bind(copy) as (docs: object[], options?: object) => Promise<unknown>;
    let writes = 0;
    Object.assign(copy, {
      // A file import lands just before the second page.
      bulkDocs: async (docs: object[], options?: object) => {
        if (++writes === 2) await bulkDocs([{ _id: 'audit:imported-beside', type: 'audit' }]);
        return bulkDocs(docs, options);
      },
    });
    const taken = await fill(core, copy, facts);
    expect(taken[0]).toBe(true);
    expect(taken.slice(1).every((t) => !t)).toBe(true);
    const before = reads();
    await facts.refresh(copy);
    expect(reads()).toBeGreaterThan(before);
    const read = new WorklistFacts();
    await read.refresh(copy);
    expect(rows(computeList(facts, TODAY, POLICY))).toEqual(rows(computeList(read, TODAY, POLICY)));
  });
});
