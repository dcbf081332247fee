// What a resident's print row offers: the registration form of the registration's type while the
// registration stands, and the 服务记录卡 (services, status, posts, trainings), closed or not, to
// the roles that may print them.
import type { Role } from '../../shared/rpc/define';
import { mayCall } from '../access/may';
import type { RegistrationKind, RegistrationStatus } from '../../shared/residents/schema';

export type ResidentForm = 'jobSeeking' | 'unemployment' | 'hardship';

/** The forms a registration of this type may print. */
export function residentForms(kind: RegistrationKind): ResidentForm[] {
  return [kind];
}

/** The print row of a resident: registration forms (active only) and the service card. */
export function residentPrintRow(view: { kind: RegistrationKind; status: RegistrationStatus }, role: Role | null): { forms: ResidentForm[]; serviceCard: boolean } {
  return {
    forms: view.status === 'active' && mayCall('print.registration', role) ? residentForms(view.kind) : [],
    serviceCard: mayCall('print.serviceCard', role),
  };
}
