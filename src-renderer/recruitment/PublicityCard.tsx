// The current 拟安置人员公示 of an opening: its period and what it allows (the gate posts.assign
// applies), the candidates (placed on the post's page), reprinting it, and the objections: each
// recorded (dated, who, what) and decided (upheld or not, with a reason).
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionView, OpeningDetail, PublicityView } from '../../shared/recruitment/contract';
import { leye } from '../bridge';
import { IsoDatePicker } from '../form/fields';
import { todayIso } from '../form/format';
import { PrintButton, printRoute } from '../print';
import { addDays } from '../../shared/worklist/rules';
import { useFieldErrors, useRecruitmentSaved } from './queries';
import { assignCandidate } from './returnTo';

const GATE_TYPE = { running: 'info', open: 'warning', upheld: 'error', ready: 'success' } as const;

export function PublicityCard({ opening, canWrite }: { opening: OpeningDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const p = opening.publicity;
  const [objecting, setObjecting] = useState(false);
  const [deciding, setDeciding] = useState<ObjectionView | null>(null);
  if (!p) {
    return (
      <Card size="small" title={t('recruitment.publicity')} style={{ marginBottom: 16 }} data-testid="publicity-card">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recruitment.noPublicity')} />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={t('recruitment.publicity')}
      style={{ marginBottom: 16 }}
      data-testid="publicity-card"
      extra={canWrite && <PrintButton small route={printRoute('recruitPublicity', p.id)} fileName={`${opening.postName}-拟安置人员公示.pdf`} label={t('recruitment.reprint')} testId="print-recruit-publicity" />}
    >
      <Typography.Paragraph strong data-testid="publicity-period">
        {t('recruitment.period', { from: p.noticeFrom, to: p.noticeTo })}
      </Typography.Paragraph>
      <Alert type={GATE_TYPE[p.gate]} showIcon style={{ marginBottom: 12 }} title={gateText(t, p)} data-testid="publicity-gate" />
      <Typography.Text type="secondary">{t('recruitment.candidates')}</Typography.Text>
      <List
        size="small"
        dataSource={p.candidates}
        renderItem={(c) => (
          <List.Item
            data-testid="publicity-candidate"
            actions={[
              c.assigned ? (
                <Tag color="green" key="a">
                  {t('recruitment.assigned')}
                </Tag>
              ) : canWrite && p.gate === 'ready' ? (
                <Button
                  key="b"
                  size="small"
                  type="link"
                  onClick={() => assignCandidate({ postId: opening.postId, residentId: c.residentId, startFrom: addDays(p.noticeTo, 1) })}
                  data-testid="candidate-assign"
                >
                  {t('recruitment.assign')}
                </Button>
              ) : null,
            ]}
          >
            {c.name}
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('recruitment.objections')}</Typography.Text>
        {canWrite && (
          <Button size="small" onClick={() => setObjecting(true)} data-testid="objection-new">
            {t('recruitment.recordObjection')}
          </Button>
        )}
      </Space>
      <List
        size="small"
        dataSource={p.objections}
        locale={{ emptyText: t('recruitment.noObjections') }}
        renderItem={(o) => (
          <List.Item
            data-testid="objection"
            actions={[
              o.decision ? (
                <Tag key="d" color={o.decision.upheld ? 'red' : 'green'}>
                  {t(o.decision.upheld ? 'recruitment.upheld' : 'recruitment.notUpheld')}
                </Tag>
              ) : canWrite ? (
                <Button key="d" size="small" type="link" onClick={() => setDeciding(o)} data-testid="objection-decide">
                  {t('recruitment.decide')}
                </Button>
              ) : (
                <Tag key="d">{t('recruitment.pending')}</Tag>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${o.date} · ${o.by}`}
              description={
                <>
                  <div>{o.content}</div>
                  {o.decision && (
                    <Typography.Text type="secondary">
                      {t('recruitment.decidedValue', { result: t(o.decision.upheld ? 'recruitment.upheld' : 'recruitment.notUpheld'), date: o.decision.date, reason: o.decision.reason })}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {objecting && <ObjectionDialog opening={opening} publicity={p} onClose={() => setObjecting(false)} />}
      {deciding && <DecisionDialog opening={opening} objection={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function gateText(t: (key: string, params?: Record<string, unknown>) => string, p: PublicityView): string {
  return t(`recruitment.gate.${p.gate}`, { to: p.noticeTo, from: addDays(p.noticeTo, 1) });
}

const help = (errors: Record<string, string>, field: string) => (errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {});

function ObjectionDialog({ opening, publicity, onClose }: { opening: OpeningDetail; publicity: PublicityView; onClose(): void }) {
  const { t } = useTranslation();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(['date', 'by', 'content']);
  const [values, setValues] = useState({ date: todayIso(), by: '', content: '' });
  const submit = async () => {
    errors.clear();
    try {
      saved(await leye.call('recruitment.object', { publicityId: publicity.id, ...values }), opening.postId);
      onClose();
    } catch (reason) {
      errors.refused(reason);
    }
  };
  return (
    <Modal open title={t('recruitment.recordObjection')} onOk={() => void submit()} onCancel={onClose} okText={t('recruitment.save')} cancelText={t('recruitment.cancel')} okButtonProps={{ 'data-testid': 'objection-save' }}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('recruitment.date')} required {...help(errors.errors, 'date')}>
          <IsoDatePicker value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} testId="objection-date" />
        </Form.Item>
        <Form.Item label={t('recruitment.objectionBy')} required {...help(errors.errors, 'by')}>
          <Input maxLength={50} value={values.by} onChange={(e) => setValues((v) => ({ ...v, by: e.target.value }))} data-testid="objection-by" />
        </Form.Item>
        <Form.Item label={t('recruitment.objectionContent')} required {...help(errors.errors, 'content')}>
          <Input.TextArea rows={3} maxLength={500} value={values.content} onChange={(e) => setValues((v) => ({ ...v, content: e.target.value }))} data-testid="objection-content" />
        </Form.Item>
      </Form>
      {errors.other && <Alert type="error" showIcon title={errors.other} />}
    </Modal>
  );
}

function DecisionDialog({ opening, objection, onClose }: { opening: OpeningDetail; objection: ObjectionView; onClose(): void }) {
  const { t } = useTranslation();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(['date', 'reason', 'upheld']);
  const [values, setValues] = useState({ date: todayIso(), upheld: false, reason: '' });
  const submit = async () => {
    errors.clear();
    try {
      saved(await leye.call('recruitment.decide', { objectionId: objection.id, ...values }), opening.postId);
      onClose();
    } catch (reason) {
      errors.refused(reason);
    }
  };
  return (
    <Modal open title={`${t('recruitment.decide')}：${objection.by}`} onOk={() => void submit()} onCancel={onClose} okText={t('recruitment.save')} cancelText={t('recruitment.cancel')} okButtonProps={{ 'data-testid': 'decision-save' }}>
      <Typography.Paragraph>{objection.content}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item required {...help(errors.errors, 'upheld')}>
          <Radio.Group value={values.upheld} onChange={(e) => setValues((v) => ({ ...v, upheld: e.target.value as boolean }))} data-testid="decision-upheld">
            <Radio value={true}>{t('recruitment.upheld')}</Radio>
            <Radio value={false}>{t('recruitment.notUpheld')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('recruitment.date')} required {...help(errors.errors, 'date')}>
          <IsoDatePicker value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} testId="decision-date" />
        </Form.Item>
        <Form.Item label={t('recruitment.decisionReason')} required {...help(errors.errors, 'reason')}>
          <Input maxLength={300} value={values.reason} onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))} data-testid="decision-reason" />
        </Form.Item>
      </Form>
      {errors.other && <Alert type="error" showIcon title={errors.other} />}
    </Modal>
  );
}
