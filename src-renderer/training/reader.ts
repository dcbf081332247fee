// Telling an ID card reader from a person. A reader acts as a keyboard: it "types" the 18
// characters in a burst (a few ms apart) and presses Enter. A person needs well over a second.
// The method is recorded with each sign-in (人防+技防), so a guess errs towards 'typedId'.

/** The whole number within this many ms (first to last character) counts as a card reader. */
export const READER_MAX_SPAN_MS = 300;

/** Keystroke timing of the entry being typed into the sign-in field. */
export class EntryTimer {
  private times: number[] = [];
  private edited = false;

  /** A printable character arrived by keyboard at `at` (ms, any monotonic clock). */
  key(at: number) {
    this.times.push(at);
  }

  /** Something a reader never does: backspace, paste, cursor moves, an IME. */
  edit() {
    this.edited = true;
  }

  reset() {
    this.times = [];
    this.edited = false;
  }

  /** How the value now in the field was entered. */
  method(value: string): 'idCard' | 'typedId' {
    return entryMethod(this.times, value.length, this.edited);
  }
}

/**
 * 'idCard' when every one of the 18 characters came as a keystroke, nothing was edited, and the
 * burst lasted at most `maxSpanMs`; otherwise 'typedId'.
 */
export function entryMethod(keyTimes: readonly number[], length: number, edited: boolean, maxSpanMs = READER_MAX_SPAN_MS): 'idCard' | 'typedId' {
  if (edited || length !== 18 || keyTimes.length !== length) return 'typedId';
  const span = keyTimes[keyTimes.length - 1]! - keyTimes[0]!;
  return span >= 0 && span <= maxSpanMs ? 'idCard' : 'typedId';
}
