// Merging the domains' text tables into one i18next resource: a deep merge, so that two domains
// may each add keys under the same top-level key (`errors`, `fields`).

type TextTable = Record<string, unknown>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

function isTable(value: unknown): value is TextTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: TextTable, source: TextTable): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTable(existing) && isTable(value)) {
      const merged: TextTable = { ...existing };
      mergeInto(merged, value);
      target[key] = merged;
    } else {
      target[key] = value;
    }
  }
}

/** The tables merged key by key (a later table's text wins over an earlier one's); the inputs are not changed. */
export function mergeTexts<T extends readonly object[]>(...tables: T): UnionToIntersection<T[number]> {
  const result: TextTable = {};
  for (const table of tables) mergeInto(result, table as TextTable);
  return result as UnionToIntersection<T[number]>;
}

/** Every text's dotted key (`nav.groups.people`), for checks that two tables cover the same keys. */
export function textKeys(table: unknown, prefix = ''): string[] {
  if (!isTable(table)) return [prefix];
  return Object.entries(table).flatMap(([key, value]) => textKeys(value, prefix ? `${prefix}.${key}` : key));
}
