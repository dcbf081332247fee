// The screen a logged-in user's route chooses (the setup, login and loading screens are the
// shell's own). Each screen is loaded with its route's chunk (lazyScreens.ts); the shell shows
// them inside a Suspense boundary.

import {
  AboutScreen,
  AssessmentScreen,
  AttendanceScreen,
  AuditScreen,
  BackupScreen,
  ConflictsScreen,
  CountyBatchScreen,
  CountyScreen,
  OpeningScreen,
  PayrollScreen,
  PolicyScreen,
  PostDetailScreen,
  PostsScreen,
  ResidentDetail,
  ResidentFormScreen,
  ResidentsScreen,
  SessionScreen,
  SheetsScreen,
  SignInScreen,
  StatsScreen,
  TrainingListScreen,
  UsersScreen,
  WorklistScreen,
} from './lazyScreens';
import { navigate, type Route } from '../route';

/** The screen, and whether it fills the main area (the residents list scrolls inside itself). */
export function routeScreen(route: Route): { screen: React.ReactNode; fill: boolean } {
  switch (route.name) {
    case 'worklist':
      return { screen: <WorklistScreen key={route.placeCode ?? ''} placeCode={route.placeCode} />, fill: false };
    case 'register':
      return { screen: <ResidentFormScreen key="register" mode="register" />, fill: false };
    case 'edit':
      return { screen: <ResidentFormScreen key={`edit:${route.id}`} mode="edit" id={route.id} />, fill: false };
    case 'posts':
      return { screen: <PostsScreen />, fill: false };
    case 'post':
      return { screen: <PostDetailScreen key={route.id} postId={route.id} />, fill: false };
    case 'attendance':
      return { screen: <AttendanceScreen key={`${route.postId}:${route.month}`} postId={route.postId} month={route.month} />, fill: false };
    case 'assessment':
      return { screen: <AssessmentScreen key={`${route.postId}:${route.month}`} postId={route.postId} month={route.month} />, fill: false };
    case 'opening':
      return { screen: <OpeningScreen key={route.id} postId={route.postId} openingId={route.id} />, fill: false };
    case 'training':
      return { screen: <TrainingListScreen />, fill: false };
    case 'session':
      return { screen: <SessionScreen key={route.id} sessionId={route.id} />, fill: false };
    case 'signIn':
      return { screen: <SignInScreen key={route.sessionId} sessionId={route.sessionId} />, fill: false };
    case 'policy':
      return { screen: <PolicyScreen />, fill: false };
    case 'county':
      return { screen: <CountyScreen />, fill: false };
    case 'countyBatch':
      return { screen: <CountyBatchScreen key={route.id} batchId={route.id} />, fill: false };
    case 'conflicts':
      return { screen: <ConflictsScreen />, fill: false };
    case 'sheets':
      return { screen: <SheetsScreen />, fill: false };
    case 'stats':
      return { screen: <StatsScreen />, fill: false };
    case 'payroll':
      return { screen: <PayrollScreen />, fill: false };
    case 'backup':
      return { screen: <BackupScreen />, fill: false };
    case 'about':
      return { screen: <AboutScreen />, fill: false };
    case 'users':
      return { screen: <UsersScreen />, fill: false };
    case 'audit':
      return { screen: <AuditScreen />, fill: false };
    default:
      return {
        fill: true,
        screen: (
          <>
            <ResidentsScreen />
            {route.name === 'resident' && <ResidentDetail id={route.id} tab={route.tab} onClose={() => navigate({ name: 'residents' })} />}
          </>
        ),
      };
  }
}
