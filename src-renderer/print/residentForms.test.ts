import { describe, expect, it } from 'vitest';
import { REGISTRATION_KINDS } from '../../shared/residents/schema';
import { residentForms } from './ResidentPrintButtons';

describe('the forms a registration offers to print', () => {
  it('is the one form of its type: a 就业困难 application never offers the 失业登记表', () => {
    expect(residentForms('jobSeeking')).toEqual(['jobSeeking']);
    expect(residentForms('unemployment')).toEqual(['unemployment']);
    expect(residentForms('hardship')).toEqual(['hardship']);
    for (const kind of REGISTRATION_KINDS) expect(residentForms(kind)).toHaveLength(1);
  });
});
