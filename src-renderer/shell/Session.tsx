// What only a logged-in user sees, in a chunk loaded after the login (issue 18): antd's App (the
// screens' message, modal and notification), the header's sync indicator and account buttons, the
// side menu and the route's screen, the idle lock, logout, a printed form. The frame around them
// (./Frame.tsx) is the first chunk's, the same as the login screen's; the home route is resolved
// here because it asks the RPC contract's role lists, which the login screen does not need.
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import type { useConnectionState } from '../connection';
import { errorText } from '../errors';
import { navigate, routeHash, type Route } from '../route';
import { prefetchResidentList } from '../residents/queries';
import { useSetStatus } from '../station/queries';
import { SyncIndicator } from '../sync';
import { ChangePasswordButton } from '../access/ChangePassword';
import { IdleLock } from '../access/IdleLock';
import { BackupPassphraseBanner } from '../backup/PassphraseBanner';
import { resolveHome } from '../worklist/landing';
import { SideMenu } from './SideMenu';
import { routeScreen } from './RouteScreen';
import { Frame, ScreenLoading } from './Frame';

// A printed form, with its forms and print.css.
const PrintRoute = lazy(() => import('../print/PrintRoute').then((m) => ({ default: m.PrintRoute })));

type User = NonNullable<StationStatus['user']>;

interface SessionProps {
  status: StationStatus;
  user: User;
  route: Route;
  connection: ReturnType<typeof useConnectionState>;
}

/** A logged-in user's page (antd's App around it is the shell's, Shell.tsx: a dialog outlives the logout). */
export function SessionFrame(props: SessionProps) {
  return <SessionPage {...props} />;
}

function SessionPage({ status, user, route, connection }: SessionProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setStatus = useSetStatus();
  const queryClient = useQueryClient();

  const logout = async () => {
    try {
      // What this user loaded is forgotten as the session ends (useForgetEndedSession, ../Shell.tsx).
      setStatus(await leye.call('auth.logout', {}));
      navigate({ name: 'home' });
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };
  const onLogout = () => void logout();

  // The residents list's first page, asked for once the frame is drawn (after the landing
  // screen's own query, its effects run first), so the list opens with its rows
  // (../residents/queries.ts); not for a printed form's page.
  const printing = route.name === 'print';
  useEffect(() => {
    if (printing) return;
    void prefetchResidentList(queryClient);
  }, [queryClient, printing]);

  // A printed form is the page itself: A4, no header, nothing around it.
  if (route.name === 'print') {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <PrintRoute key={routeHash(route)} form={route.form} args={route.args} />
      </Suspense>
    );
  }
  return (
    <Frame station={status.station} connection={connection} sync={<SyncIndicator />} account={<SessionHeader user={user} onLogout={onLogout} />}>
      <SessionBody status={status} user={user} route={route} loading={<ScreenLoading />} onLogout={onLogout} />
    </Frame>
  );
}

/** The header's right side: 关于, the user's name, change password, logout. */
function SessionHeader({ user, onLogout }: { user: User; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button type="text" size="small" data-testid="nav-about" onClick={() => navigate({ name: 'about' })}>
        {t('diagnostics.nav')}
      </Button>
      <Typography.Text type="secondary" data-testid="current-user" className="leye-user">
        {user.displayName}
      </Typography.Text>
      <ChangePasswordButton />
      <Button icon={<LogoutOutlined />} data-testid="logout" onClick={onLogout}>
        {t('app.logout')}
      </Button>
    </>
  );
}

/** Below the header: the backup banner, the side menu, the route's screen; and the idle lock. */
function SessionBody({ status, user, route, loading, onLogout }: { status: StationStatus; user: User; route: Route; loading: ReactNode; onLogout: () => void }) {
  const home = resolveHome(route, status);
  const { screen, fill } = routeScreen(home);
  const station = status.station;
  return (
    <>
      <BackupPassphraseBanner />
      <div className="leye-body">
        <SideMenu route={home} role={user.role} county={station?.level === 'county'} township={station?.level === 'township'} />
        <main className={fill ? 'leye-main leye-fill' : 'leye-main'}>
          <Suspense fallback={loading}>{screen}</Suspense>
        </main>
      </div>
      <IdleLock key={user.loginName} status={status} onLogout={onLogout} />
    </>
  );
}
