import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { ResolverOptions } from 'react-hook-form';
import { errorsZhCN } from '../../shared/i18n/errors';
import { postsZhCN } from '../../shared/posts/texts';
import { zhCN } from '../../shared/i18n/zh-CN';
import { postSaveSchema } from '../../shared/posts/schema';
import { emptyPost, postFieldOf, postResolver, toAssignArgs, toPostArgs, type PostFormValues } from './forms';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, ...postsZhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<PostFormValues>;

function filled(): PostFormValues {
  return {
    ...emptyPost('370102001002', '2025-06-01'),
    code: 'GY-001',
    name: '村庄保洁',
    category: 'ruralCleaning',
    employerName: '解放桥社区居委会',
    plannedHoursPerMonth: 40,
    payPerMonth: 1000,
  };
}

describe('post form', () => {
  it('defaults to a rural post at the station for a year', () => {
    const v = emptyPost('370102001002', '2025-06-01');
    expect([v.kind, v.placeCode, v.startDate, v.endDate]).toEqual(['rural', '370102001002', '2025-06-01', '2026-05-31']);
  });

  it('becomes an argument the shared schema accepts', () => {
    const args = toPostArgs(filled());
    expect(args.employer).toEqual({ name: '解放桥社区居委会', creditCode: '' });
    expect(postSaveSchema.safeParse(args).success).toBe(true);
    expect(toPostArgs(filled(), '3-c').rev).toBe('3-c');
  });

  it('puts schema errors on the form fields, translated with their labels', async () => {
    const result = await postResolver(() => t)({ ...filled(), payPerMonth: 1000.005, category: '', employerName: '' }, undefined, options);
    expect(result.errors.payPerMonth?.message).toBe('月工资（元）最多保留两位小数（分）');
    expect(result.errors.category?.message).toBe('岗位类别为必填项');
    expect(result.errors.employerName?.message).toBe('用工单位名称为必填项');
    const ok = await postResolver(() => t)(filled(), undefined, options);
    expect(ok.errors).toEqual({});
  });

  it('maps nested argument paths to fields', () => {
    expect(postFieldOf('employer.creditCode')).toBe('employerCreditCode');
    expect(postFieldOf('employer.name')).toBe('employerName');
    expect(postFieldOf('rev')).toBeNull();
  });
});

describe('the assignment form', () => {
  it('adds the override only when given', () => {
    const v = { residentId: 'resident:' + 'a'.repeat(26), startDate: '2025-06-01', endDate: '2025-12-31', contractNo: 'HT-1' };
    expect('override' in toAssignArgs('post:GY-001', v)).toBe(false);
    expect(toAssignArgs('post:GY-001', v, '县里研究同意例外安置').override).toEqual({ reason: '县里研究同意例外安置' });
  });
});
