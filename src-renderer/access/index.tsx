// Accounts (账号管理), the audit log (审计日志), the idle lock and one's own password.
export { AuditScreen } from './AuditScreen';
export { IdleLock } from './IdleLock';
export { UsersScreen } from './UsersScreen';
export { ChangePasswordButton } from './ChangePassword';
