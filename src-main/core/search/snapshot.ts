// PouchDB's LevelDB adapter reads about 5,000 documents a second, so rebuilding the search
// index from the database would keep a 100,000-resident station closed for 20 s. The index is
// therefore saved now and then as a snapshot (a cache, never the truth) with the update
// sequence it reflects; at start the core loads it and replays only the changes since.
import fs from 'node:fs';
import path from 'node:path';
import {
  CARE_CATEGORIES,
  HOUSEHOLD_TYPES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
} from '../../../shared/resident/schema';
import type { IndexedResident } from './residentIndex';

const VERSION = 1;
const SEXES = ['male', 'female'] as const;

type Row = [string, number, string, string, string, number, string, number, number, number, number, number, string, string];

function bits<T extends string>(values: readonly T[], all: readonly T[]): number {
  return values.reduce((mask, v) => mask | (1 << all.indexOf(v)), 0);
}

function unbits<T extends string>(mask: number, all: readonly T[]): T[] {
  return all.filter((_v, i) => mask & (1 << i));
}

function toRow(r: IndexedResident): Row {
  return [
    r.id, r.rev, r.name, r.idNumber, r.birthDate, SEXES.indexOf(r.sex), r.phoneMasked, HOUSEHOLD_TYPES.indexOf(r.householdType),
    bits(r.targetGroups, TARGET_GROUPS), bits(r.careCategories, CARE_CATEGORIES), REGISTRATION_KINDS.indexOf(r.kind),
    REGISTRATION_STATUSES.indexOf(r.status), r.registeredOn, r.updatedAt,
  ];
}

function fromRow(row: Row): IndexedResident {
  const [id, rev, name, idNumber, birthDate, sex, phoneMasked, household, groups, care, kind, status, registeredOn, updatedAt] = row;
  const resident: IndexedResident = {
    id, rev, name, idNumber, birthDate, sex: SEXES[sex]!, phoneMasked, householdType: HOUSEHOLD_TYPES[household]!,
    targetGroups: unbits(groups, TARGET_GROUPS), careCategories: unbits(care, CARE_CATEGORIES), kind: REGISTRATION_KINDS[kind]!,
    status: REGISTRATION_STATUSES[status]!, registeredOn, updatedAt,
  };
  if (typeof id !== 'string' || typeof name !== 'string' || typeof idNumber !== 'string' || !resident.sex || !resident.kind || !resident.status || !resident.householdType) {
    throw new Error('malformed snapshot row');
  }
  return resident;
}

export interface Snapshot {
  seq: number | string;
  residents: IndexedResident[];
}

/** The snapshot, or null when there is none or it cannot be trusted (then the core rebuilds). */
export async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    const parsed = JSON.parse(await fs.promises.readFile(file, 'utf8')) as { version?: number; seq?: number | string; rows?: Row[] };
    if (parsed.version !== VERSION || parsed.seq === undefined || !Array.isArray(parsed.rows)) return null;
    return { seq: parsed.seq, residents: parsed.rows.map(fromRow) };
  } catch {
    return null;
  }
}

/** Written to a temporary file, synced and renamed: a crash leaves the old snapshot or the new. */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const temp = `${file}.tmp`;
  const body = JSON.stringify({ version: VERSION, seq: snapshot.seq, rows: snapshot.residents.map(toRow) });
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(body, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
  const dir = await fs.promises.open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
