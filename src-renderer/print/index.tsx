// Printed forms: each form is a route of its own, shown bare at A4 with print CSS.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function PrintRoute({ form, args }: { form: string; args: string[] }) {
  const { t } = useTranslation();
  void args;
  return <Result status="404" title={t('print.unknownForm', { form })} />;
}
