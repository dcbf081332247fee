import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { ResolverOptions } from 'react-hook-form';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { errorsZhCN } from '../../shared/i18n/errors';
import { zhCN } from '../../shared/i18n/zh-CN';
import { residentRegisterSchema, residentUpdateSchema } from '../../shared/residents/schema';
import { emptyResident, residentResolver, toRegisterArgs, toUpdateArgs, type ResidentFormValues } from './residentForm';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

const ID = '37010219900307003' + idNumberCheckChar('37010219900307003');

function filled(): ResidentFormValues {
  const v = emptyResident('2025-06-01');
  return {
    ...v,
    idNumber: ID,
    name: '张三',
    phone: '13800138000',
    householdType: 'agricultural',
    address: '解放桥社区 3 号楼',
    education: 'seniorHigh',
    targetGroups: ['migrantWorker'],
    registration: { ...v.registration, jobIntention: '电工', unemploymentType: 'lostJob', reason: '别的登记类型的内容' },
  };
}

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<ResidentFormValues>;

describe('resident form → handler arguments', () => {
  it('sends only the chosen registration kind\'s fields, which the strict schema accepts', () => {
    const args = toRegisterArgs(filled());
    expect(args.registration).toEqual({ kind: 'jobSeeking', date: '2025-06-01', jobIntention: '电工', trainingIntention: '', serviceNeeds: '' });
    expect(residentRegisterSchema.safeParse(args).success).toBe(true);
  });

  it('drops care sub-categories when key care is not ticked', () => {
    const args = toRegisterArgs({ ...filled(), careCategories: ['disabled'] });
    expect(args.careCategories).toEqual([]);
  });

  it('leaves an empty phone out of an update (= unchanged)', () => {
    const id = 'resident:' + 'a'.repeat(26);
    const args = toUpdateArgs({ ...filled(), phone: '' }, id, '1-x');
    expect('phone' in args).toBe(false);
    expect('idNumber' in args).toBe(false);
    expect(residentUpdateSchema.safeParse(args).success).toBe(true);
  });
});

describe('resident resolver', () => {
  it('passes a valid form', async () => {
    const result = await residentResolver({ kind: 'register' }, t)(filled(), undefined, options);
    expect(result.errors).toEqual({});
  });

  it('puts a translated check-digit message on the ID number', async () => {
    const result = await residentResolver({ kind: 'register' }, t)({ ...filled(), idNumber: '110105194912310021' }, undefined, options);
    expect(result.errors.idNumber?.message).toBe(errorsZhCN.idNumber.checksum);
  });

  it('names the field and its limit, and calls an unchosen option "required"', async () => {
    const v = filled();
    const result = await residentResolver({ kind: 'register' }, t)(
      { ...v, address: '', skills: '长'.repeat(201), registration: { ...v.registration, kind: 'unemployment', unemploymentType: '' } },
      undefined,
      options,
    );
    expect(result.errors.address?.message).toBe('现居住址为必填项');
    expect(result.errors.skills?.message).toBe('技能特长不能超过 200 个字');
    expect(result.errors.registration?.unemploymentType?.message).toBe('失业人员类型为必填项');
    expect(result.errors.registration?.unemployedSince?.message).toBe('失业时间为必填项');
  });

  it('nests family member errors by index', async () => {
    const v = filled();
    const result = await residentResolver({ kind: 'register' }, t)(
      {
        ...v,
        registration: { ...v.registration, kind: 'hardship', hardshipCategories: ['disabled'], familyMembers: [{ name: '李梅', relation: '', workStatus: '' }] },
      },
      undefined,
      options,
    );
    expect(result.errors.registration?.familyMembers?.[0]?.relation?.message).toBe('与本人关系为必填项');
  });
});
