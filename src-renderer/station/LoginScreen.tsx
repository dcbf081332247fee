// Login with a clerk account; a demo station shows its made-up credentials. While the clerk
// types, the code of what the login opens is fetched (issue 18).

import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { useSetStatus } from './queries';

let prefetched = false;

/**
 * What a login opens: the session's frame (side menu, header), a village's landing screen (待办)
 * and the residents list, its most used screen. Fetched (and their modules run) while the clerk
 * types, so the login does not wait for the files; a failed fetch is tried again when the screen
 * is opened. Once per page.
 */
export function prefetchAfterLogin(): void {
  if (prefetched) return;
  prefetched = true;
  for (const load of [() => import('../shell/Session'), () => import('../worklist'), () => import('../residents/ResidentsScreen')]) {
    load().catch(() => undefined);
  }
}

/** When the clerk has not started typing: a moment after the form is shown (not while it is being drawn). */
const PREFETCH_DELAY_MS = 1500;

interface LoginValues {
  loginName: string;
  password: string;
}

export function LoginScreen({ demoLogin }: { demoLogin: StationStatus['demoLogin'] }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(prefetchAfterLogin, PREFETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await leye.call('auth.login', values));
    } catch (reason) {
      setError(errorText(t, reason));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="leye-centered" style={{ maxWidth: 400 }}>
      <Card title={t('login.title')}>
        {demoLogin && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="demo-credentials"
            title={t('login.demoCredentials', demoLogin)}
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="login-error" />}
        <Form form={form} layout="vertical" onValuesChange={prefetchAfterLogin} onFinish={(values) => void submit(values)}>
          <Form.Item
            name="loginName"
            label={t('login.loginName')}
            rules={[{ required: true, message: t('errors.required', { field: t('login.loginName') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-name" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('errors.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
