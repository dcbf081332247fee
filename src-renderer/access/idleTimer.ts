// The idle lock's clock, apart from React and the DOM so it can be tested with fake timers.
// Input counts only while the screen is open; an unlock starts a fresh idle period (input was
// ignored while locked, so the last input is as old as the lock itself).

/** How often input is reported to the core at most (a long form typed without a call must not meet a locked session at the save). */
export const REPORT_MS = 60_000;

export interface IdleTimerOptions {
  /** Milliseconds without input before the screen locks. */
  limitMs: number;
  now(): number;
  /** Tells the core the user is active (`auth.active`). */
  report(): void;
  /** Starts locked (the core already said the session is locked). */
  locked?: boolean;
}

export class IdleTimer {
  private lastInput: number;
  private lastReport: number;
  private locked: boolean;

  constructor(private readonly options: IdleTimerOptions) {
    this.lastInput = this.lastReport = options.now();
    this.locked = options.locked ?? false;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** Any keyboard, pointer or wheel input. */
  input(): void {
    if (this.locked) return;
    this.lastInput = this.options.now();
    if (this.lastInput - this.lastReport >= REPORT_MS) {
      this.lastReport = this.lastInput;
      this.options.report();
    }
  }

  /** The periodic look: true once, when the idle limit has just been passed (the caller locks). */
  check(): boolean {
    if (this.locked || this.options.now() - this.lastInput < this.options.limitMs) return false;
    this.locked = true;
    return true;
  }

  /** Locked from elsewhere (the core, another window). */
  lock(): void {
    this.locked = true;
  }

  /** A correct password: a fresh idle period starts now. */
  unlock(): void {
    this.locked = false;
    this.lastInput = this.lastReport = this.options.now();
  }
}
