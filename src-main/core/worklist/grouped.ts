// A map of maps (owner → id → value) that finds a value's owner by its id: a resident's
// assignments, exits, withdrawals, enrolments, recruitment entries; a key's marks. (Service and
// status entries are kept per person as what the rules read: personEntries.ts.)

/** Texts up to this long in a value (dates, kinds, marks) are kept once, however many values repeat them. */
const SHORT = 16;
/** At most this many such texts are kept once (beyond, values keep their own). */
const SHARED_MAX = 200_000;
const shared = new Map<string, string>();

/** The one kept copy of a short text (a date, a kind, a place). */
export function sharedText(text: string): string {
  if (text.length > SHORT) return text;
  const kept = shared.get(text);
  if (kept !== undefined) return kept;
  if (shared.size < SHARED_MAX) shared.set(text, text);
  return text;
}

/**
 * A value as kept: its short texts shared with every other value's, and its `id` (where it has
 * one) the same string as the id it is kept under. Facts come from documents and from a saved
 * copy, each with strings of its own: at 100,000 residents the work list's facts held 236 MB,
 * most of it copies of the same dates, kinds and ids (issue 18).
 */
export function compact<T>(id: string, value: T): T {
  if (typeof value === 'string') return sharedText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const field = fields[key];
    if (key === 'id' && field === id) fields[key] = id;
    else if (typeof field === 'string') fields[key] = sharedText(field);
  }
  return value;
}

export class Grouped<T> {
  readonly byOwner = new Map<string, Map<string, T>>();
  /** An id → its owner, the one string the owner's group is kept under. */
  private readonly ownerOf = new Map<string, string>();
  private readonly owners = new WeakMap<Map<string, T>, string>();

  set(owner: string, id: string, value: T): void {
    let group = this.byOwner.get(owner);
    if (!group) {
      this.byOwner.set(owner, (group = new Map()));
      this.owners.set(group, owner);
    }
    group.set(id, compact(id, value));
    this.ownerOf.set(id, this.owners.get(group) ?? owner);
  }

  /** Takes the id out; returns the owner it had. */
  delete(id: string): string | undefined {
    const owner = this.ownerOf.get(id);
    if (owner === undefined) return undefined;
    this.ownerOf.delete(id);
    const group = this.byOwner.get(owner);
    group?.delete(id);
    if (group?.size === 0) this.byOwner.delete(owner);
    return owner;
  }

  of(owner: string): T[] {
    const group = this.byOwner.get(owner);
    return group ? [...group.values()] : [];
  }

  clear(): void {
    this.byOwner.clear();
    this.ownerOf.clear();
  }

  /** Every value with its owner and id (what a saved copy keeps). */
  entries(): [string, string, T][] {
    const out: [string, string, T][] = [];
    for (const [owner, group] of this.byOwner) for (const [id, value] of group) out.push([owner, id, value]);
    return out;
  }
}

