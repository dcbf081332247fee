// The township payroll: the month's sheet, its print fill and .xlsx (all audit-logged when
// accounts are in full), and the holders' payment accounts.
import { placePath, stationLevel } from '../../../shared/places';
import type { PayrollSheet } from '../../../shared/payroll/contract';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { createApp } from '../app';
import type { AuditLog } from '../audit/audit';
import { fail } from '../context';
import type { ModuleDeps } from '../modules';
import { PayAccounts } from './accounts';
import { buildSheet } from './sheet';
import { countyPayroll, postPlan, savePlan } from './county';
import { payrollXlsx, zhPlace } from './xlsx';

export function payrollApp(deps: ModuleDeps & { audit: AuditLog }) {
  const accounts = new PayAccounts(deps);

  const sheet = async (month: string, full: boolean): Promise<PayrollSheet> => {
    if (stationLevel(deps.ctx.station().placeCode) !== 'township') fail({ code: 'VALIDATION', messageKey: 'errors.payroll.townshipOnly' });
    return buildSheet(deps, month, full);
  };

  /** The county's views: refused away from a county station. */
  const atCounty = () => {
    if (stationLevel(deps.ctx.station().placeCode) !== 'county') fail({ code: 'VALIDATION', messageKey: 'errors.payroll.countyOnly' });
    return deps;
  };

  /** Logged (on disk) before the sheet leaves the core: `<what>:<month>:full|masked`. */
  const logged = (user: SessionUser, action: 'print' | 'export', data: PayrollSheet, what: string) =>
    deps.ctx.audit(user, action, `payroll:${data.placeCode}:${data.month}`, 'payroll', `${what}:${data.month}:${data.full ? 'full' : 'masked'}`);

  return createApp('payroll', {
    'payroll.month': async (args, session) => {
      const data = await sheet(args.month, args.full);
      if (args.full) await logged(session.user!, 'export', data, 'view');
      return data;
    },
    'payroll.export': async (args, session) => {
      const data = await sheet(args.month, args.full);
      const content = payrollXlsx(data).toString('base64');
      await logged(session.user!, 'export', data, 'xlsx');
      return { fileName: `补贴发放表-${zhPlace(data.placeCode, data.placeName)}-${data.month}.xlsx`, content };
    },
    'print.payroll': async (args, session) => {
      const data = await sheet(args.month, args.full);
      const user = session.user!;
      await logged(user, 'print', data, 'print');
      const config = deps.ctx.station();
      return {
        station: { name: config.name, placeCode: config.placeCode, placePath: placePath(config.placeCode).map((p) => p.name), clerk: user.displayName, printedOn: deps.ctx.today() },
        sheet: data,
      };
    },
    'payroll.county': async (args) => countyPayroll(atCounty(), args.month),
    'payroll.plan': async (args) => postPlan(atCounty(), args.year),
    'payroll.setPlan': async (args, session) => savePlan(atCounty(), args, session.user!),
    'payroll.account': async (args) => accounts.current(args.residentId),
    'payroll.setAccount': async (args, session) => accounts.set(args, session.user!),
    'payroll.revealAccount': async (args, session) => accounts.reveal(args.id, session.user!),
  });
}
