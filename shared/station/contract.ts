// The station itself: is it set up, where, who is logged in; first-run setup (or a demo
// station), the place picker and login/logout. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import { currentPassword, displayName, loginName, newLoginName, placeCode } from '../common/fields';
import { newPassword } from '../access/contract';
import { handler, none, type Role } from '../rpc/define';

export { placeCode };

export type StationLevel = 'village' | 'township' | 'county';

export interface StationInfo {
  placeCode: string;
  /** A village station registers and records; a township also sees its villages; a county station reviews. */
  level: StationLevel;
  /** Province → village names, for headings and printed forms. */
  placePath: string[];
  name: string;
  demo: boolean;
}

export interface SessionUser {
  loginName: string;
  displayName: string;
  role: Role;
}

export interface StationStatus {
  setUp: boolean;
  station: StationInfo | null;
  user: SessionUser | null;
  /** The demo station's login, shown on the login screen of a demo station only. */
  demoLogin: { loginName: string; password: string } | null;
  /** The logged-in session was idle too long: the screen stays locked until `auth.unlock`. */
  locked: boolean;
  /** Minutes without input before the screen locks (the station's setting). */
  idleLockMinutes: number;
  /**
   * The station's accounts, login name → display name, so a screen names the person who did
   * something (records keep the login name); empty until someone is logged in.
   */
  people: Record<string, string>;
}

export interface PlaceOption {
  code: string;
  name: string;
  /** True for villages (12-digit codes), which have no children. */
  leaf: boolean;
}

/** The first account (the station's administrator) gets the same password rules as every account made later. */
export const stationSetupSchema = z.strictObject({
  placeCode,
  clerk: z.strictObject({ loginName: newLoginName, displayName, password: newPassword }),
});

/** The place picker's children of a place of Shandong (37…): cities, counties, townships, villages. */
export const placeChildrenSchema = z.strictObject({ code: z.string().regex(/^(37|37\d{2}|37\d{4}|37\d{7})$/, { error: 'errors.placeCode' }) });

export const loginSchema = z.strictObject({ loginName, password: currentPassword });

export const stationHandlers = {
  'app.ping': handler<{ version: string; now: string }>()(none, 'public'),
  'station.status': handler<StationStatus>()(none, 'public'),
  'station.setup': handler<StationStatus>()(stationSetupSchema, 'public'),
  /** Sets up a demo station with fake residents, for trying the app. */
  'station.setupDemo': handler<StationStatus>()(z.strictObject({ residents: z.number().int().min(0).max(2000).default(60) }), 'public'),
  'places.children': handler<PlaceOption[]>()(placeChildrenSchema, 'public'),
  'auth.login': handler<StationStatus>()(loginSchema, 'public'),
  'auth.logout': handler<StationStatus>()(none, 'public'),
} as const;
