// A masked ID or phone number with an eye button. Revealing asks the core (which logs who
// viewed what) and shows the full value here only; it is never cached or stored. The residents
// list draws two of these a row (issue 18, a slow PC): the button's hint is the browser's own
// (`title`), as the list's other cells give theirs (an antd Tooltip each, a trigger with its
// observers and popup machinery, was a fifth of the rows' first render), and the button is drawn
// with antd's classes without antd's Button (./plainKit.tsx).

import { App as AntApp } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { PlainIconButton } from './plainKit';

export function RevealValue({ id, field, masked }: { id: string; field: 'idNumber' | 'phone'; masked: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = async (event: React.MouseEvent) => {
    event.stopPropagation(); // the list row opens the resident on click
    if (value !== null) {
      setValue(null);
      return;
    }
    setBusy(true);
    try {
      setValue((await leye.call('residents.reveal', { id, field })).value);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  if (!masked) return null;
  const hint = value === null ? t('residents.reveal') : t('residents.hide');
  return (
    <span className="leye-mono" style={{ whiteSpace: 'nowrap' }} data-testid={`value-${field}`}>
      {value ?? masked}
      <PlainIconButton
        loading={busy}
        icon={value === null ? <EyeOutlined /> : <EyeInvisibleOutlined />}
        onClick={(event) => void toggle(event)}
        label={hint}
        testId={`reveal-${field}`}
      />
    </span>
  );
}
