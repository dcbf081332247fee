import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idNumberCheckChar, idNumberProblem, normalizeIdNumber } from './idNumber';
import { isValidCreditCode } from './creditCode';
import { maskIdNumber, maskPhone, MOBILE_PHONE } from './mask';

describe('GB 11643 ID numbers', () => {
  it.each(['11010519491231002X', '440524188001010014', '53010219200508011X'])('accepts %s', (id) => {
    expect(checkIdNumber(id).ok).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('accepts a lower-case x and derives birth date and sex', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
    });
    const male = checkIdNumber('440524188001010014');
    expect(male.ok && male.sex).toBe('male');
  });

  it('rejects impossible birth dates even with a matching check character', () => {
    const feb30 = '37010219900230123';
    expect(checkIdNumber(feb30 + idNumberCheckChar(feb30))).toEqual({ ok: false, reason: 'birthDate' });
    const future = '37010220991231123';
    expect(checkIdNumber(future + idNumberCheckChar(future), '2026-11-22')).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('rejects wrong lengths and letters, saying which', () => {
    expect(checkIdNumber('1101051949123100')).toEqual({ ok: false, reason: 'length', given: 16 });
    expect(checkIdNumber('11010519491231002A')).toEqual({ ok: false, reason: 'chars', char: 'A' });
    expect(checkIdNumber('1101051949X231002X')).toEqual({ ok: false, reason: 'chars', char: 'X' });
    expect(checkIdNumber('11010519491231002X0')).toEqual({ ok: false, reason: 'chars', char: 'X' });
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'length', given: 17 });
    expect(idNumberProblem({ ok: false, reason: 'length', given: 16 })).toEqual({ messageKey: 'errors.idNumber.length', params: { given: 16 } });
    expect(idNumberProblem({ ok: false, reason: 'chars', char: 'O' })).toEqual({ messageKey: 'errors.idNumber.chars', params: { char: 'O' } });
    expect(idNumberProblem({ ok: false, reason: 'checksum' })).toEqual({ messageKey: 'errors.idNumber.checksum' });
  });

  it('normalises full-width digits and X, a lower-case x, spaces and dashes before any check', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' 110105 1949 1231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105\u30001949\u00a01231\t002X\u200b')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105-19491231–002—X')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105－19491231‐002X')).toBe('11010519491231002X');
    expect(checkIdNumber('１１０１０５ １９４９１２３１ ００２Ｘ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(checkIdNumber('110105-1949-1231-002X')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    // What is left after normalising is what the message is about.
    expect(checkIdNumber('110105 1949 1231 00')).toEqual({ ok: false, reason: 'length', given: 16 });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ａ')).toEqual({ ok: false, reason: 'chars', char: 'A' });
  });

  it('computes full years of age', () => {
    expect(ageOn('1990-05-20', '2026-05-19')).toBe(35);
    expect(ageOn('1990-05-20', '2026-05-20')).toBe(36);
  });
});

describe('GB 32100 credit codes', () => {
  it('accepts the standard example and rejects a changed check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
  });
});

describe('masking', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('37010219900520123X')).toBe('3701**********123X');
  });
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(MOBILE_PHONE.test('13812345678')).toBe(true);
    expect(MOBILE_PHONE.test('12812345678')).toBe(false);
  });
});
