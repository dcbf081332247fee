// Reviewing a batch's records: the list with each record's issues, the approve and reject
// decisions, and the unlock of a locked record.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Radio, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecordLabel } from '../../shared/documents/labelsFormat';
import { LeyeError } from '../../shared/rpc/errors';
import type { CountyBatchDetail, CountyBatchView, CountyRecordView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText, translateIssue } from '../errors';
import { useTypeText } from './common';
import { countyKeys } from './queries';
import {
  REASON_MAX,
  acceptAllArgs,
  countDecisions,
  initialDecisions,
  issuesByRecord,
  pageOf,
  problemText,
  reviewArgs,
  type Decision,
  type DecisionState,
} from './countyView';
import { BatchHeader } from './BatchHeader';

export interface Row extends CountyRecordView {
  index: number;
}

export function BatchReview({ detail }: { detail: CountyBatchDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const client = useQueryClient();
  const typeText = useTypeText();
  const batch = detail.batch;
  const records = detail.records;

  const initial = useMemo(() => initialDecisions(records, (issue) => problemText(t, issue)), [records, t]);
  // The person's own choices, by record id, over the initial ones (a refetch keeps them).
  const [touched, setTouched] = useState<ReadonlyMap<string, DecisionState>>(new Map());
  const decisions = useMemo(() => records.map((r, i) => touched.get(r.id) ?? initial[i]!), [records, touched, initial]);
  const counts = countDecisions(decisions);
  const presetReturns = useMemo(() => records.filter((r) => r.decision === null && r.problems.length > 0).length, [records]);

  const [onlyReturned, setOnlyReturned] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [reasonErrors, setReasonErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'accept' | 'submit' | null>(null);
  const [unlocking, setUnlocking] = useState<CountyRecordView | null>(null);

  const allRows: Row[] = useMemo(() => records.map((r, index) => ({ ...r, index })), [records]);
  const rows = useMemo(
    () => (onlyReturned ? allRows.filter((r) => decisions[r.index]?.decision === 'returned') : allRows),
    [allRows, decisions, onlyReturned],
  );

  const change = (index: number, next: Partial<DecisionState>) => {
    const record = records[index];
    if (!record) return;
    const current = decisions[index] ?? { decision: 'accepted' as Decision, reason: '' };
    setTouched((map) => new Map(map).set(record.id, { ...current, ...next }));
    if (reasonErrors.has(index)) {
      setReasonErrors((errors) => {
        const out = new Map(errors);
        out.delete(index);
        return out;
      });
    }
  };

  /** Shows the page holding the first record at fault. */
  const showRecord = (index: number) => {
    const at = rows.findIndex((r) => r.index === index);
    if (at >= 0) setPage(pageOf(at, pageSize));
    else {
      setOnlyReturned(false);
      setPage(pageOf(index, pageSize));
    }
  };

  const send = async (kind: 'accept' | 'submit') => {
    setSubmitError(null);
    let args;
    if (kind === 'accept') {
      args = acceptAllArgs(batch.id, records);
    } else {
      const plan = reviewArgs(batch.id, records, decisions);
      if (!plan.ok) {
        setReasonErrors(new Map(plan.missingReason.map((i) => [i, t('county.batch.reasonRequired')])));
        setSubmitError(t('county.batch.missingReasons', { count: plan.missingReason.length }));
        showRecord(plan.missingReason[0]!);
        return;
      }
      args = plan.args;
    }
    setBusy(kind);
    try {
      const result = await leye.call('county.review', args);
      setReasonErrors(new Map());
      void message.success(t('county.batch.submitted', { status: t(`county.status.${result.status}`) }));
      client.setQueryData<CountyBatchDetail | null>(countyKeys.batch(batch.id), (old) => (old ? { ...old, batch: result } : old));
      // The lists show the decision at once when the clerk goes back, not the status cached before it.
      client.setQueriesData<CountyBatchView[]>({ queryKey: countyKeys.batchesAll }, (old) => old?.map((b) => (b.id === result.id ? result : b)));
      void client.invalidateQueries({ queryKey: countyKeys.batchesAll });
      void client.invalidateQueries({ queryKey: countyKeys.stationsAll });
      // The records' decisions come back with the batch; the person's choices give way to them then.
      await client.invalidateQueries({ queryKey: countyKeys.batch(batch.id) }).catch(() => undefined);
      setTouched(new Map());
    } catch (error) {
      const rpc = (error instanceof LeyeError ? error : toLeyeError(error)).rpc;
      const byRecord = rpc.code === 'VALIDATION' ? issuesByRecord(rpc.issues ?? (rpc.field ? [{ field: rpc.field, messageKey: rpc.messageKey, params: rpc.params }] : [])) : new Map();
      if (byRecord.size > 0) {
        setReasonErrors(new Map([...byRecord].map(([i, issue]) => [i, translateIssue(t, issue)])));
        showRecord(Math.min(...byRecord.keys()));
      }
      setSubmitError(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const acceptAll = () => {
    const failing = records.filter((r) => r.problems.length > 0).length;
    if (failing === 0) {
      void send('accept');
      return;
    }
    modal.confirm({
      title: t('county.batch.acceptAll'),
      content: t('county.batch.acceptAllConfirm', { count: failing }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'accept-batch-confirm' },
      onOk: () => send('accept'),
    });
  };

  return (
    <>
      <BatchHeader detail={detail} />
      {presetReturns > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('county.batch.problemsPreset', { count: presetReturns })} data-testid="batch-problems-preset" />
      )}
      <div className="leye-county-toolbar" style={{ marginTop: 16 }}>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy === 'accept'}
          disabled={busy !== null || records.length === 0}
          onClick={acceptAll}
          data-testid="accept-batch"
        >
          {t('county.batch.acceptAll')}
        </Button>
        <Button loading={busy === 'submit'} disabled={busy !== null || records.length === 0} onClick={() => void send('submit')} data-testid="submit-review">
          {t('county.batch.submit')}
        </Button>
        <Typography.Text data-testid="review-summary">{t('county.batch.summary', counts)}</Typography.Text>
        <span className="leye-spacer" />
        <Space>
          <Switch
            size="small"
            checked={onlyReturned}
            onChange={(checked) => {
              setOnlyReturned(checked);
              setPage(1);
            }}
            data-testid="only-returned"
          />
          <span>{t('county.batch.onlyProblems')}</span>
        </Space>
      </div>
      {submitError && <Alert type="error" showIcon title={submitError} style={{ marginBottom: 12 }} data-testid="review-error" />}
      <Table<Row>
        data-testid="batch-records"
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{
          current: page,
          pageSize,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
          showTotal: (total) => t('county.batches.total', { count: total }),
        }}
        rowClassName={(row) => (decisions[row.index]?.decision === 'returned' ? 'leye-record-row-returned' : '')}
        onRow={(row) =>
          ({
            'data-testid': 'batch-record-row',
            'data-record-id': row.id,
            'data-index': String(row.index),
            'data-decision': decisions[row.index]?.decision ?? '',
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'index', title: '#', width: 56, render: (_, row) => row.index + 1 },
          { key: 'type', title: t('county.batch.columns.type'), width: 100, render: (_, row) => typeText(row.type) },
          {
            key: 'label',
            title: t('county.batch.columns.label'),
            render: (_, row) => (
              <Space size={4} wrap>
                <span data-testid="record-label">{formatRecordLabel(t, row.label)}</span>
                {row.currentRev && row.currentRev !== row.rev && (
                  <Tooltip title={t('county.batch.changedSince')}>
                    <WarningOutlined style={{ color: '#fa8c16' }} />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            key: 'change',
            title: t('county.batch.columns.change'),
            width: 80,
            render: (_, row) => <Tag color={row.change === 'new' ? 'cyan' : 'gold'}>{t(`county.batch.change.${row.change}`)}</Tag>,
          },
          {
            key: 'problems',
            title: t('county.batch.columns.problems'),
            render: (_, row) =>
              row.problems.length === 0 ? (
                <Typography.Text type="success">{t('county.batch.noProblems')}</Typography.Text>
              ) : (
                <ul className="leye-problem-list" data-testid="record-problems">
                  {row.problems.map((issue, i) => (
                    <li key={i}>{problemText(t, issue)}</li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'current',
            title: t('county.batch.columns.current'),
            width: 100,
            render: (_, row) =>
              row.decision ? (
                <Tooltip title={row.reason || undefined}>
                  <Tag color={row.decision === 'accepted' ? 'green' : 'red'} data-testid="record-current">
                    {t(`county.status.${row.decision}`)}
                  </Tag>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            key: 'decision',
            title: t('county.batch.columns.decision'),
            width: 150,
            render: (_, row) => (
              <Radio.Group
                size="small"
                optionType="button"
                buttonStyle="solid"
                data-testid={`record-decision-${row.index}`}
                value={decisions[row.index]?.decision}
                onChange={(event) => change(row.index, { decision: event.target.value as Decision })}
                options={[
                  { value: 'accepted', label: t('county.batch.decision.accepted') },
                  { value: 'returned', label: t('county.batch.decision.returned') },
                ]}
              />
            ),
          },
          {
            key: 'reason',
            title: t('county.batch.columns.reason'),
            width: 260,
            render: (_, row) => {
              const state = decisions[row.index];
              const error = reasonErrors.get(row.index);
              return (
                <>
                  <Input.TextArea
                    data-testid={`record-reason-${row.index}`}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    maxLength={REASON_MAX}
                    disabled={state?.decision !== 'returned'}
                    status={error ? 'error' : undefined}
                    placeholder={state?.decision === 'returned' ? t('county.batch.reasonPlaceholder') : undefined}
                    value={state?.decision === 'returned' ? state.reason : ''}
                    onChange={(event) => change(row.index, { reason: event.target.value })}
                  />
                  {error && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`record-reason-error-${row.index}`}>
                      {error}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          {
            key: 'actions',
            title: t('county.batch.columns.actions'),
            width: 90,
            render: (_, row) =>
              row.decision === 'accepted' ? (
                <Button size="small" icon={<UnlockOutlined />} onClick={() => setUnlocking(row)} data-testid={`record-unlock-${row.index}`}>
                  {t('county.batch.unlock')}
                </Button>
              ) : null,
          },
        ]}
      />
      {unlocking && <UnlockDialog placeCode={batch.placeCode} record={unlocking} batchId={batch.id} onDone={() => setUnlocking(null)} />}
    </>
  );
}

export function UnlockDialog({ placeCode, record, batchId, onDone }: { placeCode: string; record: CountyRecordView; batchId: string; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await leye.call('county.unlock', { placeCode, id: record.id, reason });
      void message.success(t('county.batch.unlockOk'));
      void client.invalidateQueries({ queryKey: countyKeys.batch(batchId) });
      onDone();
    } catch (reasonError) {
      const rpc = toLeyeError(reasonError).rpc;
      const issue = rpc.code === 'VALIDATION' ? (rpc.issues ?? []).find((i) => i.field === 'reason') : undefined;
      if (issue) form.setFields([{ name: 'reason', errors: [translateIssue(t, issue)] }]);
      else setError(errorText(t, reasonError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('county.batch.unlockTitle', { label: formatRecordLabel(t, record.label, { withType: true }) })}
      okText={t('county.batch.unlock')}
      okButtonProps={{ loading: busy, 'data-testid': 'unlock-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('county.batch.unlockHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('county.batch.unlockReason')}
          rules={[{ required: true, whitespace: true, message: t('errors.required', { field: t('county.batch.unlockReason') }) }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="unlock-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
