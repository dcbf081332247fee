import { describe, expect, it } from 'vitest';
import { registrationAgeIssue } from './rules';

describe('registrationAgeIssue', () => {
  const range = { minAge: 16, maxAge: 100 };
  it('passes ages inside the range, both ends included', () => {
    expect(registrationAgeIssue('2010-11-20', '2026-11-20', range)).toBeNull();
    expect(registrationAgeIssue('1926-11-21', '2026-11-20', range)).toBeNull();
  });
  it('flags the ID number with the age and the range outside it', () => {
    expect(registrationAgeIssue('1880-01-01', '2026-11-20', range)).toEqual({ field: 'idNumber', messageKey: 'errors.age.implausible', params: { age: 146, min: 16, max: 100 } });
    expect(registrationAgeIssue('2010-11-21', '2026-11-20', range)).toMatchObject({ params: { age: 15 } });
  });
});
