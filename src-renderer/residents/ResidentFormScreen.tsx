// Register a resident, or edit one. Validated as the clerk types with the same shared schema
// the core applies again; the core's own errors land on the fields they name. Every change is
// kept as a draft until the form is submitted or the draft discarded.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, useFormState, useWatch, type Control, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ageOn, checkIdNumber } from '../../shared/id/idNumber';
import {
  CARE_CATEGORIES,
  EDUCATION_LEVELS,
  HARDSHIP_CATEGORIES,
  HOUSEHOLD_TYPES,
  REGISTRATION_KINDS,
  TARGET_GROUPS,
  UNEMPLOYMENT_TYPES,
} from '../../shared/residents/schema';
import type { ResidentView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import type { FieldIssue } from '../../shared/rpc/errors';
import { leye } from '../bridge';
import { residentKeys } from './queries';
import { useFormDraft } from '../drafts/useFormDraft';
import { errorText, fieldLabelKey, translateIssue, translateRpcError } from '../errors';
import { EnumCheckboxes, EnumRadios, EnumSelect } from '../form/enumFields';
import {
  emptyResident,
  residentResolver,
  residentToValues,
  toRegisterArgs,
  toUpdateArgs,
  type FormMode,
  type ResidentFormValues,
} from './residentForm';
import { navigate } from '../route';

type V = ResidentFormValues;

const today = () => dayjs().format('YYYY-MM-DD');

/** `field-name`, `field-jobIntention`, `field-familyMembers-0-name`: stable hooks for the e2e tests. */
export const testIdOf = (path: string) => `field-${path.replace(/^registration\./, '').replace(/\./g, '-')}`;

const TOP_FIELDS = new Set(Object.keys(emptyResident('2000-01-01')));
const REGISTRATION_FIELDS = new Set(Object.keys(emptyResident('2000-01-01').registration));

/** Whether a core argument path names a field of this form (so the error can sit on it). */
export function isFormPath(path: string): boolean {
  const [top, sub] = path.split('.');
  if (top === 'registration') return sub !== undefined && REGISTRATION_FIELDS.has(sub);
  return top !== undefined && TOP_FIELDS.has(top);
}

/** Fits a stored draft onto the current form shape. */
function restoreValues(stored: unknown, start: V): V {
  if (typeof stored !== 'object' || stored === null) return start;
  const s = stored as Partial<V>;
  return { ...start, ...s, registration: { ...start.registration, ...(s.registration ?? {}) } };
}

export function ResidentFormScreen(props: { mode: 'register' } | { mode: 'edit'; id: string }) {
  const { t } = useTranslation();
  const id = props.mode === 'edit' ? props.id : null;
  const resident = useQuery({
    queryKey: residentKeys.one(id),
    queryFn: () => leye.call('residents.get', { id: id! }),
    enabled: id !== null,
    // The form keeps its own copy; a push must not reset what the clerk is typing.
    staleTime: Infinity,
  });
  if (props.mode === 'register') return <ResidentForm />;
  if (resident.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (resident.isError) return <Result status="error" title={errorText(t, resident.error)} />;
  if (!resident.data) return <Result status="404" title={t('detail.notFound')} />;
  return <ResidentForm view={resident.data} />;
}

function ResidentForm({ view }: { view?: ResidentView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const startValues = () => (view ? residentToValues(view, today()) : emptyResident(today()));
  const mode: FormMode = view ? { kind: 'edit', id: view.id, rev: view.rev } : { kind: 'register' };
  // Stable across renders and language switches: it reads the current t at each validation.
  const resolver = useMemo(
    () => (values: V, context: unknown, options: Parameters<ReturnType<typeof residentResolver>>[2]) =>
      residentResolver(mode, tRef.current)(values, context, options),
    [view?.id, view?.rev],
  );
  const form = useForm<V>({ defaultValues: startValues(), resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const draft = useFormDraft(form, view ? `edit:${view.id}` : 'register', {
    ready: true,
    baseRev: view?.rev,
    restore: (stored) => restoreValues(stored, startValues()),
    startValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const { control, handleSubmit, formState } = form;

  const showCoreError = (reason: unknown) => {
    const error = toLeyeError(reason).rpc;
    if (error.code === 'VALIDATION') {
      const issues: FieldIssue[] = error.issues?.length
        ? error.issues
        : error.field
          ? [{ field: error.field, messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }]
          : [];
      const elsewhere: string[] = [];
      let placed = 0;
      for (const issue of issues) {
        if (isFormPath(issue.field)) {
          form.setError(issue.field as Path<V>, { type: 'server', message: translateIssue(t, issue) }, { shouldFocus: placed === 0 });
          placed += 1;
        } else {
          elsewhere.push(translateIssue(t, issue));
        }
      }
      setFormError(elsewhere.length > 0 ? elsewhere.join('；') : placed > 0 ? t('form.fixErrors') : translateRpcError(t, error));
      return;
    }
    if (error.code === 'DUPLICATE_RESIDENT') {
      setDuplicateId(error.details?.residentId ?? null);
      const params = { ...error.params, name: error.details?.name ?? error.params?.name ?? '' };
      form.setError('idNumber', { type: 'duplicate', message: t(error.messageKey, params) }, { shouldFocus: true });
      return;
    }
    setFormError(translateRpcError(t, error));
  };

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      setDuplicateId(null);
      try {
        const saved = view
          ? await leye.call('residents.update', toUpdateArgs(values, view.id, draft.baseRev() ?? view.rev))
          : await leye.call('residents.register', toRegisterArgs(values));
        await draft.clear();
        queryClient.setQueryData(residentKeys.one(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: residentKeys.lists });
        void message.success(t('form.saved'));
        navigate({ name: 'resident', id: saved.id });
      } catch (error) {
        showCoreError(error);
      }
    },
    () => setFormError(t('form.fixErrors')),
  );

  const discardDraft = async () => {
    await draft.discard();
    setFormError(null);
    void message.info(t('form.draftDiscarded'));
  };

  return (
    <form className="leye-form" onSubmit={(event) => void submit(event)} noValidate data-testid="resident-form" data-draft-state={draft.loaded ? 'loaded' : 'loading'}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {view ? t('form.editTitle', { name: view.name }) : t('form.registerTitle')}
      </Typography.Title>
      {draft.restored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-restored"
          title={t('form.draftRestored', { time: dayjs(draft.restored.updatedAt).format('YYYY-MM-DD HH:mm:ss') })}
          action={
            <Button size="small" onClick={() => void discardDraft()} data-testid="draft-discard">
              {t('form.discardDraft')}
            </Button>
          }
        />
      )}
      {formError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="form-error" closable onClose={() => setFormError(null)} />
      )}
      <Form component={false} layout="vertical">
        <Card title={t('form.sectionBasic')} size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Item control={control} path="name" required>
                <TextInput control={control} path="name" maxLength={30} />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <IdNumberItem control={control} editing={Boolean(view)} duplicateId={duplicateId} t={t} trigger={() => void form.trigger('idNumber')} />
            </Col>
            <Col xs={24} md={8}>
              <Item control={control} path="phone" required={!view}>
                <TextInput
                  control={control}
                  path="phone"
                  maxLength={11}
                  inputMode="numeric"
                  placeholder={view ? t('form.phoneUnchanged', { masked: view.phoneMasked }) : undefined}
                />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item control={control} path="householdType" required>
                <EnumRadios control={control} name="householdType" values={HOUSEHOLD_TYPES} labelKey="enums.householdType" testId={testIdOf('householdType')} />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item control={control} path="education" required>
                <EnumSelect control={control} name="education" values={EDUCATION_LEVELS} labelKey="enums.education" testId={testIdOf('education')} />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item control={control} path="employmentCertificateNo">
                <TextInput control={control} path="employmentCertificateNo" maxLength={30} />
              </Item>
            </Col>
            <Col xs={24} md={16}>
              <Item control={control} path="address" required>
                <TextInput control={control} path="address" maxLength={100} />
              </Item>
            </Col>
            <Col xs={24} md={8}>
              <Item control={control} path="skills">
                <TextInput control={control} path="skills" maxLength={200} />
              </Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('form.sectionGroups')} size="small" style={{ marginBottom: 12 }}>
          <GroupsFields control={control} t={t} />
        </Card>
        <Card title={t('form.sectionRegistration')} size="small" style={{ marginBottom: 12 }}>
          <RegistrationFields control={control} t={t} />
        </Card>
      </Form>
      <Space style={{ marginBottom: 24 }}>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="form-submit">
          {view ? t('form.submitUpdate') : t('form.submitRegister')}
        </Button>
        <Button onClick={() => navigate(view ? { name: 'resident', id: view.id } : { name: 'residents' })} data-testid="form-cancel">
          {t('form.cancel')}
        </Button>
      </Space>
    </form>
  );
}

/** A labelled field with its error (from the schema or the core) underneath. */
function Item(props: { control: Control<V>; path: Path<V>; label?: string; required?: boolean; extra?: React.ReactNode; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { errors } = useFormState({ control: props.control, name: props.path, exact: true });
  const error = get(errors, props.path) as { message?: string } | undefined;
  return (
    <Form.Item
      label={props.label ?? t(fieldLabelKey(props.path))}
      required={props.required}
      validateStatus={error?.message ? 'error' : undefined}
      help={error?.message ? <span data-testid={`error-${props.path}`}>{error.message}</span> : undefined}
      extra={props.extra}
    >
      {props.children}
    </Form.Item>
  );
}

function TextInput(props: {
  control: Control<V>;
  path: Path<V>;
  maxLength?: number;
  placeholder?: string | undefined;
  inputMode?: 'numeric' | 'text';
  textarea?: boolean;
}) {
  return (
    <Controller
      control={props.control}
      name={props.path}
      render={({ field }) =>
        props.textarea ? (
          <Input.TextArea
            ref={field.ref}
            name={field.name}
            value={String(field.value ?? '')}
            onChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={props.maxLength}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid={testIdOf(props.path)}
          />
        ) : (
          <Input
            ref={field.ref}
            name={field.name}
            value={String(field.value ?? '')}
            onChange={field.onChange}
            onBlur={field.onBlur}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            inputMode={props.inputMode}
            data-testid={testIdOf(props.path)}
          />
        )
      }
    />
  );
}

function DateInput({ control, path, disableFuture }: { control: Control<V>; path: Path<V>; disableFuture?: boolean }) {
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <span data-testid={testIdOf(path)}>
          <DatePicker
            ref={field.ref}
            style={{ width: '100%' }}
            value={typeof field.value === 'string' && field.value ? dayjs(field.value) : null}
            onChange={(value) => field.onChange(value ? value.format('YYYY-MM-DD') : '')}
            onBlur={field.onBlur}
            disabledDate={disableFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined}
          />
        </span>
      )}
    />
  );
}

function IdNumberItem(props: { control: Control<V>; editing: boolean; duplicateId: string | null; t: TFunction; trigger(): void }) {
  const { t } = props;
  const idNumber = useWatch({ control: props.control, name: 'idNumber' });
  const { errors } = useFormState({ control: props.control, name: 'idNumber', exact: true });
  const derived = useMemo(() => {
    if (props.editing) return null;
    const day = today();
    const check = checkIdNumber(idNumber, day);
    return check.ok ? { birthDate: check.birthDate, sex: check.sex, age: ageOn(check.birthDate, day) } : null;
  }, [idNumber, props.editing]);
  const error = errors.idNumber?.message;

  return (
    <Form.Item
      label={t('fields.idNumber')}
      required
      validateStatus={error ? 'error' : undefined}
      help={
        error ? (
          <span data-testid="error-idNumber">
            {error}
            {errors.idNumber?.type === 'duplicate' && props.duplicateId && (
              <Button
                type="link"
                size="small"
                data-testid="view-existing"
                onClick={() => navigate({ name: 'resident', id: props.duplicateId! })}
              >
                {t('form.viewExisting')}
              </Button>
            )}
          </span>
        ) : undefined
      }
      extra={
        props.editing ? (
          t('form.idNumberReadOnly')
        ) : derived ? (
          <span className="leye-derived" data-testid="derived-info">
            {t('form.derivedBirthDate')} {derived.birthDate} · {t('form.derivedSex')} {t(`enums.sex.${derived.sex}`)} ·{' '}
            <span data-testid="derived-age" title={t('form.derivedAge')}>{t('form.ageValue', { age: derived.age })}</span>
          </span>
        ) : undefined
      }
    >
      <Controller
        control={props.control}
        name="idNumber"
        render={({ field }) => (
          <Input
            ref={field.ref}
            name={field.name}
            value={field.value}
            disabled={props.editing}
            maxLength={18}
            className="leye-mono"
            autoComplete="off"
            data-testid="field-idNumber"
            onChange={(event) => {
              field.onChange(event.target.value);
              // A complete number is checked at once, before the clerk leaves the field.
              if (event.target.value.trim().length === 18) props.trigger();
            }}
            onBlur={field.onBlur}
          />
        )}
      />
    </Form.Item>
  );
}

function GroupsFields({ control, t }: { control: Control<V>; t: TFunction }) {
  const groups = useWatch({ control, name: 'targetGroups' });
  return (
    <>
      <Item control={control} path="targetGroups">
        <EnumCheckboxes control={control} name="targetGroups" values={TARGET_GROUPS} labelKey="enums.targetGroup" testId={testIdOf('targetGroups')} />
      </Item>
      {groups.includes('keyCare') && (
        <Item control={control} path="careCategories" required extra={t('form.careCategoriesHint')}>
          <EnumCheckboxes control={control} name="careCategories" values={CARE_CATEGORIES} labelKey="enums.careCategory" testId={testIdOf('careCategories')} />
        </Item>
      )}
    </>
  );
}

function RegistrationFields({ control, t }: { control: Control<V>; t: TFunction }) {
  const kind = useWatch({ control, name: 'registration.kind' });
  const intentions = (
    <>
      <Col xs={24} md={8}>
        <Item control={control} path="registration.jobIntention">
          <TextInput control={control} path="registration.jobIntention" maxLength={100} />
        </Item>
      </Col>
      <Col xs={24} md={8}>
        <Item control={control} path="registration.trainingIntention">
          <TextInput control={control} path="registration.trainingIntention" maxLength={100} />
        </Item>
      </Col>
      <Col xs={24} md={8}>
        <Item control={control} path="registration.serviceNeeds">
          <TextInput control={control} path="registration.serviceNeeds" maxLength={200} />
        </Item>
      </Col>
    </>
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Item control={control} path="registration.kind" required>
          <EnumRadios control={control} name="registration.kind" values={REGISTRATION_KINDS} labelKey="enums.kind" testId={testIdOf('registration.kind')} buttons />
        </Item>
      </Col>
      <Col xs={24} md={8}>
        <Item control={control} path="registration.date" required>
          <DateInput control={control} path="registration.date" disableFuture />
        </Item>
      </Col>
      {kind === 'unemployment' && (
        <>
          <Col xs={24} md={8}>
            <Item control={control} path="registration.unemploymentType" required>
              <EnumSelect control={control} name="registration.unemploymentType" values={UNEMPLOYMENT_TYPES} labelKey="enums.unemploymentType" testId={testIdOf('registration.unemploymentType')} />
            </Item>
          </Col>
          <Col xs={24} md={8}>
            <Item control={control} path="registration.unemployedSince" required>
              <DateInput control={control} path="registration.unemployedSince" disableFuture />
            </Item>
          </Col>
          <Col xs={0} md={8} />
        </>
      )}
      {(kind === 'jobSeeking' || kind === 'unemployment') && intentions}
      {kind === 'hardship' && <HardshipFields control={control} t={t} />}
    </Row>
  );
}

function HardshipFields({ control, t }: { control: Control<V>; t: TFunction }) {
  const members = useFieldArray({ control, name: 'registration.familyMembers' });
  return (
    <>
      <Col span={24}>
        <Item control={control} path="registration.hardshipCategories" required>
          <EnumCheckboxes control={control} name="registration.hardshipCategories" values={HARDSHIP_CATEGORIES} labelKey="enums.hardshipCategory" testId={testIdOf('registration.hardshipCategories')} />
        </Item>
      </Col>
      <Col span={24}>
        <Item control={control} path="registration.familyMembers">
          <div data-testid={testIdOf('registration.familyMembers')}>
            {members.fields.length === 0 && (
              <div>
                <Typography.Text type="secondary">{t('form.noFamilyMembers')}</Typography.Text>
              </div>
            )}
            {members.fields.map((member, index) => (
              <Row gutter={8} key={member.id} align="top">
                <Col xs={24} md={7}>
                  <Item control={control} path={`registration.familyMembers.${index}.name`} required>
                    <TextInput control={control} path={`registration.familyMembers.${index}.name`} maxLength={30} />
                  </Item>
                </Col>
                <Col xs={24} md={7}>
                  <Item control={control} path={`registration.familyMembers.${index}.relation`} required>
                    <TextInput control={control} path={`registration.familyMembers.${index}.relation`} maxLength={10} />
                  </Item>
                </Col>
                <Col xs={24} md={7}>
                  <Item control={control} path={`registration.familyMembers.${index}.workStatus`}>
                    <TextInput control={control} path={`registration.familyMembers.${index}.workStatus`} maxLength={30} />
                  </Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => members.remove(index)} data-testid={`remove-member-${index}`}>
                      {t('form.removeFamilyMember')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              disabled={members.fields.length >= 20}
              onClick={() => members.append({ name: '', relation: '', workStatus: '' })}
              data-testid="add-member"
            >
              {t('form.addFamilyMember')}
            </Button>
          </div>
        </Item>
      </Col>
      <Col span={24}>
        <Item control={control} path="registration.reason">
          <TextInput control={control} path="registration.reason" maxLength={500} textarea />
        </Item>
      </Col>
    </>
  );
}
