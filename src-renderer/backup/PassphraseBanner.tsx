// Above every screen of an administrator (their home too) while no backup passphrase is set: the
// station writes no backup until one is (backups are encrypted with it). Gone once it is set.

import { Alert, Button } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../access/may';
import { navigate, useRoute } from '../route';
import { useSession } from '../station/queries';
import { useBackupStatus } from './queries';

function Banner() {
  const { t } = useTranslation();
  const status = useBackupStatus();
  const route = useRoute();
  // The backup screen says it itself, beside the passphrase form.
  if (!status.data || status.data.passphraseSet || route.name === 'backup') return null;
  return (
    <Alert
      className="leye-banner"
      type="warning"
      banner
      data-testid="backup-passphrase-banner"
      title={t('backup.noPassphraseBanner')}
      action={
        <Button size="small" icon={<LockOutlined />} onClick={() => navigate({ name: 'backup' })} data-testid="backup-passphrase-go">
          {t('backup.goSetPassphrase')}
        </Button>
      }
    />
  );
}

/** Only for those who may set the passphrase (administrators). */
export function BackupPassphraseBanner() {
  const { role } = useSession();
  return role && mayCall('backup.passphrase', role) ? <Banner /> : null;
}
