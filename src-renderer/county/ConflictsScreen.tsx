// Conflicts in the county's aggregate (the same record written at two stations): a list, and for
// the opened one a field-by-field comparison of its revisions (the differing fields first and
// highlighted), a choice of the revision to keep, optional fields taken from other revisions, a
// required reason, and "resolve". No losing revision is dropped without a person deciding.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRevisionView, CountyConflictView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText, translateIssue } from '../errors';
import { useTypeText } from './common';
import { countyKeys, useCountyConflicts, useCountyLive } from './queries';
import { conflictFields, conflictLabelText, conflictStations, defaultKeep, fieldNameText, fieldValueText, mergeFields, resolveArgs, type FieldRow } from './countyView';
import './county.css';

export function ConflictsScreen() {
  const { t } = useTranslation();
  useCountyLive();
  const typeText = useTypeText();
  const conflicts = useCountyConflicts();
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const rows = conflicts.data ?? [];

  const toggle = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  return (
    <div className="leye-county">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('county.conflicts.title')}
        </Typography.Title>
        {conflicts.data && <Typography.Text type="secondary">{t('county.conflicts.count', { count: rows.length })}</Typography.Text>}
        <Button icon={<ReloadOutlined />} loading={conflicts.isFetching} onClick={() => void conflicts.refetch()} data-testid="conflicts-refresh">
          {t('county.refresh')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('county.conflicts.hint')}</Typography.Paragraph>
      {conflicts.isError && <Alert type="error" showIcon title={errorText(t, conflicts.error)} style={{ marginBottom: 12 }} />}
      <Table<CountyConflictView>
        data-testid="conflicts"
        rowKey="id"
        size="middle"
        loading={conflicts.isPending && !conflicts.isError}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('county.conflicts.empty') }}
        onRow={(conflict) =>
          ({
            'data-testid': 'conflict-row',
            'data-conflict-id': conflict.id,
            className: 'leye-clickable',
          }) as HTMLAttributes<HTMLElement>
        }
        expandable={{
          expandRowByClick: true,
          expandedRowKeys: expanded as string[],
          onExpand: (_open, conflict) => toggle(conflict.id),
          expandedRowRender: (conflict) => <ConflictResolver conflict={conflict} />,
        }}
        columns={[
          { key: 'label', title: t('county.conflicts.columns.label'), render: (_, c) => <span data-testid="conflict-label">{conflictLabelText(t, c.label)}</span> },
          { key: 'type', title: t('county.conflicts.columns.type'), width: 120, render: (_, c) => typeText(c.type) },
          {
            key: 'revisions',
            title: t('county.conflicts.columns.revisions'),
            width: 180,
            render: (_, c) => (
              <Space size={4} wrap>
                <span>{t('county.conflicts.revisionsValue', { count: c.revisions.length })}</span>
                {c.differing.length > 0 && <Tag color="gold">{t('county.conflicts.differing', { count: c.differing.length })}</Tag>}
              </Space>
            ),
          },
          {
            key: 'stations',
            title: t('county.conflicts.columns.stations'),
            render: (_, c) => (
              <Space size={[4, 4]} wrap>
                {conflictStations(c).map((name) => (
                  <Tag key={name}>{name}</Tag>
                ))}
                {c.suspectedForgery && (
                  <Tooltip title={t('county.conflicts.forgeryHint')}>
                    <Tag color="red" data-testid="conflict-forgery">
                      {t('county.conflicts.forgery')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

interface CompareRow extends FieldRow {
  values: Record<string, string>;
}

function ConflictResolver({ conflict }: { conflict: CountyConflictView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [keepRev, setKeepRev] = useState(() => defaultKeep(conflict));
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fields = useMemo(() => conflictFields(conflict), [conflict]);
  const rows: CompareRow[] = fields.map((f) => ({
    ...f,
    values: Object.fromEntries(conflict.revisions.map((r) => [r.rev, r.fields[f.field] ?? ''])),
  }));
  const merged = Object.keys(mergeFields(keepRev, picks, fields)).length;
  const chosen = (field: string) => picks[field] ?? keepRev;

  const resolve = async () => {
    setError(null);
    if (reason.trim() === '') {
      setReasonError(t('county.conflicts.reasonRequired'));
      return;
    }
    setBusy(true);
    try {
      await leye.call('county.resolve', resolveArgs(conflict, keepRev, picks, reason));
      void message.success(t('county.conflicts.resolved'));
      await client.invalidateQueries({ queryKey: countyKeys.conflicts });
    } catch (reasonErr) {
      const rpc = toLeyeError(reasonErr).rpc;
      const issue = rpc.code === 'VALIDATION' ? (rpc.issues ?? []).find((i) => i.field === 'reason') : undefined;
      if (issue) setReasonError(translateIssue(t, issue));
      else setError(errorText(t, reasonErr));
      if (rpc.messageKey === 'errors.county.conflictGone' || rpc.messageKey === 'errors.county.revisionGone') {
        void client.invalidateQueries({ queryKey: countyKeys.conflicts });
      }
    } finally {
      setBusy(false);
    }
  };

  const header = (revision: ConflictRevisionView) => (
    <Space orientation="vertical" size={2} data-testid="conflict-revision" data-rev={revision.rev}>
      <Space size={4} wrap>
        <strong>{revision.stationName || revision.placeCode}</strong>
        {revision.winner && <Tag color="blue">{t('county.conflicts.winner')}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {revision.updatedByName || t('county.conflicts.authorUnknown')} · {revision.updatedAt ? dayjs(revision.updatedAt).format('YYYY-MM-DD HH:mm') : ''}
      </Typography.Text>
      <Radio
        checked={keepRev === revision.rev}
        onChange={() => setKeepRev(revision.rev)}
        data-testid="conflict-keep"
        style={{ fontWeight: 'normal' }}
      >
        {t('county.conflicts.keep')}
      </Radio>
    </Space>
  );

  return (
    <div data-testid="conflict-resolver" onClick={(event) => event.stopPropagation()}>
      {conflict.suspectedForgery && <Alert type="warning" showIcon title={t('county.conflicts.forgeryHint')} style={{ marginBottom: 8 }} data-testid="conflict-forgery-hint" />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('county.conflicts.mergeHint')}
      </Typography.Paragraph>
      <Table<CompareRow>
        className="leye-compare"
        data-testid="conflict-compare"
        rowKey="field"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': 'conflict-field', 'data-field': row.field, 'data-differing': String(row.differing) }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'field',
            title: t('county.conflicts.field'),
            width: 140,
            fixed: 'left',
            onCell: (row) => ({ className: row.differing ? 'leye-compare-differing' : undefined }),
            render: (_, row) => (row.differing ? <strong>{fieldNameText(t, row.field)}</strong> : fieldNameText(t, row.field)),
          },
          ...conflict.revisions.map((revision) => ({
            key: revision.rev,
            title: header(revision),
            onCell: (row: CompareRow) => ({ className: row.differing ? 'leye-compare-differing' : undefined }),
            render: (_: unknown, row: CompareRow) => {
              const value = row.values[revision.rev] ?? '';
              const text = value === '' ? <span className="leye-compare-empty">{t('county.conflicts.emptyValue')}</span> : fieldValueText(t, row.field, value, conflict.type);
              if (!row.differing) return <span className="leye-compare-value">{text}</span>;
              const picked = chosen(row.field) === revision.rev;
              return (
                <label className={`leye-compare-pick${picked ? ' leye-picked' : ''}`} data-testid="conflict-pick" data-field={row.field} data-rev={revision.rev}>
                  <Radio
                    checked={picked}
                    onChange={() => setPicks((current) => ({ ...current, [row.field]: revision.rev }))}
                  />
                  <span className="leye-compare-value">{text}</span>
                </label>
              );
            },
          })),
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12, maxWidth: 640 }} onFinish={() => void resolve()}>
        {merged > 0 && (
          <Typography.Paragraph>
            <Tag color="purple">{t('county.conflicts.merged', { count: merged })}</Tag>
          </Typography.Paragraph>
        )}
        <Form.Item label={t('county.conflicts.reason')} required validateStatus={reasonError ? 'error' : undefined} help={reasonError ?? undefined}>
          <Input.TextArea
            data-testid="conflict-reason"
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('county.conflicts.reasonPlaceholder')}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="conflict-error" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="resolve-conflict">
          {t('county.conflicts.resolve')}
        </Button>
      </Form>
    </div>
  );
}
