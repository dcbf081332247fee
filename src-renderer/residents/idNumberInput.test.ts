import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { errorsZhCN } from '../../shared/i18n/errors';
import { zhCN } from '../../shared/i18n/zh-CN';
import { ID_INPUT_MAX_LENGTH, idFieldValue } from './idNumberInput';
import { emptyResident, residentResolver } from './residentForm';

describe('the ID number field', () => {
  it('keeps a pasted or full-width number in its stored form, and leaves an input method alone mid-composition', () => {
    expect(idFieldValue('370102 1990 0520 123x')).toBe('37010219900520123X');
    expect(idFieldValue('３７０１０２－１９９００５２０－１２３Ｘ')).toBe('37010219900520123X');
    expect(idFieldValue('３７', true)).toBe('３７');
  });

  it('lets a spaced or dashed number through whole: the limit is not 18', () => {
    expect('3701 0219 9005 2012 3X'.length).toBeGreaterThan(18);
    expect(ID_INPUT_MAX_LENGTH).toBeGreaterThanOrEqual('3 7 0 1 0 2 1 9 9 0 0 5 2 0 1 2 3 X'.length);
  });
});

describe('the ID number field in the resident form', () => {
  it('accepts a full-width or spaced number and says how many characters a short one has', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zhCN, errors: errorsZhCN } } }, interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n);
    const id = '37010219900307003' + idNumberCheckChar('37010219900307003');
    const v = emptyResident('2025-06-01');
    const form = { ...v, name: '张三', phone: '13800138000', householdType: 'agricultural', address: '解放桥社区 3 号楼', education: 'seniorHigh', targetGroups: ['migrantWorker'] } as typeof v;
    const options = { shouldUseNativeValidation: false, fields: {} } as never;
    const resolve = (idNumber: string) => residentResolver({ kind: 'register' }, t)({ ...form, idNumber }, undefined, options);
    expect((await resolve(id.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))).errors).toEqual({});
    expect((await resolve(`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`)).errors).toEqual({});
    expect((await resolve('370102 1990 0307 00')).errors.idNumber?.message).toBe('身份证号应为 18 位，这里是 16 位');
    expect((await resolve('37010219900307O03X')).errors.idNumber?.message).toBe('身份证号中有“O”：只能填数字，最后一位可以是 X');
  });
});
