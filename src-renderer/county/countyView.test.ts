import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { countyZhCN } from '../../shared/county/texts';
import { errorsZhCN } from '../../shared/i18n/errors';
import { resources } from '../../shared/i18n/resources';
import { zhCN } from '../../shared/i18n/zh-CN';
import type { ConflictRevisionView, CountyConflictView, CountyRecordView, CountyStationView } from '../../shared/rpc/handlers';
import { countyReviewSchema, countyResolveSchema } from '../../shared/rpc/handlers';
import {
  REASON_MAX,
  acceptAllArgs,
  conflictFields,
  conflictLabelText,
  conflictStations,
  countDecisions,
  countyCountTags,
  countyStatusTag,
  countyTypeLabel,
  defaultKeep,
  fieldNameText,
  fieldValueText,
  initialDecisions,
  issuesByRecord,
  levelOfPath,
  mergeFields,
  pageOf,
  problemText,
  resolveArgs,
  reviewArgs,
  sortStations,
  staleText,
  stationOptions,
} from './countyView';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: { ...zhCN, ...countyZhCN, errors: errorsZhCN } } },
  interpolation: { escapeValue: false },
});
const t = i18n.t.bind(i18n);

const BATCH = 'batch:370102001001:2025-03-10T08:00:00.000Z:abcdef';

function record(over: Partial<CountyRecordView> = {}): CountyRecordView {
  return {
    id: 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa',
    rev: '1-abc',
    type: 'resident',
    label: { type: 'resident', person: { name: '张三', idNumber: '3701**********123X' } },
    change: 'new',
    currentRev: '1-abc',
    problems: [],
    decision: null,
    reason: '',
    ...over,
  };
}

function station(over: Partial<CountyStationView> = {}): CountyStationView {
  return { placeCode: '370102001001', name: '甲村', level: 'village', lastSyncAt: '2025-03-09T08:00:00.000Z', daysSinceSync: 1, stale: false, batchesWaiting: 0, ...over };
}

describe('labels', () => {
  it('labels the known types and statuses in Chinese, and shows other types as they are', () => {
    expect(t(countyTypeLabel('resident').key!)).toBe('登记人员');
    expect(t(countyTypeLabel('assignment').key!)).toBe('上岗');
    expect(t(countyTypeLabel('batch').key!)).toBe('批次');
    expect(countyTypeLabel('review')).toEqual({ key: null, raw: 'review' });
    expect(['new', 'accepted', 'returned', 'partial'].map((s) => t(countyStatusTag(s as 'new').key))).toEqual(['待审核', '已通过', '已退回', '部分退回']);
    expect(countyStatusTag('returned').color).toBe('red');
  });

  it('orders the counts by known type and leaves out zeros', () => {
    expect(countyCountTags({ zeta: 1, audit: 2, resident: 5, signIn: 0, post: 3 }).map((c) => [c.type, c.count])).toEqual([
      ['resident', 5],
      ['post', 3],
      ['audit', 2],
      ['zeta', 1],
    ]);
  });
});

describe('stations', () => {
  it('flags never-synced and stale stations, not fresh ones', () => {
    expect(staleText(station())).toBeNull();
    expect(staleText(station({ lastSyncAt: null, daysSinceSync: null, stale: true }))).toEqual({ key: 'county.stations.never' });
    const stale = staleText(station({ daysSinceSync: 12, stale: true }))!;
    expect(t(stale.key, stale.params)).toBe('12 天未同步');
    expect(t('county.stations.never')).toBe('从未同步');
  });

  it('lists the silent longest first, never-synced before all', () => {
    const rows = sortStations([
      station({ placeCode: 'a', name: '乙村', daysSinceSync: 2 }),
      station({ placeCode: 'b', name: '甲村', lastSyncAt: null, daysSinceSync: null }),
      station({ placeCode: 'c', name: '丙村', daysSinceSync: 30 }),
    ]);
    expect(rows.map((s) => s.placeCode)).toEqual(['b', 'c', 'a']);
  });

  it('offers every station to filter by, the directory first and batches of others too', () => {
    const options = stationOptions([station({ placeCode: '370102001001', name: '甲村' })], [
      { placeCode: '370102001001', stationName: '甲村（旧名）' },
      { placeCode: '370102001002', stationName: '乙村' },
    ]);
    expect(options).toEqual(
      expect.arrayContaining([
        { value: '370102001001', label: '甲村' },
        { value: '370102001002', label: '乙村' },
      ]),
    );
    expect(options).toHaveLength(2);
  });
});

describe('reviewing a batch', () => {
  const bad = record({
    id: 'resident:bbbbbbbbbbbbbbbbbbbbbbbbbb',
    problems: [
      { field: 'registration.familyMembers.0.name', messageKey: 'errors.name.markup' },
      { field: 'address', messageKey: 'errors.tooLong', params: { max: 100 } },
    ],
  });
  const good = record();
  const decided = record({ id: 'resident:cccccccccccccccccccccccccc', decision: 'returned', reason: '电话号码有误' });

  it('translates a problem with its field', () => {
    expect(problemText(t, bad.problems[0]!)).toBe('成员姓名：姓名不能包含 < > & 引号等符号');
    expect(problemText(t, { field: 'idNumber', messageKey: 'errors.idNumber.checksum' })).toBe('身份证号校验位不正确，请核对是否输错');
    // The message names the field already: not twice.
    expect(problemText(t, bad.problems[1]!)).toBe('现居住址不能超过 100 个字');
  });

  it('presets failing records as returned with the problems as the reason, keeps earlier decisions', () => {
    const decisions = initialDecisions([good, bad, decided], (issue) => problemText(t, issue));
    expect(decisions).toEqual([
      { decision: 'accepted', reason: '' },
      { decision: 'returned', reason: '成员姓名：姓名不能包含 < > & 引号等符号；现居住址不能超过 100 个字' },
      { decision: 'returned', reason: '电话号码有误' },
    ]);
    expect(countDecisions(decisions)).toEqual({ accepted: 1, returned: 2 });
  });

  it('keeps a preset reason within what the core takes', () => {
    const many = record({ problems: Array.from({ length: 30 }, () => ({ field: 'idNumber', messageKey: 'errors.idNumber.checksum' })) });
    expect(initialDecisions([many], (issue) => problemText(t, issue))[0]!.reason.length).toBe(REASON_MAX);
  });

  it('refuses returns without a reason, naming them', () => {
    const plan = reviewArgs(BATCH, [good, bad], [
      { decision: 'returned', reason: '  ' },
      { decision: 'returned', reason: '' },
    ]);
    expect(plan).toEqual({ ok: false, missingReason: [0, 1] });
  });

  it('sends every record with its decision, and no reason for accepted ones', () => {
    const plan = reviewArgs(BATCH, [good, bad], [
      { decision: 'accepted', reason: 'left over' },
      { decision: 'returned', reason: ' 身份证号有误 ' },
    ]);
    expect(plan).toEqual({
      ok: true,
      args: {
        batchId: BATCH,
        records: [
          { id: good.id, rev: '1-abc', decision: 'accepted', reason: '' },
          { id: bad.id, rev: '1-abc', decision: 'returned', reason: '身份证号有误' },
        ],
      },
    });
    if (plan.ok) expect(countyReviewSchema.safeParse(plan.args).success).toBe(true);
    const all = acceptAllArgs(BATCH, [good, bad]);
    expect(all.records.map((r) => r.decision)).toEqual(['accepted', 'accepted']);
    expect(countyReviewSchema.safeParse(all).success).toBe(true);
  });

  it('maps the core issues back to records and finds their page', () => {
    const issues = issuesByRecord([
      { field: 'records.12.reason', messageKey: 'errors.county.reasonRequired' },
      { field: 'records.12.rev', messageKey: 'errors.id' },
      { field: 'batchId', messageKey: 'errors.id' },
      { field: 'records.3', messageKey: 'errors.county.recordNotInBatch', params: { id: 'x' } },
    ]);
    expect([...issues.keys()]).toEqual([12, 3]);
    expect(issues.get(12)?.messageKey).toBe('errors.county.reasonRequired');
    expect(pageOf(0, 50)).toBe(1);
    expect(pageOf(49, 50)).toBe(1);
    expect(pageOf(50, 50)).toBe(2);
    expect(pageOf(9999, 50)).toBe(200);
  });
});

describe('conflicts', () => {
  const revision = (rev: string, fields: Record<string, string>, over: Partial<ConflictRevisionView> = {}): ConflictRevisionView => ({
    rev,
    placeCode: '370102001001',
    stationName: '甲村',
    updatedAt: '2025-03-10T08:00:00.000Z',
    updatedBy: 'lisi',
    updatedByName: '李四',
    winner: false,
    fields,
    ...over,
  });
  const conflict: CountyConflictView = {
    id: 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa',
    type: 'resident',
    label: { type: 'resident', person: { name: '张三', idNumber: '3701**********1234' } },
    suspectedForgery: true,
    revisions: [
      revision('2-aaa', { name: '张三', phone: '138****0000', address: '甲村 1 号', education: 'highSchool' }),
      revision('2-bbb', { name: '张三', phone: '139****0000', address: '乙村 2 号', education: 'highSchool', skills: '电工' }, { winner: true, stationName: '乙村', placeCode: '370102001002' }),
    ],
    differing: ['address', 'phone'],
  };

  it('puts the differing fields first, in the core order, then any other that differs, then the rest', () => {
    expect(conflictFields(conflict)).toEqual([
      { field: 'address', differing: true },
      { field: 'phone', differing: true },
      { field: 'skills', differing: true },
      { field: 'education', differing: false },
      { field: 'name', differing: false },
    ]);
  });

  it('keeps the winner by default and lists the stations', () => {
    expect(defaultKeep(conflict)).toBe('2-bbb');
    expect(defaultKeep({ revisions: conflict.revisions.map((r) => ({ ...r, winner: false })) })).toBe('2-aaa');
    expect(conflictStations(conflict)).toEqual(['甲村', '乙村']);
  });

  it('merges only differing fields taken from another revision', () => {
    const fields = conflictFields(conflict);
    expect(mergeFields('2-bbb', { address: '2-aaa', phone: '2-bbb', name: '2-aaa' }, fields)).toEqual({ address: '2-aaa' });
    const args = resolveArgs(conflict, '2-bbb', { address: '2-aaa' }, ' 电话核实 ');
    expect(args).toEqual({ id: conflict.id, keepRev: '2-bbb', fields: { address: '2-aaa' }, reason: '电话核实' });
    expect(countyResolveSchema.safeParse(args).success).toBe(true);
  });
});

describe('compared values', () => {
  it('shows enum codes by their labels and anything else as it is', () => {
    expect(fieldValueText(t, 'education', 'seniorHigh')).toBe('高中');
    expect(fieldValueText(t, 'registration.kind', 'unemployment')).toBe(t('enums.kind.unemployment'));
    expect(fieldValueText(t, 'targetGroups', 'graduate,veteran')).toBe(`${t('enums.targetGroup.graduate')}、${t('enums.targetGroup.veteran')}`);
    expect(fieldValueText(t, 'education', 'nonsense')).toBe('nonsense');
    expect(fieldValueText(t, 'address', 'highSchool')).toBe('highSchool');
    expect(fieldValueText(t, 'education', '')).toBe('');
  });
});

describe("a conflict's fields as the county reads them", () => {
  const full = i18next.createInstance();
  void full.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] } }, interpolation: { escapeValue: false } });
  const tt = full.t.bind(full);
  /** Every field path a stored resident, post, attendance, month close, session and sign-in flattens to. */
  const FIELDS = [
    'idNumber', 'name', 'sex', 'birthDate', 'phone', 'householdType', 'address', 'education', 'skills', 'employmentCertificateNo',
    'targetGroups', 'careCategories', 'registration.kind', 'registration.date', 'registration.jobIntention', 'registration.trainingIntention',
    'registration.serviceNeeds', 'registration.unemploymentType', 'registration.unemployedSince', 'registration.hardshipCategories',
    'registration.familyMembers', 'registration.reason', 'closure', 'closure.reason', 'closure.date', 'closure.note', 'closure.by', 'reopenings',
    'code', 'kind', 'category', 'employer.name', 'employer.creditCode', 'plannedHoursPerMonth', 'payPerMonthFen', 'startDate', 'endDate',
    'postId', 'residentId', 'date', 'mark', 'hours', 'history', 'month', 'status', 'belowMinimumReason', 'course.occupation', 'course.level',
    'provider.name', 'provider.creditCode', 'teachers', 'place', 'timetable', 'plannedTrainees', 'sessionId', 'half', 'in.at', 'in.method', 'out.by',
  ];

  it('names every field in words, never by its path', () => {
    expect(FIELDS.filter((field) => /^[A-Za-z.]+$/.test(fieldNameText(tt, field)))).toEqual([]);
    expect(fieldNameText(tt, 'closure.reason')).toBe('注销原因');
    expect(fieldNameText(tt, 'registration.kind')).toBe('登记类型');
  });

  it('shows codes, yes/no and linked records in words', () => {
    expect(fieldValueText(tt, 'mark', 'sickLeave', 'attendance')).toBe('病假');
    expect(fieldValueText(tt, 'half', 'am', 'signIn')).toBe('上午');
    expect(fieldValueText(tt, 'status', 'closed', 'monthClose')).toBe('已结账');
    expect(fieldValueText(tt, 'kind', 'rural', 'post')).toBe('乡村');
    expect(fieldValueText(tt, 'closure.reason', 'dataEntryError', 'resident')).toBe('录入错误');
    expect(fieldValueText(tt, 'course.level', 'level4', 'training')).toBe('四级/中级工');
    expect(fieldValueText(tt, 'in.method', 'idCard', 'signIn')).toBe('刷身份证');
    expect(fieldValueText(tt, 'isDefault', 'true', 'policy')).toBe('是');
    expect(fieldValueText(tt, 'residentId', 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa', 'attendance')).toBe('（关联记录）');
    expect(fieldValueText(tt, 'postId', 'post:GY-001', 'attendance')).toBe('GY-001');
  });

  it("labels a conflict's record in words", () => {
    expect(conflictLabelText(tt, { type: 'attendance', person: { name: '张三', idNumber: '3701**********123X' }, post: '保洁员', date: '2026-11-05', mark: 'rest' })).toBe(
      '张三 3701**********123X · 保洁员 · 2026-11-05 休息',
    );
  });
});

describe('station levels', () => {
  it('reads the level from the cascader path, refusing a city', () => {
    expect(levelOfPath(undefined)).toBeNull();
    expect(levelOfPath(['3701'])).toBeNull();
    expect(levelOfPath(['3701', '370102'])).toBe('county');
    expect(levelOfPath(['3701', '370102', '370102001'])).toBe('township');
    expect(levelOfPath(['3701', '370102', '370102001', '370102001001'])).toBe('village');
  });
});
