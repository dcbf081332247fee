// What the 注销登记 dialog asks when the reason is 已就业: the employment status the closure
// records in the same write (default 单位就业, from the closure date), the destination for 外出务工.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { EMPLOYED_STATUSES, MIGRANT_AREAS, type EmploymentStatus, type MigrantArea } from '../../shared/employment/schema';

export interface ClosureEmploymentValues {
  status?: EmploymentStatus;
  area?: MigrantArea;
  destination?: string;
  employerName?: string;
  employerCreditCode?: string;
  effectiveDate?: Dayjs;
}

export const CLOSURE_EMPLOYMENT_DEFAULTS: ClosureEmploymentValues = { status: 'employee' };

/** The `employment` argument of residents.close; the start date defaults to the closure date. */
export function closureEmploymentArgs(v: ClosureEmploymentValues | undefined, closureDate: string): NonNullable<ArgsOf<'residents.close'>['employment']> {
  const status = v?.status ?? 'employee';
  return {
    status,
    area: status === 'migrant' ? (v?.area ?? null) : null,
    destination: status === 'migrant' ? (v?.destination ?? '') : '',
    employer: v?.employerName?.trim() ? { name: v.employerName, creditCode: v.employerCreditCode ?? '' } : null,
    effectiveDate: v?.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : closureDate,
  };
}

/** Where the core's issues about the entry land in the dialog (`employment.effectiveDate` → that field). */
export function closureEmploymentField(path: string): ['employment', keyof ClosureEmploymentValues] | null {
  const m = /^employment\.(status|area|destination|effectiveDate|employer(?:\.name)?|employer\.creditCode)$/.exec(path);
  if (!m) return null;
  const field = (m[1] === 'employer' || m[1] === 'employer.name' ? 'employerName' : m[1] === 'employer.creditCode' ? 'employerCreditCode' : m[1]) as keyof ClosureEmploymentValues;
  return ['employment', field];
}

export function ClosureEmploymentFields() {
  const { t } = useTranslation();
  const status = Form.useWatch(['employment', 'status']) as EmploymentStatus | undefined;
  const required = (key: string) => [{ required: true, message: t('errors.required', { field: t(key) }) }];
  return (
    <div data-testid="closure-employment">
      <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 8 }}>{t('employment.form.closureHint')}</div>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['employment', 'status']} label={t('employment.fields.status')} rules={required('employment.fields.status')}>
            <Select data-testid="closure-employment-status" options={EMPLOYED_STATUSES.map((value) => ({ value, label: t(`employment.statuses.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['employment', 'effectiveDate']} label={t('employment.fields.effectiveDate')} extra={t('employment.form.closureDateHint')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="closure-employment-date" />
          </Form.Item>
        </Col>
      </Row>
      {status === 'migrant' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['employment', 'area']} label={t('employment.fields.area')} rules={required('employment.fields.area')}>
              <Select data-testid="closure-employment-area" options={MIGRANT_AREAS.map((value) => ({ value, label: t(`employment.areas.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['employment', 'destination']} label={t('employment.fields.destination')}>
              <Input maxLength={100} placeholder={t('employment.form.destinationHint')} data-testid="closure-employment-destination" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['employment', 'employerName']} label={t('employment.fields.employerName')}>
            <Input maxLength={100} data-testid="closure-employment-employer" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['employment', 'employerCreditCode']} label={t('employment.fields.employerCreditCode')} extra={t('employment.form.creditCodeHint')}>
            <Input maxLength={18} className="leye-mono" data-testid="closure-employment-creditCode" />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
