// Spreadsheets: import a resident roster (.xlsx) and export the ledgers clerks are asked for.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SheetsScreen() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('sheets.title')}</Typography.Title>;
}
