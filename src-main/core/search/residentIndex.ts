// The residents search index lives in memory: a scan of 100,000 small entries takes
// milliseconds, while PouchDB's find() scans documents on disk (and stops at 25 by default).
// It is built once at start and kept current from the database's changes feed.
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import type { ResidentRow, ResidentSortField } from '../../../shared/rpc/handlers';
import type { CareCategory, RegistrationKind, RegistrationStatus, TargetGroup } from '../../../shared/resident/schema';
import type { ResidentDoc } from '../docs';
import { pinyinKeys, pinyinSortKey } from './pinyinKeys';

/**
 * What the index keeps of a resident: enough to search, sort and show a list row. It is also
 * the record of the on-disk snapshot that lets the core start without reading every document.
 */
export interface IndexedResident {
  id: string;
  rev: number;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: ResidentRow['sex'];
  phoneMasked: string;
  householdType: ResidentRow['householdType'];
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  kind: RegistrationKind;
  status: RegistrationStatus;
  registeredOn: string;
  updatedAt: string;
}

interface Entry {
  id: string;
  rev: number;
  pinyin: string[];
  sortName: string;
  resident: IndexedResident;
  row: Omit<ResidentRow, 'age'>;
}

export function indexedResident(doc: ResidentDoc): IndexedResident {
  return {
    id: doc._id,
    rev: revNumber(doc._rev),
    name: doc.name,
    idNumber: doc.idNumber,
    birthDate: doc.birthDate,
    sex: doc.sex,
    phoneMasked: maskPhone(doc.phone),
    householdType: doc.householdType,
    targetGroups: doc.targetGroups,
    careCategories: doc.careCategories,
    kind: doc.registration.kind,
    status: doc.closure ? 'closed' : 'active',
    registeredOn: doc.registration.date,
    updatedAt: doc.updatedAt,
  };
}

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

const ID_FRAGMENT = /^[0-9]{4,18}x?$|^[0-9]{3,17}x$/;
const HAN = /\p{Script=Han}/u;

function revNumber(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

export class ResidentIndex {
  private readonly entries = new Map<string, Entry>();
  /** Entries kept sorted per sort field, built on first use and maintained by binary insertion. */
  private readonly sorted = new Map<ResidentSortField, Entry[]>();

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces a resident; an older revision never overwrites a newer one. */
  upsert(doc: ResidentDoc): void {
    this.upsertIndexed(indexedResident(doc));
  }

  upsertIndexed(resident: IndexedResident): void {
    const existing = this.entries.get(resident.id);
    if (existing && existing.rev > resident.rev) return;
    const { idNumber: _full, rev: _rev, ...shown } = resident;
    const entry: Entry = {
      id: resident.id,
      rev: resident.rev,
      pinyin: pinyinKeys(resident.name),
      sortName: pinyinSortKey(resident.name),
      resident,
      row: { ...shown, idNumberMasked: maskIdNumber(resident.idNumber) },
    };
    if (existing) this.unsort(existing);
    this.entries.set(resident.id, entry);
    for (const [field, list] of this.sorted) list.splice(this.position(list, entry, field), 0, entry);
  }

  /** Everything the index holds, for the snapshot. */
  all(): IndexedResident[] {
    return [...this.entries.values()].map((e) => e.resident);
  }

  remove(id: string): void {
    const existing = this.entries.get(id);
    if (!existing) return;
    this.unsort(existing);
    this.entries.delete(id);
  }

  /** Filters, sorts and pages; `today` decides ages. */
  search(q: ResidentQuery, today: string): { total: number; items: ResidentRow[] } {
    const text = q.query.trim().toLowerCase().replace(/\s+/g, '');
    const byId = ID_FRAGMENT.test(text);
    const upperText = text.toUpperCase();
    const byName = HAN.test(text);
    const list = this.sortedBy(q.sort);
    const page: Entry[] = [];
    let total = 0;
    const n = list.length;
    for (let i = 0; i < n; i++) {
      const e = list[q.order === 'asc' ? i : n - 1 - i]!;
      const r = e.row;
      if (q.targetGroup && !r.targetGroups.includes(q.targetGroup)) continue;
      if (q.careCategory && !r.careCategories.includes(q.careCategory)) continue;
      if (q.kind && r.kind !== q.kind) continue;
      if (q.status && r.status !== q.status) continue;
      if (text) {
        if (byId) {
          if (!e.resident.idNumber.includes(upperText)) continue;
        } else if (byName) {
          if (!e.resident.name.includes(text)) continue;
        } else if (!e.pinyin.some((k) => k.startsWith(text))) continue;
      }
      if (total >= q.offset && page.length < q.limit) page.push(e);
      total += 1;
    }
    return { total, items: page.map((e) => ({ ...e.row, age: ageOn(e.resident.birthDate, today) })) };
  }

  private sortedBy(field: ResidentSortField): Entry[] {
    let list = this.sorted.get(field);
    if (!list) {
      const compare = comparators[field];
      list = [...this.entries.values()].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.sorted.set(field, list);
    }
    return list;
  }

  /** Where an entry belongs in a list sorted by a field (ties by id). */
  private position(list: Entry[], entry: Entry, field: ResidentSortField): number {
    const compare = comparators[field];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(list[mid]!, entry) || (list[mid]!.id < entry.id ? -1 : list[mid]!.id > entry.id ? 1 : 0);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private unsort(entry: Entry): void {
    for (const [field, list] of this.sorted) {
      const at = this.position(list, entry, field);
      if (list[at] === entry) list.splice(at, 1);
      else {
        const i = list.indexOf(entry);
        if (i >= 0) list.splice(i, 1);
      }
    }
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const comparators: Record<ResidentSortField, (a: Entry, b: Entry) => number> = {
  name: (a, b) => byKey(a.sortName, b.sortName),
  // Ascending age: youngest first, i.e. the latest birth date first.
  age: (a, b) => byKey(b.resident.birthDate, a.resident.birthDate),
  registeredOn: (a, b) => byKey(a.row.registeredOn, b.row.registeredOn),
  updatedAt: (a, b) => byKey(a.row.updatedAt, b.row.updatedAt),
};
