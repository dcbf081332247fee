import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { errorsZhCN } from '../shared/i18n/errors';
import { zhCN } from '../shared/i18n/zh-CN';
import { fieldLabelKey, translateIssue, translateRpcError } from './errors';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

describe('error texts', () => {
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
