// The accounts and the login failures are objects keyed by login name, and a login name may be a
// key every JavaScript object has (`constructor`, `toString`, `__proto__`): read and write them
// as own keys only, so such a name is an ordinary name (issue 15, item 14).

/** The entry stored under `key`, never one inherited from Object.prototype. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own key (`__proto__` too, which plain assignment would take as the prototype). */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
