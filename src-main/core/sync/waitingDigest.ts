// The waiting set's memory: which documents changed since the last push, as a hash table of typed
// arrays (an id's 64-bit hash, and one bit: held back or not), not a Map of strings. At a station
// that never pushed this is every record: 700,000 ids and revisions took 130 MB as strings in a
// Map, 8.1 MB here (issue 18). The batch itself is made from the changes feed (waiting.ts `docs`);
// the digest only counts, and answers whether an id is in it.

/** The hash of an id (two 32-bit halves, never both 0): set by `hashId`, read at once. */
let h1 = 0;
let h2 = 0;

/**
 * A 64-bit hash of a string (cyrb53's mixing, both halves kept). Two of 700,000 ids share one
 * with a chance of about 1 in 30,000; they would be counted as one.
 */
function hashId(id: string): void {
  let a = 0xdeadbeef ^ id.length;
  let b = 0x41c6ce57 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  h1 = a >>> 0;
  h2 = b >>> 0 || (h1 === 0 ? 1 : 0);
}

const MIN_CAPACITY = 1024;
/** Entries taken in between two turns of the event loop when loading a saved digest. */
const LOAD_SLICE = 20_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Words per saved entry: the id's two halves. */
const ENTRY_WORDS = 2;

export class WaitingDigest {
  /** Two words per slot (the id's hash); both 0: empty. */
  private keys: Uint32Array;
  /** A bit per slot, set: held back (the county has this revision, or locked the record). */
  private held: Uint32Array;
  private mask: number;
  private entries = 0;
  private heldEntries = 0;

  constructor(capacity = MIN_CAPACITY) {
    let size = MIN_CAPACITY;
    while (size < capacity) size *= 2;
    this.keys = new Uint32Array(size * 2);
    this.held = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** Documents in the digest. */
  get size(): number {
    return this.entries;
  }

  /** Documents in the digest not held back: what waits. */
  get waiting(): number {
    return this.entries - this.heldEntries;
  }

  /** Whether a document is in the digest. */
  has(id: string): boolean {
    hashId(id);
    return !this.empty(this.probe());
  }

  /** Sets a document (changed since the last push), held back or not. */
  set(id: string, held: boolean): void {
    hashId(id);
    if ((this.entries + 1) * 10 > (this.mask + 1) * 7) this.grow();
    const slot = this.probe();
    if (this.empty(slot)) {
      this.keys[slot * 2] = h1;
      this.keys[slot * 2 + 1] = h2;
      this.entries += 1;
    }
    this.mark(slot, held);
  }

  /** Removes a document (deleted, or never to be sent). */
  delete(id: string): void {
    hashId(id);
    let slot = this.probe();
    if (this.empty(slot)) return;
    this.mark(slot, false);
    this.entries -= 1;
    // Backward-shift deletion: the entries after it that probed past it move up.
    for (let next = (slot + 1) & this.mask; !this.empty(next); next = (next + 1) & this.mask) {
      const home = this.keys[next * 2]! & this.mask;
      if (((next - home) & this.mask) >= ((next - slot) & this.mask)) {
        this.keys[slot * 2] = this.keys[next * 2]!;
        this.keys[slot * 2 + 1] = this.keys[next * 2 + 1]!;
        const held = this.isHeld(next);
        this.mark(next, false);
        this.mark(slot, held);
        slot = next;
      }
    }
    this.keys[slot * 2] = 0;
    this.keys[slot * 2 + 1] = 0;
  }

  /** Holds a document back if the digest has it. */
  hold(id: string): void {
    hashId(id);
    const slot = this.probe();
    if (!this.empty(slot)) this.mark(slot, true);
  }

  /** Lets every document go again (before the held ones are marked anew). */
  releaseAll(): void {
    this.held.fill(0);
    this.heldEntries = 0;
  }

  /** The entries, for saving: the id's hash, two words each; held ones are marked anew after loading. */
  toWords(): Uint32Array {
    const words = new Uint32Array(this.entries * ENTRY_WORDS);
    let at = 0;
    for (let slot = 0; slot <= this.mask; slot++) {
      if (this.empty(slot)) continue;
      words[at++] = this.keys[slot * 2]!;
      words[at++] = this.keys[slot * 2 + 1]!;
    }
    return words;
  }

  /**
   * A digest of saved entries (`toWords`), none held back. Built a slice at a time, the host
   * answering calls between slices: 700,000 entries in one go held the first screens of a start.
   */
  static async fromWords(words: Uint32Array, pause: () => Promise<void> = nextTurn): Promise<WaitingDigest> {
    const digest = new WaitingDigest(Math.ceil(((words.length / ENTRY_WORDS) * 10) / 7) + 1);
    for (let at = 0; at + ENTRY_WORDS <= words.length; at += ENTRY_WORDS) {
      if (at > 0 && at % (LOAD_SLICE * ENTRY_WORDS) === 0) await pause();
      h1 = words[at]!;
      h2 = words[at + 1]!;
      if (h1 === 0 && h2 === 0) continue;
      const slot = digest.probe();
      if (!digest.empty(slot)) continue;
      digest.keys[slot * 2] = h1;
      digest.keys[slot * 2 + 1] = h2;
      digest.entries += 1;
    }
    return digest;
  }

  private empty(slot: number): boolean {
    return this.keys[slot * 2] === 0 && this.keys[slot * 2 + 1] === 0;
  }

  private isHeld(slot: number): boolean {
    return (this.held[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  }

  private mark(slot: number, held: boolean): void {
    if (this.isHeld(slot) === held) return;
    this.held[slot >>> 5]! ^= 1 << (slot & 31);
    this.heldEntries += held ? 1 : -1;
  }

  /** The slot holding the hash in h1/h2, or the empty slot where it would go. */
  private probe(): number {
    for (let slot = h1 & this.mask; ; slot = (slot + 1) & this.mask) {
      const a = this.keys[slot * 2]!;
      const b = this.keys[slot * 2 + 1]!;
      if ((a === h1 && b === h2) || (a === 0 && b === 0)) return slot;
    }
  }

  private grow(): void {
    const old = { keys: this.keys, held: this.held, size: this.mask + 1 };
    const size = old.size * 2;
    this.keys = new Uint32Array(size * 2);
    this.held = new Uint32Array(size / 32);
    this.mask = size - 1;
    this.heldEntries = 0;
    const [keep1, keep2] = [h1, h2];
    for (let slot = 0; slot < old.size; slot++) {
      h1 = old.keys[slot * 2]!;
      h2 = old.keys[slot * 2 + 1]!;
      if (h1 === 0 && h2 === 0) continue;
      const to = this.probe();
      this.keys[to * 2] = h1;
      this.keys[to * 2 + 1] = h2;
      this.mark(to, (old.held[slot >>> 5]! & (1 << (slot & 31))) !== 0);
    }
    h1 = keep1;
    h2 = keep2;
  }
}
