// Create or edit a public-welfare post, in a dialog. Validated as the clerk types with the
// shared schema the core applies again; the core's errors land on the fields they name.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { POST_CATEGORIES, POST_KINDS } from '../../shared/posts/schema';
import type { PostView } from '../../shared/rpc/handlers';
import { placeOfId } from '../../shared/documents/registry';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { postKeys } from './queries';
import { EnumRadios, EnumSelect } from '../form/enumFields';
import { FieldItem, IsoDatePicker } from '../form/fields';
import { todayIso } from '../form/format';
import { useSession } from '../station/queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { emptyPost, postFieldOf, postResolver, postToValues, toPostArgs, type PostFormValues } from './forms';
import { issueText, issuesOf } from '../errors';

type V = PostFormValues;

export function PostFormDialog(props: { post?: PostView; onClose(saved?: PostView): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { station } = useSession();
  const tRef = useRef(t);
  tRef.current = t;
  const editing = props.post;
  const resolver = useMemo(() => postResolver(() => tRef.current, editing?.rev), [editing?.rev]);
  const form = useForm<V>({
    defaultValues: editing ? postToValues(editing) : emptyPost(station?.placeCode ?? '', todayIso()),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(form.setError, { fieldOf: postFieldOf, text: (issue) => issueText(t, issue) });

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        const saved = await leye.call('posts.save', toPostArgs(values, editing?.rev));
        void queryClient.invalidateQueries({ queryKey: postKeys.all });
        void message.success(t('posts.saved'));
        props.onClose(saved);
      } catch (reason) {
        const { elsewhere } = place(issuesOf(toLeyeError(reason).rpc));
        setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : t('posts.fixErrors'));
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  const text = (name: Path<V>, testId: string, maxLength: number, extra?: { disabled?: boolean; className?: string }) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Input
          ref={field.ref}
          name={field.name}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
          maxLength={maxLength}
          disabled={extra?.disabled}
          className={extra?.className}
          autoComplete="off"
          data-testid={testId}
        />
      )}
    />
  );

  const number = (name: 'plannedHoursPerMonth' | 'payPerMonth', testId: string, step: number, precision: number) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <InputNumber<number>
          ref={field.ref}
          style={{ width: '100%' }}
          value={field.value}
          min={0}
          step={step}
          precision={precision}
          onChange={(value) => field.onChange(value ?? null)}
          onBlur={field.onBlur}
          data-testid={testId}
        />
      )}
    />
  );

  const date = (name: 'startDate' | 'endDate') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <IsoDatePicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} testId={`post-field-${name}`} />}
    />
  );

  return (
    <Modal
      open
      width={760}
      title={editing ? t('posts.editTitle', { code: editing.code, name: editing.name }) : t('posts.newTitle')}
      okText={t('posts.save')}
      cancelText={t('posts.cancel')}
      onOk={() => void submit()}
      onCancel={() => props.onClose()}
      confirmLoading={formState.isSubmitting}
      okButtonProps={{ 'data-testid': 'post-save' }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
        data-testid="post-form"
      >
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="post-form-error" />}
        <Form component={false} layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <FieldItem control={control} name="code" label={t('posts.fields.code')} required testId="post-code">
                {text('code', 'post-field-code', 20, { disabled: Boolean(editing), className: 'leye-mono' })}
              </FieldItem>
            </Col>
            <Col xs={24} md={16}>
              <FieldItem control={control} name="name" label={t('posts.fields.name')} required testId="post-name">
                {text('name', 'post-field-name', 50)}
              </FieldItem>
            </Col>
            <Col xs={24} md={8}>
              <FieldItem control={control} name="kind" label={t('posts.fields.kind')} required testId="post-kind">
                <EnumRadios control={control} name="kind" values={POST_KINDS} labelKey="posts.enums.kind" testId="post-field-kind" buttons />
              </FieldItem>
            </Col>
            <Col xs={24} md={8}>
              <FieldItem control={control} name="category" label={t('posts.fields.category')} required testId="post-category">
                <EnumSelect control={control} name="category" values={POST_CATEGORIES} labelKey="posts.enums.category" testId="post-field-category" />
              </FieldItem>
            </Col>
            <Col xs={24} md={8}>
              <FieldItem control={control} name="placeCode" label={t('posts.fields.placeCode')} required testId="post-placeCode" extra={t('posts.placeHint')}>
                {text('placeCode', 'post-field-placeCode', 12, { disabled: Boolean(editing && placeOfId(editing.id)), className: 'leye-mono' })}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem control={control} name="employerName" label={t('posts.fields.employerName')} required testId="post-employerName">
                {text('employerName', 'post-field-employerName', 60)}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem
                control={control}
                name="employerCreditCode"
                label={t('posts.fields.employerCreditCode')}
                testId="post-employerCreditCode"
                extra={t('posts.employerCreditCodeHint')}
              >
                {text('employerCreditCode', 'post-field-employerCreditCode', 18, { className: 'leye-mono' })}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem control={control} name="plannedHoursPerMonth" label={t('posts.fields.plannedHoursPerMonth')} required testId="post-plannedHoursPerMonth">
                {number('plannedHoursPerMonth', 'post-field-plannedHoursPerMonth', 1, 0)}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem control={control} name="payPerMonth" label={t('posts.fields.payPerMonth')} required testId="post-payPerMonth">
                {number('payPerMonth', 'post-field-payPerMonth', 100, 2)}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem control={control} name="startDate" label={t('posts.fields.startDate')} required testId="post-startDate">
                {date('startDate')}
              </FieldItem>
            </Col>
            <Col xs={24} md={12}>
              <FieldItem control={control} name="endDate" label={t('posts.fields.endDate')} required testId="post-endDate">
                {date('endDate')}
              </FieldItem>
            </Col>
          </Row>
        </Form>
      </form>
    </Modal>
  );
}
