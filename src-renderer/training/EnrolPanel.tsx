// Enrolment: a resident of the station picked by search, or anyone by ID number. An ID number
// the station does not know opens a compact registration (a job-seeker registration dated
// today, validated with the shared registration schema) that registers and enrols in one call.

import { Alert, App as AntApp, Button, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { IdcardOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { get, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ageOn, checkIdNumber, idNumberProblem } from '../../shared/id/idNumber';
import { CARE_CATEGORIES, EDUCATION_LEVELS, HOUSEHOLD_TYPES, TARGET_GROUPS } from '../../shared/residents/schema';
import { toLeyeError } from '../../shared/rpc/client';
import type { RpcError } from '../../shared/rpc/errors';
import type { TraineeView } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { ID_INPUT_MAX_LENGTH, idFieldValue, isComposing } from '../residents/idNumberInput';
import { useResidentPicker } from '../residents/queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { FieldItem, TextField } from '../form/fields';
import { fieldLabelKey, trainingIssueText, trainingIssues } from '../errors';
import { EnumCheckboxes, EnumRadios, EnumSelect } from '../form/enumFields';
import { emptyResident, residentResolver, toRegisterArgs, type ResidentFormValues } from '../residents/residentForm';
import { useDebounced } from '../useDebounced';

const today = () => dayjs().format('YYYY-MM-DD');

function isUnknownPerson(error: RpcError): boolean {
  return error.messageKey === 'errors.training.unknownPerson' || Boolean(error.issues?.some((i) => i.messageKey === 'errors.training.unknownPerson'));
}

export function EnrolPanel({ sessionId, onEnrolled }: { sessionId: string; onEnrolled(trainee: TraineeView): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 200);
  const [picked, setPicked] = useState<string | null>(null);
  const [idNumber, setIdNumber] = useState('');
  const [idError, setIdError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<'pick' | 'id' | null>(null);
  const [registering, setRegistering] = useState<string | null>(null);
  const idInput = useRef<React.ComponentRef<typeof Input>>(null);

  const residents = useResidentPicker(query, query.length > 0);

  const done = (trainee: TraineeView) => {
    setRefusal(null);
    void message.success(t('training.enrol.enrolled', { name: trainee.name }));
    onEnrolled(trainee);
  };

  const enrol = async (args: { residentId: string } | { idNumber: string }, via: 'pick' | 'id') => {
    setBusy(via);
    setRefusal(null);
    setIdError(null);
    try {
      const trainee = await leye.call('training.enrol', { sessionId, ...args });
      done(trainee);
      if (via === 'id') setIdNumber('');
      else setPicked(null);
    } catch (reason) {
      const error = toLeyeError(reason).rpc;
      if (via === 'id' && isUnknownPerson(error)) {
        setRegistering((args as { idNumber: string }).idNumber);
      } else if (via === 'id' && error.code === 'VALIDATION' && (error.field === 'idNumber' || !error.field)) {
        setIdError(trainingIssues(t, error).join(t('training.sep')));
      } else {
        setRefusal(trainingIssues(t, error));
      }
    } finally {
      setBusy(null);
      if (via === 'id') idInput.current?.focus();
    }
  };

  const submitId = () => {
    const check = checkIdNumber(idNumber, today());
    if (!check.ok) {
      const problem = idNumberProblem(check);
      setIdError(t(problem.messageKey, problem.params));
      return;
    }
    void enrol({ idNumber: check.idNumber }, 'id');
  };

  const options = (residents.data?.items ?? []).map((r) => ({
    value: r.id,
    label: (
      <Space size={8}>
        <span>{r.name}</span>
        <Typography.Text type="secondary" className="leye-mono">
          {r.idNumberMasked}
        </Typography.Text>
        <Typography.Text type="secondary">{t('form.ageValue', { age: r.age })}</Typography.Text>
      </Space>
    ),
  }));

  return (
    <div data-testid="enrol-panel">
      <Row gutter={16} align="top">
        <Col xs={24} md={12}>
          <Form.Item label={t('training.enrol.pickResident')} layout="vertical" style={{ marginBottom: 8 }}>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                allowClear
                data-testid="enrol-resident"
                style={{ width: '100%' }}
                value={picked ?? undefined}
                placeholder={t('training.enrol.pickPlaceholder')}
                onChange={(value) => setPicked(value ?? null)}
                options={options}
                notFoundContent={query ? t('training.enrol.noResidents') : null}
                loading={residents.isFetching}
              />
              <Button type="primary" disabled={!picked} loading={busy === 'pick'} onClick={() => picked && void enrol({ residentId: picked }, 'pick')} data-testid="enrol-pick-submit">
                {t('training.enrol.submit')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('training.enrol.byIdNumber')}
            layout="vertical"
            style={{ marginBottom: 8 }}
            validateStatus={idError ? 'error' : undefined}
            help={idError ? <span data-testid="enrol-idnumber-error">{idError}</span> : undefined}
          >
            <Space.Compact style={{ width: '100%' }}>
              <Input
                ref={idInput}
                className="leye-mono"
                prefix={<IdcardOutlined />}
                maxLength={ID_INPUT_MAX_LENGTH}
                value={idNumber}
                placeholder={t('training.enrol.idPlaceholder')}
                onChange={(event) => {
                  setIdNumber(idFieldValue(event.target.value, isComposing(event)));
                  setIdError(null);
                }}
                onCompositionEnd={(event) => setIdNumber(idFieldValue(event.currentTarget.value))}
                onPressEnter={submitId}
                data-testid="enrol-idnumber"
              />
              <Button type="primary" loading={busy === 'id'} onClick={submitId} data-testid="enrol-submit">
                {t('training.enrol.submit')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          title={t('training.enrol.refused')}
          description={refusal.length === 1 ? refusal[0] : <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.map((text) => <li key={text}>{text}</li>)}</ul>}
          data-testid="enrol-error"
          style={{ marginBottom: 8 }}
        />
      )}
      <Modal
        open={registering !== null}
        title={t('training.enrol.registerTitle')}
        footer={null}
        width={760}
        destroyOnHidden
        onCancel={() => {
          setRegistering(null);
          idInput.current?.focus();
        }}
      >
        {registering && (
          <RegisterAndEnrol
            sessionId={sessionId}
            idNumber={registering}
            onDone={(trainee) => {
              setRegistering(null);
              setIdNumber('');
              done(trainee);
              setTimeout(() => idInput.current?.focus(), 0);
            }}
          />
        )}
      </Modal>
    </div>
  );
}

type R = ResidentFormValues;
const FORM_FIELDS = new Set(['name', 'phone', 'householdType', 'address', 'education', 'targetGroups', 'careCategories']);

function RegisterAndEnrol({ sessionId, idNumber, onDone }: { sessionId: string; idNumber: string; onDone(trainee: TraineeView): void }) {
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(
    () => (values: R, context: unknown, options: Parameters<ReturnType<typeof residentResolver>>[2]) =>
      residentResolver({ kind: 'register' }, tRef.current)(values, context, options),
    [],
  );
  const form = useForm<R>({ defaultValues: { ...emptyResident(today()), idNumber }, resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string[] | null>(null);
  // The core names the registration's fields `register.*`; this compact form shows only some.
  const place = useCoreIssues(form.setError, {
    fieldOf: (argPath) => {
      const path = argPath.replace(/^register\./, '');
      return FORM_FIELDS.has(path.split('.')[0] ?? '') ? path : null;
    },
    text: (issue) => trainingIssueText(t, issue),
    focus: false,
  });
  const check = checkIdNumber(idNumber);
  const groups = useWatch({ control, name: 'targetGroups' });

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        onDone(await leye.call('training.enrol', { sessionId, register: toRegisterArgs(values) }));
      } catch (reason) {
        const error = toLeyeError(reason).rpc;
        if (error.code === 'VALIDATION' && error.issues?.length) {
          const { elsewhere } = place(error.issues);
          setFormError(elsewhere.length > 0 ? elsewhere : [t('form.fixErrors')]);
          return;
        }
        setFormError(trainingIssues(t, error));
      }
    },
    (errors) => {
      // Fields this compact form does not show (kind, date, the ID number) cannot be fixed here.
      const hidden = Object.keys(errors).filter((key) => !FORM_FIELDS.has(key));
      setFormError(hidden.length > 0 ? hidden.map((key) => (get(errors, key) as { message?: string } | undefined)?.message ?? key) : [t('form.fixErrors')]);
    },
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="enrol-register-form">
      <Typography.Paragraph>{t('training.enrol.registerIntro', { id: idNumber })}</Typography.Paragraph>
      {check.ok && (
        <Typography.Paragraph type="success" data-testid="enrol-register-derived">
          {t('form.derivedBirthDate')} {check.birthDate} · {t(`enums.sex.${check.sex}`)} · {t('form.ageValue', { age: ageOn(check.birthDate, today()) })}
        </Typography.Paragraph>
      )}
      {formError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={formError.length === 1 ? formError[0] : t('training.enrol.refused')}
          description={formError.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{formError.map((text) => <li key={text}>{text}</li>)}</ul> : undefined}
          data-testid="enrol-register-error"
        />
      )}
      <Form component={false} layout="vertical">
        <Row gutter={16}>
          <Col span={8}>
            <FieldItem control={control} name="name" label={t(fieldLabelKey('name'))} required testId="name" errorTestId="register-error-name">
              <TextField control={control} name="name" maxLength={30} autoFocus testId="register-field-name" />
            </FieldItem>
          </Col>
          <Col span={8}>
            <FieldItem control={control} name="phone" label={t(fieldLabelKey('phone'))} required testId="phone" errorTestId="register-error-phone">
              <TextField control={control} name="phone" maxLength={11} testId="register-field-phone" />
            </FieldItem>
          </Col>
          <Col span={8}>
            <FieldItem control={control} name="householdType" label={t(fieldLabelKey('householdType'))} required testId="householdType" errorTestId="register-error-householdType">
              <EnumRadios control={control} name="householdType" values={HOUSEHOLD_TYPES} labelKey="enums.householdType" testId="register-field-householdType" />
            </FieldItem>
          </Col>
          <Col span={16}>
            <FieldItem control={control} name="address" label={t(fieldLabelKey('address'))} required testId="address" errorTestId="register-error-address">
              <TextField control={control} name="address" maxLength={100} testId="register-field-address" />
            </FieldItem>
          </Col>
          <Col span={8}>
            <FieldItem control={control} name="education" label={t(fieldLabelKey('education'))} required testId="education" errorTestId="register-error-education">
              <EnumSelect control={control} name="education" values={EDUCATION_LEVELS} labelKey="enums.education" testId="register-field-education" />
            </FieldItem>
          </Col>
          <Col span={24}>
            <FieldItem control={control} name="targetGroups" label={t(fieldLabelKey('targetGroups'))} testId="targetGroups" errorTestId="register-error-targetGroups">
              <EnumCheckboxes control={control} name="targetGroups" values={TARGET_GROUPS} labelKey="enums.targetGroup" testId="register-field-targetGroups" />
            </FieldItem>
          </Col>
          {groups.includes('keyCare') && (
            <Col span={24}>
              <FieldItem control={control} name="careCategories" label={t(fieldLabelKey('careCategories'))} required testId="careCategories" errorTestId="register-error-careCategories">
                <EnumCheckboxes control={control} name="careCategories" values={CARE_CATEGORIES} labelKey="enums.careCategory" testId="register-field-careCategories" />
              </FieldItem>
            </Col>
          )}
        </Row>
        <Typography.Paragraph type="secondary">{t('training.enrol.registerKind', { kind: t('enums.kind.jobSeeking'), date: today() })}</Typography.Paragraph>
      </Form>
      <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={formState.isSubmitting} data-testid="enrol-register-submit">
        {t('training.enrol.registerSubmit')}
      </Button>
    </form>
  );
}
