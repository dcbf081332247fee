// Entering (or changing) one holder's 考核: the item scores with the weighted score as it is
// typed, the deductions, and a reason for a change. A change is a new entry that supersedes.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Col, Form, Modal, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentMonthView, AssessmentRow } from '../../shared/assessment/contract';
import { passes, weightedScore } from '../../shared/assessment/pay';
import { assessmentSaveSchema, type AssessmentSaveArgs } from '../../shared/assessment/schema';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { issueText, issuesOf } from '../errors';
import { FieldItem, NumberInput, TextField } from '../form/fields';
import { formatTime } from '../form/format';
import { schemaResolver } from '../form/schemaIssues';
import { useCoreIssues } from '../form/useCoreIssues';
import { itemLabel } from './items';
import { monthText } from './payText';
import { assessmentKeys } from './queries';

interface Values {
  scores: Record<string, number | null>;
  deductions: { reason: string; amount: number | null }[];
  note: string;
}

const LABELS: Record<string, string> = {
  scores: 'assessment.form.items',
  'deductions.reason': 'assessment.form.reason',
  'deductions.amount': 'assessment.form.amount',
  note: 'assessment.form.note',
};

export function AssessmentDialog({ view, row, onClose }: { view: AssessmentMonthView; row: AssessmentRow; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const items = view.policy.values.items;
  const current = row.current;
  const toArgs = useMemo(
    () =>
      (v: Values): AssessmentSaveArgs => ({
        postId: view.postId,
        month: view.month,
        residentId: row.residentId,
        scores: Object.fromEntries(Object.entries(v.scores).map(([k, s]) => [k, (s ?? undefined) as number])),
        deductions: v.deductions.map((d) => ({ reason: d.reason, amount: (d.amount ?? undefined) as number })),
        note: v.note,
        supersedes: current?.id ?? null,
      }),
    [view.postId, view.month, row.residentId, current],
  );
  const resolver = useMemo(() => schemaResolver<Values, AssessmentSaveArgs>(assessmentSaveSchema, toArgs, (path) => path, () => tRef.current, LABELS), [toArgs]) as Resolver<Values>;
  const form = useForm<Values>({
    defaultValues: {
      scores: Object.fromEntries(items.map((i) => [i.key, current?.scores[i.key] ?? null])),
      deductions: current?.deductions.map((d) => ({ reason: d.reason, amount: d.amount })) ?? [],
      note: '',
    },
    resolver,
    // Checked on save, then again as the clerk corrects: a half-typed row is not flagged early.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, formState } = form;
  const deductions = useFieldArray({ control, name: 'deductions' });
  const scores = useWatch({ control, name: 'scores' });
  const score = weightedScore(Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s ?? 0])), items);
  const complete = items.every((i) => typeof scores[i.key] === 'number');
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: (path) => path, text: (issue) => issueText(t, issue, LABELS), focus: false });

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await leye.call('assessment.save', toArgs(values));
        void client.invalidateQueries({ queryKey: assessmentKeys.all });
        void message.success(t('assessment.form.saved'));
        onClose();
      } catch (reason) {
        const error = toLeyeError(reason).rpc;
        const { elsewhere } = place(issuesOf(error), error.code === 'VALIDATION');
        setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : t('posts.fixErrors'));
        if (error.code === 'CONFLICT' || error.code === 'LOCKED') void client.invalidateQueries({ queryKey: assessmentKeys.all });
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  return (
    <Modal
      open
      width={720}
      title={t('assessment.form.title', { name: row.name, month: monthText(t, view.month) })}
      okText={t('assessment.form.save')}
      cancelText={t('assessment.form.cancel')}
      okButtonProps={{ 'data-testid': 'assessment-save' }}
      confirmLoading={formState.isSubmitting}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <form
        noValidate
        data-testid="assessment-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="assessment-form-error" />}
        {current && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.form.supersedes', { at: formatTime(current.assessedAt), by: current.assessedBy })} />}
        <Form component={false} layout="vertical">
          <Typography.Text strong>{t('assessment.form.items')}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            {items.map((item) => (
              <Col xs={24} md={8} key={item.key}>
                <FieldItem control={control} name={`scores.${item.key}`} label={`${itemLabel(item, i18n.language)}（${t('assessment.form.weight', { weight: item.weight })}）`} required testId={`assessment-score-${item.key}`}>
                  <NumberInput control={control} name={`scores.${item.key}`} min={0} max={100} precision={1} step={1} testId={`assessment-score-${item.key}`} />
                </FieldItem>
              </Col>
            ))}
          </Row>
          <div style={{ marginBottom: 12 }} data-testid="assessment-weighted">
            {complete && (
              <Typography.Text type={passes(score, view.policy.values) ? 'success' : 'danger'}>
                {t('assessment.form.weighted', { score, result: t(passes(score, view.policy.values) ? 'assessment.passed' : 'assessment.failed') })}
              </Typography.Text>
            )}
          </div>
          <Typography.Text strong>{t('assessment.form.deductions')}</Typography.Text>
          {deductions.fields.map((field, index) => (
            <Row gutter={8} key={field.id} style={{ marginTop: 8 }} align="top">
              <Col span={14}>
                <FieldItem control={control} name={`deductions.${index}.reason`} label={t('assessment.form.reason')} required testId={`deduction-reason-${index}`}>
                  <TextField control={control} name={`deductions.${index}.reason`} maxLength={100} testId={`deduction-reason-${index}`} />
                </FieldItem>
              </Col>
              <Col span={7}>
                <FieldItem control={control} name={`deductions.${index}.amount`} label={t('assessment.form.amount')} required testId={`deduction-amount-${index}`}>
                  <NumberInput control={control} name={`deductions.${index}.amount`} min={0.01} precision={2} step={10} testId={`deduction-amount-${index}`} />
                </FieldItem>
              </Col>
              <Col span={3} style={{ paddingTop: 30 }}>
                <Button icon={<DeleteOutlined />} onClick={() => deductions.remove(index)} aria-label={t('assessment.form.remove')} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} style={{ margin: '8px 0 16px' }} onClick={() => deductions.append({ reason: '', amount: null })} data-testid="deduction-add">
            {t('assessment.form.addDeduction')}
          </Button>
          <FieldItem control={control} name="note" label={t(current ? 'assessment.form.changeReason' : 'assessment.form.note')} required={Boolean(current)} testId="assessment-note">
            <TextField control={control} name="note" maxLength={200} testId="assessment-note" />
          </FieldItem>
        </Form>
      </form>
    </Modal>
  );
}
