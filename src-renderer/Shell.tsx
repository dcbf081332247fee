// The frame every screen sits in: header (title, station, sync, language, about, logout), the
// side menu, the connection banner, and the screen the station status and route choose.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Result, Segmented, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { leye } from './bridge';
import { errorText } from './errors';
import { currentLanguage, setLanguage, type Language } from './i18n';
import { navigate, routeHash, useRoute } from './route';
import { STATUS_KEY, useSetStatus, useStationStatus } from './station/queries';
import { LoginScreen } from './station/LoginScreen';
import { useCoreEvents } from './shell/useCoreEvents';

// The first chunk holds this frame and the login screen; the rest loads when it is first shown.
const session = () => import('./shell/Session');
const SessionSync = lazy(() => session().then((m) => ({ default: m.SessionSync })));
const SessionHeader = lazy(() => session().then((m) => ({ default: m.SessionHeader })));
const SessionBody = lazy(() => session().then((m) => ({ default: m.SessionBody })));
// A printed form, with its forms and print.css.
const PrintRoute = lazy(() => import('./print/PrintRoute').then((m) => ({ default: m.PrintRoute })));
// Set up once in a station's life, with the province's place tree (the largest module of all).
const SetupScreen = lazy(() => import('./station/SetupScreen').then((m) => ({ default: m.SetupScreen })));

/** Below the app header and a drawer's header (both under 72 px). */
export const MESSAGE_TOP = 76;

/** While a screen's chunk loads (a moment, once per screen): a spinner where the screen will be. */
function ScreenLoading() {
  return (
    <div style={{ textAlign: 'center', marginTop: 80 }} data-testid="screen-loading">
      <Spin size="large" />
    </div>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const connectionState = useCoreEvents();
  const status = useStationStatus();
  const setStatus = useSetStatus();
  const queryClient = useQueryClient();
  const data = status.data;
  const route = useRoute();
  const user = data?.setUp ? data.user : null;
  const loggedIn = Boolean(user);

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

  const onLogout = () => void logout();
  let screen: React.ReactNode = null;
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
  }

  // A printed form is the page itself: A4, no header, nothing around it.
  if (loggedIn && route.name === 'print') {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <PrintRoute key={routeHash(route)} form={route.form} args={route.args} />
      </Suspense>
    );
  }

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
          {user && (
            <Suspense fallback={null}>
              <SessionSync />
            </Suspense>
          )}
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
          {user && (
            <Suspense fallback={null}>
              <SessionHeader user={user} onLogout={onLogout} />
            </Suspense>
          )}
        </header>
        {connectionState === 'disconnected' && (
          <Alert className="leye-banner" type="warning" banner title={t('app.disconnected')} data-testid="disconnected-banner" />
        )}
        {user && data && !screen ? (
          <Suspense fallback={<ScreenLoading />}>
            <SessionBody status={data} user={user} route={route} loading={<ScreenLoading />} onLogout={onLogout} />
          </Suspense>
        ) : (
          <div className="leye-body">
            <main className="leye-main">
              <Suspense fallback={<ScreenLoading />}>{screen}</Suspense>
            </main>
          </div>
        )}
      </div>
    </AntApp>
  );
}
