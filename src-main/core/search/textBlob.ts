// The search's substring scan over one column (ID numbers, names, pinyin keys).

/**
 * One string holding every slot's text, separated by NUL: a native `indexOf` loop over a few
 * megabytes finds all matches far faster than 100,000 separate string searches.
 */
export class TextBlob {
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(values: readonly string[]) {
    this.starts = new Int32Array(values.length);
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      this.starts[i] = at;
      at += values[i]!.length + 1;
    }
    this.text = values.join('\u0000');
  }

  /** Sets matches[slot] = 1 for every slot whose text contains the needle. */
  mark(needle: string, matches: Uint8Array): void {
    if (!needle || needle.includes('\u0000')) return;
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(needle, from);
      if (at < 0) return;
      const slot = this.slotAt(at);
      matches[slot] = 1;
      // One match per slot is enough: continue at the next slot's text.
      from = slot + 1 < this.starts.length ? this.starts[slot + 1]! : this.text.length;
    }
  }

  private slotAt(position: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
