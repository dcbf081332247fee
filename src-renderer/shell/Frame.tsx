// The frame every screen sits in, drawn the same before and after the login: the header (title,
// station, the slots a logged-in user adds, the language switch) and the connection banner. In
// the first chunk with the login screen (issue 18): the switch and the demo tag drawn as antd
// draws them without its components' code (../components/plainKit.tsx), no App, Alert, Result
// or Spin (the rare states' notices load with ./Notices.tsx when shown).

import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import type { useConnectionState } from '../connection';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import { PlainSegmented, PlainTag } from '../components/plainKit';

const DisconnectedBanner = lazy(() => import('./Notices').then((m) => ({ default: m.DisconnectedBanner })));
const Spinner = lazy(() => import('./Notices').then((m) => ({ default: m.Spinner })));

/** While a screen's chunk loads (a moment, once per screen): a spinner where the screen will be. */
export function ScreenLoading() {
  return (
    <div style={{ textAlign: 'center', marginTop: 80 }} data-testid="screen-loading">
      <Suspense fallback={null}>
        <Spinner />
      </Suspense>
    </div>
  );
}

export function Frame({
  station,
  connection,
  sync,
  account,
  children,
}: {
  station: StationStatus['station'] | undefined;
  connection: ReturnType<typeof useConnectionState>;
  /** Left of the language switch (the sync state). */
  sync?: ReactNode;
  /** Right of it (about, the user, logout). */
  account?: ReactNode;
  /** Below the header and the banner. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="leye-layout">
      <header className="leye-header">
        <span className="leye-brand">{t('app.title')}</span>
        {station && (
          <span className="leye-station" data-testid="station-name" title={station.placePath.join(' / ')}>
            {station.placePath.slice(-2).join(' · ')}
            {station.demo && (
              <PlainTag color="orange" style={{ marginInlineStart: 8 }}>
                {t('app.demoStation')}
              </PlainTag>
            )}
          </span>
        )}
        <span className="leye-spacer" />
        {sync}
        <PlainSegmented<Language>
          label={t('app.language')}
          testId="language-switch"
          value={currentLanguage()}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
          onChange={(value) => setLanguage(value)}
        />
        {account}
      </header>
      {connection === 'disconnected' && (
        <Suspense fallback={null}>
          <DisconnectedBanner />
        </Suspense>
      )}
      {children}
    </div>
  );
}
