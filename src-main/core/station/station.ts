// The station itself: its configuration (`_local/station`: place, name, demo, identity key), set
// up once, the clock every record is stamped with, and the machine that signs people in.
import os from 'node:os';
import { isKnownPlace, placeLevel, placeName } from '../../../shared/places';
import { LeyeError } from '../../../shared/rpc/errors';
import type { SessionUser } from '../../../shared/rpc/handlers';
import type { PolicyStore } from '../policy/policy';
import { hashPassword } from '../access/passwords';
import { newIdentityKey, randomId } from '../residents/identity';
import { getOrNull, type StationDb } from '../store/db';
import { ID_PREFIX, SCHEMA_VERSION, type Stamp, type StationConfig, type StationDoc, type UsersDoc } from '../store/docs';
import { fieldError } from '../validation';

export interface StationDeps {
  db: StationDb;
  clock(): Date;
  policies: PolicyStore;
}

export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Local wall-clock time of an ISO instant, HH:MM. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export class StationService {
  private current: StationConfig | null = null;
  private machineName = os.hostname();

  constructor(private readonly deps: StationDeps) {}

  async load(): Promise<void> {
    const { db } = this.deps;
    this.current = await getOrNull<StationConfig>(db, '_local/station');
    // "hostname (id)": a stable id per data folder, so sign-ins say which machine took them.
    const existing = await getOrNull<{ _id: string; id: string }>(db, '_local/machine');
    const id = existing?.id ?? randomId(8);
    if (!existing) await db.put({ _id: '_local/machine', id });
    this.machineName = `${os.hostname()} (${id})`;
  }

  /** The station's configuration; null before setup. */
  get config(): StationConfig | null {
    return this.current;
  }

  /** After re-keying: the stored configuration with the county's identity key. */
  replaceConfig(config: StationConfig): void {
    this.current = config;
  }

  get machine(): string {
    return this.machineName;
  }

  require(): StationConfig {
    if (!this.current) throw new LeyeError({ code: 'STATION_NOT_SET_UP', messageKey: 'errors.stationNotSetUp' });
    return this.current;
  }

  now(): string {
    return this.deps.clock().toISOString();
  }

  today(): string {
    return localDay(this.deps.clock());
  }

  stamp(user: SessionUser, placeCode: string): Stamp {
    const at = this.now();
    return { schemaVersion: SCHEMA_VERSION, placeCode, createdBy: user.loginName, createdAt: at, updatedBy: user.loginName, updatedAt: at };
  }

  /** Sets the station up with its first account (an admin); resolves to that account. */
  async create(placeCode: string, clerk: { loginName: string; displayName: string; password: string }, demo: boolean): Promise<SessionUser> {
    const { db, policies } = this.deps;
    if (this.current) throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.stationAlreadySetUp' });
    if (!isKnownPlace(placeCode)) throw new LeyeError(fieldError('placeCode', 'errors.placeUnknown', { code: placeCode }));
    if (!['village', 'township', 'county'].includes(placeLevel(placeCode) ?? '')) throw new LeyeError(fieldError('placeCode', 'errors.placeNotStation'));
    // The same rule as for every account (access.ts createUser): the name is no password.
    if (clerk.password === clerk.loginName) throw new LeyeError(fieldError('clerk.password', 'errors.access.passwordIsName'));
    const at = this.now();
    const name = placeName(placeCode) ?? placeCode;
    // The station's first account administers it (policy parameters, overrides) until the
    // county provisions accounts.
    const system: SessionUser = { loginName: clerk.loginName, displayName: clerk.displayName, role: 'admin' };
    const users: UsersDoc = {
      _id: '_local/users',
      users: {
        [clerk.loginName]: { ...system, passwordHash: await hashPassword(clerk.password), createdAt: at },
      },
    };
    const station: StationDoc = { _id: `${ID_PREFIX.station}${placeCode}`, type: 'station', name, demo, ...this.stamp(system, placeCode) };
    const defaults = policies.defaults(placeCode.slice(0, 6), this.stamp(system, placeCode));
    // Reference data and the station document first; the station counts as set up only once
    // `_local/station` is written, so a crash in between leaves a station that asks again.
    const written = await db.bulkDocs([station, ...defaults]);
    defaults.forEach((p, i) => {
      const r = written[i + 1];
      if (r && 'rev' in r) policies.cache.put({ ...p, _rev: r.rev });
    });
    await db.put(users);
    const config: StationConfig = { _id: '_local/station', placeCode, name, demo, identityKey: newIdentityKey(), createdAt: at };
    await db.put(config);
    this.current = config;
    return system;
  }
}
