// The idle lock: after the station's number of minutes without input the screen is covered
// (names and numbers on it must not sit in front of whoever walks by) until the logged-in user's
// password unlocks it. The core locks the session too (`auth.lock`, and its own idle check), so
// a locked screen is not only hidden: the core answers nothing but the unlock.

import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye, onSessionLocked } from '../bridge';
import { errorText } from '../errors';
import { useSetStatus } from '../station/queries';
import { IdleTimer } from './idleTimer';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the timer looks. */
const CHECK_MS = 5_000;

const reportActive = () => void leye.call('auth.active', {}).catch(() => undefined);

/**
 * Watches input; true once the user has been idle for `minutes` (or the core said the session is
 * locked). The returned unlock starts a fresh idle period (./idleTimer.ts).
 */
function useIdleLock(minutes: number, lockedByCore: boolean): [boolean, () => void] {
  const [locked, setLocked] = useState(lockedByCore);
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const timer = useRef<IdleTimer | null>(null);

  const lock = useCallback(() => {
    timer.current?.lock();
    setLocked(true);
  }, []);

  useEffect(() => {
    if (lockedByCore) lock();
  }, [lockedByCore, lock]);

  useEffect(() => onSessionLocked(lock), [lock]);

  useEffect(() => {
    const idle = new IdleTimer({ limitMs: minutes * 60_000, now: Date.now, report: reportActive, locked: lockedRef.current });
    timer.current = idle;
    const onInput = () => idle.input();
    for (const event of INPUT_EVENTS) window.addEventListener(event, onInput, { capture: true, passive: true });
    const interval = window.setInterval(() => {
      if (!idle.check()) return;
      setLocked(true);
      void leye.call('auth.lock', {}).catch(() => undefined);
    }, CHECK_MS);
    return () => {
      for (const event of INPUT_EVENTS) window.removeEventListener(event, onInput, { capture: true });
      window.clearInterval(interval);
      if (timer.current === idle) timer.current = null;
    };
  }, [minutes]);

  const unlocked = useCallback(() => {
    timer.current?.unlock();
    setLocked(false);
  }, []);
  return [locked, unlocked];
}

export function IdleLock({ status, onLogout }: { status: StationStatus; onLogout(): void }) {
  const [locked, unlocked] = useIdleLock(status.idleLockMinutes, status.locked);
  if (!locked || !status.user) return null;
  return <LockScreen name={status.user.displayName} onUnlocked={unlocked} onLogout={onLogout} />;
}

const LOCK_STYLE: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 3000,
  background: '#f0f2f5',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
};

function LockScreen({ name, onUnlocked, onLogout }: { name: string; onUnlocked(): void; onLogout(): void }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    setBusy(true);
    setError(null);
    try {
      await leye.call('auth.unlock', { password });
      setStatus(await leye.call('station.status', {}));
      onUnlocked();
    } catch (reason) {
      setError(errorText(t, reason));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    // Opaque and above everything: nothing of the screen behind shows through.
    <div role="dialog" aria-modal="true" data-testid="lock-screen" style={LOCK_STYLE}>
      <Card title={<><LockOutlined /> {t('access.lock.title')}</>} style={{ width: 380 }}>
        <Typography.Paragraph>{t('access.lock.hint', { name })}</Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="lock-error" />}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (password) void unlock();
          }}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.Password
              autoFocus
              autoComplete="current-password"
              placeholder={t('access.lock.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="lock-password"
            />
            <Button type="primary" htmlType="submit" block loading={busy} disabled={!password} data-testid="lock-unlock">
              {t('access.lock.unlock')}
            </Button>
            <Button block icon={<LogoutOutlined />} onClick={onLogout} data-testid="lock-logout">
              {t('access.lock.logout')}
            </Button>
          </Space>
        </form>
      </Card>
    </div>
  );
}
