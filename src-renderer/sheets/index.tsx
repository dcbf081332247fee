// Spreadsheets: import a resident roster (.xlsx) and export the ledgers clerks are asked for.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';

export function SheetsScreen() {
  const { t } = useTranslation();
  const { role } = useSession();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={4}>{t('sheets.title')}</Typography.Title>
      {mayCall('sheets.import', role) && (
        <Card>
          <ImportWizard />
        </Card>
      )}
      <Card>
        <ExportPanel />
      </Card>
    </Space>
  );
}
