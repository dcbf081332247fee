// The work list's people in columns (issue 18): each person (a resident, or the owner of service
// and status entries that came before the resident) has one slot, and what the rules read of
// them (./facts.ts PersonEntry, ./personEntries.ts Kept) is kept in typed arrays by slot. At
// 300,000 residents an object per resident and another per person's entries held 88 MB of the
// host's heap, most of it object headers and one pointer per field; in columns they are a map of
// ids to slots, the names, and 23 bytes a person.
import type { ServiceFact } from '../../../shared/worklist/rules';
import { sharedText } from './grouped';

/** A resident as the rules read them. */
export interface PersonEntry {
  id: string;
  place: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  kind: string;
  registeredOn: string;
  closed: boolean;
}

/** What the rules read of a person's service and status entries (see ./personEntries.ts). */
export interface Kept {
  /** The places the person's entries' ids carry, joined by ',' ('' for a legacy id): where they are read again. */
  places: string;
  lastService: string | null;
  /** The referrals waiting for a result (null when none: most people). */
  open: ServiceFact[] | null;
  /** Ids an entry corrects that are not here yet (entries replicate in any order): when one comes, it does not count. */
  awaited: string[] | null;
  last: string | null;
  lastOwn: string | null;
}

const RESIDENT = 1;
const FEMALE = 2;
const CLOSED = 4;
const ENTRIES = 8;

/** The day columns, in a slot's stride. */
const BIRTH = 0;
const REGISTERED = 1;
const LAST_SERVICE = 2;
const LAST = 3;
const LAST_OWN = 4;
const DAYS = 5;
/** The text columns: a resident's place and kind, the places of a person's entries. */
const PLACE = 0;
const KIND = 1;
const PLACES = 2;
const TEXTS = 3;

/** No day. */
const NONE = 0;
/** A text that is not a day from 1900 to 2078: kept aside as it is. */
const ASIDE = 0xffff;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days are kept as 1 + the days since 1900-01-01 (two bytes). */
const EPOCH = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;
/** Each day's number and text, made once (a station has a few tens of thousands of distinct days; building Dates for each of 300,000 people took half a second). */
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();
const REMEMBERED = 200_000;

/** A day's number, or ASIDE for a text that is not a day from 1900 to 2079. */
function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    const m = DAY.exec(day);
    const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    n = (time - EPOCH) / DAY_MS + 1;
    // Only a real day gives back the same text (2026-02-30 is kept aside, not made 03-02).
    if (!(m && n >= 1 && n < ASIDE && new Date(time).toISOString().slice(0, 10) === day)) n = ASIDE;
    if (dayNumbers.size < REMEMBERED) dayNumbers.set(day, n);
  }
  return n;
}

function dayText(n: number): string {
  let text = dayTexts.get(n);
  if (text === undefined) dayTexts.set(n, (text = sharedText(new Date(EPOCH + (n - 1) * DAY_MS).toISOString().slice(0, 10))));
  return text;
}

/** Few distinct texts (place codes, kinds), each kept once and named by its number. */
class TextNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];

  of(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.texts.length;
      this.texts.push(sharedText(text));
      this.numbers.set(text, n);
    }
    return n;
  }

  text(n: number): string {
    return this.texts[n]!;
  }
}

export class PersonTable {
  /** @param sameId the one string an id is kept as elsewhere (the search index's, at a station), so 300,000 ids are not held twice. */
  constructor(private readonly sameId: (id: string) => string = (id) => id) {}

  /** A person's id → their slot (the one string the id is kept as). */
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  private ids: string[] = [];
  private names: string[] = [];
  private flags = new Uint8Array(1024);
  private days = new Uint16Array(1024 * DAYS);
  private textColumns = new Uint32Array(1024 * TEXTS);
  private readonly texts = new TextNumbers();
  /** Days that are not of the form YYYY-MM-DD, by `slot * DAYS + column`. */
  private readonly aside = new Map<number, string>();
  /** The referrals waiting for a result (one kept as itself, not in an array: most who have any have one), and the ids awaited, by slot. */
  private readonly open = new Map<number, ServiceFact | ServiceFact[]>();
  private readonly awaited = new Map<number, string[]>();
  private residentCount = 0;

  // ── Residents ──────────────────────────────────────────────────────────────────────────────

  get residentsSize(): number {
    return this.residentCount;
  }

  resident(id: string): PersonEntry | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined || !(this.flags[slot]! & RESIDENT)) return undefined;
    const f = this.flags[slot]!;
    return {
      id: this.ids[slot]!,
      place: this.text(slot, PLACE),
      name: this.names[slot]!,
      sex: f & FEMALE ? 'female' : 'male',
      birthDate: this.day(slot, BIRTH) ?? '',
      kind: this.text(slot, KIND),
      registeredOn: this.day(slot, REGISTERED) ?? '',
      closed: (f & CLOSED) !== 0,
    };
  }

  setResident(id: string, r: Omit<PersonEntry, 'id'>): void {
    const slot = this.slotFor(id);
    if (!(this.flags[slot]! & RESIDENT)) this.residentCount += 1;
    this.flags[slot] = (this.flags[slot]! & ENTRIES) | RESIDENT | (r.sex === 'female' ? FEMALE : 0) | (r.closed ? CLOSED : 0);
    this.names[slot] = r.name;
    this.setText(slot, PLACE, r.place);
    this.setText(slot, KIND, r.kind);
    this.setDay(slot, BIRTH, r.birthDate);
    this.setDay(slot, REGISTERED, r.registeredOn);
  }

  deleteResident(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined || !(this.flags[slot]! & RESIDENT)) return;
    this.residentCount -= 1;
    this.flags[slot] = this.flags[slot]! & ENTRIES;
    this.names[slot] = '';
    this.setDay(slot, BIRTH, null);
    this.setDay(slot, REGISTERED, null);
    this.release(slot);
  }

  /** Every resident's id, in the order they came. */
  *residentIds(): IterableIterator<string> {
    for (const [id, slot] of this.slots) if (this.flags[slot]! & RESIDENT) yield id;
  }

  clearResidents(): void {
    for (const id of [...this.residentIds()]) this.deleteResident(id);
  }

  // ── A person's entries ───────────────────────────────────────────────────────────────────

  entries(owner: string): Kept | undefined {
    const slot = this.slots.get(owner);
    if (slot === undefined || !(this.flags[slot]! & ENTRIES)) return undefined;
    return {
      places: this.text(slot, PLACES),
      lastService: this.day(slot, LAST_SERVICE),
      open: this.openOf(slot),
      awaited: this.awaited.get(slot) ?? null,
      last: this.day(slot, LAST),
      lastOwn: this.day(slot, LAST_OWN),
    };
  }

  setEntries(owner: string, k: Kept): void {
    const slot = this.slotFor(owner);
    this.flags[slot] = this.flags[slot]! | ENTRIES;
    this.setText(slot, PLACES, k.places);
    this.setDay(slot, LAST_SERVICE, k.lastService);
    this.setDay(slot, LAST, k.last);
    this.setDay(slot, LAST_OWN, k.lastOwn);
    if (k.open && k.open.length > 0) this.open.set(slot, k.open.length === 1 ? k.open[0]! : k.open);
    else this.open.delete(slot);
    if (k.awaited && k.awaited.length > 0) this.awaited.set(slot, k.awaited);
    else this.awaited.delete(slot);
  }

  private openOf(slot: number): ServiceFact[] | null {
    const open = this.open.get(slot);
    return open === undefined ? null : Array.isArray(open) ? open : [open];
  }

  /** Every person with entries, with them. */
  *eachEntries(): IterableIterator<[string, Kept]> {
    for (const [id] of this.slots) {
      const k = this.entries(id);
      if (k) yield [id, k];
    }
  }

  clearEntries(): void {
    for (const [id, slot] of [...this.slots]) {
      if (!(this.flags[slot]! & ENTRIES)) continue;
      this.flags[slot] = this.flags[slot]! & ~ENTRIES;
      for (const column of [LAST_SERVICE, LAST, LAST_OWN]) this.setDay(slot, column, null);
      this.open.delete(slot);
      this.awaited.delete(slot);
      this.release(slot, id);
    }
  }

  /** Everything given up at once (a fresh read). */
  clear(): void {
    this.slots.clear();
    this.free.length = 0;
    this.ids = [];
    this.names = [];
    this.flags.fill(0);
    this.aside.clear();
    this.open.clear();
    this.awaited.clear();
    this.residentCount = 0;
  }

  // ── Slots ────────────────────────────────────────────────────────────────────────────────

  private slotFor(id: string): number {
    const existing = this.slots.get(id);
    if (existing !== undefined) return existing;
    id = this.sameId(id);
    const slot = this.free.pop() ?? this.ids.length;
    if (slot === this.ids.length) {
      this.ids.push(id);
      this.names.push('');
      this.grow(this.ids.length);
    } else {
      this.ids[slot] = id;
    }
    this.flags[slot] = 0;
    this.slots.set(id, slot);
    return slot;
  }

  /** A slot holding neither a resident nor entries is given back. */
  private release(slot: number, id = this.ids[slot]!): void {
    if (this.flags[slot] !== 0) return;
    this.slots.delete(id);
    this.ids[slot] = '';
    this.free.push(slot);
  }

  private grow(size: number): void {
    if (size <= this.flags.length) return;
    // A quarter more room at a time: at 300,000 people, doubling left 200,000 slots empty.
    const capacity = Math.max(size, Math.ceil(this.flags.length * 1.25));
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    const days = new Uint16Array(capacity * DAYS);
    days.set(this.days);
    this.days = days;
    const texts = new Uint32Array(capacity * TEXTS);
    texts.set(this.textColumns);
    this.textColumns = texts;
  }

  private text(slot: number, column: number): string {
    return this.texts.text(this.textColumns[slot * TEXTS + column]!);
  }

  private setText(slot: number, column: number, text: string): void {
    this.textColumns[slot * TEXTS + column] = this.texts.of(typeof text === 'string' ? text : '');
  }

  private day(slot: number, column: number): string | null {
    const at = slot * DAYS + column;
    const n = this.days[at]!;
    if (n === NONE) return null;
    if (n === ASIDE) return this.aside.get(at) ?? null;
    return dayText(n);
  }

  private setDay(slot: number, column: number, day: string | null): void {
    const at = slot * DAYS + column;
    this.aside.delete(at);
    // Anything but a text (a document from elsewhere missing the field) is no day.
    const n = typeof day === 'string' ? dayNumber(day) : NONE;
    this.days[at] = n;
    if (n === ASIDE) this.aside.set(at, day!);
  }
}
