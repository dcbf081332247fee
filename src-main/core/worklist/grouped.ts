// A map of maps (owner → id → value) that finds a value's owner by its id: a resident's service
// entries, status entries, assignments, enrolments; a key's marks.

export class Grouped<T> {
  readonly byOwner = new Map<string, Map<string, T>>();
  private readonly ownerOf = new Map<string, string>();

  set(owner: string, id: string, value: T): void {
    let group = this.byOwner.get(owner);
    if (!group) this.byOwner.set(owner, (group = new Map()));
    group.set(id, value);
    this.ownerOf.set(id, owner);
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

