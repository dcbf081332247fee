import { describe, expect, it } from 'vitest';
import { ID_INPUT_MAX_LENGTH, idFieldValue } from './idNumberInput';

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
