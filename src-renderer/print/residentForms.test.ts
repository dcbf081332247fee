import { describe, expect, it } from 'vitest';
import { REGISTRATION_KINDS } from '../../shared/residents/schema';
import { residentForms, residentPrintRow } from './residentForms';

describe('the forms a registration offers to print', () => {
  it('is the one form of its type: a 就业困难 application never offers the 失业登记表', () => {
    expect(residentForms('jobSeeking')).toEqual(['jobSeeking']);
    expect(residentForms('unemployment')).toEqual(['unemployment']);
    expect(residentForms('hardship')).toEqual(['hardship']);
    for (const kind of REGISTRATION_KINDS) expect(residentForms(kind)).toHaveLength(1);
  });
});

describe("a resident's print row", () => {
  it('offers the registration form while the registration stands and the 服务记录卡 closed or not, to the roles that may print them', () => {
    expect(residentPrintRow({ kind: 'unemployment', status: 'active' }, 'clerk')).toEqual({ forms: ['unemployment'], serviceCard: true });
    expect(residentPrintRow({ kind: 'unemployment', status: 'closed' }, 'clerk')).toEqual({ forms: [], serviceCard: true });
    expect(residentPrintRow({ kind: 'hardship', status: 'active' }, 'county')).toEqual({ forms: [], serviceCard: false });
    expect(residentPrintRow({ kind: 'jobSeeking', status: 'active' }, null)).toEqual({ forms: [], serviceCard: false });
  });
});
