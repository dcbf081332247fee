// Every domain screen a route shows, loaded with its route's chunk (issue 18): the login and
// setup screens and the shell are all the first chunk holds, so a village PC parses Ant Design's
// tables, ECharts and the print forms only when a clerk opens a screen that uses them. Each is
// drawn at once, with no loading state, once its module has come (fetched ahead with `preload`,
// as the login screen does for what the login opens: ./afterLogin.ts).
import type { ComponentType } from 'react';
import { loadable } from '../components/loadable';

/** A screen exported by name from a module loaded on first use. */
function screen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return loadable(load);
}

export const ResidentsScreen = screen(() => import('../residents/ResidentsScreen').then((m) => m.ResidentsScreen));
export const ResidentFormScreen = screen(() => import('../residents/ResidentFormScreen').then((m) => m.ResidentFormScreen));
export const ResidentDetail = screen(() => import('../residents/ResidentDetail').then((m) => m.ResidentDetail));
export const PostsScreen = screen(() => import('../posts').then((m) => m.PostsScreen));
export const PostDetailScreen = screen(() => import('../posts').then((m) => m.PostDetailScreen));
export const AttendanceScreen = screen(() => import('../posts').then((m) => m.AttendanceScreen));
export const TrainingListScreen = screen(() => import('../training').then((m) => m.TrainingListScreen));
export const SessionScreen = screen(() => import('../training').then((m) => m.SessionScreen));
export const SignInScreen = screen(() => import('../training').then((m) => m.SignInScreen));
export const PolicyScreen = screen(() => import('../policy').then((m) => m.PolicyScreen));
export const CountyScreen = screen(() => import('../county').then((m) => m.CountyScreen));
export const CountyBatchScreen = screen(() => import('../county').then((m) => m.CountyBatchScreen));
export const ConflictsScreen = screen(() => import('../county').then((m) => m.ConflictsScreen));
export const SheetsScreen = screen(() => import('../sheets').then((m) => m.SheetsScreen));
export const StatsScreen = screen(() => import('../stats').then((m) => m.StatsScreen));
export const PayrollScreen = screen(() => import('../payroll').then((m) => m.PayrollScreen));
export const BackupScreen = screen(() => import('../backup').then((m) => m.BackupScreen));
export const AboutScreen = screen(() => import('../about').then((m) => m.AboutScreen));
export const UsersScreen = screen(() => import('../access/UsersScreen').then((m) => m.UsersScreen));
export const AuditScreen = screen(() => import('../access/AuditScreen').then((m) => m.AuditScreen));
export const WorklistScreen = screen(() => import('../worklist').then((m) => m.WorklistScreen));
export const AssessmentScreen = screen(() => import('../assessment').then((m) => m.AssessmentScreen));
export const OpeningScreen = screen(() => import('../recruitment').then((m) => m.OpeningScreen));
