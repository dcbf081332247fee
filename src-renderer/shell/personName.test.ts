import { describe, expect, it } from 'vitest';
import { personName } from './personName';

describe('personName', () => {
  it('names a station account by its display name, and shows any other login as it is', () => {
    const people = { wangxy: '王小云', constructor: '康' };
    expect(personName(people, 'wangxy')).toBe('王小云');
    expect(personName(people, 'constructor')).toBe('康');
    expect(personName(people, 'lisi')).toBe('lisi');
  });

  it('a login named like a key every object has is not read from the prototype', () => {
    for (const login of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) expect(personName({ wangxy: '王小云' }, login)).toBe(login);
  });
});
