// The residents search index lives in memory: a scan of 100,000 small entries takes
// milliseconds, while PouchDB's find() scans documents on disk (and stops at 25 by default).
// It is kept current from the database's changes feed and saved as a snapshot of its columns.
import { ageOn, normalizeIdNumber } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import type { ResidentRow, ResidentSortField } from '../../../shared/rpc/handlers';
import {
  CARE_CATEGORIES,
  HOUSEHOLD_TYPES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
  type CareCategory,
  type RegistrationKind,
  type RegistrationStatus,
  type TargetGroup,
} from '../../../shared/residents/schema';
import type { ResidentDoc } from '../store/docs';
import { pinyinKeys, pinyinSortKey } from './pinyinKeys';
import { IndexStore, type IndexColumns } from './indexStore';
import { TextBlob } from './textBlob';
import { SortOrders } from './slotOrder';

export { isIndexColumns, type IndexColumns } from './indexStore';

export interface ResidentQuery {
  query: string;
  targetGroup?: TargetGroup | undefined;
  careCategory?: CareCategory | undefined;
  kind?: RegistrationKind | undefined;
  status?: RegistrationStatus | undefined;
  sort: ResidentSortField;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SEXES = ['male', 'female'] as const;
const ID_FRAGMENT = /^[0-9]{4,18}x?$|^[0-9]{3,17}x$/;
/** A whole ID number as stored: a search for one matches exactly (and is audited by the caller). */
const WHOLE_ID_NUMBER = /^[0-9]{17}[0-9X]$/;
const HAN = /\p{Script=Han}/u;

function bits<T extends string>(values: readonly T[], all: readonly T[]): number {
  return values.reduce((mask, v) => mask | (1 << all.indexOf(v)), 0);
}

function unbits<T extends string>(mask: number, all: readonly T[]): T[] {
  return all.filter((_v, i) => mask & (1 << i));
}

function revNumber(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

/** What the real-name ledger needs beyond the searched columns. */
export interface LedgerFields {
  education: ResidentDoc['education'];
  skills: string;
  employmentCertificateNo: string;
  unemploymentType: string;
  unemployedSince: string;
  jobIntention: string;
  trainingIntention: string;
  serviceNeeds: string;
  address: string;
  /** The closure's reason code and date, '' while the registration is active. */
  closeReason: string;
  closedOn: string;
}

/** One resident as the ledger shows it. */
export interface LedgerEntry extends LedgerFields {
  id: string;
  place: string;
  registeredOn: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone: string;
  householdType: (typeof HOUSEHOLD_TYPES)[number];
  kind: (typeof REGISTRATION_KINDS)[number];
  /** Target groups, in TARGET_GROUPS order. */
  groups: (typeof TARGET_GROUPS)[number][];
  active: boolean;
}

function ledgerFields(doc: ResidentDoc): string {
  const r = doc.registration;
  const unemployment = r.kind === 'unemployment' ? r : null;
  const intentions = r.kind === 'hardship' ? null : r;
  return JSON.stringify([
    doc.education,
    doc.skills ?? '',
    doc.employmentCertificateNo ?? '',
    unemployment?.unemploymentType ?? '',
    unemployment?.unemployedSince ?? '',
    intentions?.jobIntention ?? '',
    intentions?.trainingIntention ?? '',
    intentions?.serviceNeeds ?? '',
    doc.address,
    doc.closure?.reason ?? '',
    doc.closure?.date ?? '',
  ]);
}

/**
 * Columns whose values repeat across residents (a village's code, dates): each distinct value is
 * kept once. Strings read from a snapshot or from documents are separate copies otherwise, about
 * 40 bytes each per resident (issue 18: the host's memory).
 */
const INTERNED: readonly ('place' | 'birthDate' | 'registeredOn')[] = ['place', 'birthDate', 'registeredOn'];

/**
 * The searched text columns. ID numbers are searched as the mask shows them (first 4 and last 4
 * digits, `*` between): a fragment cannot reach the hidden digits, so no run of searches
 * rebuilds a masked number (issue 15, item 12).
 */
type TextColumn = 'idShown' | 'name' | 'pinyin';

export interface ResidentSearchResult {
  total: number;
  items: ResidentRow[];
  /** Residents a whole ID number found (the caller audits the search); empty for other searches. */
  wholeIdNumber: string[];
}

export class ResidentIndex {
  private c = new IndexStore();
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  /** Slots per sort field, ascending; built on first use and kept by binary insertion. */
  private readonly sorted = new SortOrders<ResidentSortField>((field, a, b) => this.compare(field, a, b));
  private matches = new Uint8Array(0);
  /** Per text column, all slots' text joined into one string, rebuilt after a change on next use. */
  private readonly blobs = new Map<TextColumn, TextBlob>();
  /** One copy of each repeated value (see INTERNED). */
  private readonly shared = new Map<string, string>();

  private intern(value: string): string {
    const kept = this.shared.get(value);
    if (kept !== undefined) return kept;
    this.shared.set(value, value);
    return value;
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Replaces the whole index with snapshot columns (taken over: see IndexStore.from). */
  load(columns: IndexColumns): void {
    this.c = IndexStore.from(columns);
    this.slotOf.clear();
    this.free.length = 0;
    this.sorted.clear();
    this.blobs.clear();
    this.shared.clear();
    for (const name of INTERNED) {
      const values = this.c[name];
      for (let slot = 0; slot < values.length; slot++) values[slot] = this.intern(values[slot]!);
    }
    this.c.id.forEach((id, slot) => this.slotOf.set(id, slot));
  }

  /**
   * A copy of the columns without free slots, for the snapshot: it is written a slice at a time
   * while upserts go on changing these arrays in place.
   */
  columns(): IndexColumns {
    return this.c.columns(this.free.length === 0 ? null : [...this.slotOf.values()].sort((a, b) => a - b));
  }

  /** Adds or replaces a resident; an older revision never overwrites a newer one. */
  upsert(doc: ResidentDoc): void {
    const rev = revNumber(doc._rev);
    let slot = this.slotOf.get(doc._id);
    if (slot !== undefined) {
      if (this.c.rev[slot]! > rev) return;
      this.sorted.remove(slot);
    } else {
      slot = this.free.pop() ?? this.c.slots;
      this.slotOf.set(doc._id, slot);
      this.c.reserve(slot);
    }
    const c = this.c;
    c.id[slot] = doc._id;
    c.rev[slot] = rev;
    if (c.name[slot] !== doc.name) {
      c.pinyin[slot] = pinyinKeys(doc.name).map((k) => `\u0001${k}`).join('');
      c.sortName[slot] = pinyinSortKey(doc.name);
    }
    c.name[slot] = doc.name;
    c.idNumber.set(slot, doc.idNumber);
    c.birthDate[slot] = this.intern(doc.birthDate);
    c.sex[slot] = SEXES.indexOf(doc.sex);
    c.household[slot] = HOUSEHOLD_TYPES.indexOf(doc.householdType);
    c.groups[slot] = bits(doc.targetGroups, TARGET_GROUPS);
    c.care[slot] = bits(doc.careCategories, CARE_CATEGORIES);
    c.kind[slot] = REGISTRATION_KINDS.indexOf(doc.registration.kind);
    c.status[slot] = REGISTRATION_STATUSES.indexOf(doc.closure ? 'closed' : 'active');
    c.registeredOn[slot] = this.intern(doc.registration.date);
    c.setUpdatedAt(slot, doc.updatedAt);
    c.place[slot] = this.intern(doc.placeCode);
    c.phone.set(slot, doc.phone);
    c.ledger.set(slot, ledgerFields(doc));
    this.sorted.add(slot);
    this.blobs.clear();
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.sorted.remove(slot);
    this.slotOf.delete(id);
    // A free slot matches nothing: its texts are empty and it is in no sort order.
    this.c.id[slot] = '';
    this.c.name[slot] = '';
    this.c.idNumber.set(slot, '');
    this.c.pinyin[slot] = '';
    this.c.phone.set(slot, '');
    this.c.ledger.set(slot, '');
    this.free.push(slot);
    this.blobs.clear();
  }

  /** The index's own string of a resident's id (the work list keeps its ids as the same strings, not a copy each), or the id given. */
  sameId(id: string): string {
    const slot = this.slotOf.get(id);
    return slot === undefined ? id : this.c.id[slot]!;
  }

  /** Who a resident id is, without reading the document (lists of holders and trainees). */
  summary(id: string): { name: string; sex: 'male' | 'female'; birthDate: string; idNumber: string } | null {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return null;
    const c = this.c;
    return { name: c.name[slot]!, sex: SEXES[c.sex[slot]!]!, birthDate: c.birthDate[slot]!, idNumber: c.idNumber.get(slot) };
  }

  /**
   * Visits every resident's registration date, kind and target groups (indexes into
   * REGISTRATION_KINDS and a bit mask over TARGET_GROUPS): statistics count from memory.
   */
  eachRegistration(visit: (registeredOn: string, kind: number, groups: number) => void): void {
    const c = this.c;
    for (const slot of this.slotOf.values()) visit(c.registeredOn[slot]!, c.kind[slot]!, c.groups[slot]!);
  }

  /** Visits every resident as the real-name ledger shows it, without reading a document. */
  eachLedgerEntry(visit: (entry: LedgerEntry) => void): void {
    const c = this.c;
    for (const slot of this.slotOf.values()) {
      const [education, skills, employmentCertificateNo, unemploymentType, unemployedSince, jobIntention, trainingIntention, serviceNeeds, address, closeReason, closedOn] = JSON.parse(c.ledger.get(slot)) as string[];
      const groups = c.groups[slot]!;
      visit({
        id: c.id[slot]!,
        place: c.place[slot]!,
        registeredOn: c.registeredOn[slot]!,
        name: c.name[slot]!,
        sex: SEXES[c.sex[slot]!]!,
        birthDate: c.birthDate[slot]!,
        idNumber: c.idNumber.get(slot),
        phone: c.phone.get(slot),
        householdType: HOUSEHOLD_TYPES[c.household[slot]!]!,
        kind: REGISTRATION_KINDS[c.kind[slot]!]!,
        groups: TARGET_GROUPS.filter((_, bit) => groups & (1 << bit)),
        active: REGISTRATION_STATUSES[c.status[slot]!] === 'active',
        address: address ?? '',
        closeReason: closeReason ?? '',
        closedOn: closedOn ?? '',
        education: education as LedgerFields['education'],
        skills: skills!,
        employmentCertificateNo: employmentCertificateNo!,
        unemploymentType: unemploymentType!,
        unemployedSince: unemployedSince!,
        jobIntention: jobIntention!,
        trainingIntention: trainingIntention!,
        serviceNeeds: serviceNeeds!,
      });
    }
  }

  /**
   * Filters, sorts and pages; `today` decides ages. The query is a name, pinyin, digits the ID
   * mask shows, or a whole ID number (matched exactly).
   */
  search(q: ResidentQuery, today: string): ResidentSearchResult {
    const c = this.c;
    // An ID number as typed (full-width digits, spaces, dashes) is searched in its stored form.
    const idText = normalizeIdNumber(q.query);
    const whole = WHOLE_ID_NUMBER.test(idText);
    const isId = whole || (idText !== '' && ID_FRAGMENT.test(idText.toLowerCase()));
    const text = isId ? idText : q.query.trim().toLowerCase().replace(/\s+/g, '');
    const mode = !text ? 0 : isId ? 1 : HAN.test(text) ? 2 : 3;
    const groupBit = q.targetGroup ? 1 << TARGET_GROUPS.indexOf(q.targetGroup) : 0;
    const careBit = q.careCategory ? 1 << CARE_CATEGORIES.indexOf(q.careCategory) : 0;
    const kind = q.kind ? REGISTRATION_KINDS.indexOf(q.kind) : -1;
    const status = q.status ? REGISTRATION_STATUSES.indexOf(q.status) : -1;
    const byFields = groupBit !== 0 || careBit !== 0 || kind >= 0 || status >= 0;
    const filtered = mode !== 0 || byFields;
    const slots = c.id.length;
    if (this.matches.length < slots) this.matches = new Uint8Array(Math.max(slots * 2, 1024));
    const matches = this.matches;
    let total = 0;
    if (filtered) {
      if (mode === 0) matches.fill(1, 0, slots);
      else {
        matches.fill(0, 0, slots);
        if (whole) this.markWhole(text, matches);
        else this.blob(mode === 1 ? 'idShown' : mode === 2 ? 'name' : 'pinyin').mark(mode === 3 ? `\u0001${text}` : text, matches);
      }
      for (let slot = 0; slot < slots; slot++) {
        if (!matches[slot]) continue;
        let ok = c.id[slot] !== '';
        if (ok && groupBit) ok = (c.groups[slot]! & groupBit) !== 0;
        if (ok && careBit) ok = (c.care[slot]! & careBit) !== 0;
        if (ok && kind >= 0) ok = c.kind[slot] === kind;
        if (ok && status >= 0) ok = c.status[slot] === status;
        if (ok) total += 1;
        else matches[slot] = 0;
      }
    } else total = this.slotOf.size;
    const wholeIdNumber: string[] = [];
    if (whole) for (let slot = 0; slot < slots; slot++) if (matches[slot]) wholeIdNumber.push(c.id[slot]!);
    const order = this.sorted.by(q.sort, () => this.slotOf.values());
    const items: ResidentRow[] = [];
    const n = order.length;
    const end = Math.min(total, q.offset + q.limit);
    let seen = 0;
    for (let i = 0; i < n && seen < end; i++) {
      const slot = order.at(q.order === 'asc' ? i : n - 1 - i);
      if (filtered && !matches[slot]) continue;
      if (seen >= q.offset) items.push(this.row(slot, today));
      seen += 1;
    }
    return { total, items, wholeIdNumber };
  }

  /** Marks the slots holding exactly this ID number. */
  private markWhole(idNumber: string, matches: Uint8Array): void {
    const numbers = this.c.idNumber;
    for (let slot = 0; slot < this.c.slots; slot++) if (numbers.is(slot, idNumber)) matches[slot] = 1;
  }

  private row(slot: number, today: string): ResidentRow {
    const c = this.c;
    return {
      id: c.id[slot]!,
      name: c.name[slot]!,
      sex: SEXES[c.sex[slot]!]!,
      age: ageOn(c.birthDate[slot]!, today),
      birthDate: c.birthDate[slot]!,
      idNumberMasked: maskIdNumber(c.idNumber.get(slot)),
      // Masked when shown (not kept: one more string per resident).
      phoneMasked: maskPhone(c.phone.get(slot)),
      householdType: HOUSEHOLD_TYPES[c.household[slot]!]!,
      targetGroups: unbits(c.groups[slot]!, TARGET_GROUPS),
      careCategories: unbits(c.care[slot]!, CARE_CATEGORIES),
      kind: REGISTRATION_KINDS[c.kind[slot]!]!,
      status: REGISTRATION_STATUSES[c.status[slot]!]!,
      registeredOn: c.registeredOn[slot]!,
      updatedAt: c.updatedAt(slot),
    };
  }

  private blob(column: TextColumn): TextBlob {
    let blob = this.blobs.get(column);
    if (!blob) {
      const numbers = this.c.idNumber;
      blob = new TextBlob(column === 'idShown' ? this.c.id.map((_id, slot) => { const n = numbers.get(slot); return n ? maskIdNumber(n) : ''; }) : this.c[column]);
      this.blobs.set(column, blob);
    }
    return blob;
  }

  private compare(field: ResidentSortField, a: number, b: number): number {
    const c = this.c;
    const result =
      field === 'name'
        ? byKey(c.sortName[a]!, c.sortName[b]!)
        : field === 'age'
          ? byKey(c.birthDate[b]!, c.birthDate[a]!) // ascending age: the latest birth date first
          : field === 'registeredOn'
            ? byKey(c.registeredOn[a]!, c.registeredOn[b]!)
            : c.compareUpdatedAt(a, b);
    return result || byKey(c.id[a]!, c.id[b]!);
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
