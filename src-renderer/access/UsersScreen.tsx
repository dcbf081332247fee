// 账号管理 (admins only; the core refuses everyone else): the station's accounts, their roles
// and lockouts, new accounts, password resets, and the idle-lock setting.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { IDLE_LOCK_MINUTES, loginNameField, newPassword, type UserView } from '../../shared/access/contract';
import { ROLES, type Role } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { accessKeys, useAccessSettings, useUsers } from './queries';
import { STATUS_KEY } from '../station/queries';
import { clearAccountDrafts } from '../drafts/drafts';
import { errorText, issueText, issuesOf } from '../errors';
import { EnumSelect } from '../form/enumFields';
import { FieldItem } from '../form/fields';
import { formatTime } from '../form/format';
import { useCoreIssues } from '../form/useCoreIssues';
import { schemaResolver } from '../form/schemaIssues';

const LABELS = {
  loginName: 'access.users.loginName',
  displayName: 'access.users.displayName',
  role: 'access.users.role',
  password: 'access.users.password',
  disabled: 'access.users.status',
};

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserView } | { mode: 'reset'; user: UserView };

export function UsersScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const users = useUsers();
  const [editing, setEditing] = useState<Editing | null>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void client.invalidateQueries({ queryKey: accessKeys.users });
      // The status names the station's people (display names): it follows the accounts.
      void client.invalidateQueries({ queryKey: STATUS_KEY });
      void message.success(done);
    } catch (reason) {
      void message.error(errorText(t, reason));
    }
  };

  return (
    <div style={{ padding: 16 }} data-testid="users-screen">
      <Card
        title={t('access.users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-create">
            {t('access.users.create')}
          </Button>
        }
      >
        {users.isError && <Alert type="error" showIcon title={errorText(t, users.error)} />}
        <Table<UserView>
          rowKey="loginName"
          size="small"
          loading={users.isPending}
          pagination={false}
          dataSource={users.data ?? []}
          onRow={(u) => ({ 'data-testid': 'user-row', 'data-login': u.loginName }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'displayName', title: t('access.users.displayName'), dataIndex: 'displayName' },
            { key: 'loginName', title: t('access.users.loginName'), dataIndex: 'loginName', render: (v: string) => <span className="leye-mono">{v}</span> },
            { key: 'role', title: t('access.users.role'), render: (_, u) => t(`access.roles.${u.role}`) },
            {
              key: 'status',
              title: t('access.users.status'),
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.disabled ? <Tag>{t('access.users.disabled')}</Tag> : <Tag color="green">{t('access.users.enabled')}</Tag>}
                  {u.lockedUntil && (
                    <Tag color="red" data-testid="user-locked">
                      {t('access.users.locked', { at: formatTime(u.lockedUntil) })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'createdAt', title: t('access.users.createdAt'), render: (_, u) => formatTime(u.createdAt) },
            {
              key: 'actions',
              title: t('access.users.actions'),
              render: (_, u) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing({ mode: 'edit', user: u })} data-testid="user-edit">
                    {t('access.users.edit')}
                  </Button>
                  <Button size="small" onClick={() => setEditing({ mode: 'reset', user: u })} data-testid="user-reset">
                    {t('access.users.resetPassword')}
                  </Button>
                  {u.lockedUntil && (
                    <Button
                      size="small"
                      danger
                      data-testid="user-unlock"
                      onClick={() => void run(() => leye.call('users.unlock', { loginName: u.loginName }), t('access.users.unlocked', { loginName: u.displayName }))}
                    >
                      {t('access.users.unlock')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    data-testid="user-toggle"
                    onClick={() =>
                      void run(async () => {
                        await leye.call('users.update', { loginName: u.loginName, disabled: !u.disabled });
                        // A disabled account's half-filled forms (ID numbers, phones) go from this PC.
                        if (!u.disabled) await clearAccountDrafts(u.loginName);
                      }, t('access.users.saved'))
                    }
                  >
                    {u.disabled ? t('access.users.enable') : t('access.users.disable')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <IdleSettingCard />
      {editing && <UserEditor key={editing.mode === 'create' ? 'new' : `${editing.mode}:${editing.user.loginName}`} editing={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function IdleSettingCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const settings = useAccessSettings();
  const [minutes, setMinutes] = useState<number | null>(null);
  const value = minutes ?? settings.data?.idleLockMinutes ?? IDLE_LOCK_MINUTES.default;
  const save = async () => {
    try {
      await leye.call('users.saveSettings', { idleLockMinutes: value });
      void client.invalidateQueries({ queryKey: accessKeys.settings });
      // The status carries the limit the lock screen's timer uses.
      void client.invalidateQueries({ queryKey: STATUS_KEY });
      void message.success(t('access.users.saved'));
    } catch (reason) {
      void message.error(errorText(t, reason));
    }
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('access.users.idleLock')}>
      <Space>
        <Typography.Text>{t('access.users.idleLockLabel')}</Typography.Text>
        <span data-testid="idle-minutes">
          <InputNumber<number> min={IDLE_LOCK_MINUTES.min} max={IDLE_LOCK_MINUTES.max} precision={0} value={value} onChange={(v) => setMinutes(v ?? null)} />
        </span>
        <Button onClick={() => void save()} data-testid="idle-save">
          {t('access.users.save')}
        </Button>
      </Space>
    </Card>
  );
}

interface UserFormValues {
  loginName: string;
  displayName: string;
  role: Role | '';
  password: string;
}

const createSchema = z.strictObject({ loginName: loginNameField, displayName: z.string().trim().min(1, { error: 'errors.required' }).max(30, { error: 'errors.tooLong' }), role: z.enum(ROLES, { error: 'errors.required' }), password: newPassword });
const editSchema = createSchema.pick({ loginName: true, displayName: true, role: true });
const resetSchema = createSchema.pick({ loginName: true, password: true });
const FIELDS = ['loginName', 'displayName', 'role', 'password'] as const;
const fieldOf = (path: string) => ((FIELDS as readonly string[]).includes(path) ? path : null);

function UserEditor({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const mode = editing.mode;
  const user = editing.mode === 'create' ? null : editing.user;
  const toArgs = useMemo(
    () =>
      (v: UserFormValues): Record<string, unknown> =>
        mode === 'create'
          ? { loginName: v.loginName, displayName: v.displayName, role: v.role, password: v.password }
          : mode === 'edit'
            ? { loginName: v.loginName, displayName: v.displayName, role: v.role }
            : { loginName: v.loginName, password: v.password },
    [mode],
  );
  const resolver = useMemo(
    () =>
      schemaResolver<UserFormValues, Record<string, unknown>>(
        mode === 'create' ? createSchema : mode === 'edit' ? editSchema : resetSchema,
        toArgs,
        fieldOf,
        () => tRef.current,
        LABELS,
      ),
    [mode, toArgs],
  );
  const { control, handleSubmit, setError } = useForm<UserFormValues>({
    defaultValues: { loginName: user?.loginName ?? '', displayName: user?.displayName ?? '', role: user?.role ?? '', password: '' },
    resolver,
    mode: 'onTouched',
  });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => issueText(t, issue, LABELS) });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const args = toArgs(values);
      if (mode === 'create') await leye.call('users.create', args as never);
      else if (mode === 'edit') await leye.call('users.update', args as never);
      else await leye.call('users.resetPassword', args as never);
      void client.invalidateQueries({ queryKey: accessKeys.users });
      void client.invalidateQueries({ queryKey: STATUS_KEY });
      // The person by name: the account of 王小云, not of wangxy.
      const who = values.displayName || user?.displayName || values.loginName;
      void message.success(
        mode === 'create' ? t('access.users.created', { loginName: who }) : mode === 'reset' ? t('access.users.passwordReset', { loginName: who }) : t('access.users.saved'),
      );
      onClose();
    } catch (reason) {
      const { elsewhere } = place(issuesOf(toLeyeError(reason).rpc));
      setFormError(elsewhere.length > 0 ? elsewhere.join('；') : errorText(t, reason));
    }
  });
  const title = mode === 'create' ? t('access.users.create') : mode === 'edit' ? t('access.users.edit') : t('access.users.resetPassword');
  return (
    <Modal
      open
      title={user ? `${title} · ${user.displayName}` : title}
      onCancel={onClose}
      okText={t('access.users.save')}
      cancelText={t('access.users.cancel')}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'user-save' }}
    >
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="user-form-error" />}
      <FieldItem control={control} name="loginName" label={t('access.users.loginName')} required testId="user-loginName">
        <Controller control={control} name="loginName" render={({ field }) => <Input {...field} disabled={mode !== 'create'} maxLength={32} autoComplete="off" data-testid="user-field-loginName" />} />
      </FieldItem>
      {mode !== 'reset' && (
        <>
          <FieldItem control={control} name="displayName" label={t('access.users.displayName')} required testId="user-displayName">
            <Controller control={control} name="displayName" render={({ field }) => <Input {...field} maxLength={30} data-testid="user-field-displayName" />} />
          </FieldItem>
          <FieldItem control={control} name="role" label={t('access.users.role')} required testId="user-role">
            <EnumSelect control={control} name="role" values={ROLES} labelKey="access.roles" testId="user-field-role" />
          </FieldItem>
        </>
      )}
      {mode !== 'edit' && (
        <FieldItem control={control} name="password" label={mode === 'create' ? t('access.users.password') : t('access.users.newPassword')} required testId="user-password" extra={t('access.users.passwordHint')}>
          <Controller control={control} name="password" render={({ field }) => <Input.Password {...field} autoComplete="new-password" data-testid="user-field-password" />} />
        </FieldItem>
      )}
    </Modal>
  );
}
