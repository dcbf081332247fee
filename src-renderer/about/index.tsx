// 关于与诊断: what county IT asks for on the phone (version, station, counts, sync state, data
// folder size) and the diagnostics file to send them. Nothing personal is shown or exported:
// the core builds both from counts, versions and the redacted log.

import { Alert, App as AntApp, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsAbout, DiagnosticsDocuments } from '../../shared/diagnostics/contract';
import { leye } from '../bridge';
import { useAbout, useDocumentCounts } from './queries';
import { errorText } from '../errors';
import { downloadFile } from '../sync/transferFile';
import { recordTypeText } from './recordTypes';

/** 1536 → "1.5 KB". */
export function byteSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function AboutScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const about = useAbout();
  const documents = useDocumentCounts();
  const [bundling, setBundling] = useState(false);
  const [bundleError, setBundleError] = useState<string | null>(null);

  const exportBundle = async () => {
    setBundling(true);
    setBundleError(null);
    try {
      const bundle = await leye.call('diagnostics.bundle', {});
      downloadFile(bundle);
      void message.success(t('diagnostics.bundled', { fileName: bundle.fileName, lines: bundle.logLines }));
    } catch (reason) {
      setBundleError(errorText(t, reason));
    } finally {
      setBundling(false);
    }
  };

  return (
    <div data-testid="about-screen" style={{ maxWidth: 960 }}>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('diagnostics.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} loading={about.isFetching} onClick={() => {
            void about.refetch();
            void documents.refetch();
          }}
          data-testid="about-refresh"
        >
          {t('diagnostics.refresh')}
        </Button>
        <Button type="primary" icon={<DownloadOutlined />} loading={bundling} onClick={() => void exportBundle()} data-testid="about-bundle">
          {t('diagnostics.bundle')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('diagnostics.intro')}</Typography.Paragraph>
      {about.isError && <Alert type="error" showIcon title={errorText(t, about.error)} style={{ marginBottom: 12 }} />}
      {bundleError && <Alert type="error" showIcon title={bundleError} closable onClose={() => setBundleError(null)} style={{ marginBottom: 12 }} />}
      {about.isPending && <Card loading />}
      {about.data && <AboutDetails data={about.data} />}
      {about.data && <DocumentCounts documents={documents.data} loading={documents.isFetching} />}
    </div>
  );
}

function AboutDetails({ data }: { data: DiagnosticsAbout }) {
  const { t } = useTranslation();
  const { sync } = data;
  return (
    <>
      <Descriptions bordered size="small" column={1} data-testid="about-details">
        <Descriptions.Item label={t('diagnostics.version')}>
          <span data-testid="about-version">
            {t('diagnostics.app')} {data.version}
          </span>
        </Descriptions.Item>
        {data.station && (
          <Descriptions.Item label={t('diagnostics.station')}>
            <span data-testid="about-station">
              {data.station.name} · {data.station.placeCode}
            </span>{' '}
            <Tag color="blue">{t(`diagnostics.level.${data.station.level}`)}</Tag>
            {data.station.demo && <Tag color="orange">{t('diagnostics.demo')}</Tag>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('diagnostics.database')}>
          {t('diagnostics.databaseValue', { docs: data.database.docCount, seq: data.database.updateSeq })}
        </Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.dataFolder')}>
          {t('diagnostics.dataFolderValue', { size: byteSize(data.dataFolder.bytes), files: data.dataFolder.files })}
        </Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.sync')}>
          <span data-testid="about-sync">
            {!sync.connected ? (
              t(data.station?.level === 'county' ? 'countyStation.notConnected' : 'diagnostics.notConnected')
            ) : (
              <Space wrap size={8}>
                <Tag color={sync.state === 'failed' ? 'red' : sync.state === 'idle' ? 'green' : 'default'}>{t(`diagnostics.syncState.${sync.state}`)}</Tag>
                {sync.lastSuccessAt && <span>{t('diagnostics.lastSuccess', { at: when(sync.lastSuccessAt) })}</span>}
                <span>{t('diagnostics.waiting', { count: sync.waiting })}</span>
                {sync.failure && <span>{t('diagnostics.failure', { reason: sync.failure })}</span>}
              </Space>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.lastBackup')}>{data.lastBackupAt ? when(data.lastBackupAt) : t('diagnostics.noBackup')}</Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.logs')}>{t('diagnostics.logsValue', { files: data.logs.files, size: byteSize(data.logs.bytes) })}</Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.runtime')}>
          Node {data.versions.node}
          {data.versions.electron && ` · Electron ${data.versions.electron}`} · V8 {data.versions.v8}
        </Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.system')}>
          {data.os.platform} {data.os.release} ({data.os.arch}) · {t('diagnostics.memory', { total: data.os.memoryMB, free: data.os.freeMemoryMB })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('diagnostics.generatedAt', { at: when(data.generatedAt), ms: data.tookMs })}
      </Typography.Paragraph>
    </>
  );
}

function DocumentCounts({ documents, loading }: { documents: DiagnosticsDocuments | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('diagnostics.documents')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="type"
        pagination={false}
        loading={loading}
        dataSource={documents?.documents ?? []}
        data-testid="about-documents"
        columns={[
          { title: t('diagnostics.type'), dataIndex: 'type', render: (type: string) => <span data-testid="about-type">{recordTypeText(t, type)}</span> },
          { title: t('diagnostics.count'), dataIndex: 'count', align: 'right' },
        ]}
        style={{ maxWidth: 420 }}
      />
    </>
  );
}
