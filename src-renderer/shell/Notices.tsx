// The shell's notices for states a clerk rarely sees (no bridge, the core's status refused, the
// connection lost) and its spinner: a chunk of their own, so the login screen's first chunk holds
// no Result (its large pictures), Alert or Spin (issue 18). Each is in antd's ConfigProvider of its
// own: the frame may show one (the spinner, the banner) around the login screen, which has none.

import { Alert, Button, Result, Spin } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AntdConfig } from '../theme/AntdConfig';

/** A notice in the app's theme and locale wherever it is drawn. */
function configured<P extends object>(Notice: ComponentType<P>): ComponentType<P> {
  return function Configured(props: P) {
    return (
      <AntdConfig>
        <Notice {...props} />
      </AntdConfig>
    );
  };
}

export const Spinner = configured(function Spinner() {
  return <Spin size="large" />;
});

/** While the station status is asked for. */
export const StatusLoading = configured(function StatusLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', marginTop: 80 }}>
      <Spin tip={t('app.loading')} size="large">
        <div style={{ padding: 40 }} />
      </Spin>
    </div>
  );
});

/** Opened outside the app and the preview: no bridge to the core. */
export const NoBridge = configured(function NoBridge() {
  const { t } = useTranslation();
  return <Result status="warning" title={t('app.noBridge')} />;
});

/** The status call failed: its error, and 重试. */
export const StatusFailed = configured(function StatusFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return <Result status="error" title={message} extra={<Button onClick={onRetry}>{t('app.retry')}</Button>} />;
});

export const DisconnectedBanner = configured(function DisconnectedBanner() {
  const { t } = useTranslation();
  return <Alert className="leye-banner" type="warning" banner title={t('app.disconnected')} data-testid="disconnected-banner" />;
});
