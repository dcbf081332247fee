// A holder's payment account on the post's holder row: shown masked (revealed on request, logged),
// entered or replaced in a small dialog from a date on.
import { Alert, App as AntApp, Button, Input, Modal, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PAY_ACCOUNT_KINDS, payAccountSetSchema, type PayAccountKind } from '../../shared/payroll/schema';
import { toLeyeError } from '../../shared/rpc/client';
import { errorText, issueText, issuesOf } from '../errors';
import { DateField, FieldItem } from '../form/fields';
import { todayIso } from '../form/format';
import { schemaResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { AccountValue } from './AccountValue';
import { usePayAccount, useSetPayAccount } from './queries';

interface Values {
  kind: PayAccountKind;
  bankName: string;
  accountNo: string;
  effectiveFrom: string;
}

const LABELS = { kind: 'payroll.account.kind', bankName: 'payroll.account.bankName', accountNo: 'payroll.account.accountNo', effectiveFrom: 'payroll.account.effectiveFrom' };
const FIELDS = ['kind', 'bankName', 'accountNo', 'effectiveFrom'] as const;
const fieldOf = (path: string) => ((FIELDS as readonly string[]).includes(path) ? path : null);

export function PayAccountCell({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const account = usePayAccount(residentId);
  const [open, setOpen] = useState(false);
  return (
    <span data-testid="pay-account-cell">
      {account.data ? <AccountValue account={account.data} /> : <span className="leye-muted">{t('payroll.account.none')}</span>}
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="pay-account-edit">
        {t('payroll.account.edit')}
      </Button>
      {open && <PayAccountModal residentId={residentId} onClose={() => setOpen(false)} />}
    </span>
  );
}

function PayAccountModal({ residentId, onClose }: { residentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(() => schemaResolver<Values, unknown>(payAccountSetSchema, (v) => ({ residentId, ...v }), fieldOf, () => tRef.current, LABELS), [residentId]);
  const { control, handleSubmit, setError } = useForm<Values>({ defaultValues: { kind: 'bankCard', bankName: '', accountNo: '', effectiveFrom: todayIso() }, resolver, mode: 'onTouched' });
  const save = useSetPayAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => issueText(t, issue, LABELS) });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync({ residentId, ...values });
      void message.success(t('payroll.account.saved'));
      onClose();
    } catch (reason) {
      const { elsewhere } = place(issuesOf(toLeyeError(reason).rpc));
      setFormError(elsewhere.length > 0 ? elsewhere.join('；') : errorText(t, reason));
    }
  });
  return (
    <Modal open title={t('payroll.account.title')} onCancel={onClose} onOk={() => void submit()} okText={t('payroll.account.save')} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'pay-account-save' }}>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      <FieldItem control={control} name="kind" label={t(LABELS.kind)} required testId="pay-account-kind">
        <Controller
          control={control}
          name="kind"
          render={({ field }) => <Select {...field} options={PAY_ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`payroll.accountKinds.${k}`) }))} data-testid="pay-account-field-kind" />}
        />
      </FieldItem>
      <FieldItem control={control} name="bankName" label={t(LABELS.bankName)} testId="pay-account-bankName">
        <Controller control={control} name="bankName" render={({ field }) => <Input {...field} maxLength={60} data-testid="pay-account-field-bankName" />} />
      </FieldItem>
      <FieldItem control={control} name="accountNo" label={t(LABELS.accountNo)} required testId="pay-account-accountNo">
        <Controller control={control} name="accountNo" render={({ field }) => <Input {...field} className="leye-mono" inputMode="numeric" autoComplete="off" maxLength={40} data-testid="pay-account-field-accountNo" />} />
      </FieldItem>
      <FieldItem control={control} name="effectiveFrom" label={t(LABELS.effectiveFrom)} required testId="pay-account-effectiveFrom">
        <DateField control={control} name="effectiveFrom" testId="pay-account-field-effectiveFrom" />
      </FieldItem>
    </Modal>
  );
}
