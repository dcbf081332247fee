// 记录结果: what came of a referral (录用 / 未录用 / 无正当理由拒绝), a follow-up entry pointing at
// the referral, never an edit of it; with `corrects`, a correction of a result already recorded.

import { Alert, App as AntApp, Form, Modal } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toLeyeError } from '../../shared/rpc/client';
import type { ResidentView } from '../../shared/rpc/handlers';
import type { ServiceView } from '../../shared/services/contract';
import { dateIssues } from '../../shared/services/rules';
import { REFERRAL_RESULTS, serviceResultSchema, type ReferralResult } from '../../shared/services/schema';
import { errorText, issuesOf } from '../errors';
import { EnumRadios } from '../form/enumFields';
import { DateField, FieldItem, TextField } from '../form/fields';
import { todayIso } from '../form/format';
import { issuesResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { formIssues, RESULT_LABELS, serviceIssueText } from './formIssues';
import { useServiceSave } from './queries';

interface ResultValues {
  date: string;
  result: ReferralResult | '';
  note: string;
}

const fieldOf = (path: string) => (path === 'date' || path === 'result' || path === 'note' ? path : null);

export function ResultDialog({ view, referral, corrects, onDone }: { view: ResidentView; referral: ServiceView; corrects: ServiceView | null; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const tRef = useRef<TFunction>(t);
  tRef.current = t;
  const save = useServiceSave(view.id);
  const resolver = useMemo(
    () =>
      issuesResolver<ResultValues>((v) => {
        const facts = { today: todayIso(), birthDate: view.birthDate, closed: false };
        const rules = v.date ? dateIssues(v.date, facts) : [];
        if (v.date && rules.length === 0 && v.date < referral.date) rules.push({ field: 'date', messageKey: 'errors.services.resultBeforeReferral', params: { referralDate: referral.date } });
        return formIssues(tRef.current, serviceResultSchema, { referralId: referral.id, ...v }, rules, fieldOf, RESULT_LABELS);
      }),
    [view.birthDate, referral.id, referral.date],
  );
  const { control, handleSubmit, setError } = useForm<ResultValues>({
    defaultValues: { date: corrects?.date ?? todayIso(), result: corrects?.result ?? '', note: corrects?.note ?? '' },
    resolver,
    mode: 'onTouched',
  });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => serviceIssueText(t, issue, RESULT_LABELS) });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const fields = { date: values.date, result: values.result as ReferralResult, note: values.note };
    try {
      if (corrects) await save.correct.mutateAsync({ entry: 'result', corrects: corrects.id, ...fields });
      else await save.result.mutateAsync({ referralId: referral.id, ...fields });
      void message.success(t(corrects ? 'services.corrected' : 'services.resultSaved'));
      onDone();
    } catch (reason) {
      const error = toLeyeError(reason).rpc;
      const { elsewhere } = place(issuesOf(error), error.code === 'VALIDATION');
      setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : error.code === 'VALIDATION' ? null : errorText(t, reason));
    }
  });

  const r = referral.referral;
  return (
    <Modal
      open
      title={t(corrects ? 'services.correctResultTitle' : 'services.resultTitle', { employer: r?.employerName ?? '', job: r?.job ?? '' })}
      okText={t('services.save')}
      cancelText={t('services.cancel')}
      okButtonProps={{ loading: save.result.isPending || save.correct.isPending, 'data-testid': 'result-save' }}
      onOk={() => void submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      {corrects && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('services.correctHint')} />}
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="result-form-error" />}
      <Form layout="vertical" component="div">
        <FieldItem control={control} name="result" label={t('services.fields.result')} required testId="result-result">
          <EnumRadios control={control} name="result" values={REFERRAL_RESULTS} labelKey="services.results" testId="result-result-input" buttons />
        </FieldItem>
        <FieldItem control={control} name="date" label={t('services.fields.resultDate')} required testId="result-date">
          <DateField control={control} name="date" testId="result-date-input" disableFuture />
        </FieldItem>
        <FieldItem control={control} name="note" label={t('services.fields.note')} testId="result-note">
          <TextField control={control} name="note" testId="result-note-input" maxLength={500} textarea />
        </FieldItem>
      </Form>
    </Modal>
  );
}
