// The frame every screen sits in: header (title, station, sync, language, about, logout), the
// side menu, the connection banner, and the screen the station status and route choose.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Result, Segmented, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { leye } from './bridge';
import { errorText } from './errors';
import { currentLanguage, setLanguage, type Language } from './i18n';
import { navigate, routeHash, useRoute } from './route';
import { STATUS_KEY, useSetStatus, useStationStatus } from './station/queries';
import { LoginScreen } from './station/LoginScreen';
import { SetupScreen } from './station/SetupScreen';
import { SyncIndicator } from './sync';
import { PrintRoute } from './print';
import { ChangePasswordButton, IdleLock } from './access';
import { SideMenu } from './shell/SideMenu';
import { routeScreen } from './shell/RouteScreen';
import { useCoreEvents } from './shell/useCoreEvents';
import { BackupPassphraseBanner } from './backup/PassphraseBanner';
import { resolveHome } from './worklist/landing';

/** Below the app header and a drawer's header (both under 72 px). */
export const MESSAGE_TOP = 76;

export function Shell() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const connectionState = useCoreEvents();
  const status = useStationStatus();
  const setStatus = useSetStatus();
  const queryClient = useQueryClient();
  const data = status.data;
  const route = resolveHome(useRoute(), data);
  const loggedIn = Boolean(data?.setUp && data.user);

  const logout = async () => {
    try {
      const loggedOut = await leye.call('auth.logout', {});
      // What the last user loaded (lists, the audit log) must not show to the next one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
      setStatus(loggedOut);
      navigate({ name: 'home' });
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };

  let screen: React.ReactNode;
  let fill = false;
  if (connectionState === 'unavailable') {
    screen = <Result status="warning" title={t('app.noBridge')} />;
  } else if (!data) {
    screen = status.isError ? (
      <Result
        status="error"
        title={errorText(t, status.error)}
        extra={<Button onClick={() => void status.refetch()}>{t('app.retry')}</Button>}
      />
    ) : (
      <div style={{ textAlign: 'center', marginTop: 80 }}>
        <Spin tip={t('app.loading')} size="large">
          <div style={{ padding: 40 }} />
        </Spin>
      </div>
    );
  } else if (!data.setUp) {
    screen = <SetupScreen />;
  } else if (!data.user) {
    screen = <LoginScreen demoLogin={data.demoLogin} />;
  } else {
    ({ screen, fill } = routeScreen(route));
  }

  // A printed form is the page itself: A4, no header, nothing around it.
  if (loggedIn && route.name === 'print') return <PrintRoute key={routeHash(route)} form={route.form} args={route.args} />;

  const station = data?.station;
  return (
    // Messages ("已保存") appear below the header line, so they never cover a drawer's title.
    <AntApp component={false} message={{ top: MESSAGE_TOP }}>
      <div className="leye-layout">
        <header className="leye-header">
          <span className="leye-brand">{t('app.title')}</span>
          {station && (
            <span className="leye-station" data-testid="station-name" title={station.placePath.join(' / ')}>
              {station.placePath.slice(-2).join(' · ')}
              {station.demo && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('app.demoStation')}
                </Tag>
              )}
            </span>
          )}
          <span className="leye-spacer" />
          {loggedIn && <SyncIndicator />}
          <Segmented<Language>
            size="small"
            data-testid="language-switch"
            value={currentLanguage()}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(value) => setLanguage(value)}
          />
          {loggedIn && data?.user && (
            <>
              <Button type="text" size="small" data-testid="nav-about" onClick={() => navigate({ name: 'about' })}>
                {t('diagnostics.nav')}
              </Button>
              <Typography.Text type="secondary" data-testid="current-user" className="leye-user">
                {data.user.displayName}
              </Typography.Text>
              <ChangePasswordButton />
              <Button icon={<LogoutOutlined />} data-testid="logout" onClick={() => void logout()}>
                {t('app.logout')}
              </Button>
            </>
          )}
        </header>
        {connectionState === 'disconnected' && (
          <Alert className="leye-banner" type="warning" banner title={t('app.disconnected')} data-testid="disconnected-banner" />
        )}
        {loggedIn && <BackupPassphraseBanner />}
        <div className="leye-body">
          {loggedIn && data && <SideMenu route={route} role={data.user?.role} county={station?.level === 'county'} township={station?.level === 'township'} />}
          <main className={fill ? 'leye-main leye-fill' : 'leye-main'}>{screen}</main>
        </div>
        {loggedIn && data && <IdleLock key={data.user?.loginName} status={data} onLogout={() => void logout()} />}
      </div>
    </AntApp>
  );
}
