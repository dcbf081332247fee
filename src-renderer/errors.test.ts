import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { errorsZhCN } from '../shared/i18n/errors';
import { zhCN } from '../shared/i18n/zh-CN';
import { postsZhCN } from '../shared/posts/texts';
import { REGISTRATION_KINDS } from '../shared/residents/schema';
import { HALF_DAYS, SIGN_DIRECTIONS } from '../shared/training/schema';
import { fieldLabelKey, issueText, trainingLabelKey, translateIssue, translateRpcError, WORDED_CODES } from './errors';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

// The posts vocabulary needs the posts texts too.
const postsI18n = i18next.createInstance();
await postsI18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, ...postsZhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
const tp = postsI18n.t.bind(postsI18n);

describe('error texts', () => {
  it('words exactly the schemas\' codes (kept apart so the translator loads no schema)', () => {
    expect(Object.keys(WORDED_CODES.REGISTRATION_KINDS)).toEqual([...REGISTRATION_KINDS]);
    expect(Object.keys(WORDED_CODES.HALF_DAYS)).toEqual([...HALF_DAYS]);
    expect(Object.keys(WORDED_CODES.SIGN_DIRECTIONS)).toEqual([...SIGN_DIRECTIONS]);
  });

  it('finds the label of any argument path', () => {
    expect(fieldLabelKey('name')).toBe('fields.name');
    expect(fieldLabelKey('registration.unemployedSince')).toBe('fields.unemployedSince');
    expect(fieldLabelKey('registration.familyMembers.3.name')).toBe('fields.memberName');
    expect(fieldLabelKey('clerk.loginName')).toBe('fields.loginName');
    for (const path of ['idNumber', 'registration.kind', 'registration.date', 'registration.hardshipCategories', 'placeCode']) {
      expect(t(fieldLabelKey(path))).not.toContain('fields.');
    }
  });

  it('translates a core issue with the field label and its parameters', () => {
    expect(translateIssue(t, { field: 'address', messageKey: 'errors.tooLong', params: { max: 100 } })).toBe('现居住址不能超过 100 个字');
  });

  it('translates a registration kind parameter', () => {
    const text = translateRpcError(t, {
      code: 'VALIDATION',
      field: 'idNumber',
      messageKey: 'errors.age.pastRetirement',
      params: { age: 63, retirementDate: '2024-05-01', kind: 'unemployment' },
    });
    expect(text).toContain('失业登记');
    expect(text).toContain('63');
  });

  it("names a refused file record's kind and field in words", () => {
    const text = translateRpcError(t, {
      code: 'VALIDATION',
      field: 'content',
      messageKey: 'errors.transfer.invalidRecord',
      params: { recordType: 'resident', recordField: 'name' },
    });
    expect(text).toBe('文件中有一条居民登记记录不合规（姓名），一条也没有导入');
  });
});

describe('core issues in the posts vocabulary', () => {
  it('translates post kinds and target-group lists in eligibility refusals', () => {
    expect(issueText(tp, { field: 'residentId', messageKey: 'errors.post.group', params: { postKind: 'rural', groups: 'povertyAlleviated,lowIncome,disabled,older' } })).toBe(
      '此人不属于乡村岗位的安置对象（须为脱贫人口、低收入人口、残疾人、大龄人员之一）',
    );
    expect(issueText(tp, { field: 'residentId', messageKey: 'errors.post.age', params: { age: 30, postKind: 'urban', min: 16, max: 60 } })).toBe('此人上岗时 30 岁，城镇岗位要求 16 至 60 岁');
  });

  it('names posts fields in generic messages', () => {
    expect(issueText(tp, { field: 'marks.3.hours', messageKey: 'errors.number.invalid' })).toBe('工时必须是数字');
    expect(issueText(tp, { field: 'employer.creditCode', messageKey: 'errors.required' })).toBe('用工单位统一社会信用代码为必填项');
  });
});

describe('training vocabulary', () => {
  it('labels training and registration argument paths', () => {
    expect(trainingLabelKey('timetable.4.classHours')).toBe('training.fields.classHours');
    expect(trainingLabelKey('provider.creditCode')).toBe('training.fields.providerCreditCode');
    expect(trainingLabelKey('register.phone')).toBe('fields.phone');
    expect(trainingLabelKey('register.registration.date')).toBe('fields.date');
    expect(trainingLabelKey('idNumber')).toBe('training.fields.idNumber');
  });
});
