// One sort order of the index's slots (by name, age, registration or last change), kept sorted as
// residents come and go: four bytes a slot in one typed array, where an array of numbers took
// eight and grew by half again (the four orders of a 300,000-resident station were 13.8 MB of
// the host's heap; issue 18).
export class SlotOrder {
  private slots: Uint32Array;
  private size: number;

  /** The slots in the order `compare` gives. */
  constructor(slots: Iterable<number>, compare: (a: number, b: number) => number) {
    this.slots = Uint32Array.from(slots).sort(compare);
    this.size = this.slots.length;
  }

  get length(): number {
    return this.size;
  }

  at(i: number): number {
    return this.slots[i]!;
  }

  /** Puts a slot at position `at`, moving the later ones along (room grows by an eighth). */
  insert(at: number, slot: number): void {
    if (this.size === this.slots.length) {
      const next = new Uint32Array(this.size + (this.size >>> 3) + 64);
      next.set(this.slots);
      this.slots = next;
    }
    this.slots.copyWithin(at + 1, at, this.size);
    this.slots[at] = slot;
    this.size += 1;
  }

  remove(at: number): void {
    this.slots.copyWithin(at, at + 1, this.size);
    this.size -= 1;
  }

  indexOf(slot: number): number {
    return this.slots.subarray(0, this.size).indexOf(slot);
  }
}
