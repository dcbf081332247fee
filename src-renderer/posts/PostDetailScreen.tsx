// One post: its details, its holders, assigning a person (with every failed eligibility rule
// shown, and the county/admin override with a written reason), and the way into a month's
// attendance sheet.

import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, EditOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AssignmentView, PostView, ResidentRow } from '../../shared/rpc/handlers';
import type { FieldIssue } from '../../shared/rpc/errors';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { useResidentPicker } from '../residents/queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { RevealValue } from '../components/RevealValue';
import { errorText } from '../errors';
import { navigate } from '../route';
import { useDebounced } from '../useDebounced';
import { FieldItem, IsoDatePicker } from '../form/fields';
import { formatTime, todayIso } from '../form/format';
import { mayCall } from '../../shared/rpc/handlers';
import { useSession } from '../station/queries';
import { assignFieldOf, assignResolver, toAssignArgs, type AssignFormValues } from './forms';
import { formatYuan } from '../form/format';
import { issueText, issuesOf } from '../errors';
import { postKeys, usePost } from './queries';
import { PostFormDialog } from './PostForm';
import './posts.css';


export function PostDetailScreen({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const query = usePost(postId);
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (query.isError) return <Result status="error" title={errorText(t, query.error)} />;
  if (!query.data) {
    return (
      <Result
        status="404"
        title={t('posts.notFound')}
        extra={<Button onClick={() => navigate({ name: 'posts' })}>{t('posts.back')}</Button>}
      />
    );
  }
  const { post, holders } = query.data;
  const canWrite = mayCall('posts.save', role);

  return (
    <div className="leye-posts" data-testid="post-detail">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'posts' })} data-testid="post-back">
          {t('posts.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="post-title">
          <span className="leye-mono">{post.code}</span> {post.name}
        </Typography.Title>
        <Tag color={post.kind === 'rural' ? 'green' : 'blue'}>{t(`posts.enums.kind.${post.kind}`)}</Tag>
        <Tag>{t(`posts.enums.category.${post.category}`)}</Tag>
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="post-edit">
            {t('posts.edit')}
          </Button>
        )}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <PostInfo post={post} />
          <HoldersCard holders={holders} />
        </Col>
        <Col xs={24} xl={9}>
          <AttendanceOpener post={post} />
          {mayCall('posts.assign', role) && <AssignCard post={post} />}
        </Col>
      </Row>
      {editing && <PostFormDialog post={post} onClose={() => setEditing(false)} />}
    </div>
  );
}

function PostInfo({ post }: { post: PostView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('posts.detail.info')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'place', label: t('posts.columns.place'), children: `${post.placeName || ''} ${post.placeCode}`.trim() },
          { key: 'period', label: t('posts.columns.period'), children: t('posts.period', { from: post.startDate, to: post.endDate }) },
          { key: 'employer', label: t('posts.detail.employer'), children: post.employer.name },
          { key: 'credit', label: t('posts.detail.creditCode'), children: <span className="leye-mono">{post.employer.creditCode || '—'}</span> },
          { key: 'hours', label: t('posts.columns.plannedHours'), children: t('posts.perMonth', { value: t('posts.hoursValue', { hours: post.plannedHoursPerMonth }) }) },
          { key: 'pay', label: t('posts.columns.pay'), children: t('posts.perMonth', { value: t('posts.yuanValue', { amount: formatYuan(post.payPerMonth) }) }) },
          { key: 'holders', label: t('posts.columns.holders'), children: t('posts.holdersValue', { count: post.currentHolders }) },
          { key: 'updated', label: t('posts.detail.updatedAt'), children: formatTime(post.updatedAt) },
        ]}
      />
    </Card>
  );
}

/** A short name for a refused rule key such as 'errors.post.group'. */
function ruleLabel(t: TFunction, key: string): string {
  const last = key.split('.').pop() ?? key;
  return t(`posts.rules.${last}`, { defaultValue: last });
}

function holderState(holder: AssignmentView, today: string): 'current' | 'ended' | 'upcoming' {
  if (holder.endDate < today) return 'ended';
  if (holder.startDate > today) return 'upcoming';
  return 'current';
}

function HoldersCard({ holders }: { holders: AssignmentView[] }) {
  const { t } = useTranslation();
  const today = todayIso();
  const rows = useMemo(() => [...holders].sort((a, b) => (a.startDate === b.startDate ? a.name.localeCompare(b.name) : b.startDate.localeCompare(a.startDate))), [holders]);
  return (
    <Card size="small" title={t('posts.detail.holders')} style={{ marginBottom: 16 }}>
      <Table<AssignmentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('posts.detail.noHolders')} /> }}
        onRow={(holder) => ({ 'data-testid': 'holder-row', 'data-resident-id': holder.residentId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('posts.holders.name'), render: (_, h) => <span data-testid="holder-name">{h.name}</span> },
          { key: 'sex', title: t('posts.holders.sex'), width: 56, render: (_, h) => t(`enums.sex.${h.sex}`) },
          { key: 'age', title: t('posts.holders.age'), width: 56, align: 'right', dataIndex: 'age' },
          { key: 'id', title: t('posts.holders.idNumber'), render: (_, h) => <RevealValue id={h.residentId} field="idNumber" masked={h.idNumberMasked} /> },
          {
            key: 'period',
            title: t('posts.holders.period'),
            render: (_, h) => {
              const state = holderState(h, today);
              return (
                <Space size={4}>
                  <span>{t('posts.period', { from: h.startDate, to: h.endDate })}</span>
                  <Tag color={state === 'current' ? 'green' : state === 'upcoming' ? 'blue' : 'default'}>{t(`posts.holders.${state}`)}</Tag>
                </Space>
              );
            },
          },
          { key: 'contract', title: t('posts.holders.contractNo'), dataIndex: 'contractNo' },
          {
            key: 'override',
            title: t('posts.holders.override'),
            render: (_, h) =>
              h.override && (
                <Tooltip
                  title={
                    <div>
                      <div>{h.override.reason}</div>
                      <div>{t('posts.holders.overrideBy', { by: h.override.by, at: formatTime(h.override.at) })}</div>
                      {h.override.rules.length > 0 && (
                        <div>{t('posts.holders.overrideRules', { rules: h.override.rules.map((r) => ruleLabel(t, r)).join(t('posts.separator')) })}</div>
                      )}
                    </div>
                  }
                >
                  <Tag color="orange" icon={<SafetyCertificateOutlined />} data-testid="holder-override">
                    {t('posts.holders.overrideTag')}
                  </Tag>
                </Tooltip>
              ),
          },
        ]}
      />
    </Card>
  );
}

function AttendanceOpener({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  return (
    <Card size="small" title={t('posts.detail.attendance')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('posts.detail.attendanceHint')}
      </Typography.Paragraph>
      <Space wrap>
        <span data-testid="attendance-month">
          <DatePicker picker="month" allowClear={false} value={month} onChange={(value) => value && setMonth(value)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </span>
        <Button
          type="primary"
          icon={<CalendarOutlined />}
          data-testid="open-attendance"
          onClick={() => navigate({ name: 'attendance', postId: post.id, month: month.format('YYYY-MM') })}
        >
          {t('posts.detail.openAttendance')}
        </Button>
      </Space>
    </Card>
  );
}

/** A remote-search select over the station's residents (name, pinyin or ID fragment). */
function ResidentPicker(props: { value: string; onChange(id: string): void; onBlur(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const [chosen, setChosen] = useState<ResidentRow | null>(null);
  const search = useResidentPicker(query, query.length > 0);
  const rows = query.length > 0 ? (search.data?.items ?? []) : [];
  const label = (r: ResidentRow) => `${r.name} · ${t(`enums.sex.${r.sex}`)} · ${t('form.ageValue', { age: r.age })} · ${r.idNumberMasked}`;
  const options = rows.map((r) => ({ value: r.id, label: label(r) }));
  if (chosen && chosen.id === props.value && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: label(chosen) });

  return (
    <Select
      data-testid="assign-resident"
      style={{ width: '100%' }}
      value={props.value || undefined}
      placeholder={t('posts.assign.residentPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(id: string) => {
        setChosen(rows.find((r) => r.id === id) ?? chosen);
        props.onChange(id ?? '');
        setText('');
      }}
      onBlur={props.onBlur}
      options={options}
      notFoundContent={query.length === 0 ? null : search.isFetching ? t('posts.assign.searching') : t('posts.assign.noMatch')}
      optionRender={(option) => <span data-testid="assign-option">{option.label}</span>}
    />
  );
}

interface Refusal {
  issues: FieldIssue[];
  values: AssignFormValues;
}

function AssignCard({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { role } = useSession();
  const tRef = useRef(t);
  tRef.current = t;
  const resolver = useMemo(() => assignResolver(() => tRef.current, post.id), [post.id]);
  const start = todayIso() < post.startDate ? post.startDate : todayIso();
  const blank: AssignFormValues = { residentId: '', startDate: start, endDate: post.endDate, contractNo: '' };
  const form = useForm<AssignFormValues>({ defaultValues: blank, resolver, mode: 'onTouched', reValidateMode: 'onChange' });
  const { control, handleSubmit, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const canOverride = mayCall('posts.override', role);
  const place = useCoreIssues(form.setError, { fieldOf: assignFieldOf, text: (issue) => issueText(t, issue) });

  const done = async (name: string) => {
    void message.success(t('posts.assign.assigned', { name }));
    setRefusal(null);
    setReason('');
    setReasonError(null);
    setFormError(null);
    form.reset(blank);
    await queryClient.invalidateQueries({ queryKey: postKeys.all });
  };

  /** Puts a failed call's issues where they belong; true when it was an eligibility refusal. */
  const showError = (reason: unknown, values: AssignFormValues, overrideSent: boolean) => {
    const error = toLeyeError(reason).rpc;
    if (error.code === 'NOT_ELIGIBLE') {
      setRefusal({ issues: issuesOf(error), values });
      return;
    }
    // An override's reason the core refused shows under the reason, not on the form.
    const onForm = issuesOf(error).filter((issue) => {
      if (!(overrideSent && issue.field.startsWith('override'))) return true;
      setReasonError(issueText(t, issue));
      return false;
    });
    const { elsewhere } = place(onForm, error.code === 'VALIDATION');
    setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : null);
  };

  const submit = handleSubmit(
    async (values) => {
      setFormError(null);
      setRefusal(null);
      try {
        const assigned = await leye.call('posts.assign', toAssignArgs(post.id, values));
        await done(assigned.name);
      } catch (reason) {
        showError(reason, values, false);
      }
    },
    () => setFormError(t('posts.fixErrors')),
  );

  const override = async () => {
    if (!refusal) return;
    setReasonError(null);
    if (reason.trim().length < 10) {
      setReasonError(t('errors.override.reasonTooShort'));
      return;
    }
    setOverriding(true);
    try {
      const assigned = await leye.call('posts.assign', toAssignArgs(post.id, refusal.values, reason.trim()));
      await done(assigned.name);
    } catch (error) {
      showError(error, refusal.values, true);
    } finally {
      setOverriding(false);
    }
  };

  return (
    <Card size="small" title={t('posts.assign.title')} style={{ marginBottom: 16 }}>
      <form
        noValidate
        data-testid="assign-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Form component={false} layout="vertical">
          <FieldItem control={control} name="residentId" label={t('posts.assign.resident')} required testId="assign-residentId">
            <Controller
              control={control}
              name="residentId"
              render={({ field }) => (
                <ResidentPicker
                  value={field.value}
                  onChange={(id) => {
                    field.onChange(id);
                    setRefusal(null);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            />
          </FieldItem>
          <Row gutter={12}>
            <Col span={12}>
              <FieldItem control={control} name="startDate" label={t('posts.fields.startDate')} required testId="assign-startDate">
                <Controller
                  control={control}
                  name="startDate"
                  render={({ field }) => <IsoDatePicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} testId="assign-start" />}
                />
              </FieldItem>
            </Col>
            <Col span={12}>
              <FieldItem control={control} name="endDate" label={t('posts.fields.endDate')} required testId="assign-endDate">
                <Controller
                  control={control}
                  name="endDate"
                  render={({ field }) => <IsoDatePicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} testId="assign-end" />}
                />
              </FieldItem>
            </Col>
          </Row>
          <FieldItem control={control} name="contractNo" label={t('posts.fields.contractNo')} required testId="assign-contractNo">
            <Controller
              control={control}
              name="contractNo"
              render={({ field }) => (
                <Input ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} maxLength={40} autoComplete="off" data-testid="assign-contract" />
              )}
            />
          </FieldItem>
        </Form>
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="assign-error" />}
        {refusal && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="assign-refusal"
            title={t('posts.assign.refused')}
            description={
              <ul className="leye-refusal-list">
                {refusal.issues.map((issue, index) => (
                  <li key={index} data-testid="assign-refusal-rule">
                    {issueText(t, issue)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {refusal && canOverride && (
          <div className="leye-override" data-testid="override">
            <Typography.Text strong>{t('posts.assign.overrideTitle')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
              {t('posts.assign.overrideHint')}
            </Typography.Paragraph>
            <Form.Item
              validateStatus={reasonError ? 'error' : undefined}
              help={reasonError ? <span data-testid="error-override-reason">{reasonError}</span> : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('posts.assign.overridePlaceholder')}
                data-testid="override-reason"
              />
            </Form.Item>
            <Button danger icon={<SafetyCertificateOutlined />} loading={overriding} onClick={() => void override()} data-testid="override-submit">
              {t('posts.assign.overrideSubmit')}
            </Button>
          </div>
        )}
        {refusal && !canOverride && <Typography.Paragraph type="secondary">{t('posts.assign.noOverride')}</Typography.Paragraph>}
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={formState.isSubmitting} data-testid="assign-submit">
          {t('posts.assign.submit')}
        </Button>
      </form>
    </Card>
  );
}
