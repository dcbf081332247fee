// An opening's applications: recording one (a registered resident, or register them first and come
// back), each shown with its rank or the eligibility rules it fails in the reader's language, a
// withdrawal as a dated entry, and choosing the candidates for the 公示.
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, OpeningDetail } from '../../shared/recruitment/contract';
import { leye } from '../bridge';
import { issueText } from '../errors';
import { IsoDatePicker } from '../form/fields';
import { todayIso } from '../form/format';
import { printForm, printRoute } from '../print';
import { ResidentPicker } from '../posts/AssignCard';
import { openingRoute } from './OpeningsCard';
import { RECRUIT_LABELS, useFieldErrors, useRecruitmentSaved } from './queries';
import { registerThenReturn, takeRegistered } from './returnTo';

export function ApplicationsCard({ opening, canWrite }: { opening: OpeningDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(() => opening.publicity?.candidates.map((c) => c.residentId) ?? []);
  const [withdrawing, setWithdrawing] = useState<ApplicationView | null>(null);
  const selectable = (a: ApplicationView) => a.rank !== null;
  return (
    <Card size="small" title={t('recruitment.applications')} style={{ marginBottom: 16 }} data-testid="applications-card">
      {canWrite && opening.status !== 'upcoming' && <ApplyForm opening={opening} />}
      <Table<ApplicationView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={opening.applications}
        locale={{ emptyText: t('recruitment.noApplications') }}
        rowClassName={(a) => (a.withdrawn ? 'leye-row-muted' : '')}
        columns={[
          {
            key: 'pick',
            title: t('recruitment.candidate'),
            width: 70,
            render: (_, a) =>
              selectable(a) && canWrite ? (
                <Checkbox
                  checked={chosen.includes(a.residentId)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, a.residentId] : c.filter((id) => id !== a.residentId)))}
                  data-testid="application-pick"
                />
              ) : null,
          },
          { key: 'rank', title: t('recruitment.rank'), width: 60, align: 'right', render: (_, a) => <span data-testid="application-rank">{a.rank ?? '—'}</span> },
          { key: 'name', title: t('recruitment.applicant'), width: 110, render: (_, a) => <span data-testid="application-name" style={{ whiteSpace: 'nowrap' }}>{a.name}</span> },
          { key: 'sex', title: t('recruitment.print.sexCol'), width: 60, render: (_, a) => t(`enums.sex.${a.sex}`) },
          { key: 'age', title: t('recruitment.print.age'), width: 60, align: 'right', dataIndex: 'age' },
          { key: 'village', title: t('recruitment.print.village'), dataIndex: 'villageName' },
          { key: 'date', title: t('recruitment.appliedOn'), width: 110, dataIndex: 'date' },
          { key: 'groups', title: t('recruitment.groups'), render: (_, a) => a.groups.map((g) => <Tag key={g}>{t(`posts.assign.groups.${g}`)}</Tag>) },
          {
            key: 'eligible',
            title: t('recruitment.eligible'),
            render: (_, a) =>
              a.withdrawn ? (
                <Typography.Text type="secondary">{t('recruitment.withdrawnOn', a.withdrawn)}</Typography.Text>
              ) : a.reasons.length === 0 ? (
                <Tag color="green">{t('recruitment.eligibleYes')}</Tag>
              ) : (
                <div data-testid="application-reasons">
                  <Tag color="red">{t('recruitment.eligibleNo')}</Tag>
                  {a.reasons.map((r, i) => (
                    <div key={i}>
                      <Typography.Text type="danger">{issueText(t, r)}</Typography.Text>
                    </div>
                  ))}
                </div>
              ),
          },
          {
            key: 'actions',
            title: '',
            width: 80,
            render: (_, a) =>
              canWrite && !a.withdrawn ? (
                <Button size="small" type="link" onClick={() => setWithdrawing(a)} data-testid="application-withdraw">
                  {t('recruitment.withdraw')}
                </Button>
              ) : null,
          },
        ]}
      />
      {canWrite && opening.applications.some(selectable) && <PublishBar opening={opening} chosen={chosen} />}
      {withdrawing && <WithdrawDialog opening={opening} application={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}

function ApplyForm({ opening }: { opening: OpeningDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(['residentId', 'date']);
  const [residentId, setResidentId] = useState(() => takeRegistered());
  const [date, setDate] = useState(() => (todayIso() > opening.windowTo ? opening.windowTo : todayIso()));
  const [busy, setBusy] = useState(false);
  const status = (field: string) => (errors.errors[field] ? { validateStatus: 'error' as const, help: errors.errors[field] } : {});
  const apply = async () => {
    errors.clear();
    if (!residentId) return errors.set('residentId', t('errors.required'));
    setBusy(true);
    try {
      const detail = await leye.call('recruitment.apply', { openingId: opening.id, residentId, date });
      saved(detail, opening.postId);
      setResidentId('');
      void message.success(t('recruitment.applied'));
    } catch (reason) {
      errors.refused(reason);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="inline" component="div" style={{ marginBottom: 12, rowGap: 8 }} data-testid="apply-form">
      <Form.Item label={t('recruitment.applicant')} required style={{ minWidth: 380 }} {...status('residentId')}>
        <ResidentPicker value={residentId} onChange={setResidentId} onBlur={() => undefined} />
      </Form.Item>
      <Form.Item label={t('recruitment.appliedOn')} required {...status('date')}>
        <IsoDatePicker value={date} onChange={setDate} testId="apply-date" />
      </Form.Item>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void apply()} data-testid="apply-submit">
          {t('recruitment.apply')}
        </Button>
        <Button icon={<UserAddOutlined />} onClick={() => registerThenReturn(openingRoute(opening.postId, opening.id))} data-testid="apply-register">
          {t('recruitment.registerNew')}
        </Button>
      </Space>
      {errors.other && <Alert type="error" showIcon title={errors.other} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}

function PublishBar({ opening, chosen }: { opening: OpeningDetail; chosen: string[] }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(['candidates', 'objectionsTo']);
  const [objectionsTo, setObjectionsTo] = useState(opening.publicity?.objectionsTo ?? opening.contact);
  const publish = () => {
    errors.clear();
    const today = todayIso();
    const to = new Date(Date.parse(`${today}T00:00:00Z`) + (opening.policy.noticeDays - 1) * 86_400_000).toISOString().slice(0, 10);
    modal.confirm({
      title: t('recruitment.publish'),
      content: t('recruitment.publishConfirm', { from: today, to, days: opening.policy.noticeDays }),
      okButtonProps: { 'data-testid': 'publish-confirm' },
      onOk: async () => {
        try {
          const detail = await leye.call('recruitment.publish', { openingId: opening.id, candidates: chosen, objectionsTo });
          saved(detail, opening.postId);
          if (detail.publicity) await printForm(printRoute('recruitPublicity', detail.publicity.id), 'print', `${opening.postName}-拟安置人员公示.pdf`);
        } catch (reason) {
          errors.refused(reason);
        }
      },
    });
  };
  return (
    <Form layout="vertical" component="div" style={{ marginTop: 12 }} data-testid="publish-bar">
      <Form.Item label={t('recruitment.objectionsTo')} required {...(errors.errors.objectionsTo ? { validateStatus: 'error' as const, help: errors.errors.objectionsTo } : {})}>
        <Input maxLength={200} value={objectionsTo} onChange={(e) => setObjectionsTo(e.target.value)} data-testid="publish-objectionsTo" />
      </Form.Item>
      {errors.errors.candidates && <Alert type="error" showIcon title={errors.errors.candidates} style={{ marginBottom: 8 }} data-testid="publish-error" />}
      {errors.other && <Alert type="error" showIcon title={errors.other} style={{ marginBottom: 8 }} />}
      <Button type="primary" onClick={publish} data-testid="publish">
        {t('recruitment.publish')} ({chosen.length}/{opening.places})
      </Button>
    </Form>
  );
}

function WithdrawDialog({ opening, application, onClose }: { opening: OpeningDetail; application: ApplicationView; onClose(): void }) {
  const { t } = useTranslation();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(['date', 'reason']);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const submit = async () => {
    errors.clear();
    try {
      saved(await leye.call('recruitment.withdraw', { applicationId: application.id, date, reason }), opening.postId);
      onClose();
    } catch (error) {
      errors.refused(error);
    }
  };
  return (
    <Modal open title={t('recruitment.withdrawTitle', { name: application.name })} onOk={() => void submit()} onCancel={onClose} okText={t('recruitment.withdraw')} cancelText={t('recruitment.cancel')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t(RECRUIT_LABELS.date!)} required {...(errors.errors.date ? { validateStatus: 'error' as const, help: errors.errors.date } : {})}>
          <IsoDatePicker value={date} onChange={setDate} testId="withdraw-date" />
        </Form.Item>
        <Form.Item label={t('recruitment.withdrawReason')} required {...(errors.errors.reason ? { validateStatus: 'error' as const, help: errors.errors.reason } : {})}>
          <Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
      {errors.other && <Alert type="error" showIcon title={errors.other} />}
    </Modal>
  );
}
