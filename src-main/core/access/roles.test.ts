// Roles are enforced by the core for every handler, not by what the UI hides: every handler of
// the map is called by every role (and by nobody logged in), and the core refuses exactly the
// callers its access list leaves out, before the handler runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, handlers, type HandlerName, type Role } from '../../../shared/rpc/handlers';
import type { Core, Session } from '../core';
import { openStation } from '../testing/fixtures';

const ALL = 'clerk township county admin';
const WRITE = 'clerk township admin';
const COUNTY = 'county admin';
const ADMIN = 'admin';

/**
 * Who may call what, written out by hand as the reviewed policy (DESIGN.md's users: village
 * clerks record, townships also review and forward, county staff review and keep reference
 * data, the station's admin manages accounts and reads the audit log). A handler added to the
 * map without a line here fails the test, so its access is decided, not inherited.
 */
const POLICY: Record<HandlerName, 'public' | string> = {
  'app.ping': 'public',
  'station.status': 'public',
  'station.setup': 'public',
  'station.setupDemo': 'public',
  'places.children': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.active': ALL,
  'auth.lock': ALL,
  'auth.unlock': ALL,
  'auth.changePassword': ALL,
  'residents.register': WRITE,
  'residents.update': WRITE,
  'residents.close': WRITE,
  'residents.reopen': WRITE,
  'residents.get': ALL,
  'residents.reveal': ALL,
  'residents.search': ALL,
  'policy.list': ALL,
  'policy.save': COUNTY,
  'posts.list': ALL,
  'posts.get': ALL,
  'posts.save': WRITE,
  // County staff assign too: an assignment against a rule needs their override.
  'posts.assign': `${WRITE} county`,
  'posts.endAssignment': WRITE,
  'posts.withdrawExit': WRITE,
  'attendance.month': ALL,
  'attendance.set': WRITE,
  'attendance.history': ALL,
  'attendance.summary': ALL,
  'attendance.closeMonth': WRITE,
  'attendance.reopenMonth': WRITE,
  'training.list': ALL,
  'courses.list': ALL,
  'courses.save': COUNTY,
  'training.get': ALL,
  'training.save': WRITE,
  'training.enrol': WRITE,
  'training.signIn': WRITE,
  'training.signIns': ALL,
  'training.attendance': ALL,
  'sync.status': ALL,
  'sync.connect': COUNTY,
  'sync.now': ALL,
  'sync.batches': ALL,
  'sync.resolutions': ALL,
  'sync.quarantine': ALL,
  'county.stations': COUNTY,
  'county.batches': COUNTY,
  'county.batch': COUNTY,
  'county.review': COUNTY,
  'county.unlock': COUNTY,
  'county.conflicts': COUNTY,
  'county.resolve': COUNTY,
  'transfer.export': WRITE,
  'transfer.import': `${WRITE} county`,
  // Forms with full ID numbers (登记表, 认定申请表) are printed where people register.
  'print.registration': WRITE,
  'print.hardshipApplication': WRITE,
  'print.hardshipNotice': WRITE,
  'print.attendance': ALL,
  'print.signInSheet': ALL,
  'print.trainingSummary': ALL,
  'print.visitRecord': WRITE,
  'print.serviceCard': WRITE,
  'sheets.preview': WRITE,
  'sheets.import': WRITE,
  'sheets.errorSheet': WRITE,
  // `full: true` is refused inside unless the role may reveal (see sheets/app.ts mayRevealFull).
  'sheets.exportLedger': ALL,
  'sheets.exportAttendance': ALL,
  'sheets.exportTraining': ALL,
  'sheets.exportAssistance': ALL,
  'sheets.exportDynamics': ALL,
  'stats.dashboard': ALL,
  'stats.export': ALL,
  // Any account sees the backups; only the admin makes one on request (manual ones are kept
  // apart from the daily ones), chooses where backups go and replaces the station's data with one.
  'backup.status': ALL,
  'backup.now': ADMIN,
  'backup.list': ALL,
  'backup.settings': ADMIN,
  'backup.passphrase': ADMIN,
  'backup.restore': ADMIN,
  // A reinstalled PC's first run (no station yet, so no account): the core refuses these once a
  // station is set up (see backup.firstRun.test.ts); after that only an admin restores.
  'backup.firstRunFiles': 'public',
  'backup.firstRunCheck': 'public',
  'backup.firstRunRestore': 'public',
  // Versions, counts and redacted logs only: the clerk is the one on the phone with county IT.
  'diagnostics.about': ALL,
  'diagnostics.documents': ALL,
  'diagnostics.bundle': ALL,
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.resetPassword': ADMIN,
  'users.unlock': ADMIN,
  'users.settings': ADMIN,
  'users.saveSettings': ADMIN,
  'audit.list': ADMIN,
  'audit.export': ADMIN,
  'records.labels': ALL,
  'employment.record': WRITE,
  'employment.correct': WRITE,
  'employment.history': ALL,
  'employment.counts': ALL,
  'services.record': WRITE,
  'services.result': WRITE,
  'services.correct': WRITE,
  'services.list': ALL,
  'services.timeline': ALL,
  'worklist.list': ALL,
  'worklist.mark': WRITE,
  'worklist.overview': ALL,
  'payroll.month': WRITE,
  'payroll.county': COUNTY,
  'payroll.plan': COUNTY,
  'payroll.setPlan': COUNTY,
  'payroll.export': WRITE,
  'print.payroll': WRITE,
  'payroll.account': WRITE,
  'payroll.setAccount': WRITE,
  'payroll.revealAccount': WRITE,
  'assessment.month': ALL,
  'assessment.save': WRITE,
  'assessment.failedMonths': ALL,
  'print.deductionNotice': WRITE,
  'recruitment.list': ALL,
  'recruitment.get': ALL,
  'recruitment.save': WRITE,
  'recruitment.apply': WRITE,
  'recruitment.withdraw': WRITE,
  'recruitment.publish': WRITE,
  'recruitment.object': WRITE,
  'recruitment.decide': WRITE,
  'print.recruitNotice': WRITE,
  'print.recruitPublicity': WRITE,
};

const NAMES = Object.keys(handlers) as HandlerName[];
type Caller = Role | 'nobody';
const CALLERS: Caller[] = [...ROLES, 'nobody'];

let core: Core;
const templates = new Map<Caller, Session>();
/** Handlers whose implementation ran, in call order. */
const ran: string[] = [];

beforeAll(async () => {
  const station = await openStation();
  core = station.core;
  templates.set('admin', station.session);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    await core.call(station.session, 'users.create', { loginName: `u-${role}`, displayName: role, role, password: 'role-pass-1' });
    const session: Session = { user: null };
    await core.call(session, 'auth.login', { loginName: `u-${role}`, password: 'role-pass-1' });
    templates.set(role, session);
  }
  templates.set('nobody', { user: null });
  // Every implementation replaced by a recorder: what is measured is the gate in front of it.
  const impl = (core as unknown as { apps: { methods: Record<string, (args: unknown, session: Session) => Promise<unknown>> } }).apps.methods;
  for (const name of NAMES) {
    impl[name] = async () => {
      ran.push(name);
      return null;
    };
  }
});

afterAll(async () => {
  await core?.close();
});

describe('the access lists', () => {
  it('match the reviewed policy for every handler, and every handler has a line in it', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const access = handlers[name].access;
      const actual = access === 'public' ? 'public' : [...access].sort().join(' ');
      const expected = POLICY[name] === 'public' ? 'public' : POLICY[name].split(' ').sort().join(' ');
      expect(actual, name).toBe(expected);
    }
  });
});

describe('every handler × every role', () => {
  it.each(CALLERS)('%s: refused exactly where the access list leaves the role out, before the handler runs', async (caller) => {
    const refused: string[] = [];
    const admitted: string[] = [];
    for (const name of NAMES) {
      const access = handlers[name].access;
      const allowed = access === 'public' || (caller !== 'nobody' && access.includes(caller));
      const session: Session = { ...templates.get(caller)! };
      const before = ran.length;
      // Arguments that pass no schema but the empty ones: an admitted call fails validation or
      // reaches the (recording) implementation; a refused one must stop at the gate.
      const reply = await core.dispatch(session, name, {});
      if (!allowed) {
        expect(reply.ok, `${caller} ${name}`).toBe(false);
        if (!reply.ok) expect(reply.error, `${caller} ${name}`).toMatchObject({ code: caller === 'nobody' ? 'UNAUTHENTICATED' : 'FORBIDDEN', messageKey: caller === 'nobody' ? 'errors.unauthenticated' : 'errors.forbidden' });
        expect(ran.length, `${caller} ${name} ran`).toBe(before);
        refused.push(name);
      } else {
        if (!reply.ok) expect(['VALIDATION'], `${caller} ${name}: ${JSON.stringify(reply.error)}`).toContain(reply.error.code);
        else expect(ran.at(-1), `${caller} ${name}`).toBe(name);
        admitted.push(name);
      }
    }
    expect(refused.length + admitted.length).toBe(NAMES.length);
    // The gate is not vacuous: every role is refused something, and admitted the public handlers.
    if (caller !== 'admin') expect(refused.length, caller).toBeGreaterThan(0);
    expect(admitted).toEqual(expect.arrayContaining(['station.status', 'auth.login']));
  });
});
