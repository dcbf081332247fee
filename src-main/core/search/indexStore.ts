// The search index's columns as it holds them (issue 18: the host's memory). Texts stay arrays of
// strings; the small numbers (revision, sex, household, target groups, care, kind, status) are
// typed arrays of 1-4 bytes per resident instead of 8-byte array slots, and the updated-at time
// is a number of milliseconds (8 bytes) instead of a 24-character string (about 56 bytes with its
// slot); ID numbers and phones are packed ASCII (19 and 12 bytes instead of about 48 and 40), the
// ledger's JSON is UTF-8 (about 108 bytes instead of 168). The
// snapshot keeps the plain columns (IndexColumns): converted when loaded and saved.
import { PackedTexts, Utf8Texts } from './packedTexts';

export { PackedTexts, Utf8Texts } from './packedTexts';

/**
 * Everything the index keeps, one array per field, indexed by slot: the snapshot's form (and
 * what `ResidentIndex.columns()` gives). Plain arrays of strings and small integers.
 */
export interface IndexColumns {
  id: string[];
  rev: number[];
  name: string[];
  idNumber: string[];
  birthDate: string[];
  sex: number[];
  household: number[];
  groups: number[];
  care: number[];
  kind: number[];
  status: number[];
  registeredOn: string[];
  /**
   * Milliseconds, or the text where it is not a canonical ISO time (snapshot version 8; version 7
   * kept every one as text, still read).
   */
  updatedAt: (number | string)[];
  /** All pinyin keys of the name, each preceded by \u0001 (see TextBlob). */
  pinyin: string[];
  sortName: string[];
  /** Place code (the ledger sorts by village). */
  place: string[];
  /** The full phone: the ledger's 联系电话 when full data is exported. */
  phone: string[];
  /**
   * The ledger's remaining columns as one JSON array per resident (see LedgerFields): the
   * 100,000-resident ledger is written from memory in about a second, where reading every
   * document from LevelDB took over ten.
   */
  ledger: string[];
}

export const COLUMN_NAMES: (keyof IndexColumns)[] = [
  'id', 'rev', 'name', 'idNumber', 'birthDate', 'sex', 'household', 'groups', 'care', 'kind', 'status',
  'registeredOn', 'updatedAt', 'pinyin', 'sortName', 'place', 'phone', 'ledger',
];

export function emptyColumns(): IndexColumns {
  return Object.fromEntries(COLUMN_NAMES.map((c) => [c, []])) as unknown as IndexColumns;
}

/** Checks that parsed columns have the right shape (a snapshot is a cache, but still input). */
export function isIndexColumns(value: unknown): value is IndexColumns {
  if (typeof value !== 'object' || value === null) return false;
  const columns = value as Record<string, unknown>;
  const length = (columns.id as unknown[] | undefined)?.length;
  return COLUMN_NAMES.every((c) => Array.isArray(columns[c]) && (columns[c] as unknown[]).length === length);
}

type TextColumn = 'id' | 'name' | 'birthDate' | 'registeredOn' | 'pinyin' | 'sortName' | 'place';
const TEXT_COLUMNS: readonly TextColumn[] = ['id', 'name', 'birthDate', 'registeredOn', 'pinyin', 'sortName', 'place'];
type PackedColumn = 'idNumber' | 'phone';
const PACKED_COLUMNS: readonly PackedColumn[] = ['idNumber', 'phone'];

type Typed = Uint8Array | Uint32Array;
const SMALL = { rev: Uint32Array, sex: Uint8Array, household: Uint8Array, groups: Uint32Array, care: Uint32Array, kind: Uint8Array, status: Uint8Array };
type SmallColumn = keyof typeof SMALL;
const SMALL_COLUMNS = Object.keys(SMALL) as SmallColumn[];


/** Digits at value[at, at + length) as a number, or -1. */
function digits(value: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The times isoMs reads: years 0000-9999. */
const MIN_MS = daysFromCivil(0, 1, 1) * 86_400_000;
const MAX_MS = daysFromCivil(10000, 1, 1) * 86_400_000 - 1;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The time a canonical ISO string (`YYYY-MM-DDTHH:MM:SS.mmmZ`, as `toISOString` writes it for
 * years 0000-9999, where texts and times order alike) stands for, or NaN. Read by hand: Date.parse
 * and a toISOString check cost 20 µs a value here, seconds for a 100,000-resident snapshot.
 */
export function isoMs(value: string): number {
  if (value.length !== 24 || value[4] !== '-' || value[7] !== '-' || value[10] !== 'T' || value[13] !== ':' || value[16] !== ':' || value[19] !== '.' || value[23] !== 'Z') return Number.NaN;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  const h = digits(value, 11, 2);
  const min = digits(value, 14, 2);
  const sec = digits(value, 17, 2);
  const ms = digits(value, 20, 3);
  if (y < 0 || m < 1 || m > 12 || d < 1 || h < 0 || h > 23 || min < 0 || min > 59 || sec < 0 || sec > 59 || ms < 0) return Number.NaN;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0)) return Number.NaN;
  return daysFromCivil(y, m, d) * 86_400_000 + ((h * 60 + min) * 60 + sec) * 1000 + ms;
}

export class IndexStore implements Record<TextColumn, string[]>, Record<SmallColumn, Typed>, Record<PackedColumn, PackedTexts> {
  id: string[] = [];
  name: string[] = [];
  birthDate: string[] = [];
  registeredOn: string[] = [];
  pinyin: string[] = [];
  sortName: string[] = [];
  place: string[] = [];
  readonly idNumber = new PackedTexts(18);
  readonly phone = new PackedTexts(11);
  /** The ledger's JSON as UTF-8: about 100 bytes a resident where V8 holds 70 two-byte characters. */
  readonly ledger = new Utf8Texts();
  rev: Uint32Array = new Uint32Array(0);
  sex: Uint8Array = new Uint8Array(0);
  household: Uint8Array = new Uint8Array(0);
  groups: Uint32Array = new Uint32Array(0);
  care: Uint32Array = new Uint32Array(0);
  kind: Uint8Array = new Uint8Array(0);
  status: Uint8Array = new Uint8Array(0);
  /** Updated-at in milliseconds; NaN where the text is not canonical ISO (kept in `oddUpdatedAt`). */
  private updatedMs = new Float64Array(0);
  private readonly oddUpdatedAt = new Map<number, string>();

  /** Slots in use or free (the text columns' length). */
  get slots(): number {
    return this.id.length;
  }

  /** Takes over snapshot columns: the text arrays are kept, the others converted and emptied in `columns`. */
  static from(columns: IndexColumns): IndexStore {
    const store = new IndexStore();
    for (const name of TEXT_COLUMNS) store[name] = columns[name];
    const n = columns.id.length;
    store.grow(n);
    for (const name of PACKED_COLUMNS) {
      columns[name].forEach((value, slot) => store[name].set(slot, String(value)));
      columns[name] = [];
    }
    // One allocation for them all, an eighth to spare: growing as they come leaves freed copies in the RSS.
    const bytes = columns.ledger.reduce((sum, value) => sum + Buffer.byteLength(String(value), 'utf8'), 0);
    store.ledger.reserveBytes(bytes + (bytes >>> 3));
    columns.ledger.forEach((value, slot) => store.ledger.set(slot, String(value)));
    columns.ledger = [];
    for (const name of SMALL_COLUMNS) {
      store[name].set(columns[name].map((v) => (Number.isFinite(v) ? v : 0)));
      columns[name] = [];
    }
    columns.updatedAt.forEach((value, slot) => {
      if (typeof value === 'string') store.setUpdatedAt(slot, value);
      else if (Number.isInteger(value) && value >= MIN_MS && value <= MAX_MS) store.updatedMs[slot] = value;
      else store.setUpdatedAt(slot, '');
    });
    columns.updatedAt = [];
    return store;
  }

  /** Plain columns of the given slots (all when null), for the snapshot. */
  columns(live: number[] | null): IndexColumns {
    const slots = live ?? Array.from({ length: this.slots }, (_, slot) => slot);
    const out = {} as Record<keyof IndexColumns, unknown[]>;
    for (const name of TEXT_COLUMNS) out[name] = live ? live.map((slot) => this[name][slot]) : this[name].slice();
    for (const name of SMALL_COLUMNS) out[name] = slots.map((slot) => this[name][slot]);
    for (const name of PACKED_COLUMNS) out[name] = slots.map((slot) => this[name].get(slot));
    out.ledger = slots.map((slot) => this.ledger.get(slot));
    // Times as numbers: formatting 300,000 of them would hold the core for a second.
    out.updatedAt = slots.map((slot) => {
      const ms = this.updatedMs[slot]!;
      return Number.isNaN(ms) ? (this.oddUpdatedAt.get(slot) ?? '') : ms;
    });
    return out as unknown as IndexColumns;
  }

  /** Makes room for `slot`. */
  reserve(slot: number): void {
    // By an eighth: a 300,000-resident index loaded from its snapshot does not double on the next registration.
    if (slot >= this.updatedMs.length) this.grow(Math.max(slot + 1, this.updatedMs.length + (this.updatedMs.length >>> 3) + 1024));
  }

  private grow(capacity: number): void {
    for (const name of PACKED_COLUMNS) this[name].grow(capacity);
    this.ledger.grow(capacity);
    for (const name of SMALL_COLUMNS) {
      const next = new SMALL[name](capacity);
      next.set(this[name].subarray(0, Math.min(capacity, this[name].length)));
      (this as Record<SmallColumn, Typed>)[name] = next;
    }
    const ms = new Float64Array(capacity);
    ms.set(this.updatedMs.subarray(0, Math.min(capacity, this.updatedMs.length)));
    this.updatedMs = ms;
  }

  updatedAt(slot: number): string {
    const ms = this.updatedMs[slot]!;
    return Number.isNaN(ms) ? (this.oddUpdatedAt.get(slot) ?? '') : new Date(ms).toISOString();
  }

  setUpdatedAt(slot: number, value: string): void {
    this.reserve(slot);
    const ms = isoMs(value);
    this.updatedMs[slot] = ms;
    if (Number.isNaN(ms)) this.oddUpdatedAt.set(slot, value);
    else this.oddUpdatedAt.delete(slot);
  }

  /** Orders two slots by updated-at as their texts compare. */
  compareUpdatedAt(a: number, b: number): number {
    const x = this.updatedMs[a]!;
    const y = this.updatedMs[b]!;
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
    const s = this.updatedAt(a);
    const t = this.updatedAt(b);
    return s < t ? -1 : s > t ? 1 : 0;
  }
}
