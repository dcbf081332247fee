// "连接县级服务器": the county's setup code, or the server address, account and password.

import { App as AntApp, Alert, Button, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { connectErrors, type ConnectField, type ConnectMode } from './connectErrors';
import { useSetSyncStatus } from './queries';

export function ConnectForm() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setStatus = useSetSyncStatus();
  const [mode, setMode] = useState<ConnectMode>('code');
  const [values, setValues] = useState({ setupCode: '', url: '', username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<ConnectField, string>>>({});
  const [busy, setBusy] = useState(false);

  const change = (field: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined, root: undefined }));
  };

  const submit = async () => {
    const args: ArgsOf<'sync.connect'> =
      mode === 'code' ? { setupCode: values.setupCode } : { url: values.url, username: values.username, password: values.password };
    setBusy(true);
    setErrors({});
    try {
      const status = await leye.call('sync.connect', args);
      setStatus(status);
      // The password is the core's now; the form forgets it.
      setValues({ setupCode: '', url: '', username: '', password: '' });
      // A setup code is kept while the county is out of reach: say so, not "connected".
      if (status.failure) void message.warning(t('sync.connect.savedUnreachable'));
      else void message.success(t('sync.connect.connected'));
    } catch (error) {
      setErrors(connectErrors(t, mode, error));
    } finally {
      setBusy(false);
    }
  };

  const status = (field: ConnectField) => (errors[field] ? 'error' : undefined);
  return (
    <Form layout="vertical" onFinish={() => void submit()} disabled={busy}>
      <Form.Item>
        <Segmented<ConnectMode>
          block
          value={mode}
          options={[
            { label: t('sync.connect.byCode'), value: 'code' },
            { label: t('sync.connect.byAccount'), value: 'account' },
          ]}
          onChange={(value) => {
            setMode(value);
            setErrors({});
          }}
        />
      </Form.Item>
      {mode === 'code' ? (
        <Form.Item label={t('sync.connect.setupCode')} validateStatus={status('setupCode')} help={errors.setupCode ?? t('sync.connect.setupCodeHint')}>
          <Input.TextArea
            data-testid="sync-connect-code"
            autoSize={{ minRows: 3, maxRows: 6 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            value={values.setupCode}
            onChange={change('setupCode')}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item label={t('sync.connect.url')} validateStatus={status('url')} help={errors.url}>
            <Input data-testid="sync-connect-url" placeholder={t('sync.connect.urlPlaceholder')} value={values.url} onChange={change('url')} />
          </Form.Item>
          <Form.Item label={t('sync.connect.username')} validateStatus={status('username')} help={errors.username}>
            <Input data-testid="sync-connect-username" autoComplete="off" value={values.username} onChange={change('username')} />
          </Form.Item>
          <Form.Item label={t('sync.connect.password')} validateStatus={status('password')} help={errors.password ?? t('sync.connect.passwordHint')}>
            <Input.Password data-testid="sync-connect-password" autoComplete="new-password" value={values.password} onChange={change('password')} />
          </Form.Item>
        </>
      )}
      {errors.root && <Alert type="error" showIcon title={errors.root} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="sync-connect-submit">
        {t('sync.connect.submit')}
      </Button>
    </Form>
  );
}
