// First run: the station's place — a county, a township or a village, which sets the station's
// level (lazily loaded cascader over 'places.children') — and the station's administrator (the
// first account, with the password rules of every account: `newPassword`); or a demo
// station with made-up residents; or 从备份恢复, a reinstalled PC's station from its backup file.

import { App as AntApp, Button, Card, Cascader, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceOption, StationLevel } from '../../shared/rpc/handlers';
import { levelOfPath } from '../county/countyView';
import { LeyeError } from '../../shared/rpc/errors';
import { newPassword } from '../../shared/access/contract';
import { leye } from '../bridge';
import { errorText, translateIssue } from '../errors';
import { useSetStatus } from './queries';
import { FirstRunRestore } from '../backup/FirstRunRestore';

interface CascaderOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: CascaderOption[];
}

const toOption = (place: PlaceOption): CascaderOption => ({ value: place.code, label: place.name, isLeaf: place.leaf });

const LEVELS: readonly StationLevel[] = ['village', 'township', 'county'];

interface SetupValues {
  place: string[];
  loginName: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** Core argument paths → this form's field names. */
const FIELD_OF: Record<string, keyof SetupValues> = {
  placeCode: 'place',
  'clerk.loginName': 'loginName',
  'clerk.displayName': 'displayName',
  'clerk.password': 'password',
};

export function SetupScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setStatus = useSetStatus();
  const [form] = Form.useForm<SetupValues>();
  const [options, setOptions] = useState<CascaderOption[]>([]);
  const [busy, setBusy] = useState<'setup' | 'demo' | null>(null);
  const level = levelOfPath(Form.useWatch('place', form));
  const [fromBackup, setFromBackup] = useState(false);

  useEffect(() => {
    let live = true;
    leye.call('places.children', { code: '37' }).then(
      (cities) => live && setOptions(cities.map(toOption)),
      (error: unknown) => live && void message.error(errorText(t, error)),
    );
    return () => {
      live = false;
    };
  }, [message, t]);

  const loadData = async (selected: CascaderOption[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    try {
      const children = await leye.call('places.children', { code: target.value });
      target.children = children.map(toOption);
      setOptions((current) => [...current]);
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };

  const showCoreError = (error: unknown) => {
    if (error instanceof LeyeError && error.rpc.code === 'VALIDATION') {
      const issues = error.rpc.issues ?? (error.rpc.field ? [{ field: error.rpc.field, messageKey: error.rpc.messageKey, params: error.rpc.params }] : []);
      const onFields = issues.filter((issue) => FIELD_OF[issue.field]);
      form.setFields(onFields.map((issue) => ({ name: FIELD_OF[issue.field]!, errors: [translateIssue(t, issue)] })));
      if (onFields.length > 0) return;
    }
    void message.error(errorText(t, error));
  };

  const submit = async (values: SetupValues) => {
    setBusy('setup');
    try {
      const status = await leye.call('station.setup', {
        placeCode: values.place[values.place.length - 1] ?? '',
        clerk: { loginName: values.loginName, displayName: values.displayName, password: values.password },
      });
      setStatus(status);
    } catch (error) {
      showCoreError(error);
    } finally {
      setBusy(null);
    }
  };

  const demo = async () => {
    setBusy('demo');
    try {
      setStatus(await leye.call('station.setupDemo', {}));
    } catch (error) {
      showCoreError(error);
    } finally {
      setBusy(null);
    }
  };

  const required = (label: string) => ({ required: true, message: t('errors.required', { field: label }) });

  if (fromBackup) return <FirstRunRestore onBack={() => setFromBackup(false)} />;
  return (
    <div className="leye-centered">
      <Card title={t('setup.title')}>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark>
          <Form.Item
            name="place"
            label={t('county.setup.place')}
            rules={[
              {
                validator: (_rule, value: string[] | undefined) =>
                  levelOfPath(value) ? Promise.resolve() : Promise.reject(new Error(t('county.setup.placeRequired'))),
              },
            ]}
            required
            extra={
              <div data-testid="setup-levels">
                {level && (
                  <div data-testid="setup-level" data-level={level} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
                    {t('county.setup.chosen', { level: t(`county.level.${level}`) })}
                  </div>
                )}
                {LEVELS.map((l) => (
                  <div key={l} style={l === level ? { fontWeight: 500 } : undefined}>
                    {t(`county.setup.levels.${l}`)}
                  </div>
                ))}
              </div>
            }
          >
            <Cascader<CascaderOption>
              data-testid="place-cascader"
              options={options}
              loadData={(selected) => void loadData(selected)}
              placeholder={t('county.setup.placePlaceholder')}
              changeOnSelect
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('setup.admin')}
          </Divider>
          <Form.Item name="loginName" label={t('setup.loginName')} rules={[required(t('setup.loginName'))]}>
            <Input data-testid="setup-loginName" autoComplete="username" maxLength={32} />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')} rules={[required(t('setup.displayName'))]}>
            <Input data-testid="setup-displayName" maxLength={30} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('setup.password')}
            extra={t('access.users.passwordHint')}
            rules={[
              required(t('setup.password')),
              {
                // The core's own rule (shared/access/contract.ts), translated as the core would say it.
                validator: (_rule, value: string | undefined) => {
                  const issue = value ? newPassword.safeParse(value).error?.issues[0] : undefined;
                  return issue ? Promise.reject(new Error(translateIssue(t, { field: 'clerk.password', messageKey: issue.message }))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password data-testid="setup-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setup.confirmPassword')}
            dependencies={['password']}
            rules={[
              required(t('setup.confirmPassword')),
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) =>
                  !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password data-testid="setup-confirm" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy === 'setup'} disabled={busy !== null} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
        <Divider plain>{t('setup.or')}</Divider>
        <Button block onClick={() => void demo()} loading={busy === 'demo'} disabled={busy !== null} data-testid="setup-demo">
          {t('setup.demo')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('setup.demoHint')}
        </Typography.Paragraph>
        <Divider plain>{t('setup.or')}</Divider>
        <Button block onClick={() => setFromBackup(true)} disabled={busy !== null} data-testid="setup-restore">
          {t('backup.firstRun.open')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('backup.firstRun.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
