// Roster import: pick an .xlsx → check the column mapping (suggested by the core from the headers)
// → every row checked by the core, problems listed per row → confirm (all valid rows or nothing)
// → result. The file travels to the core as base64; the core parses it, the UI never does.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Form, Segmented, Select, Space, Steps, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, SHEET_MAX_BYTES, type ConstantField, type ImportConstants, type ImportField, type ImportPreview, type ImportResult } from '../../shared/sheets/contract';
import { leye } from '../bridge';
import { residentKeys } from '../residents/queries';
import { errorText } from '../errors';
import { navigate } from '../route';
import { downloadFile, readFileBase64 } from '../sync/transferFile';
import { constantLabel, constantsToSend, emptyConstants, ImportConstantsCard, type MappingForm } from './ImportConstants';
import { ImportPreviewTable } from './ImportPreviewTable';
import { importIssueText } from './texts';

type Step = 'upload' | 'mapping' | 'preview' | 'result';
const STEPS: Step[] = ['upload', 'mapping', 'preview', 'result'];

export function ImportWizard() {
  const { t, i18n } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [added, setAdded] = useState<ConstantField[]>([]);
  const form = useForm<MappingForm>({ defaultValues: { columns: [], constants: emptyConstants() } });

  const check = useMutation({
    mutationFn: (args: { file: { fileName: string; content: string }; columns?: (ImportField | null)[]; constants?: ImportConstants }) => leye.call('sheets.preview', args),
  });
  const store = useMutation({ mutationFn: (args: Parameters<typeof leye.call<'sheets.import'>>[1]) => leye.call('sheets.import', args) });

  const reset = () => {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setSkipInvalid(false);
    setOnlyProblems(false);
    setAdded([]);
  };

  const pick = async (picked: File) => {
    setError(null);
    // Refused here too, so a huge file is never read into memory and sent.
    if (picked.size > SHEET_MAX_BYTES) {
      setError(t('errors.sheets.tooLarge', { maxMb: SHEET_MAX_BYTES / 1024 / 1024 }));
      return;
    }
    let content: string;
    try {
      content = await readFileBase64(picked);
    } catch {
      setError(t('sheets.readFailed', { fileName: picked.name }));
      return;
    }
    const next = { fileName: picked.name, content };
    try {
      const answer = await check.mutateAsync({ file: next });
      setFile(next);
      setPreview(answer);
      form.reset({ columns: answer.mapping, constants: emptyConstants() });
      setAdded([]);
      setStep('mapping');
    } catch (reason) {
      setError(errorText(t, reason));
    }
  };

  const checkRows = form.handleSubmit(async (values) => {
    if (!file) return;
    setError(null);
    try {
      const answer = await check.mutateAsync({ file, columns: values.columns, constants: constantsToSend(values, added) });
      setPreview(answer);
      setSkipInvalid(false);
      setOnlyProblems(answer.counts.invalid + answer.counts.duplicate > 0);
      setStep('preview');
    } catch (reason) {
      setError(errorText(t, reason));
    }
  });

  const problems = preview ? preview.counts.invalid + preview.counts.duplicate : 0;
  const canConfirm = !!preview && preview.counts.valid > 0 && preview.missing.length === 0 && (problems === 0 || skipInvalid);

  const confirm = () => {
    if (!file || !preview) return;
    modal.confirm({
      title: t('sheets.confirmTitle'),
      content: t('sheets.confirmBody', { count: preview.counts.valid }),
      okButtonProps: { 'data-testid': 'sheet-confirm-ok' } as Record<string, string>,
      onOk: async () => {
        setError(null);
        try {
          const answer = await store.mutateAsync({
            file,
            columns: preview.mapping,
            constants: preview.constants,
            fileHash: preview.fileHash,
            expectedValid: preview.counts.valid,
            skipInvalid,
          });
          setResult(answer);
          setStep('result');
          void client.invalidateQueries({ queryKey: residentKeys.lists });
        } catch (reason) {
          setError(errorText(t, reason));
        }
      },
    });
  };

  const downloadErrors = async () => {
    if (!file || !preview) return;
    try {
      const sheet = await leye.call('sheets.errorSheet', { file, columns: preview.mapping, constants: preview.constants, locale: i18n.language === 'en' ? 'en' : 'zh-CN' });
      downloadFile(sheet);
    } catch (reason) {
      void message.error(errorText(t, reason));
    }
  };

  const fieldOptions = useMemo(
    () => [{ value: '', label: t('sheets.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`sheets.field.${f}`) }))],
    [t],
  );
  const constantsUsed = preview
    ? Object.entries(preview.constants)
        .map(([field, value]) => `${t(`sheets.field.${field}`)} = ${constantLabel(t, field, value)}`)
        .join(t('errors.labels.listSeparator'))
    : '';
  const rows = useMemo(() => (preview ? (onlyProblems ? preview.rows.filter((r) => r.status === 'invalid' || r.status === 'duplicate') : preview.rows) : []), [preview, onlyProblems]);

  return (
    <div data-testid="sheet-import">
      <Typography.Title level={5}>{t('sheets.importTitle')}</Typography.Title>
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        items={STEPS.map((s) => ({ title: t(`sheets.step${s[0]!.toUpperCase()}${s.slice(1)}`) }))}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} data-testid="sheet-error" style={{ marginBottom: 12 }} />}
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: 'none' }}
        data-testid="sheet-file"
        onChange={(event) => {
          const picked = event.target.files?.[0];
          event.target.value = '';
          if (picked) void pick(picked);
        }}
      />

      {step === 'upload' && (
        <Space direction="vertical">
          <Typography.Paragraph type="secondary">{t('sheets.importIntro')}</Typography.Paragraph>
          <Button icon={<UploadOutlined />} loading={check.isPending} onClick={() => input.current?.click()} data-testid="sheet-pick">
            {check.isPending ? t('sheets.reading') : t('sheets.pickFile')}
          </Button>
        </Space>
      )}

      {step !== 'upload' && preview && (
        <Typography.Paragraph data-testid="sheet-file-info">
          {t('sheets.fileInfo', { fileName: preview.fileName, sheetName: preview.sheetName, headerRow: preview.headerRow, rows: preview.counts.rows })}
        </Typography.Paragraph>
      )}

      {step === 'mapping' && preview && (
        <Form layout="vertical" onFinish={() => void checkRows()}>
          <Typography.Paragraph type="secondary">{t('sheets.mappingHint')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={preview.columns}
            scroll={{ y: 420 }}
            columns={[
              { title: t('sheets.mapCol.letter'), dataIndex: 'letter', width: 80 },
              { title: t('sheets.mapCol.header'), dataIndex: 'header', render: (h: string) => <strong>{h}</strong> },
              {
                title: t('sheets.mapCol.field'),
                key: 'field',
                width: 260,
                render: (_: unknown, column) => (
                  <Controller
                    control={form.control}
                    name={`columns.${column.index}`}
                    render={({ field }) => (
                      <Select
                        style={{ width: 240 }}
                        value={field.value ?? ''}
                        options={fieldOptions}
                        onChange={(value: string) => field.onChange(value === '' ? null : value)}
                        data-testid={`sheet-map-${column.letter}`}
                      />
                    )}
                  />
                ),
              },
            ]}
          />
          <ImportConstantsCard control={form.control} added={added} onAdded={setAdded} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={reset}>{t('sheets.restart')}</Button>
            <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="sheet-check">
              {t('sheets.mappingNext')}
            </Button>
          </Space>
        </Form>
      )}

      {step === 'preview' && preview && (
        <>
          {preview.missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('sheets.missing', { fields: preview.missing.map((f) => t(`sheets.field.${f}`)).join(t('errors.labels.listSeparator')) })} />
          )}
          <Alert
            type={problems ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="sheet-counts"
            message={t('sheets.counts', { ...preview.counts })}
          />
          {constantsUsed && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="sheet-constants-used" message={t('sheets.constantsUsed', { values: constantsUsed })} />}
          <SkippedRows rows={preview.skipped} />
          <Space style={{ marginBottom: 8 }} wrap>
            <Segmented
              value={onlyProblems ? 'problems' : 'all'}
              onChange={(v) => setOnlyProblems(v === 'problems')}
              options={[{ value: 'all', label: t('sheets.filter.all') }, { value: 'problems', label: t('sheets.filter.problems') }]}
            />
            {problems > 0 && (
              <Button icon={<DownloadOutlined />} onClick={() => void downloadErrors()} data-testid="sheet-error-download">
                {t('sheets.downloadErrors')}
              </Button>
            )}
          </Space>
          <ImportPreviewTable preview={preview} rows={rows} />
          {problems > 0 && preview.counts.valid > 0 && (
            <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} style={{ marginTop: 12 }} data-testid="sheet-skip-invalid">
              {t('sheets.skipInvalid', { count: problems, valid: preview.counts.valid })}
            </Checkbox>
          )}
          <div style={{ marginTop: 12 }}>
            <Space>
              <Button onClick={() => setStep('mapping')}>{t('sheets.back')}</Button>
              <Button onClick={reset}>{t('sheets.restart')}</Button>
              <Button type="primary" disabled={!canConfirm} loading={store.isPending} onClick={confirm} data-testid="sheet-confirm">
                {preview.counts.valid ? t('sheets.confirm', { count: preview.counts.valid }) : t('sheets.nothingToImport')}
              </Button>
            </Space>
          </div>
        </>
      )}

      {step === 'result' && result && (
        <Space direction="vertical">
          <Alert type="success" showIcon data-testid="sheet-result" message={t('sheets.imported', { imported: result.imported, existing: result.existing, skipped: result.invalid + result.duplicate })} />
          <SkippedRows rows={result.skipped} />
          {result.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="sheet-result-warnings"
              message={t('sheets.warningsTitle')}
              description={result.warnings.flatMap((w) => w.warnings.map((issue) => <div key={`${w.row}-${issue.messageKey}`}>{t('sheets.rowWarning', { row: w.row, message: importIssueText(t, issue) })}</div>))}
            />
          )}
          <Space>
            <Button type="primary" onClick={() => navigate({ name: 'residents' })} data-testid="sheet-view-residents">
              {t('sheets.viewResidents')}
            </Button>
            <Button onClick={reset}>{t('sheets.restart')}</Button>
          </Space>
        </Space>
      )}
    </div>
  );
}

/** "第 12 行是合计行，已跳过", one line per row left out. */
function SkippedRows(props: { rows: ImportPreview['skipped'] }) {
  const { t } = useTranslation();
  if (!props.rows.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="sheet-skipped"
      message={props.rows.map((r) => (
        <div key={r.row}>{t('sheets.totalRowSkipped', { row: r.row })}</div>
      ))}
    />
  );
}
