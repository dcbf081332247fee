// The station's handlers: what it is (status, version, places), setting it up (a real station or
// the demo), and signing in and out, which answer with the station's status.
import { placeChildren, placePath, stationLevel } from '../../../shared/places';
import type { StationStatus } from '../../../shared/rpc/handlers';
import type { AccessService } from '../access/access';
import { createApp } from '../app';
import type { ResidentsService } from '../residents/residents';
import type { Session } from '../session';
import { fakeResidents } from './demo';
import type { StationService } from './station';

export const CORE_VERSION = '0.1.0';

const DEMO_LOGIN = { loginName: 'demo', password: 'demo1234' };
/** 济南市历下区解放路街道解放桥社区: a real place for the demo station. */
const DEMO_PLACE = '370102001002';

export function stationStatus(station: StationService, access: AccessService, session: Session): StationStatus {
  const c = station.config;
  return {
    setUp: c !== null,
    station: c ? { placeCode: c.placeCode, level: stationLevel(c.placeCode), placePath: placePath(c.placeCode).map((p) => p.name), name: c.name, demo: c.demo } : null,
    user: session.user,
    demoLogin: c?.demo ? DEMO_LOGIN : null,
    locked: access.isLocked(session),
    idleLockMinutes: access.idleLockMinutes,
    people: session.user && c ? Object.fromEntries(access.users().map((u) => [u.loginName, u.displayName])) : {},
  };
}

export interface StationAppDeps {
  station: StationService;
  access: AccessService;
  residents: ResidentsService;
  /** The station was set up: every window learns its new status. */
  changed(status: StationStatus): void;
  /** A session signed in to this core (after a restore, earlier sign-ins no longer count). */
  loggedIn(session: Session): void;
}

export function stationApp({ station, access, residents, changed, loggedIn }: StationAppDeps) {
  const status = (session: Session) => stationStatus(station, access, session);
  const create = async (...args: Parameters<StationService['create']>) => {
    const user = await station.create(...args);
    await access.load();
    return user;
  };
  return createApp('station', {
    'app.ping': async () => ({ version: CORE_VERSION, now: station.now() }),
    'station.status': async (_args, session) => status(session),
    'station.setup': async (args, session) => {
      await create(args.placeCode, args.clerk, false);
      changed(status({ user: null }));
      return status(session);
    },
    'station.setupDemo': async (args, session) => {
      const user = await create(DEMO_PLACE, { ...DEMO_LOGIN, displayName: '演示专员' }, true);
      await residents.seed(fakeResidents(args.residents, { placeCode: DEMO_PLACE, today: station.today(), seed: 7 }), user);
      changed(status({ user: null }));
      return status(session);
    },
    'places.children': async (args) => placeChildren(args.code),
    'auth.login': async (args, session) => {
      station.require();
      await access.login(args.loginName, args.password, session);
      loggedIn(session);
      return status(session);
    },
    'auth.logout': async (_args, session) => {
      access.logout(session);
      return status(session);
    },
  });
}
