// The resident form's fields: the ID number with what it tells, the target groups, and the
// registration's fields by kind (with the family members of a hardship registration). Built
// from the form kit (../form/fields).

import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { Controller, useFieldArray, useFormState, useWatch, type Control, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ageOn, checkIdNumber } from '../../shared/id/idNumber';
import { CARE_CATEGORIES, HARDSHIP_CATEGORIES, REGISTRATION_KINDS, TARGET_GROUPS, UNEMPLOYMENT_TYPES } from '../../shared/residents/schema';
import { fieldLabelKey } from '../errors';
import { EnumCheckboxes, EnumRadios, EnumSelect } from '../form/enumFields';
import { DateField, FieldItem, TextField } from '../form/fields';
import { todayIso as today } from '../form/format';
import { navigate } from '../route';
import { ID_INPUT_MAX_LENGTH, idFieldValue, isComposing } from './idNumberInput';
import type { ResidentFormValues } from './residentForm';

type V = ResidentFormValues;

/** `field-name`, `field-jobIntention`, `field-familyMembers-0-name`: stable hooks for the e2e tests. */
export const testIdOf = (path: string) => `field-${path.replace(/^registration\./, '').replace(/\./g, '-')}`;

/** A resident field, labelled from its path; its error is `error-<path>`. */
export function Item(props: { control: Control<V>; path: Path<V>; label?: string; required?: boolean; extra?: React.ReactNode; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <FieldItem control={props.control} name={props.path} label={props.label ?? t(fieldLabelKey(props.path))} required={props.required} extra={props.extra} testId={props.path}>
      {props.children}
    </FieldItem>
  );
}

export function TextInput(props: { control: Control<V>; path: Path<V>; maxLength?: number; placeholder?: string | undefined; inputMode?: 'numeric' | 'text'; textarea?: boolean }) {
  return (
    <TextField
      control={props.control}
      name={props.path}
      testId={testIdOf(props.path)}
      maxLength={props.maxLength}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      textarea={props.textarea}
    />
  );
}

function DateInput({ control, path, disableFuture }: { control: Control<V>; path: Path<V>; disableFuture?: boolean }) {
  return <DateField control={control} name={path} testId={testIdOf(path)} disableFuture={disableFuture} />;
}

export function IdNumberItem(props: { control: Control<V>; editing: boolean; duplicateId: string | null; t: TFunction; trigger(): void }) {
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
            maxLength={ID_INPUT_MAX_LENGTH}
            className="leye-mono"
            autoComplete="off"
            data-testid="field-idNumber"
            onChange={(event) => {
              const value = idFieldValue(event.target.value, isComposing(event));
              field.onChange(value);
              // A complete number is checked at once, before the clerk leaves the field.
              if (value.length === 18) props.trigger();
            }}
            onCompositionEnd={(event) => field.onChange(idFieldValue(event.currentTarget.value))}
            onBlur={(event) => {
              field.onChange(idFieldValue(event.target.value));
              field.onBlur();
            }}
          />
        )}
      />
    </Form.Item>
  );
}

export function GroupsFields({ control, t }: { control: Control<V>; t: TFunction }) {
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

export function RegistrationFields({ control, t }: { control: Control<V>; t: TFunction }) {
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
