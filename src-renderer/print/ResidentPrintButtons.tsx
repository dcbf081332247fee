// The resident drawer's print row: the registration form, and for a 就业困难 application the
// 认定申请表 (both carry the full ID number: the core logs each print).
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/rpc/handlers';
import { PrintButton } from './PrintButton';
import { printRoute } from './printing';

export function ResidentPrintButtons({ view }: { view: ResidentView }) {
  const { t } = useTranslation();
  const title = t(`print.registration.title.${view.kind === 'jobSeeking' ? 'jobSeeking' : 'unemployment'}`);
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="resident-print">
      <PrintButton route={printRoute('registration', view.id)} fileName={`${view.name}-${title}`} label={t('print.button.registration', { title })} testId="print-registration" />
      {view.kind === 'hardship' && (
        <PrintButton
          route={printRoute('hardshipApplication', view.id)}
          fileName={`${view.name}-${t('print.hardship.title')}`}
          label={t('print.button.hardship')}
          testId="print-hardship"
        />
      )}
    </Space>
  );
}
