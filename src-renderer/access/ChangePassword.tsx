// 修改密码: any logged-in user changes their own password with the current one. The button is in
// the header; its dialog (ChangePasswordModal.tsx) is loaded when first opened.

import { Button } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ChangePasswordModal = lazy(() => import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));

export function ChangePasswordButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" icon={<KeyOutlined />} title={t('access.changePassword.title')} onClick={() => setOpen(true)} data-testid="change-password" />
      {open && (
        <Suspense fallback={null}>
          <ChangePasswordModal onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

