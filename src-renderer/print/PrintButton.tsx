// The print buttons a screen shows for one form: print (system dialog) and save as PDF. In the
// browser preview both open the form and use the browser's print (which saves PDFs too).
import { App as AntApp, Button, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import { printForm, type PrintRouteSpec } from './printing';

/** `small`: two small link buttons, for a row of a list (a timeline entry). */
export function PrintButton({ route, fileName, label, testId, small = false }: { route: PrintRouteSpec; fileName: string; label?: string; testId: string; small?: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const run = async (mode: 'print' | 'pdf') => {
    setBusy(mode);
    try {
      const outcome = await printForm(route, mode, fileName);
      if (outcome.kind === 'saved') void message.success(t('print.done.pdf', { file: outcome.fileName }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };
  const look = small ? ({ size: 'small', type: 'link' } as const) : {};
  return (
    <Space.Compact>
      <Button {...look} icon={<PrinterOutlined />} loading={busy === 'print'} onClick={() => void run('print')} data-testid={testId}>
        {label ?? t('print.button.print')}
      </Button>
      <Button {...look} icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')} data-testid={`${testId}-pdf`} title={t('print.button.pdf')}>
        {t('print.button.pdf')}
      </Button>
    </Space.Compact>
  );
}
