// The resident drawer's print row: the form that fits the registration type — 求职登记表 for a
// 求职登记, 失业登记表 for a 失业登记, the 认定申请表 for a 就业困难人员认定申请 (never a 失业登记表
// for someone who did not register as unemployed). Each carries the full ID number: the core logs each print.
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationKind } from '../../shared/residents/schema';
import type { ResidentView } from '../../shared/rpc/handlers';
import { PrintButton } from './PrintButton';
import { printRoute } from './printing';

export type ResidentForm = 'jobSeeking' | 'unemployment' | 'hardship';

/** The forms a registration of this type may print. */
export function residentForms(kind: RegistrationKind): ResidentForm[] {
  return [kind];
}

export function ResidentPrintButtons({ view }: { view: ResidentView }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="resident-print">
      {residentForms(view.kind).map((form) => {
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
    </Space>
  );
}
