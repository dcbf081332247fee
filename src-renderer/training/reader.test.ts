import { describe, expect, it } from 'vitest';
import { EntryTimer, READER_MAX_SPAN_MS, entryMethod } from './reader';

const ID = '37010219900307003X';
const burst = (gap: number, count = 18, from = 1000) => Array.from({ length: count }, (_, i) => from + i * gap);

describe('telling a card reader from a person', () => {
  it('takes 18 characters within 300 ms for a card reader', () => {
    expect(entryMethod(burst(5), 18, false)).toBe('idCard');
    // 17 gaps of 17.6 ms = 299.2 ms; of 18 ms = 306 ms.
    expect(entryMethod(burst(17.6), 18, false)).toBe('idCard');
    expect(entryMethod(burst(18), 18, false)).toBe('typedId');
    expect(READER_MAX_SPAN_MS).toBe(300);
  });

  it('takes a human pace for typing', () => {
    expect(entryMethod(burst(120), 18, false)).toBe('typedId');
  });

  it('never calls a paste, an edit or a short entry a card', () => {
    expect(entryMethod([1000], 18, false)).toBe('typedId'); // pasted in one go
    expect(entryMethod(burst(5), 18, true)).toBe('typedId');
    expect(entryMethod(burst(5, 17), 17, false)).toBe('typedId');
    expect(entryMethod([], 0, false)).toBe('typedId');
  });

  it('times the entry being typed, and starts over after a reset', () => {
    const timer = new EntryTimer();
    burst(4).forEach((t) => timer.key(t));
    expect(timer.method(ID)).toBe('idCard');
    timer.reset();
    burst(150).forEach((t) => timer.key(t));
    expect(timer.method(ID)).toBe('typedId');
    timer.reset();
    burst(4).forEach((t) => timer.key(t));
    timer.edit();
    expect(timer.method(ID)).toBe('typedId');
  });
});
