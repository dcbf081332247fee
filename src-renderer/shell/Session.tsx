// What only a logged-in user sees, in a chunk loaded after the login (issue 18): the header's
// sync indicator and account buttons, the side menu and the route's screen, the idle lock. The
// shell (Shell.tsx, first chunk) lays them out; the home route is resolved here because it asks
// the RPC contract's role lists, which the login screen does not need.
import { Button, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { navigate, type Route } from '../route';
import { SyncIndicator } from '../sync';
import { ChangePasswordButton } from '../access/ChangePassword';
import { IdleLock } from '../access/IdleLock';
import { BackupPassphraseBanner } from '../backup/PassphraseBanner';
import { resolveHome } from '../worklist/landing';
import { SideMenu } from './SideMenu';
import { routeScreen } from './RouteScreen';

type User = NonNullable<StationStatus['user']>;

/** The header's sync state (left of the language switch). */
export function SessionSync() {
  return <SyncIndicator />;
}

/** The header's right side: 关于, the user's name, change password, logout. */
export function SessionHeader({ user, onLogout }: { user: User; onLogout: () => void }) {
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
export function SessionBody({ status, user, route, loading, onLogout }: { status: StationStatus; user: User; route: Route; loading: ReactNode; onLogout: () => void }) {
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
