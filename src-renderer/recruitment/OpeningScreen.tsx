// One opening (岗位公告): its notice (printed), the applications with their eligibility and rank,
// choosing the candidates and printing the 拟安置人员公示, and the objections to it.
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningDetail } from '../../shared/recruitment/contract';
import { mayCall } from '../access/may';
import { errorText } from '../errors';
import { PrintButton, printRoute } from '../print';
import { navigate } from '../route';
import { useSession } from '../station/queries';
import { ApplicationsCard } from './ApplicationsCard';
import { OpeningFormDialog } from './OpeningForm';
import { StatusTag } from './OpeningsCard';
import { PublicityCard } from './PublicityCard';
import { useOpening } from './queries';

export function OpeningScreen({ postId, openingId }: { postId: string; openingId: string }) {
  const { t } = useTranslation();
  const query = useOpening(openingId);
  const { role } = useSession();
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (query.isError) return <Result status="error" title={errorText(t, query.error)} extra={<BackButton postId={postId} />} />;
  const opening = query.data;
  const canWrite = mayCall('recruitment.save', role);
  return (
    <div className="leye-posts" data-testid="opening-screen">
      <Space style={{ marginBottom: 12 }} wrap>
        <BackButton postId={postId} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="opening-title">
          {t('recruitment.title')} · {opening.postName}
        </Typography.Title>
        <StatusTag status={opening.status} />
        {canWrite && !opening.publicity && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="opening-edit">
            {t('recruitment.editOpening')}
          </Button>
        )}
        {canWrite && <PrintButton route={printRoute('recruitNotice', opening.id)} fileName={`${opening.postName}-招聘公告.pdf`} label={t('recruitment.printNotice')} testId="print-recruit-notice" />}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <OpeningInfo opening={opening} />
        </Col>
        <Col xs={24} xl={14}>
          <PublicityCard opening={opening} canWrite={canWrite} />
        </Col>
      </Row>
      <ApplicationsCard opening={opening} canWrite={canWrite} />
      {editing && <OpeningFormDialog post={opening.post} opening={opening} onClose={() => setEditing(false)} />}
    </div>
  );
}

function BackButton({ postId }: { postId: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'post', id: postId })} data-testid="opening-back">
      {t('recruitment.back')}
    </Button>
  );
}

function OpeningInfo({ opening }: { opening: OpeningDetail }) {
  const { t } = useTranslation();
  const groups = opening.policy.groupOrder.map((g) => t(`posts.assign.groups.${g}`)).join(' / ');
  return (
    <Card size="small" title={t('recruitment.info')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('recruitment.places')}>{opening.places}</Descriptions.Item>
        <Descriptions.Item label={t('recruitment.window')}>{t('recruitment.windowValue', { from: opening.windowFrom, to: opening.windowTo })}</Descriptions.Item>
        <Descriptions.Item label={t('recruitment.conditions')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{opening.conditions}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('recruitment.contact')}>{opening.contact}</Descriptions.Item>
      </Descriptions>
      <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('recruitment.rankHint', { groups: groups || t('policy.recruitment.noGroups'), days: opening.policy.noticeDays })} />
    </Card>
  );
}
