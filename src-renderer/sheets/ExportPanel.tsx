// Ledger exports (.xlsx): the real-name resident ledger, one post's month of attendance, one
// training session's attendance, and the follow-up ledgers (援助台账 for a period of months,
// 就业失业动态台账 for a month) in the reader's language. Numbers are masked unless the user may reveal
// them (the same roles as `residents.reveal`) and ticks "full"; the core logs every export.

import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, DatePicker, Form, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEDGER_STATUSES, type SheetFileView } from '../../shared/sheets/contract';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { usePosts } from '../posts/queries';
import { useTrainingSessions } from '../training/queries';
import { downloadFile } from '../sync/transferFile';

interface ExportForm {
  full: boolean;
  status: (typeof LEDGER_STATUSES)[number];
  postId: string | null;
  month: string;
  sessionId: string | null;
  /** The 援助台账's first and last month. */
  period: [string, string];
  /** The 就业失业动态台账's month. */
  changesMonth: string;
}

type Which = 'ledger' | 'attendance' | 'training' | 'assistance' | 'dynamics';

export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  const { message } = AntApp.useApp();
  const { role } = useSession();
  const mayFull = mayCall('residents.reveal', role);
  const posts = usePosts();
  const sessions = useTrainingSessions();
  const { control, watch } = useForm<ExportForm>({
    defaultValues: {
      ...{ full: false, status: 'all', postId: null, month: dayjs().format('YYYY-MM'), sessionId: null },
      period: [dayjs().format('YYYY-01'), dayjs().format('YYYY-MM')],
      changesMonth: dayjs().format('YYYY-MM'),
    },
  });
  const values = watch();
  const full = mayFull && values.full;

  const run = useMutation({
    mutationFn: async (which: Which): Promise<SheetFileView> => {
      if (which === 'ledger') return leye.call('sheets.exportLedger', { full, status: values.status });
      if (which === 'assistance') return leye.call('sheets.exportAssistance', { from: values.period[0], to: values.period[1], full, locale });
      if (which === 'dynamics') return leye.call('sheets.exportDynamics', { month: values.changesMonth, full, locale });
      if (which === 'attendance') return leye.call('sheets.exportAttendance', { postId: values.postId!, month: values.month, full });
      return leye.call('sheets.exportTraining', { sessionId: values.sessionId!, full });
    },
    onSuccess: (file) => {
      downloadFile(file);
      void message.success(t('sheets.exported', { rows: file.rows, fileName: file.fileName }));
    },
    onError: (reason) => void message.error(errorText(t, reason)),
  });
  const busy = (which: Which) => run.isPending && run.variables === which;

  return (
    <div data-testid="sheet-export">
      <Typography.Title level={5}>{t('sheets.exportTitle')}</Typography.Title>
      {mayFull && (
        <Space direction="vertical" style={{ marginBottom: 12 }}>
          <Controller
            control={control}
            name="full"
            render={({ field }) => (
              <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} data-testid="sheet-full">
                {t('sheets.full')}
              </Checkbox>
            )}
          />
          <Typography.Text type="secondary">{t('sheets.fullHint')}</Typography.Text>
        </Space>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small" title={t('sheets.ledger')}>
          <Form layout="inline">
            <Form.Item label={t('sheets.ledgerStatus')}>
              <Controller
                control={control}
                name="status"
                render={({ field }) => (
                  <Select style={{ width: 160 }} value={field.value} onChange={field.onChange} options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(`sheets.ledgerStatuses.${s}`) }))} />
                )}
              />
            </Form.Item>
            <Button icon={<DownloadOutlined />} loading={busy('ledger')} onClick={() => run.mutate('ledger')} data-testid="sheet-export-ledger">
              {t('sheets.export')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('sheets.assistance.title')} data-testid="sheet-assistance">
          <Typography.Paragraph type="secondary">{t('sheets.assistance.hint')}</Typography.Paragraph>
          <Form layout="inline">
            <Form.Item label={t('sheets.assistance.period')}>
              <Controller
                control={control}
                name="period"
                render={({ field }) => (
                  <DatePicker.RangePicker
                    picker="month"
                    allowClear={false}
                    value={[dayjs(`${field.value[0]}-01`), dayjs(`${field.value[1]}-01`)]}
                    onChange={(range) => range?.[0] && range[1] && field.onChange([range[0].format('YYYY-MM'), range[1].format('YYYY-MM')])}
                    data-testid="sheet-assistance-period"
                  />
                )}
              />
            </Form.Item>
            <Button icon={<DownloadOutlined />} loading={busy('assistance')} onClick={() => run.mutate('assistance')} data-testid="sheet-export-assistance">
              {t('sheets.export')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('sheets.dynamics.title')} data-testid="sheet-dynamics">
          <Typography.Paragraph type="secondary">{t('sheets.dynamics.hint')}</Typography.Paragraph>
          <Form layout="inline">
            <Form.Item label={t('sheets.dynamics.month')}>
              <Controller
                control={control}
                name="changesMonth"
                render={({ field }) => (
                  <DatePicker
                    picker="month"
                    allowClear={false}
                    value={dayjs(`${field.value}-01`)}
                    onChange={(d) => d && field.onChange(d.format('YYYY-MM'))}
                    data-testid="sheet-dynamics-month"
                  />
                )}
              />
            </Form.Item>
            <Button icon={<DownloadOutlined />} loading={busy('dynamics')} onClick={() => run.mutate('dynamics')} data-testid="sheet-export-dynamics">
              {t('sheets.export')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('sheets.attendance')}>
          <Form layout="inline">
            <Form.Item label={t('sheets.post')}>
              <Controller
                control={control}
                name="postId"
                render={({ field }) => (
                  <Select
                    style={{ width: 240 }}
                    value={field.value}
                    onChange={field.onChange}
                    placeholder={t('sheets.selectPost')}
                    loading={posts.isLoading}
                    options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                    data-testid="sheet-post"
                  />
                )}
              />
            </Form.Item>
            <Form.Item label={t('sheets.month')}>
              <Controller
                control={control}
                name="month"
                render={({ field }) => (
                  <DatePicker picker="month" allowClear={false} value={dayjs(`${field.value}-01`)} onChange={(d) => d && field.onChange(d.format('YYYY-MM'))} />
                )}
              />
            </Form.Item>
            <Button icon={<DownloadOutlined />} disabled={!values.postId} loading={busy('attendance')} onClick={() => run.mutate('attendance')} data-testid="sheet-export-attendance">
              {t('sheets.export')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('sheets.training')}>
          <Form layout="inline">
            <Form.Item label={t('sheets.session')}>
              <Controller
                control={control}
                name="sessionId"
                render={({ field }) => (
                  <Select
                    style={{ width: 320 }}
                    value={field.value}
                    onChange={field.onChange}
                    placeholder={t('sheets.selectSession')}
                    loading={sessions.isLoading}
                    options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.course.occupation} ${s.startDate}–${s.endDate}` }))}
                    data-testid="sheet-session"
                  />
                )}
              />
            </Form.Item>
            <Button icon={<DownloadOutlined />} disabled={!values.sessionId} loading={busy('training')} onClick={() => run.mutate('training')} data-testid="sheet-export-training">
              {t('sheets.export')}
            </Button>
          </Form>
        </Card>
      </Space>
    </div>
  );
}
