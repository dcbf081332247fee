// Shared test fixtures: a temporary data folder and a station with a logged-in clerk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idNumberCheckChar } from '../../../shared/id/idNumber';
import type { ResidentRegisterInput } from '../../../shared/residents/schema';
import { afterEach } from 'vitest';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import { Core, type CoreOptions, type Session } from '../core';
import { docId } from '../../../shared/documents/registry';
import type { ResidentDoc } from '../store/docs';

export const VILLAGE = '370102001002';

export function tempDir(prefix = 'leye-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A valid ID number for a birth date (YYYYMMDD) and sequence in 济南市历下区. */
export function idNumber(birth: string, seq = '123'): string {
  const first17 = `370102${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export const FIXED_NOW = new Date('2026-11-22T10:00:00+08:00');

export async function openStation(
  dataDir = tempDir(),
  clock = () => FIXED_NOW,
  placeCode = VILLAGE,
  options: Partial<CoreOptions> = {},
): Promise<{ core: Core; session: Session; dataDir: string }> {
  const core = await Core.open({ dataDir, clock, ...options });
  const session: Session = { user: null };
  if (!(await core.call(session, 'station.status', {})).setUp) {
    await core.call(session, 'station.setup', {
      placeCode,
      clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' },
    });
  }
  await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
  return { core, session, dataDir };
}

/** `openStation`, each station closed after its test. Call once at the top of a test file. */
export function closedAfterEach(): (...args: Parameters<typeof openStation>) => ReturnType<typeof openStation> {
  const open: Core[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  return async (...args) => {
    const s = await openStation(...args);
    open.push(s.core);
    return s;
  };
}

/**
 * Stations in temporary folders, each with a clock the test moves (`at`), closed after each test.
 * Call once at the top of a test file.
 */
export function clockedStations() {
  const open: Core[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  return async (now = '2026-11-22T10:00:00+08:00') => {
    let clock = new Date(now);
    const s = await openStation(tempDir(), () => clock);
    open.push(s.core);
    return { ...s, at: (iso: string) => (clock = new Date(iso)) };
  };
}

/** The id of a post of the demo village (a post's id carries its place). */
export const villagePost = (code: string) => docId.post(VILLAGE, code);

/** The demo village's cleaning post, as the post form sends it. */
export const CLEANING_POST: ArgsOf<'posts.save'> = {
  code: 'XC-001',
  name: '解放桥社区保洁',
  kind: 'rural',
  category: 'ruralCleaning',
  placeCode: VILLAGE,
  employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' },
  plannedHoursPerMonth: 40,
  payPerMonth: 1000,
  startDate: '2020-01-01',
  endDate: '2030-12-31',
};

export function registration(overrides: Partial<ResidentRegisterInput> = {}): ResidentRegisterInput {
  return {
    idNumber: idNumber('19900520'),
    name: '张三',
    phone: '13812345678',
    householdType: 'agricultural',
    address: '解放桥东街 12 号',
    education: 'seniorHigh',
    skills: '电工',
    targetGroups: ['migrantWorker'],
    careCategories: [],
    registration: { kind: 'jobSeeking', date: '2026-11-20' },
    ...overrides,
  };
}

/** A home visit to a resident (`services.record` arguments); a job referral names its employer. */
export function serviceVisit(residentId: string, date: string, kind: 'careerGuidance' | 'jobReferral' = 'careerGuidance') {
  return {
    residentId,
    date,
    channel: 'homeVisit' as const,
    kind,
    content: '入户了解求职意向',
    outcome: '',
    ...(kind === 'jobReferral' ? { referral: { employerName: '历下物业服务有限公司', employerCreditCode: '', job: '电工', pay: '' } } : {}),
  };
}

/** A village cleaning post running from the start of last year to the end of next (`posts.save` arguments). */
export function cleaningPost(code: string, year: number) {
  return {
    code,
    name: '解放桥社区保洁',
    kind: 'rural' as const,
    category: 'ruralCleaning',
    placeCode: VILLAGE,
    employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' },
    plannedHoursPerMonth: 40,
    payPerMonth: 1000,
    startDate: `${year - 1}-01-01`,
    endDate: `${year + 1}-12-31`,
  };
}

/** The core's refusal of a call, as the UI receives it; fails the test if the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<LeyeError['rpc']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LeyeError) return error.rpc;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** A resident document as the search index takes it (the index's tests): the fields given, the rest those of a plain registration. */
export function residentDoc(fields: Partial<ResidentDoc> & Pick<ResidentDoc, '_id'>): ResidentDoc {
  return {
    _rev: '1-abc',
    type: 'resident',
    schemaVersion: 1,
    placeCode: VILLAGE,
    createdBy: 'clerk',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedBy: 'clerk',
    updatedAt: '2026-01-02T03:04:05.000Z',
    idNumber: '370102199001010010',
    name: '张伟',
    sex: 'male',
    birthDate: '1990-01-01',
    phone: '13800000000',
    householdType: 'agricultural',
    address: '某村1号',
    education: 'seniorHigh',
    skills: '',
    employmentCertificateNo: '',
    targetGroups: [],
    careCategories: [],
    registration: { kind: 'jobSeeking', date: '2026-01-02', jobIntention: '', trainingIntention: '', serviceNeeds: '' },
    closure: null,
    ...fields,
  };
}
