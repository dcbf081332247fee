// Pinyin search keys of a Chinese name: initials (`zs` for 张三) and the full reading
// (`zhangsan`). Surnames have their own readings (曾 zeng, 单 shan, 解 xie), so the first
// character is read both as a surname and as an ordinary character. Readings are cached per
// character: building the index over 100,000 names stays in the tens of milliseconds. pinyin-pro
// is loaded with the first name read (a host started from the index snapshot may never need it).
import { pinyinPro } from '../store/lazyModules';

const ordinary = new Map<string, string>();
const asSurname = new Map<string, string>();

function read(cache: Map<string, string>, char: string, surname: boolean): string {
  let value = cache.get(char);
  if (value === undefined) {
    value = /\p{Script=Han}/u.test(char)
      ? pinyinPro()(char, { toneType: 'none', type: 'array', ...(surname ? { surname: 'head' as const } : {}) })[0] ?? char
      : char.toLowerCase();
    value = value.replace(/ü/g, 'v');
    cache.set(char, value);
  }
  return value;
}

/** Lower-case keys a query can be a prefix of: initials and full pinyin, per surname reading. */
export function pinyinKeys(name: string): string[] {
  const chars = [...name].filter((c) => !/[\s·•・.]/.test(c));
  if (chars.length === 0) return [];
  const rest = chars.slice(1).map((c) => read(ordinary, c, false));
  const firsts = new Set([read(asSurname, chars[0]!, true), read(ordinary, chars[0]!, false)]);
  const keys = new Set<string>();
  for (const first of firsts) {
    const syllables = [first, ...rest];
    keys.add(syllables.map((s) => s[0]).join(''));
    keys.add(syllables.join(''));
  }
  return [...keys];
}

/** The key names sort by: full pinyin with the surname reading (曾 sorts under z). */
export function pinyinSortKey(name: string): string {
  const chars = [...name];
  if (chars.length === 0) return '';
  return [read(asSurname, chars[0]!, true), ...chars.slice(1).map((c) => read(ordinary, c, false))].join(' ');
}
