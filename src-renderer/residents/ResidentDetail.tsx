// One resident in a drawer over the list: every field (numbers masked, revealable), edit,
// closing the registration (注销登记) with a reason and date, reopening a closed one with a
// reason (its earlier closures listed), and the county's reason when it returned the record.

import { Alert, Button, Descriptions, Drawer, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, LockOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '../../shared/rpc/handlers';
import { useResident } from './queries';
import { CloseDialog, ReopenDialog } from './ClosureDialogs';
import { EmploymentCard } from '../employment/EmploymentCard';
import { RevealValue } from '../components/RevealValue';
import { errorText } from '../errors';
import { navigate } from '../route';
import { returnedState } from '../sync/batchView';
import { useSyncBatches } from '../sync/queries';
import { useRecordInfo } from '../records/queries';
import { usePersonName } from '../shell/people';
import { ResidentPrintButtons } from '../print';
import { ResidentTabs } from '../services/ServicesPanel';

export function ResidentDetail({ id, tab, onClose }: { id: string; tab?: 'services' | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const resident = useResident(id);
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const view = resident.data;
  // Accepted by the county: said before anyone types, not at the save.
  const info = useRecordInfo(view ? [view.id] : []);
  const lockedAt = info.data?.[0]?.lockedAt ?? null;
  const locked = lockedAt !== null;
  const lockedText = locked ? `${t('labels.state.locked', { at: lockedAt })}。${t('labels.state.lockedHint')}` : undefined;

  return (
    <Drawer
      open
      onClose={onClose}
      size={720}
      title={view ? `${view.name} · ${t('detail.title')}` : t('detail.title')}
      data-testid="resident-detail"
      extra={
        view && (
          <Space>
            <Tooltip title={lockedText ?? (view.status === 'closed' ? t('labels.state.closed') : undefined)}>
              <Button
                icon={locked ? <LockOutlined /> : <EditOutlined />}
                disabled={view.status === 'closed' || locked}
                onClick={() => navigate({ name: 'edit', id: view.id })}
                data-testid="detail-edit"
                data-locked={String(locked)}
              >
                {t('detail.edit')}
              </Button>
            </Tooltip>
            {view.status === 'closed' ? (
              <Tooltip title={lockedText}>
                <Button icon={<RedoOutlined />} disabled={locked} onClick={() => setReopening(true)} data-testid="detail-reopen">
                  {t('detail.reopen')}
                </Button>
              </Tooltip>
            ) : (
              <Tooltip title={lockedText}>
                <Button danger icon={<StopOutlined />} disabled={locked} onClick={() => setClosing(true)} data-testid="detail-close">
                  {t('detail.close')}
                </Button>
              </Tooltip>
            )}
          </Space>
        )
      }
    >
      {resident.isPending && <Spin />}
      {resident.isError && <Result status="error" title={errorText(t, resident.error)} />}
      {resident.isSuccess && !view && <Result status="404" title={t('detail.notFound')} />}
      {view && <ResidentPrintButtons view={view} />}
      {view && locked && (
        <Alert type="info" showIcon icon={<LockOutlined />} style={{ marginBottom: 16 }} data-testid="detail-locked" title={t('labels.state.locked', { at: lockedAt })} description={t('labels.state.lockedHint')} />
      )}
      {view && (
        <ResidentTabs
          view={view}
          tab={tab}
          details={
            <>
              <DetailBody view={view} onReopen={() => setReopening(true)} />
              <EmploymentCard residentId={view.id} birthDate={view.birthDate} />
            </>
          }
        />
      )}
      {view && closing && <CloseDialog view={view} onDone={() => setClosing(false)} />}
      {view && reopening && <ReopenDialog view={view} onDone={() => setReopening(false)} />}
    </Drawer>
  );
}

function DetailBody({ view, onReopen }: { view: ResidentView; onReopen(): void }) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const r = view.registration;
  const none = <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;
  const text = (value: string) => (value ? value : none);
  return (
    <>
      <ReturnedReason view={view} onReopen={onReopen} />
      {view.closure && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="closure"
          title={t('detail.closed', { date: view.closure.date, reason: t(`enums.closeReason.${view.closure.reason}`) })}
          description={
            <>
              {t('detail.closedBy', { by: nameOf(view.closure.by) })}
              {view.closure.note && (
                <>
                  <br />
                  {t('detail.closedNote', { note: view.closure.note })}
                </>
              )}
            </>
          }
        />
      )}
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('fields.name')}>
          <span data-testid="detail-name">{view.name}</span>{' '}
          <Tag color={view.status === 'active' ? 'green' : 'default'}>{t(`enums.status.${view.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.sex')}>{t(`enums.sex.${view.sex}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>
          <RevealValue id={view.id} field="idNumber" masked={view.idNumberMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.birthDate')}>
          {view.birthDate} · {t('form.ageValue', { age: view.age })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>
          <RevealValue id={view.id} field="phone" masked={view.phoneMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.householdType')}>{t(`enums.householdType.${view.householdType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.address')} span={2}>
          {view.address}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.education')}>{t(`enums.education.${view.education}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.employmentCertificateNo')}>{text(view.employmentCertificateNo)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.skills')} span={2}>
          {text(view.skills)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.targetGroups')} span={2}>
          {view.targetGroups.length === 0
            ? none
            : view.targetGroups.map((g) => <Tag key={g}>{t(`enums.targetGroup.${g}`)}</Tag>)}
          {view.careCategories.map((c) => (
            <Tag key={c} color="magenta">
              {t(`enums.careCategory.${c}`)}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('detail.registration')}
      </Typography.Title>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('fields.kind')}>{t(`enums.kind.${r.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.date')}>{r.date}</Descriptions.Item>
        {r.kind === 'unemployment' && (
          <>
            <Descriptions.Item label={t('fields.unemploymentType')}>{t(`enums.unemploymentType.${r.unemploymentType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.unemployedSince')}>{r.unemployedSince}</Descriptions.Item>
          </>
        )}
        {(r.kind === 'jobSeeking' || r.kind === 'unemployment') && (
          <>
            <Descriptions.Item label={t('fields.jobIntention')}>{text(r.jobIntention)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.trainingIntention')}>{text(r.trainingIntention)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.serviceNeeds')} span={2}>
              {text(r.serviceNeeds)}
            </Descriptions.Item>
          </>
        )}
        {r.kind === 'hardship' && (
          <>
            <Descriptions.Item label={t('fields.hardshipCategories')} span={2}>
              {r.hardshipCategories.map((c) => (
                <Tag key={c}>{t(`enums.hardshipCategory.${c}`)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.familyMembers')} span={2}>
              {r.familyMembers.length === 0
                ? none
                : r.familyMembers.map((m, i) => (
                    <div key={i}>
                      {m.name}（{m.relation}）{m.workStatus && ` · ${m.workStatus}`}
                    </div>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.reason')} span={2}>
              {text(r.reason)}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {view.reopenings && view.reopenings.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('detail.reopenings')}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="reopenings">
            {view.reopenings.map((r) => (
              <li key={r.at}>
                {t('detail.reopening', {
                  date: r.closure.date,
                  closeReason: t(`enums.closeReason.${r.closure.reason}`),
                  at: dayjs(r.at).format('YYYY-MM-DD HH:mm'),
                  by: nameOf(r.by),
                  reason: r.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <Descriptions column={2} size="small" style={{ marginTop: 20 }}>
        <Descriptions.Item label={t('detail.createdBy')}>{nameOf(view.createdBy)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.createdAt')}>{dayjs(view.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.updatedBy')}>{nameOf(view.updatedBy)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.updatedAt')}>{dayjs(view.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** The county's reasons for returning this resident (newest batch first), from the station's batches. */
function ReturnedReason({ view, onReopen }: { view: ResidentView; onReopen(): void }) {
  const { t } = useTranslation();
  const batches = useSyncBatches(true);
  const returned = batches.data ? returnedState(batches.data, view) : null;
  if (!returned) return null;
  const reasons = (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {returned.reasons.map((entry) => (
        <li key={`${entry.batchId}:${entry.rev}`} data-testid="returned-reason-item">
          {t('county.returned.reason', { at: dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm'), reason: entry.reason })}
        </li>
      ))}
    </ul>
  );
  return (
    <Alert
      type={returned.state === 'toCorrect' ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="returned-reason"
      data-state={returned.state}
      title={t(`county.returned.${returned.state}`)}
      description={
        <>
          {reasons}
          {returned.state === 'toCorrect' && (
            <div style={{ marginTop: 4 }} data-testid="returned-action">
              {/* A closed registration cannot be edited: the way on is to reopen it first. */}
              <div>{view.status === 'closed' ? t('labels.state.returnedClosed') : t('county.returned.hint')}</div>
              {view.status === 'closed' ? (
                <Button size="small" type="primary" icon={<RedoOutlined />} style={{ marginTop: 8 }} onClick={onReopen} data-testid="returned-reopen">
                  {t('labels.state.reopen')}
                </Button>
              ) : (
                <Button size="small" type="primary" icon={<EditOutlined />} style={{ marginTop: 8 }} onClick={() => navigate({ name: 'edit', id: view.id })} data-testid="returned-edit">
                  {t('labels.state.edit')}
                </Button>
              )}
            </div>
          )}
        </>
      }
    />
  );
}
