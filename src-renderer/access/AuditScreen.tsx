// 审计日志 (admins only; the core refuses everyone else): who viewed a full number, printed,
// exported, imported, unlocked, overrode a rule or changed an account; filtered, paged, exported.

import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditActionName, type AuditEntryView } from '../../shared/access/contract';
import { writtenReason } from '../../shared/documents/labels';
import { formatAuditDetail } from '../../shared/documents/labelsFormat';
import { leye } from '../bridge';
import { useAuditPage } from './queries';
import { errorText } from '../errors';
import { formatTime } from '../form/format';
import { downloadFile } from '../sync/transferFile';
import { useDebounced } from '../useDebounced';

const PAGE_SIZE = 50;

interface AuditFilter {
  action?: AuditActionName;
  user?: string;
  from?: string;
  to?: string;
}

export function AuditScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [userText, setUserText] = useState('');
  const user = useDebounced(userText.trim(), 300);
  const [page, setPage] = useState(1);
  const args = { ...filter, ...(user ? { user } : {}) };
  const entries = useAuditPage(args, page, PAGE_SIZE);
  const [exporting, setExporting] = useState(false);

  const change = (next: AuditFilter) => {
    setFilter(next);
    setPage(1);
  };

  const exportLog = async () => {
    setExporting(true);
    try {
      const file = await leye.call('audit.export', args);
      downloadFile(file);
      void message.success(t('access.audit.exported', { fileName: file.fileName }));
    } catch (reason) {
      void message.error(errorText(t, reason));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div style={{ padding: 16 }} data-testid="audit-screen">
      <Card
        title={t('access.audit.title')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLog()} data-testid="audit-export">
            {t('access.audit.export')}
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<AuditActionName | ''>
            style={{ width: 180 }}
            value={filter.action ?? ''}
            onChange={(value) => change({ ...filter, ...(value ? { action: value } : { action: undefined }) })}
            options={[{ value: '', label: t('access.audit.all') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`access.audit.actions.${a}`) }))]}
            data-testid="audit-action"
          />
          <Input
            allowClear
            style={{ width: 160 }}
            placeholder={t('access.audit.user')}
            value={userText}
            onChange={(e) => {
              setUserText(e.target.value);
              setPage(1);
            }}
            data-testid="audit-user"
          />
          <DatePicker.RangePicker
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(range) =>
              change({
                ...filter,
                from: range?.[0] ? range[0].format('YYYY-MM-DD') : undefined,
                to: range?.[1] ? range[1].format('YYYY-MM-DD') : undefined,
              })
            }
            data-testid="audit-range"
          />
        </Space>
        {entries.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(t, entries.error)} />}
        <Table<AuditEntryView>
          rowKey="id"
          size="small"
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: entries.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => <span data-testid="audit-total">{t('access.audit.total', { count: total })}</span>,
            onChange: setPage,
          }}
          columns={[
            { key: 'at', title: t('access.audit.at'), width: 160, render: (_, e) => formatTime(e.at) },
            { key: 'action', title: t('access.audit.action'), width: 140, render: (_, e) => t(`access.audit.actions.${e.action}`) },
            { key: 'by', title: t('access.audit.user'), width: 110, render: (_, e) => <span data-testid="audit-by">{e.byName}</span> },
            { key: 'what', title: t('access.audit.field'), render: (_, e) => <span data-testid="audit-what">{formatAuditDetail(t, e.what, e.target)}</span> },
            { key: 'reason', title: t('access.audit.reason'), width: 220, render: (_, e) => writtenReason(e) },
          ]}
        />
      </Card>
    </div>
  );
}
