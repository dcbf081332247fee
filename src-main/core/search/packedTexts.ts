// Texts packed outside V8's strings for the search index (issue 18: the host's memory).

/**
 * Short ASCII texts of one width at most, packed: a length byte and `width` bytes per slot. A
 * longer or non-ASCII value (never written by the forms, but a document may hold one) is kept
 * as it is beside them.
 */
export class PackedTexts {
  private bytes = new Uint8Array(0);
  private readonly other = new Map<number, string>();

  constructor(private readonly width: number) {}

  grow(capacity: number): void {
    const next = new Uint8Array(capacity * (this.width + 1));
    next.set(this.bytes.subarray(0, Math.min(next.length, this.bytes.length)));
    this.bytes = next;
  }

  get(slot: number): string {
    const at = slot * (this.width + 1);
    const length = this.bytes[at]!;
    if (length > this.width) return this.other.get(slot) ?? '';
    let text = '';
    for (let i = at + 1; i <= at + length; i++) text += String.fromCharCode(this.bytes[i]!);
    return text;
  }

  set(slot: number, value: string): void {
    const at = slot * (this.width + 1);
    let ascii = value.length <= this.width;
    for (let i = 0; ascii && i < value.length; i++) ascii = value.charCodeAt(i) < 128;
    if (!ascii) {
      this.bytes[at] = 255;
      this.other.set(slot, value);
      return;
    }
    this.other.delete(slot);
    this.bytes[at] = value.length;
    for (let i = 0; i < value.length; i++) this.bytes[at + 1 + i] = value.charCodeAt(i);
  }

  /** Whether the slot holds exactly this value, without making its string. */
  is(slot: number, value: string): boolean {
    const at = slot * (this.width + 1);
    const length = this.bytes[at]!;
    if (length > this.width) return this.other.get(slot) === value;
    if (length !== value.length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[at + 1 + i] !== value.charCodeAt(i)) return false;
    return true;
  }
}

/**
 * Texts of any length as UTF-8 in one byte array, with each slot's start and length: for the
 * ledger's JSON (mostly Chinese and ASCII: about 100 bytes where V8 holds 70 two-byte characters,
 * a 16-byte header and an 8-byte slot). A changed text is appended; the bytes are compacted when
 * more than half of them are old texts.
 */
export class Utf8Texts {
  private bytes: Buffer = Buffer.alloc(0);
  private used = 0;
  private stale = 0;
  private start = new Uint32Array(0);
  private length = new Uint32Array(0);

  grow(capacity: number): void {
    for (const name of ['start', 'length'] as const) {
      const next = new Uint32Array(capacity);
      next.set(this[name].subarray(0, Math.min(capacity, this[name].length)));
      this[name] = next;
    }
  }

  /** Room for this many more bytes in one allocation (a snapshot's texts are loaded into it). */
  reserveBytes(size: number): void {
    if (this.used + size > this.bytes.length) {
      const next = Buffer.allocUnsafe(this.used + size);
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
  }

  get(slot: number): string {
    const length = this.length[slot]!;
    return length === 0 ? '' : this.bytes.toString('utf8', this.start[slot]!, this.start[slot]! + length);
  }

  set(slot: number, value: string): void {
    this.stale += this.length[slot]!;
    const size = Buffer.byteLength(value, 'utf8');
    if (this.used + size > this.bytes.length) this.makeRoom(size);
    this.start[slot] = this.used;
    this.length[slot] = size;
    this.used += value === '' ? 0 : this.bytes.write(value, this.used, 'utf8');
  }

  /** Compacts (when at least half the bytes are old texts) or grows by an eighth, into a new array. */
  private makeRoom(size: number): void {
    const live = this.used - this.stale;
    const capacity = Math.max(live + size, this.stale * 2 >= this.used ? live + size + (live >>> 3) : this.bytes.length + (this.bytes.length >>> 3) + size) + 4096;
    const next = Buffer.allocUnsafe(capacity);
    let at = 0;
    for (let slot = 0; slot < this.start.length; slot++) {
      const length = this.length[slot]!;
      if (length === 0) continue;
      this.bytes.copy(next, at, this.start[slot]!, this.start[slot]! + length);
      this.start[slot] = at;
      at += length;
    }
    this.bytes = next;
    this.used = at;
    this.stale = 0;
  }
}
