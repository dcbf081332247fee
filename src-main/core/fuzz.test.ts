// Bad input: every handler of the contract is called with generated arguments (arbitrary JSON,
// valid arguments with one field broken, huge strings, prototype-pollution keys, control
// characters, markup). Each call must answer a result or a translated error, the prototype
// must stay clean, and afterwards every document in the database must still be valid.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsZhCN } from '../../shared/i18n/errors';
import { printErrorsZhCN } from '../../shared/print/texts';
import { sheetsErrorsZhCN } from '../../shared/sheets/texts';
import { statsErrorsZhCN } from '../../shared/stats/texts';
import { backupErrorsZhCN } from '../../shared/backup/texts';
import { accessErrorsZhCN } from '../../shared/access/texts';
import { isRpcError, LeyeError } from '../../shared/rpc/errors';
import { handlers, type HandlerName } from '../../shared/rpc/handlers';
import type { Core, Session } from './core';
import { parseSetupCode } from './sync/sync';
import { idNumber, openStation, registration, tempDir, villagePost } from './testing/fixtures';
import { documentProblem } from './store/docSchemas';

/** The total number of generated arguments, spread over every handler of the map. */
const TOTAL_RUNS = 10_500;
const HUGE = '长'.repeat(1 << 20);
const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')"];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u2028', '\ufeff', 'a\u0000b', '\ud800'];
/** Own keys, as JSON.parse makes them: an object literal would set the prototype instead. */
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"},"constructor":"x","toString":"y","hasOwnProperty":1,"valueOf":null}',
];

const zhErrors = { ...errorsZhCN, ...printErrorsZhCN, ...sheetsErrorsZhCN, ...statsErrorsZhCN, ...backupErrorsZhCN, ...accessErrorsZhCN };
function hasZhText(key: string): boolean {
  if (!key.startsWith('errors.')) return false;
  let node: unknown = zhErrors;
  for (const part of key.slice('errors.'.length).split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(HUGE),
  fc.constantFrom(...MARKUP),
  fc.constantFrom(...CONTROL).map((c) => `东街${c}12号`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...POLLUTERS).map((json) => JSON.parse(json) as unknown),
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, 0.1),
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'prototype', 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa', 'post:../../x', '_local/users', '_design/x'),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * A small change to a valid value that may well pass validation (so it reaches storage): text
 * with markup, odd spaces or rare characters appended, numbers at or past their bounds.
 */
function nearbyValue(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    const extra = fc.constantFrom(' ', '\u3000', '\u200b', '<b>', '</td>', '&amp;', '"\'`', '\ud83d\ude00', '𠀀', 'ℌ', '\u202e', '${x}', '{{field}}', '\\n');
    return fc.tuple(extra, fc.boolean()).map(([e, before]) => (before ? e + original : original + e));
  }
  if (typeof original === 'number') {
    return fc.oneof(fc.constantFrom(0, -1, 0.5, 1e6, Number.MAX_SAFE_INTEGER), fc.integer({ min: -3, max: 3 }).map((d) => original + d), fc.constant(original * 10));
  }
  if (Array.isArray(original)) return fc.constantFrom([], [...original, ...original], original.slice(1));
  return hostileValue;
}

/** A valid argument to mutate (where the handler has one), else an empty object. */
type Samples = Partial<Record<HandlerName, Record<string, unknown>>>;

/** The sample with one field (at any depth) replaced, removed, or joined by a hostile key. */
function nearValid(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (path.length) paths.push(path);
    if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(sample, []);
  if (paths.length === 0) paths.push(['x']);
  const hows = fc.constantFrom('replace', 'replace', 'replace', 'delete', 'addKey', 'addPolluter');
  const keys = fc.constantFrom('__proto__', 'constructor', 'prototype');
  const valueAt = (path: string[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], sample);
  const change = fc.constantFrom(...paths).chain((path) => fc.tuple(fc.constant(path), fc.oneof(hostileValue, nearbyValue(valueAt(path)))));
  return fc.tuple(change, hows, keys).map(([[path, value], how, key]) => {
    const copy = structuredClone(sample) as Record<string, unknown>;
    let parent: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = path[path.length - 1]!;
    if (how === 'replace') parent[last] = value;
    else if (how === 'delete') delete parent[last];
    else if (how === 'addKey') Object.defineProperty(parent, key, { value, enumerable: true, configurable: true, writable: true });
    else return Object.assign(JSON.parse(POLLUTERS[path.length % POLLUTERS.length]!) as object, copy);
    return copy;
  });
}

/** fast-check's report cannot print every hostile value (an own `constructor` key breaks it): JSON, cut short. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

function argumentsFor(sample: Record<string, unknown> | undefined): fc.Arbitrary<{ value: unknown }> {
  return fc
    .oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'postId', 'file'), hostileValue) },
    { weight: 5, arbitrary: nearValid(sample ?? {}) },
    )
    .map((value) => ({ value, [fc.toStringMethod]: () => shown(value) }));
}

const BACKUP_FOLDER = tempDir('leye-fuzz-backups-');

/** Never lets a generated county address leave the machine: a closed loopback port instead. */
function keepLocal(name: HandlerName, args: unknown): unknown {
  // A generated backup folder that exists ("/", running as root) would get backup files: only the test's own folder.
  if (name === 'backup.settings' && handlers['backup.settings'].args.safeParse(args).success) return { ...(args as object), folder: BACKUP_FOLDER };
  if (name !== 'sync.connect' || !handlers['sync.connect'].args.safeParse(args).success) return args;
  const a = args as { setupCode?: string; url?: string };
  if (a.setupCode !== undefined && parseSetupCode(a.setupCode.trim()) === null) return args;
  return { url: 'http://127.0.0.1:9', username: 'fuzz', password: 'fuzz' };
}

/**
 * Placeholders in the samples, filled at call time so that a write which passes validation is
 * stored anew rather than refused as a duplicate or a stale revision.
 */
const FRESH = { idNumber: '@idNumber', postCode: '@postCode', day: '@day', rev: '@rev' } as const;
let freshCount = 0;

async function freshen(core: Core, value: unknown, holder?: Record<string, unknown>): Promise<unknown> {
  if (value === FRESH.idNumber) {
    freshCount += 1;
    const birth = new Date(Date.UTC(1960, 0, 1) + freshCount * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    return idNumber(birth, String(100 + (freshCount % 800)));
  }
  if (value === FRESH.postCode) return `F-${(freshCount += 1)}`;
  if (value === FRESH.day) return new Date(Date.UTC(2000, 0, 1) + (freshCount += 1) * 86_400_000).toISOString().slice(0, 10);
  if (value === FRESH.rev) {
    const id = holder?.id;
    return typeof id === 'string' ? ((await core.db.get(id).catch(() => null))?._rev ?? '1-0') : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  // Own keys only, set with defineProperty: `__proto__` (or `constructor` on an array) stays an
  // own key, as it came; nothing here calls a method the hostile value may have replaced.
  const out = (Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(object) as object | null)) as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    Object.defineProperty(out, key, { value: await freshen(core, object[key], object), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function withoutIdNumber<T extends { idNumber?: unknown }>(input: T): Omit<T, 'idNumber'> {
  const { idNumber: _omitted, ...rest } = input;
  return rest;
}

describe('fuzzing every handler', () => {
  let core: Core;
  const admin = { loginName: 'wangli', displayName: '王丽', role: 'admin' as const };
  const samples: Samples = {};
  const counts = { calls: 0, ok: 0, refused: 0 };

  beforeAll(async () => {
    const station = await openStation(undefined, undefined, undefined, { durable: false });
    core = station.core;
    const s = station.session;
    const older = await core.call(s, 'residents.register', registration({ idNumber: idNumber('19700301', '111'), name: '李四' }));
    const leaving = await core.call(s, 'residents.register', registration({ idNumber: idNumber('19720301', '444'), name: '钱六' }));
    const hardship = await core.call(s, 'residents.register', registration({
      idNumber: idNumber('19750601', '222'),
      name: '赵五',
      registration: { kind: 'hardship', date: '2026-11-20', hardshipCategories: ['olderUnemployed'], familyMembers: [], reason: '' },
    }));
    const post = { code: 'XC-001', name: '解放桥社区保洁', kind: 'rural', category: 'ruralCleaning', placeCode: '370102001002', employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' }, plannedHoursPerMonth: 40, payPerMonth: 1000, startDate: '2020-01-01', endDate: '2030-12-31' };
    await core.call(s, 'posts.save', post);
    const assign = { postId: villagePost('XC-001'), residentId: older.id, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1' };
    await core.call(s, 'posts.assign', assign);
    const marks = { postId: villagePost('XC-001'), marks: [{ residentId: older.id, date: '2026-11-02', mark: 'present', hours: 4 }] };
    await core.call(s, 'attendance.set', marks);
    const training = {
      course: { occupation: '养老护理员', level: 'level5' },
      provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
      teachers: ['李老师'],
      place: '解放桥社区活动中心',
      startDate: '2026-11-20',
      endDate: '2026-11-22',
      timetable: [{ date: '2026-11-20', half: 'am', start: '08:30', end: '10:30', classHours: 2 }],
      plannedTrainees: 20,
    };
    const session = await core.call(s, 'training.save', training);
    await core.call(s, 'training.enrol', { sessionId: session.id, residentId: older.id });
    const ledger = await core.call(s, 'sheets.exportLedger', {});
    const roster = { fileName: '花名册.xlsx', content: ledger.content };
    const preview = await core.call(s, 'sheets.preview', { file: roster });
    const month = { postId: villagePost('XC-001'), month: '2026-11' };
    const range = { from: '2026-01', to: '2026-11' };
    Object.assign(samples, {
      'station.setup': { placeCode: '370102001002', clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } },
      'station.setupDemo': { residents: 3 },
      'places.children': { code: '370102' },
      'auth.login': { loginName: 'wangli', password: 'wrong-password' },
      'residents.register': { ...registration({ idNumber: FRESH.idNumber }) },
      'residents.update': { ...withoutIdNumber(registration()), id: older.id, rev: FRESH.rev },
      'residents.close': { id: leaving.id, rev: FRESH.rev, reason: 'employed', date: '2026-11-21', note: '' },
      'residents.reopen': { id: leaving.id, rev: FRESH.rev, reason: '误注销' },
      'residents.get': { id: older.id },
      'residents.reveal': { id: older.id, field: 'phone' },
      'residents.search': { query: 'ls', targetGroup: 'migrantWorker', sort: 'name', order: 'asc', offset: 0, limit: 10 },
      'policy.save': { kind: 'minimumWage', effectiveFrom: FRESH.day, values: { countyCode: '370102', tier: '一类', monthly: 2500, hourly: 25 } },
      'posts.get': { postId: villagePost('XC-001') },
      'posts.save': { ...post, code: FRESH.postCode },
      'posts.assign': { ...assign, residentId: hardship.id },
      'attendance.month': month,
      'attendance.set': marks,
      'attendance.history': { postId: villagePost('XC-001'), residentId: older.id, date: '2026-11-02' },
      'attendance.summary': month,
      'attendance.closeMonth': { postId: villagePost('XC-001'), month: '2026-10' },
      'attendance.reopenMonth': { postId: villagePost('XC-001'), month: '2026-10', reason: '补录' },
      'courses.save': { code: 'YL-01', occupation: '养老护理员', level: 'level5', classHours: 40 },
      'training.get': { sessionId: session.id },
      'training.save': training,
      'training.enrol': { sessionId: session.id, idNumber: FRESH.idNumber },
      'training.signIn': { sessionId: session.id, date: '2026-11-20', half: 'am', method: 'typedId', idNumber: idNumber('19700301', '111') },
      'training.signIns': { sessionId: session.id, date: '2026-11-20', half: 'am' },
      'training.attendance': { sessionId: session.id },
      'sync.connect': { setupCode: 'not-a-code' },
      'county.stations': { staleDays: 7 },
      'county.batch': { batchId: 'batch:370102001002:2026-11-22T02:00:00.000Z:abcdef' },
      'county.unlock': { placeCode: '370102001002', id: older.id, reason: '更正' },
      'county.resolve': { id: older.id, keepRev: older.rev, fields: { name: older.rev }, reason: '保留' },
      'transfer.import': { fileName: 'batch.leye', content: Buffer.from('{"kind":"batch"}').toString('base64') },
      'print.registration': { id: older.id },
      'print.hardshipApplication': { id: hardship.id },
      'print.hardshipNotice': { from: '2026-11-01', to: '2026-11-20', noticeFrom: '2026-11-23', noticeTo: '2026-11-27', phone: '0531-86001234' },
      'print.attendance': month,
      'print.signInSheet': { sessionId: session.id, date: '2026-11-20', half: 'am' },
      'print.trainingSummary': { sessionId: session.id },
      'sheets.preview': { file: roster },
      'sheets.import': { file: roster, columns: preview.mapping, fileHash: preview.fileHash, expectedValid: preview.counts.valid, skipInvalid: true },
      'sheets.errorSheet': { file: roster, columns: preview.mapping, locale: 'zh-CN' },
      'sheets.exportLedger': { full: true, status: 'active' },
      'sheets.exportAttendance': { ...month, full: false },
      'sheets.exportTraining': { sessionId: session.id, full: false },
      'stats.dashboard': range,
      'stats.export': range,
      'backup.settings': { folder: BACKUP_FOLDER, keep: 3 },
      'backup.restore': { file: '乐业驿站备份-370102001002-20261122-100000.leyebak' },
      // Refused on this set-up station before any file is read, whatever the folder.
      'backup.firstRunFiles': { folder: BACKUP_FOLDER },
      'backup.firstRunCheck': { folder: BACKUP_FOLDER, file: '乐业驿站备份-370102001002-20261122-100000.leyebak' },
      'backup.firstRunRestore': { folder: BACKUP_FOLDER, file: '乐业驿站备份-370102001002-20261122-100000.leyebak' },
      'users.create': { loginName: 'fuzz-clerk', displayName: '测试', role: 'clerk', password: 'fuzz-pass-123' },
      'audit.list': { offset: 0, limit: 20 },
    } satisfies Samples);
  }, 60_000);

  afterAll(async () => {
    await core?.close();
  });

  it('answers at least 10,000 generated arguments with a result or a translated error, and stores nothing invalid', async () => {
    const names = Object.keys(handlers) as HandlerName[];
    const runsEach = Math.ceil(TOTAL_RUNS / names.length);
    const leaked: string[] = [];
    const succeeded: Partial<Record<HandlerName, number>> = {};
    for (const name of names) {
      await fc.assert(
        fc.asyncProperty(argumentsFor(samples[name]), async ({ value: generated }) => {
          const session: Session = { user: { ...admin } };
          counts.calls += 1;
          try {
            await core.call(session, name, keepLocal(name, await freshen(core, generated)));
            counts.ok += 1;
            succeeded[name] = (succeeded[name] ?? 0) + 1;
          } catch (error) {
            counts.refused += 1;
            expect(error, `${name} threw something other than a LeyeError`).toBeInstanceOf(LeyeError);
            const rpc = (error as LeyeError).rpc;
            expect(isRpcError(rpc)).toBe(true);
            expect(hasZhText(rpc.messageKey), `${name}: message key ${rpc.messageKey} has no zh-CN text`).toBe(true);
            // INTERNAL means an exception the core did not expect: a bug, not an answer.
            if (rpc.code === 'INTERNAL') leaked.push(`${name}: ${JSON.stringify(generated)?.slice(0, 300)}`);
            expect(rpc.code, `${name} answered INTERNAL for ${JSON.stringify(generated)?.slice(0, 300)}`).not.toBe('INTERNAL');
          }
          expect(({} as Record<string, unknown>).polluted, `${name} polluted Object.prototype`).toBeUndefined();
        }),
        { numRuns: runsEach, seed: Number(process.env.FUZZ_SEED ?? 20261122), endOnFailure: true },
      );
    }
    expect(leaked).toEqual([]);
    expect(counts.calls).toBeGreaterThanOrEqual(10_000);
    // Near-valid arguments must also succeed sometimes, or the fuzzer only tests the schemas.
    expect(counts.ok).toBeGreaterThan(100);

    const all = await core.db.allDocs<Record<string, unknown>>({ include_docs: true });
    const problems = all.rows.flatMap((row) => {
      const problem = documentProblem(row.doc as Record<string, unknown>);
      return problem ? [`${row.id}: ${problem.field} ${problem.messageKey}`] : [];
    });
    expect(problems).toEqual([]);
    expect(all.rows.length).toBeGreaterThan(10);
    console.log(`fuzz: results per handler ${JSON.stringify(succeeded)}`);
    console.log(`fuzz: ${counts.calls} calls, ${counts.ok} results, ${counts.refused} refusals, ${all.rows.length} documents checked`);
  }, 300_000);
});

describe('the stored-document check the fuzz test relies on', () => {
  it('refuses documents the forms would refuse, and passes the ones the core writes', async () => {
    const { core, session } = await openStation(undefined, undefined, undefined, { durable: false });
    try {
      const view = await core.call(session, 'residents.register', registration());
      const stored = await core.db.get<Record<string, unknown>>(view.id);
      expect(documentProblem(stored)).toBeNull();
      expect(documentProblem({ ...stored, name: '<img src=x onerror=alert(1)>' })).toEqual({ field: 'name', messageKey: 'errors.name.markup' });
      expect(documentProblem({ ...stored, address: '东街\u0007号' })).toEqual({ field: 'address', messageKey: 'errors.controlChars' });
      expect(documentProblem({ ...stored, skills: '长'.repeat(201) })).toMatchObject({ field: 'skills', messageKey: 'errors.tooLong' });
      expect(documentProblem({ ...stored, placeCode: 42 })).toMatchObject({ field: 'placeCode' });
      expect(documentProblem({ ...stored, type: 'post' })).toEqual({ field: 'type', messageKey: 'errors.quarantine.typeMismatch' });
      expect(documentProblem({ ...stored, _id: 'mystery:1' })).toEqual({ field: '_id', messageKey: 'errors.quarantine.unknownType' });
    } finally {
      await core.close();
    }
  });
});
