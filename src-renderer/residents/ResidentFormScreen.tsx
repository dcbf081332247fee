// Register a resident, or edit one. Validated as the clerk types with the same shared schema
// the core applies again; the core's own errors land on the fields they name. Every change is
// kept as a draft until the form is submitted or the draft discarded.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Form, Result, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, HOUSEHOLD_TYPES } from '../../shared/residents/schema';
import type { ResidentView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { residentKeys, useResident } from './queries';
import { useFormDraft } from '../drafts/useFormDraft';
import { useSession } from '../station/queries';
import { errorText, issuesOf, translateIssue, translateRpcError } from '../errors';
import { EnumRadios, EnumSelect } from '../form/enumFields';
import { GroupsFields, IdNumberItem, Item, RegistrationFields, TextInput, testIdOf } from './ResidentFields';
import { useCoreIssues } from '../form/useCoreIssues';
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
import { returnAfterRegistration } from '../recruitment/returnTo';
import { useRecordInfo } from '../records/queries';

type V = ResidentFormValues;

const today = () => dayjs().format('YYYY-MM-DD');

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
  // The form keeps its own copy; a push must not reset what the clerk is typing.
  const resident = useResident(id, true);
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
  // A record the county accepted says so before anyone types (the save would be refused).
  const lockedAt = useRecordInfo(view ? [view.id] : []).data?.[0]?.lockedAt ?? null;
  const session = useSession();
  const draft = useFormDraft(form, view ? `edit:${view.id}` : 'register', {
    ready: true,
    owner: session.station && session.user ? { placeCode: session.station.placeCode, loginName: session.user.loginName } : null,
    baseRev: view?.rev,
    restore: (stored) => restoreValues(stored, startValues()),
    startValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const { control, handleSubmit, formState } = form;
  const place = useCoreIssues(form.setError, { fieldOf: (path) => (isFormPath(path) ? path : null), text: (issue) => translateIssue(t, issue) });

  const showCoreError = (reason: unknown) => {
    const error = toLeyeError(reason).rpc;
    if (error.code === 'VALIDATION') {
      // Without issues nor a field, the error's own message (issuesOf makes it one issue, fieldless).
      const { placed, elsewhere } = place(issuesOf(error));
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
        if (view || !returnAfterRegistration(saved.id)) navigate({ name: 'resident', id: saved.id });
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
      {lockedAt && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="form-locked" title={t('labels.state.locked', { at: lockedAt })} description={t('labels.state.lockedHint')} />
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
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting} disabled={lockedAt !== null} data-testid="form-submit">
          {view ? t('form.submitUpdate') : t('form.submitRegister')}
        </Button>
        <Button onClick={() => navigate(view ? { name: 'resident', id: view.id } : { name: 'residents' })} data-testid="form-cancel">
          {t('form.cancel')}
        </Button>
      </Space>
    </form>
  );
}
