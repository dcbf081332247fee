// USB transfer in the sync drawer, for weeks without a network: export the waiting records as one
// encrypted batch file; at the township or county, import that file (and hand back its receipt);
// back at the station, import the receipt so the batch shows as delivered.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Descriptions, Space, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeName } from '../../shared/places/index';
import type { TransferImportResult } from '../../shared/rpc/handlers';
import { mayCall } from '../access/may';
import { leye } from '../bridge';
import { countyKeys } from '../county/queries';
import { errorText } from '../errors';
import { useStationStatus } from '../station/queries';
import { downloadFile, readFileBase64 } from './transferFile';
import { useRefreshBatches, useSyncStatus } from './queries';

export function TransferPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const refreshBatches = useRefreshBatches();
  const role = useStationStatus().data?.user?.role;
  const connected = useSyncStatus().data?.connected;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TransferImportResult | null>(null);

  const canExport = mayCall('transfer.export', role);
  const canImport = mayCall('transfer.import', role);
  if (!canExport && !canImport) return null;

  const exportFile = async () => {
    setBusy('export');
    setError(null);
    try {
      const file = await leye.call('transfer.export', {});
      downloadFile(file);
      void message.success(t('transfer.exported', { count: file.documents, fileName: file.fileName }));
    } catch (reason) {
      setError(errorText(t, reason));
    } finally {
      setBusy(null);
      void refreshBatches();
    }
  };

  const importFile = async (file: File) => {
    setBusy('import');
    setError(null);
    setResult(null);
    try {
      let content: string;
      try {
        content = await readFileBase64(file);
      } catch {
        setError(t('transfer.readFailed', { fileName: file.name }));
        return;
      }
      const answer = await leye.call('transfer.import', { fileName: file.name, content });
      setResult(answer);
      // A receipt changes this station's batches; a batch file adds to what the county reviews.
      void refreshBatches();
      void client.invalidateQueries({ queryKey: countyKeys.all });
    } catch (reason) {
      setError(errorText(t, reason));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="transfer" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('transfer.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('transfer.hint')}
      </Typography.Paragraph>
      {canExport && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="transfer-county-side">
          {t('transfer.countySide')}
        </Typography.Paragraph>
      )}
      {canExport && connected === false && (
        <Alert
          type="info"
          showIcon
          title={t(mayCall('sync.connect', role) ? 'transfer.setupCodeEnough' : 'transfer.setupCodeAskAdmin')}
          style={{ marginBottom: 12 }}
          data-testid="transfer-setup-code"
        />
      )}
      <Space wrap>
        {canExport && (
          <Button icon={<ExportOutlined />} loading={busy === 'export'} disabled={busy !== null} onClick={() => void exportFile()} data-testid="transfer-export">
            {t('transfer.export')}
          </Button>
        )}
        {canImport && (
          <>
            <Button
              icon={<ImportOutlined />}
              loading={busy === 'import'}
              disabled={busy !== null}
              onClick={() => input.current?.click()}
              data-testid="transfer-import-button"
            >
              {t('transfer.import')}
            </Button>
            <input
              ref={input}
              type="file"
              data-testid="transfer-import"
              style={{ display: 'none' }}
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared, so picking the same file again imports it again (and changes nothing).
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="transfer-error" />}
      {result && <ImportResult result={result} />}
    </div>
  );
}

function ImportResult({ result }: { result: TransferImportResult }) {
  const { t } = useTranslation();
  if (result.kind === 'receipt') {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 12 }}
        data-testid="transfer-result"
        data-kind="receipt"
        title={t('transfer.receipt.title')}
        description={
          <>
            <div data-testid="transfer-receipt-delivered">
              {t('transfer.receipt.delivered', { at: result.exportedAt ? dayjs(result.exportedAt).format('YYYY-MM-DD HH:mm') : '', count: result.documents, place: placeName(result.receivedAtPlace) || result.receivedAtPlace })}
            </div>
            <div>
              {t('transfer.receipt.received', { at: dayjs(result.receivedAt).format('YYYY-MM-DD HH:mm'), by: result.receivedBy })}
            </div>
            {result.alreadyHad && <Typography.Text type="secondary">{t('transfer.receipt.again')}</Typography.Text>}
          </>
        }
      />
    );
  }
  return (
    <div data-testid="transfer-result" data-kind="batch" data-imported={String(result.imported)} style={{ marginTop: 12 }}>
      <Alert
        type={result.imported > 0 ? 'success' : 'info'}
        showIcon
        title={t('transfer.batch.title')}
        description={
          result.imported === 0 ? (
            t('transfer.batch.again')
          ) : (
            <>
              <div>{t('transfer.batch.nextSync')}</div>
              <div>{t('transfer.batch.receiptHint')}</div>
            </>
          )
        }
      />
      <Descriptions
        style={{ marginTop: 8 }}
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'station',
            label: t('transfer.batch.station'),
            children: (
              <>
                {result.stationName || result.placeCode}{' '}
                <Typography.Text type="secondary" className="leye-mono">
                  {result.placeCode}
                </Typography.Text>
              </>
            ),
          },
          { key: 'documents', label: t('transfer.batch.documents'), children: result.documents },
          { key: 'imported', label: t('transfer.batch.imported'), children: <span data-testid="transfer-imported">{result.imported}</span> },
        ]}
      />
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => downloadFile(result.receipt)}
        data-testid="transfer-receipt-download"
      >
        {t('transfer.batch.receiptDownload')}
      </Button>
    </div>
  );
}
