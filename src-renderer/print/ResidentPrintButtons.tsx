// The resident drawer's print row: the form that fits the registration type — 求职登记表 for a
// 求职登记, 失业登记表 for a 失业登记, the 认定申请表 for a 就业困难人员认定申请 (never a 失业登记表
// for someone who did not register as unemployed), while the registration stands; and the 服务记录卡
// (services, employment status, posts, trainings), closed or not. The core logs each print.
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/rpc/handlers';
import { useSession } from '../station/queries';
import { PrintButton } from './PrintButton';
import { printRoute } from './printing';
import { residentPrintRow } from './residentForms';


export function ResidentPrintButtons({ view }: { view: ResidentView }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const { forms, serviceCard: card } = residentPrintRow(view, role);
  if (forms.length === 0 && !card) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="resident-print">
      {forms.map((form) => {
        if (form === 'hardship') {
          return (
            <PrintButton
              key={form}
              route={printRoute('hardshipApplication', view.id)}
              fileName={`${view.name}-${t('print.hardship.title')}`}
              label={t('print.button.hardship')}
              testId="print-hardship"
            />
          );
        }
        const title = t(`print.registration.title.${form}`);
        return (
          <PrintButton
            key={form}
            route={printRoute('registration', view.id)}
            fileName={`${view.name}-${title}`}
            label={t('print.button.registration', { title })}
            testId="print-registration"
          />
        );
      })}
      {card && <PrintButton route={printRoute('serviceCard', view.id)} fileName={`${view.name}-${t('print.card.title')}`} label={t('print.button.serviceCard')} testId="print-service-card" />}
    </Space>
  );
}
