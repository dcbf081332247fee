// The frame every screen sits in: header (station, navigation, language, logout), the
// connection banner, and the screen the station status and route choose.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../shared/rpc/handlers';
import { leye } from './bridge';
import { useConnectionState } from './connection';
import { errorText } from './errors';
import { currentLanguage, setLanguage, type Language } from './i18n';
import { navigate, routeHash, useRoute, type Route } from './route';

const routeKey = (route: Route) => routeHash(route);
import { STATUS_KEY, useSetStatus, useStationStatus } from './status';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ResidentsScreen } from './screens/ResidentsScreen';
import { ResidentFormScreen } from './screens/ResidentFormScreen';
import { AttendanceScreen, PostDetailScreen, PostsScreen } from './posts';
import { SessionScreen, SignInScreen, TrainingListScreen } from './training';
import { PolicyScreen } from './policy';
import { SyncIndicator } from './sync';
import { ConflictsScreen, CountyBatchScreen, CountyScreen } from './county';
import { ResidentDetail } from './screens/ResidentDetail';
import { PrintRoute } from './print';
import { SheetsScreen } from './sheets';
import { StatsScreen } from './stats';
import { BackupScreen } from './backup';
import { AboutScreen } from './about';
import { AuditScreen, ChangePasswordButton, IdleLock, UsersScreen } from './access';

/** Keeps the cache in step with the core's pushes and with reconnects. */
function useCoreEvents() {
  const client = useQueryClient();
  const state = useConnectionState();
  const wasDown = useRef(false);

  useEffect(() => {
    const offStation = leye.subscribe('station.changed', (status) => client.setQueryData(STATUS_KEY, status));
    const offResidents = leye.subscribe('residents.changed', () => {
      void client.invalidateQueries({ queryKey: ['residents'] });
      void client.invalidateQueries({ queryKey: ['resident'] });
    });
    return () => {
      offStation();
      offResidents();
    };
  }, [client]);

  useEffect(() => {
    if (state === 'disconnected') wasDown.current = true;
    // Anything may have changed while the core was away (or it restarted and forgot the login).
    if (state === 'open' && wasDown.current) {
      wasDown.current = false;
      void client.invalidateQueries();
    }
  }, [state, client]);

  return state;
}

export function Shell() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const connectionState = useCoreEvents();
  const status = useStationStatus();
  const setStatus = useSetStatus();
  const queryClient = useQueryClient();
  const route = useRoute();
  const data = status.data;
  const loggedIn = Boolean(data?.setUp && data.user);

  const logout = async () => {
    try {
      const loggedOut = await leye.call('auth.logout', {});
      // What the last user loaded (lists, the audit log) must not show to the next one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
      setStatus(loggedOut);
      navigate({ name: 'residents' });
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
  } else if (route.name === 'register') {
    screen = <ResidentFormScreen key="register" mode="register" />;
  } else if (route.name === 'edit') {
    screen = <ResidentFormScreen key={`edit:${route.id}`} mode="edit" id={route.id} />;
  } else if (route.name === 'posts') {
    screen = <PostsScreen />;
  } else if (route.name === 'post') {
    screen = <PostDetailScreen key={route.id} postId={route.id} />;
  } else if (route.name === 'attendance') {
    screen = <AttendanceScreen key={`${route.postId}:${route.month}`} postId={route.postId} month={route.month} />;
  } else if (route.name === 'training') {
    screen = <TrainingListScreen />;
  } else if (route.name === 'session') {
    screen = <SessionScreen key={route.id} sessionId={route.id} />;
  } else if (route.name === 'signIn') {
    screen = <SignInScreen key={route.sessionId} sessionId={route.sessionId} />;
  } else if (route.name === 'policy') {
    screen = <PolicyScreen />;
  } else if (route.name === 'county') {
    screen = <CountyScreen />;
  } else if (route.name === 'countyBatch') {
    screen = <CountyBatchScreen key={route.id} batchId={route.id} />;
  } else if (route.name === 'conflicts') {
    screen = <ConflictsScreen />;
  } else if (route.name === 'sheets') {
    screen = <SheetsScreen />;
  } else if (route.name === 'stats') {
    screen = <StatsScreen />;
  } else if (route.name === 'backup') {
    screen = <BackupScreen />;
  } else if (route.name === 'about') {
    screen = <AboutScreen />;
  } else if (route.name === 'users') {
    screen = <UsersScreen />;
  } else if (route.name === 'audit') {
    screen = <AuditScreen />;
  } else {
    fill = true;
    screen = (
      <>
        <ResidentsScreen />
        {route.name === 'resident' && <ResidentDetail id={route.id} onClose={() => navigate({ name: 'residents' })} />}
      </>
    );
  }

  // A printed form is the page itself: A4, no header, nothing around it.
  if (loggedIn && route.name === 'print') return <PrintRoute key={routeKey(route)} form={route.form} args={route.args} />;

  const station = data?.station;
  return (
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
        {loggedIn && (
          <Space size={4}>
            <Button
              type={route.name === 'register' ? 'default' : 'text'}
              icon={<TeamOutlined />}
              data-testid="nav-residents"
              onClick={() => navigate({ name: 'residents' })}
            >
              {t('nav.residents')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} data-testid="nav-register" onClick={() => navigate({ name: 'register' })}>
              {t('nav.register')}
            </Button>
            <Button type="text" data-testid="nav-posts" onClick={() => navigate({ name: 'posts' })}>
              {t('nav.posts')}
            </Button>
            <Button type="text" data-testid="nav-training" onClick={() => navigate({ name: 'training' })}>
              {t('nav.training')}
            </Button>
            <Button type="text" data-testid="nav-stats" onClick={() => navigate({ name: 'stats' })}>
              {t('nav.stats')}
            </Button>
            <Button type="text" data-testid="nav-sheets" onClick={() => navigate({ name: 'sheets' })}>
              {t('nav.sheets')}
            </Button>
            <Button type="text" data-testid="nav-policy" onClick={() => navigate({ name: 'policy' })}>
              {t('nav.policy')}
            </Button>
            <Button type="text" data-testid="nav-backup" onClick={() => navigate({ name: 'backup' })}>
              {t('backup.nav')}
            </Button>
            {station?.level === 'county' && (
              <>
                <Button type="text" data-testid="nav-county" onClick={() => navigate({ name: 'county' })}>
                  {t('county.nav.review')}
                </Button>
                <Button type="text" data-testid="nav-conflicts" onClick={() => navigate({ name: 'conflicts' })}>
                  {t('county.nav.conflicts')}
                </Button>
              </>
            )}
            {mayCall('station.administer', data?.user?.role) && (
              <>
                <Button type="text" data-testid="nav-users" onClick={() => navigate({ name: 'users' })}>
                  {t('access.nav.users')}
                </Button>
                <Button type="text" data-testid="nav-audit" onClick={() => navigate({ name: 'audit' })}>
                  {t('access.nav.audit')}
                </Button>
              </>
            )}
          </Space>
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
            <Typography.Text type="secondary" data-testid="current-user">
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
      <main className={fill ? 'leye-main leye-fill' : 'leye-main'}>{screen}</main>
      {loggedIn && data && <IdleLock key={data.user?.loginName} status={data} onLogout={() => void logout()} />}
    </div>
  );
}
