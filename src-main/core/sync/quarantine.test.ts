// Hostile data from the server: documents an admin wrote straight into the county's databases
// (bypassing validation) that fail their schema are kept aside and listed, never used as valid;
// a corrected revision is taken and leaves the list.
import { afterEach, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer } from '../../../county/pouchServer';
import { openStation, registration, tempDir, VILLAGE } from '../testing/fixtures';
import { docId } from '../../../shared/documents/registry';

const post = (code: string) => docId.post(VILLAGE, code);

const ADMIN = { username: 'county-admin', password: 'county-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const STAMP = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-staff', createdAt: '2026-11-01T02:00:00.000Z', updatedBy: 'county-staff', updatedAt: '2026-11-01T02:00:00.000Z' };
const POST = {
  type: 'post',
  ...STAMP,
  name: '县设保洁岗',
  kind: 'rural',
  category: 'ruralCleaning',
  employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' },
  plannedHoursPerMonth: 40,
  payPerMonthFen: 100_000,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
};
const COURSE = { type: 'course', ...STAMP, placeCode: '370102', occupation: '养老护理员', level: 'level5', classHours: 40 };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('documents pulled from the county that fail their schema', () => {
  it('are kept aside with their reason, never shown as valid, and released by a corrected revision', async () => {
    const county = await startPouchServer({ dir: tempDir('leye-county-') });
    cleanups.push(() => county.stop());
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
    const couch = async (path: string, method = 'PUT', body?: unknown) => {
      const response = await fetch(county.url + path, { method, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return (await response.json()) as { rev?: string };
    };
    await couch(`/station_${VILLAGE}`);
    await couch('/county_ref');

    const { core, session } = await openStation();
    cleanups.push(() => core.close());
    const resident = await core.call(session, 'residents.register', registration());

    // The county's decisions in the station's database: one well-formed, two malformed.
    await couch(`/station_${VILLAGE}/unlock:${resident.id}:good`, 'PUT', { type: 'unlock', ...STAMP, targetId: resident.id, reason: '更正住址' });
    await couch(`/station_${VILLAGE}/unlock:${resident.id}:bad`, 'PUT', { type: 'unlock', ...STAMP, targetId: resident.id, reason: '更正\u0007住址' });
    await couch(`/station_${VILLAGE}/review:batch:x`, 'PUT', { type: 'review', ...STAMP, batchId: 'batch:x', decision: 'maybe', records: [] });
    // Reference data: a valid post and course, and malformed ones.
    await couch(`/county_ref/${post('XC-9')}`, 'PUT', { ...POST, code: 'XC-9' });
    // An id that carries another place than the document's.
    await couch(`/county_ref/${docId.post('370102001003', 'XC-ELSE')}`, 'PUT', { ...POST, code: 'XC-ELSE' });
    const badPost = await couch(`/county_ref/${post('XC-BAD')}`, 'PUT', { ...POST, code: 'XC-BAD', plannedHoursPerMonth: 'lots' });
    await couch('/county_ref/course:YL-01', 'PUT', { ...COURSE, code: 'YL-01' });
    await couch('/county_ref/course:YL-BAD', 'PUT', { ...COURSE, code: 'YL-BAD', classHours: 1e9 });
    await couch('/county_ref/policy:minimumWage:370102:2026-10-01', 'PUT', {
      type: 'policy', ...STAMP, placeCode: '370102', kind: 'minimumWage', effectiveFrom: '2026-10-01', isDefault: false, values: { countyCode: '370102', tier: '一类', monthly: 'free', hourly: 25 },
    });
    await couch(`/county_ref/${post('XC-TYPE')}`, 'PUT', { ...COURSE, code: 'XC-TYPE' });

    await core.call(session, 'sync.connect', { url: county.url, ...ADMIN });
    await core.call(session, 'sync.now', {});

    const quarantine = await core.call(session, 'sync.quarantine', {});
    const byId = Object.fromEntries(quarantine.map((q) => [q.id, q]));
    expect(Object.keys(byId).sort()).toEqual(
      ['course:YL-BAD', 'policy:minimumWage:370102:2026-10-01', post('XC-BAD'), post('XC-TYPE'), docId.post('370102001003', 'XC-ELSE'), 'review:batch:x', `unlock:${resident.id}:bad`].sort(),
    );
    expect(byId[`unlock:${resident.id}:bad`]).toMatchObject({ source: `station_${VILLAGE}`, field: 'reason', messageKey: 'errors.controlChars' });
    expect(byId['review:batch:x']).toMatchObject({ field: 'decision', messageKey: 'errors.option' });
    expect(byId[post('XC-BAD')]).toMatchObject({ source: 'county_ref', field: 'plannedHoursPerMonth', rev: badPost.rev });
    expect(byId['course:YL-BAD']).toMatchObject({ field: 'classHours', messageKey: 'errors.number.range' });
    expect(byId[post('XC-TYPE')]).toMatchObject({ field: 'type', messageKey: 'errors.quarantine.typeMismatch' });
    expect(byId[docId.post('370102001003', 'XC-ELSE')]).toMatchObject({ field: '_id' });

    // Never where the station reads: its database, the reference copy, the lists.
    expect(await core.db.get(`unlock:${resident.id}:good`)).toMatchObject({ reason: '更正住址' });
    await expect(core.db.get(`unlock:${resident.id}:bad`)).rejects.toMatchObject({ status: 404 });
    await expect(core.db.get('review:batch:x')).rejects.toMatchObject({ status: 404 });
    const posts = await until(() => core.call(session, 'posts.list', {}), (list) => list.some((p) => p.id === post('XC-9')));
    expect(posts.map((p) => p.id)).toContain(post('XC-9'));
    expect(posts.map((p) => p.id)).not.toContain(post('XC-BAD'));
    expect(posts.map((p) => p.id)).not.toContain(post('XC-TYPE'));
    const courses = await until(() => core.call(session, 'courses.list', {}), (list) => list.some((c) => c.code === 'YL-01'));
    expect(courses.map((c) => c.code)).toEqual(['YL-01']);
    expect((await core.call(session, 'policy.list', {})).some((p) => p.effectiveFrom === '2026-10-01')).toBe(false);

    // The county corrects the post: the new revision is taken and the entry leaves the list.
    await couch(`/county_ref/${post('XC-BAD')}`, 'PUT', { ...POST, code: 'XC-BAD', _rev: badPost.rev });
    await core.call(session, 'sync.now', {});
    expect((await core.call(session, 'sync.quarantine', {})).map((q) => q.id)).not.toContain(post('XC-BAD'));
    const fixed = await until(() => core.call(session, 'posts.list', {}), (list) => list.some((p) => p.id === post('XC-BAD')));
    expect(fixed.map((p) => p.id)).toContain(post('XC-BAD'));
  }, 60_000);
});
