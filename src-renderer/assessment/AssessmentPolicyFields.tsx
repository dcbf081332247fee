// The 考核 parameter's fields in the policy editor (kind `assessment`): the items with their
// names in both languages and their weights (totalling 100), the pass and full-pay marks, what
// each band pays, and the failed months before an exit. The shared schema checks them all.
import { Button, Col, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Controller, useFieldArray, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_PAY_RULES } from '../../shared/assessment/policy';
import { FieldItem, NumberInput, TextField } from '../form/fields';

type C = Control<FieldValues>;
const testIdOf = (path: string) => `policy-field-${path.replace(/\./g, '-')}`;

function Num({ control, name, label, min, max, precision = 0 }: { control: C; name: string; label: string; min: number; max: number; precision?: number }) {
  return (
    <FieldItem control={control} name={name} label={label} required testId={name}>
      <NumberInput control={control} name={name} min={min} max={max} precision={precision} testId={testIdOf(name)} />
    </FieldItem>
  );
}

function Text({ control, name, label, maxLength, compact }: { control: C; name: string; label: string; maxLength: number; compact?: boolean }) {
  return (
    <FieldItem control={control} name={name} label={label} required testId={name} compact={compact}>
      <TextField control={control} name={name} maxLength={maxLength} autoComplete="off" testId={testIdOf(name)} />
    </FieldItem>
  );
}

function RuleSelect({ control, name, label }: { control: C; name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <FieldItem control={control} name={name} label={label} required testId={name}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Select
            value={field.value as string}
            onChange={field.onChange}
            onBlur={field.onBlur}
            data-testid={testIdOf(name)}
            options={ASSESSMENT_PAY_RULES.map((r) => ({ value: r, label: t(`assessment.payRules.${r}`) }))}
          />
        )}
      />
    </FieldItem>
  );
}

export function AssessmentPolicyFields({ control }: { control: C }) {
  const { t } = useTranslation();
  const items = useFieldArray({ control, name: 'values.items' });
  const weights = (useWatch({ control, name: 'values.items' }) as { weight: number | null }[] | undefined) ?? [];
  const sum = weights.reduce((s, i) => s + (i?.weight ?? 0), 0);
  return (
    <>
      {/* A field array's own error (the weights' total) is kept at its `root`. */}
      <FieldItem control={control} name="values.items.root" label={t('assessment.policy.items')} required testId="values.items">
        <Typography.Text type="secondary">{t('assessment.policy.itemsHint')}</Typography.Text>
      </FieldItem>
      {items.fields.map((field, index) => (
        <Row gutter={8} key={field.id}>
          <Col span={5}>
            <Text control={control} name={`values.items.${index}.key`} label={t('assessment.policy.key')} maxLength={31} />
          </Col>
          <Col span={6}>
            <Text control={control} name={`values.items.${index}.label.zh`} label={t('assessment.policy.labelZh')} maxLength={30} />
          </Col>
          <Col span={6}>
            <Text control={control} name={`values.items.${index}.label.en`} label={t('assessment.policy.labelEn')} maxLength={60} />
          </Col>
          <Col span={5}>
            <Num control={control} name={`values.items.${index}.weight`} label={t('assessment.policy.weight')} min={1} max={100} />
          </Col>
          <Col span={2} style={{ paddingTop: 30 }}>
            <Button icon={<DeleteOutlined />} disabled={items.fields.length <= 1} onClick={() => items.remove(index)} aria-label={t('assessment.policy.removeItem')} />
          </Col>
        </Row>
      ))}
      <Row style={{ marginBottom: 16 }} align="middle" gutter={16}>
        <Col>
          <Button icon={<PlusOutlined />} disabled={items.fields.length >= 8} onClick={() => items.append({ key: '', label: { zh: '', en: '' }, weight: null })} data-testid="assessment-policy-add-item">
            {t('assessment.policy.addItem')}
          </Button>
        </Col>
        <Col>
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="assessment-policy-weights">
            {t('assessment.policy.weightsTotal', { sum })}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Num control={control} name="values.passMark" label={t('assessment.policy.passMark')} min={0} max={100} precision={1} />
        </Col>
        <Col xs={24} md={8}>
          <Num control={control} name="values.fullPayMark" label={t('assessment.policy.fullPayMark')} min={0} max={100} precision={1} />
        </Col>
        <Col xs={24} md={8}>
          <Num control={control} name="values.failedMonthsForExit" label={t('assessment.policy.failedMonthsForExit')} min={1} max={12} />
        </Col>
        <Col xs={24} md={12}>
          <RuleSelect control={control} name="values.betweenRule" label={t('assessment.policy.betweenRule')} />
        </Col>
        <Col xs={24} md={12}>
          <RuleSelect control={control} name="values.belowPassRule" label={t('assessment.policy.belowPassRule')} />
        </Col>
      </Row>
    </>
  );
}
