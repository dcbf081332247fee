// A payment account, masked, with an eye button: revealing asks the core, which logs who saw it.
import { App as AntApp, Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayAccountView } from '../../shared/payroll/contract';
import { leye } from '../bridge';
import { errorText } from '../errors';

export function AccountValue({ account }: { account: PayAccountView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    if (value !== null) return setValue(null);
    setBusy(true);
    try {
      setValue((await leye.call('payroll.revealAccount', { id: account.id })).value);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };
  const label = value === null ? t('payroll.account.reveal') : t('residents.hide');
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="pay-account">
      {t(`payroll.accountKinds.${account.kind}`)} {account.bankName} <span className="leye-mono">{value ?? account.accountNo}</span>
      {account.masked && (
        <Tooltip title={label}>
          <Button type="text" size="small" loading={busy} icon={value === null ? <EyeOutlined /> : <EyeInvisibleOutlined />} onClick={() => void toggle()} aria-label={label} data-testid="reveal-pay-account" />
        </Tooltip>
      )}
    </span>
  );
}
