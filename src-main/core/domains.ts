// The domains' apps combined into the one handler map (after Actual Budget's server/main.ts):
// each domain's handlers come from its own `<domain>/app.ts`, built by `createApp` with the caches
// it needs. A handler of the contract without its app fails to compile here.
import type { RestoreResult } from '../../shared/backup/contract';
import type { HandlerName, ParsedArgsOf, PushEvents, PushName } from '../../shared/rpc/handlers';
import type { AccessService } from './access/access';
import { accessApp } from './access/app';
import { combine, type Combined } from './app';
import type { AuditLog } from './audit/audit';
import { auditApp } from './audit/app';
import { backupApp } from './backup/app';
import type { BackupService } from './backup/backup';
import { countyApp } from './county/app';
import { diagnosticsApp } from './diagnostics/app';
import { employmentApp } from './employment/app';
import type { EmploymentService } from './employment/employment';
import type { StationLog } from './log/log';
import type { ModuleDeps } from './modules';
import { policyApp } from './policy/app';
import type { PolicyStore } from './policy/policy';
import { postsApp } from './posts/app';
import { printApp } from './print/app';
import { recordsApp } from './records/app';
import { recruitmentApp } from './recruitment/app';
import { RecordLabeller } from './records/labeller';
import { residentsApp } from './residents/app';
import type { ResidentsService } from './residents/residents';
import type { Session } from './session';
import { servicesApp } from './services/app';
import { sheetsApp } from './sheets/app';
import { CORE_VERSION, stationApp } from './station/app';
import type { StationService } from './station/station';
import { statsApp } from './stats/app';
import { syncApp } from './sync/app';
import { trainingApp } from './training/app';
import { transferApp } from './transfer/app';
import type { TransferService } from './transfer/transfer';
import { worklistApp } from './worklist/app';
import { payrollApp } from './payroll/app';
import { assessmentApp } from './assessment/app';
import { AssessmentService } from './assessment/service';

export interface Domains extends ModuleDeps {
  station: StationService;
  access: AccessService;
  audit: AuditLog;
  residents: ResidentsService;
  policies: PolicyStore;
  transfer: TransferService;
  backups: BackupService;
  employment: EmploymentService;
  dataDir: string;
  log: StationLog;
  emit<E extends PushName>(event: E, payload: PushEvents[E]): void;
  /** A session signed in to this core. */
  loggedIn(session: Session): void;
  /** Once connected: the county's reference copy joins the station's caches. */
  followReference(): Promise<void>;
  /** Restores a backup (the core reopens on it); from `firstRunFolder` before any station is set up. */
  restore(args: ParsedArgsOf<'backup.restore'>, session: Session, firstRunFolder?: string): Promise<RestoreResult>;
}

export function domainApps(d: Domains): Combined<HandlerName> {
  const { station, access, audit, residents, policies, posts, training, sync, transfer, backups, emit } = d;
  const deps: ModuleDeps = { ctx: d.ctx, posts, training, sync, county: d.county };
  const labeller = new RecordLabeller({ db: d.ctx.db, lockedAt: (id) => d.ctx.lockedAt(id) });
  return combine(
    stationApp({ station, access, residents, changed: (status) => emit('station.changed', status), loggedIn: d.loggedIn }),
    accessApp(access),
    auditApp({ log: audit, station: () => station.require(), today: () => station.today(), labeller, users: () => access.users() }),
    recordsApp({ labeller }),
    residentsApp(residents),
    policyApp(policies, station),
    postsApp(posts),
    trainingApp(training),
    syncApp({ sync, station, followReference: d.followReference }),
    countyApp(d.county),
    transferApp({ transfer, sync, syncChanged: (status) => emit('sync.changed', status) }),
    printApp(deps),
    sheetsApp({ ...deps, employment: d.employment, users: () => access.users() }),
    statsApp({ ...deps, employment: d.employment }),
    employmentApp({ ...deps, employment: d.employment }),
    servicesApp({ ...deps, employment: d.employment }),
    worklistApp(deps),
    payrollApp({ ...deps, audit }),
    assessmentApp({ ...deps, assessment: new AssessmentService(d.ctx, posts) }),
    recruitmentApp(deps),
    backupApp({
      backups,
      audit,
      placeCode: () => station.require().placeCode,
      restore: (args, session) => d.restore(args, session),
      firstRun: () => station.config === null,
      restoreFirstRun: (folder, args, session) => d.restore(args, session, folder),
    }),
    diagnosticsApp({ ...deps, dataDir: d.dataDir, log: d.log, version: CORE_VERSION, lastBackupAt: async () => backups.status().lastBackup?.createdAt ?? null }),
  );
}
