// Every error the core answers has a code, the field it is about (a dotted path into the
// handler's argument) and an i18n message key; the UI translates, the core never sends prose.

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_HANDLER',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_RESIDENT',
  /** A post assignment or enrolment failed an eligibility rule; `issues` lists each rule. */
  'NOT_ELIGIBLE',
  /** The month is closed (or the record otherwise locked). */
  'LOCKED',
  'STATION_NOT_SET_UP',
  'STATION_ALREADY_SET_UP',
  'BAD_CREDENTIALS',
  /** Too many failed logins for this account name: refused until `params.retryAt`. */
  'ACCOUNT_LOCKED',
  /** The session was idle past the station's limit: only `auth.unlock` (or logout) goes on. */
  'SESSION_LOCKED',
  'STORAGE',
  /** The data folder's disk is full: nothing of the call was stored; it works again once space is freed. */
  'DISK_FULL',
  /** The data folder cannot be written (read-only disk or folder): nothing of the call was stored. */
  'DATA_READ_ONLY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface RpcError {
  code: ErrorCode;
  /** The first field at fault, for a message next to it. */
  field?: string;
  messageKey: string;
  params?: Record<string, string | number>;
  /** All field issues of a VALIDATION error. */
  issues?: FieldIssue[];
  /** Machine-readable context, e.g. the existing record of a DUPLICATE_RESIDENT. */
  details?: Record<string, string>;
}

export class LeyeError extends Error {
  constructor(readonly rpc: RpcError) {
    super(`${rpc.code}${rpc.field ? ` (${rpc.field})` : ''}: ${rpc.messageKey}`);
    this.name = 'LeyeError';
  }
}

export function isRpcError(value: unknown): value is RpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcError).code === 'string' &&
    typeof (value as RpcError).messageKey === 'string'
  );
}
