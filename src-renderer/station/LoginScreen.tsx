// Login with a clerk account; a demo station shows its made-up credentials. While the clerk
// types, the code of what the login opens is fetched (issue 18).
//
// In the first chunk, so drawn without any of antd's code (issue 18: its modules, theme and
// components were most of what a slow PC did before the screen could be used): the two fields are
// kept here, each checked when it changes and both at 登录, as Form.Item's `required` rule did,
// and drawn with antd's Form, Card, Input and Button classes (antd.css) under the theme's class,
// whose variables the build's stylesheet holds (../theme/themeStyles.ts).

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { prefetchAfterLogin } from '../shell/afterLogin';
import { PlainAlert } from '../components/plainKit';
import { PlainInput, PlainPassword, PlainSubmitButton } from '../components/plainInputs';
import { THEME_CLASS } from '../theme/theme';
import { useSetStatus } from './queries';

/** When the clerk has not started typing: a moment after the form is shown (not while it is being drawn). */
const PREFETCH_DELAY_MS = 1500;

type Field = 'loginName' | 'password';
type LoginValues = Record<Field, string>;

/** A form item's bottom margin (antd's marginLG): an error line takes its place, so nothing below moves. */
const ITEM_MARGIN = 24;

/** A vertical form item as antd's Form.Item draws it: the label (required), the control, the error below. */
function FormItem({ id, label, error, children }: { id: Field; label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className={`ant-form-item ant-form-item-vertical${error ? ' ant-form-item-with-help ant-form-item-has-error' : ''}`}>
      <div className="ant-row ant-form-item-row">
        <div className="ant-col ant-form-item-label">
          <label htmlFor={id} className="ant-form-item-required" title={label}>
            {label}
          </label>
        </div>
        <div className="ant-col ant-form-item-control">
          <div className="ant-form-item-control-input">
            <div className="ant-form-item-control-input-content">{children}</div>
          </div>
          {error && (
            <div className="ant-form-item-additional" style={{ minHeight: ITEM_MARGIN }}>
              <div id={`${id}_help`} className="ant-form-item-explain ant-form-item-explain-connected" role="alert">
                <div className="ant-form-item-explain-error">{error}</div>
              </div>
            </div>
          )}
        </div>
      </div>
      {error && <div className="ant-form-item-margin-offset" style={{ marginBottom: -ITEM_MARGIN }} />}
    </div>
  );
}

export function LoginScreen({ demoLogin }: { demoLogin: StationStatus['demoLogin'] }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus();
  const [values, setValues] = useState<LoginValues>({ loginName: '', password: '' });
  const [invalid, setInvalid] = useState<Record<Field, boolean>>({ loginName: false, password: false });
  /** Why the last login was refused, worded when drawn (so in the language switched to since). */
  const [refused, setRefused] = useState<{ reason: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(prefetchAfterLogin, PREFETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const labels: Record<Field, string> = { loginName: t('login.loginName'), password: t('login.password') };
  /** A required field's message, worded in the current language when drawn. */
  const requiredError = (field: Field) => (invalid[field] ? t('errors.required', { field: labels[field] }) : undefined);

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setInvalid((current) => ({ ...current, [field]: value === '' }));
    prefetchAfterLogin();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { loginName: values.loginName === '', password: values.password === '' };
    setInvalid(missing);
    if (missing.loginName || missing.password || busy) return;
    setBusy(true);
    setRefused(null);
    try {
      setStatus(await leye.call('auth.login', values));
    } catch (reason) {
      setRefused({ reason });
      setValues((current) => ({ ...current, password: '' }));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: Field) => ({
    id,
    value: values[id],
    onChange: (event: { target: { value: string } }) => change(id, event.target.value),
    status: invalid[id] ? ('error' as const) : undefined,
    'aria-required': true,
    'aria-invalid': invalid[id] || undefined,
    'aria-describedby': invalid[id] ? `${id}_help` : undefined,
  });

  return (
    <div className="leye-centered" style={{ maxWidth: 400 }}>
      <div className={`ant-card ant-card-bordered ${THEME_CLASS}`}>
        <div className="ant-card-head">
          <div className="ant-card-head-wrapper">
            <div className="ant-card-head-title">{t('login.title')}</div>
          </div>
        </div>
        <div className="ant-card-body">
          {demoLogin && (
            <PlainAlert type="info" style={{ marginBottom: 16 }} testId="demo-credentials" title={t('login.demoCredentials', demoLogin)} />
          )}
          {refused && <PlainAlert type="error" style={{ marginBottom: 16 }} title={errorText(t, refused.reason)} testId="login-error" />}
          <form className={`ant-form ant-form-vertical ant-form-css-var ${THEME_CLASS}`} noValidate onSubmit={(event) => void submit(event)}>
            <FormItem id="loginName" label={labels.loginName} error={requiredError('loginName')}>
              <PlainInput {...field('loginName')} prefix={<UserOutlined />} autoComplete="username" data-testid="login-name" autoFocus />
            </FormItem>
            <FormItem id="password" label={labels.password} error={requiredError('password')}>
              <PlainPassword
                {...field('password')}
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                showLabel={t('login.showPassword')}
                hideLabel={t('login.hidePassword')}
              />
            </FormItem>
            <PlainSubmitButton loading={busy} testId="login-submit">
              {t('login.submit')}
            </PlainSubmitButton>
          </form>
        </div>
      </div>
    </div>
  );
}
