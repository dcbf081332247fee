// Statistics: the station's (township's, county's) numbers by month, target group and village.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function StatsScreen() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('stats.title')}</Typography.Title>;
}
