// The index's sort orders of its slots (by name, age, registration or last change), kept sorted as
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

/** The index's sort orders by field: each made when first asked for, then kept in order as slots come and go. */
export class SortOrders<Field extends string> {
  private readonly orders = new Map<Field, SlotOrder>();

  /** @param compare the order of two slots by a field (ties broken, so each slot has one place). */
  constructor(private readonly compare: (field: Field, a: number, b: number) => number) {}

  /** The order by `field`, made from `slots` the first time. */
  by(field: Field, slots: () => Iterable<number>): SlotOrder {
    let order = this.orders.get(field);
    if (!order) this.orders.set(field, (order = new SlotOrder(slots(), (a, b) => this.compare(field, a, b))));
    return order;
  }

  /** A slot put in every order made, where its values place it. */
  add(slot: number): void {
    for (const [field, order] of this.orders) order.insert(this.position(order, slot, field), slot);
  }

  /** A slot taken out of every order, while its old values still place it. */
  remove(slot: number): void {
    for (const [field, order] of this.orders) {
      const at = this.position(order, slot, field);
      if (at < order.length && order.at(at) === slot) order.remove(at);
      else {
        const i = order.indexOf(slot);
        if (i >= 0) order.remove(i);
      }
    }
  }

  clear(): void {
    this.orders.clear();
  }

  /** Where a slot belongs in an order by a field. */
  private position(order: SlotOrder, slot: number, field: Field): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(field, order.at(mid), slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
