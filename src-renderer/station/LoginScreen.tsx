// Login with a clerk account; a demo station shows its made-up credentials.

import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { useSetStatus } from './queries';

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
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
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
