// The screen the station status and route choose, in the frame (shell/Frame.tsx). Before the login
// (the first chunk, issue 18) that is the login screen, the setup screen (its own chunk) or a
// notice; a logged-in user's frame is shell/Session.tsx, loaded after the login (and fetched while
// the clerk types, shell/afterLogin.ts). antd's ConfigProvider and App (shell/AntdRoot.tsx) wrap
// every screen but the login screen, which is drawn with none of antd's code.

import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';
import { useRoute } from './route';
import { useForgetEndedSession, useStationStatus } from './station/queries';
import { LoginScreen } from './station/LoginScreen';
import { Frame, ScreenLoading } from './shell/Frame';
import { AntdRoot, SessionFrame } from './shell/afterLogin';
import { useCoreEvents } from './shell/useCoreEvents';

// Set up once in a station's life, with the province's place tree (the largest module of all).
const SetupScreen = lazy(() => import('./station/SetupScreen').then((m) => ({ default: m.SetupScreen })));
const notices = () => import('./shell/Notices');
const StatusLoading = lazy(() => notices().then((m) => ({ default: m.StatusLoading })));
const NoBridge = lazy(() => notices().then((m) => ({ default: m.NoBridge })));
const StatusFailed = lazy(() => notices().then((m) => ({ default: m.StatusFailed })));

export function Shell() {
  const { t } = useTranslation();
  const connectionState = useCoreEvents();
  const status = useStationStatus();
  const data = status.data;
  const route = useRoute();
  const user = data?.setUp ? data.user : null;
  useForgetEndedSession(user?.loginName ?? null);
  // Once a screen other than the login was shown, antd stays at the root: a dialog opened in a
  // session (a restore's "已恢复") stays open on the login screen that follows the logout.
  const loginOnly = connectionState !== 'unavailable' && Boolean(data?.setUp) && !user;
  const [antd, setAntd] = useState(false);
  if (!loginOnly && !antd) setAntd(true);

  let screen: React.ReactNode = null;
  if (connectionState === 'unavailable') {
    screen = <NoBridge />;
  } else if (!data) {
    screen = status.isError ? <StatusFailed message={errorText(t, status.error)} onRetry={() => void status.refetch()} /> : <StatusLoading />;
  } else if (!data.setUp) {
    screen = <SetupScreen />;
  } else if (!data.user) {
    screen = <LoginScreen demoLogin={data.demoLogin} />;
  }

  // A logged-in user's frame (a printed form is the page itself: no frame around it).
  const tree =
    user && data && (!screen || route.name === 'print') ? (
      <Suspense
        fallback={
          route.name === 'print' ? (
            <ScreenLoading />
          ) : (
            <Frame station={data.station} connection={connectionState}>
              <ScreenLoading />
            </Frame>
          )
        }
      >
        <SessionFrame status={data} user={user} route={route} connection={connectionState} />
      </Suspense>
    ) : (
      <Frame station={data?.station} connection={connectionState}>
        <div className="leye-body">
          <main className="leye-main">
            <Suspense fallback={<ScreenLoading />}>{screen}</Suspense>
          </main>
        </div>
      </Frame>
    );
  // The same element at the root either way, so the App (and a dialog it shows) outlives the switch.
  return antd ? (
    <Suspense
      fallback={
        <Frame station={data?.station} connection={connectionState}>
          <ScreenLoading />
        </Frame>
      }
    >
      <AntdRoot>{tree}</AntdRoot>
    </Suspense>
  ) : (
    tree
  );
}
