// Policy parameters: dated reference data (minimum wages per county, retirement ages, post and
// training rules). Each kind lists its entries by effective date, says clearly which are shipped
// defaults the county must confirm, and (for county and admin accounts) adds or edits entries.

import { Alert, Button, Card, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessmentPolicySummary } from '../assessment/AssessmentPolicySummary';
import { POLICY_KINDS, type AssessmentPolicy, type MinimumWageValues, type PostsPolicy, type RecruitmentPolicy, type RegistrationAgeRange, type RetirementPolicyValues, type TrainingPolicy, type WorklistParams } from '../../shared/policy/parameters';
import { DEFAULT_WORKLIST_POLICY } from '../../shared/policy/defaults';
import type { PolicyEntryView } from '../../shared/rpc/handlers';
import { mayCall } from '../access/may';
import { usePolicyList } from './queries';
import { errorText } from '../errors';
import { todayIso } from '../form/format';
import { useSession } from '../station/queries';
import '../posts/posts.css';
import { CoursesCard } from './CoursesCard';
import { entriesOf, inForceIds, toPercent, categoryText, groupsText } from './policyForms';
import { PolicyEditor, type Editing } from './PolicyEditor';
import { updatedText, wageSummary } from './policyText';
import { usePersonName } from '../shell/people';

export function PolicyScreen() {
  const { t } = useTranslation();
  const { role, station } = useSession();
  const name = usePersonName();
  const list = usePolicyList();
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = mayCall('policy.save', role);
  const today = todayIso();
  const inForce = useMemo(() => inForceIds(list.data ?? [], today), [list.data, today]);

  if (list.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (list.isError) return <Result status="error" title={errorText(t, list.error)} />;

  return (
    <div className="leye-posts" data-testid="policy-screen">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('policy.readOnly')} data-testid="policy-read-only" />}
      {POLICY_KINDS.map((kind) => {
        const entries = entriesOf(list.data, kind);
        return (
          <Card
            key={kind}
            size="small"
            style={{ marginBottom: 16 }}
            title={t(`policy.kinds.${kind}`)}
            data-testid={`policy-kind-${kind}`}
            extra={
              canEdit && (
                <Button icon={<PlusOutlined />} size="small" onClick={() => setEditing({ kind, base: entries[0] })} data-testid={`policy-add-${kind}`}>
                  {t('policy.add')}
                </Button>
              )
            }
          >
            <Table<PolicyEntryView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={entries}
              locale={{ emptyText: t('policy.empty') }}
              onRow={() => ({ 'data-testid': `policy-row-${kind}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'from',
                  title: t('policy.effectiveFrom'),
                  width: 150,
                  render: (_, e) => (
                    <Space size={4}>
                      <span>{e.effectiveFrom}</span>
                      {inForce.has(e.id) && <Tag color="green">{t('policy.inForce')}</Tag>}
                    </Space>
                  ),
                },
                { key: 'values', title: t('policy.values'), render: (_, e) => <ValuesSummary entry={e} /> },
                {
                  key: 'status',
                  title: '',
                  width: 190,
                  render: (_, e) =>
                    e.isDefault ? (
                      <Tag color="gold" data-testid="policy-default">
                        {t('policy.defaultTag')}
                      </Tag>
                    ) : (
                      <Tag color="blue">{t('policy.confirmedTag')}</Tag>
                    ),
                },
                {
                  key: 'updated',
                  title: t('policy.updated'),
                  width: 240,
                  render: (_, e) => (
                    <Typography.Text type="secondary" data-testid="policy-updated">
                      {updatedText(t, e, name)}
                    </Typography.Text>
                  ),
                },
                ...(canEdit
                  ? [
                      {
                        key: 'edit',
                        title: '',
                        width: 90,
                        render: (_: unknown, e: PolicyEntryView) => (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind, entry: e })} data-testid={`policy-edit-${kind}`}>
                            {t('policy.edit')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      <CoursesCard />
      {editing && <PolicyEditor key={`${editing.kind}:${editing.entry?.id ?? 'new'}`} editing={editing} countyCode={station?.placeCode.slice(0, 6) ?? ''} onClose={() => setEditing(null)} />}
    </div>
  );
}

function ValuesSummary({ entry }: { entry: PolicyEntryView }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'minimumWage': {
      const v = entry.values as MinimumWageValues;
      return (
        <span data-testid="policy-values">
          {wageSummary(t, v)}
        </span>
      );
    }
    case 'posts': {
      const v = entry.values as PostsPolicy;
      return (
        <ul className="leye-policy-values" data-testid="policy-values">
          <li>{t('policy.posts.summaryMax', { months: v.maxSubsidyMonths })}</li>
          <li>{t('policy.posts.summaryRural', { min: v.rural.minAge, max: v.rural.maxAge, older: v.rural.olderFromAge, groups: groupsText(t, v.rural.qualifyingGroups) })}</li>
          <li>
            {t('policy.posts.summaryUrban', {
              min: v.urban.minAge,
              groups: groupsText(t, v.urban.qualifyingGroups),
              male: v.urban.olderUnemployedAge.male,
              female: v.urban.olderUnemployedAge.female,
            })}
          </li>
        </ul>
      );
    }
    case 'training': {
      const v = entry.values as TrainingPolicy;
      return <span data-testid="policy-values">{t('policy.training.summary', { rate: toPercent(v.eligibilityRate), limit: v.yearlyLimit, grace: v.lateGraceMinutes })}</span>;
    }
    case 'registrationAge': {
      const v = entry.values as RegistrationAgeRange;
      return <span data-testid="policy-values">{t('policy.registrationAge.summary', { min: v.minAge, max: v.maxAge })}</span>;
    }
    case 'worklist': {
      const v = { ...DEFAULT_WORKLIST_POLICY, ...(entry.values as Partial<WorklistParams>) };
      return (
        <ul className="leye-policy-values" data-testid="policy-values">
          <li>{t('policy.worklist.summaryContact', { contact: v.contactDays, referral: v.referralResultDays, months: v.trainingFollowUpMonths, lead: v.leadDays })}</li>
          <li>{t('policy.worklist.summaryPosts', { end: v.assignmentEndDays, limit: v.limitWarnDays, retirement: v.retirementWarnDays, warn: v.exitWarnDays })}</li>
          <li>{t('policy.worklist.summaryOther', { quarter: v.quarterLeadDays, notice: v.noticeDecisionDays, keep: v.keepOverdueDays })}</li>
        </ul>
      );
    }
    case 'assessment':
      return <AssessmentPolicySummary values={entry.values as AssessmentPolicy} />;
    case 'recruitment': {
      const v = entry.values as RecruitmentPolicy;
      const groups = v.groupOrder.map((g) => t(`posts.assign.groups.${g}`)).join(' / ');
      return <span data-testid="policy-values">{t('policy.recruitment.summary', { groups: groups || t('policy.recruitment.noGroups'), days: v.noticeDays })}</span>;
    }
    default: {
      const v = entry.values as RetirementPolicyValues;
      return (
        <ul className="leye-policy-values" data-testid="policy-values">
          {v.rules.map((rule, index) => (
            <li key={index}>
              {t('policy.retirement.ruleSummary', {
                category: categoryText(t, rule.category),
                base: rule.baseAge,
                from: rule.firstDelayedBirthMonth,
                per: rule.birthMonthsPerDelayMonth,
                max: rule.maxDelayMonths,
              })}
            </li>
          ))}
          <li>{t('policy.retirement.femaleCategoryLine', { category: categoryText(t, v.femaleCategoryForRegistration) })}</li>
        </ul>
      );
    }
  }
}
