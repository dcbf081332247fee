// A post's openings (岗位公告) on the post's page: each with its window, status and applicants,
// the way into its recruitment screen, and a new opening.
import { Button, Card, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningStatus, OpeningView } from '../../shared/recruitment/contract';
import type { PostView } from '../../shared/rpc/handlers';
import { mayCall } from '../access/may';
import { navigate } from '../route';
import { useSession } from '../station/queries';
import { OpeningFormDialog } from './OpeningForm';
import { useOpenings } from './queries';

const STATUS_COLOR: Record<OpeningStatus, string> = { upcoming: 'default', open: 'green', closed: 'orange', noticeRunning: 'blue', noticeEnded: 'purple' };

export const openingRoute = (postId: string, openingId: string) => ({ name: 'opening' as const, postId, id: openingId });

export function StatusTag({ status }: { status: OpeningStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-testid="opening-status">{t(`recruitment.status.${status}`)}</Tag>;
}

export function OpeningsCard({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const openings = useOpenings(post.id);
  const [creating, setCreating] = useState(false);
  return (
    <Card
      size="small"
      title={t('recruitment.openings')}
      style={{ marginBottom: 16 }}
      data-testid="openings-card"
      extra={
        mayCall('recruitment.save', role) && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opening-new">
            {t('recruitment.newOpening')}
          </Button>
        )
      }
    >
      {(openings.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recruitment.noOpenings')} />
      ) : (
        <Table<OpeningView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={openings.data}
          columns={[
            { key: 'window', title: t('recruitment.window'), render: (_, o) => t('recruitment.windowValue', { from: o.windowFrom, to: o.windowTo }) },
            { key: 'places', title: t('recruitment.places'), dataIndex: 'places', align: 'right' },
            { key: 'applicants', title: t('recruitment.applications'), dataIndex: 'applicants', align: 'right' },
            { key: 'status', title: '', render: (_, o) => <StatusTag status={o.status} /> },
            {
              key: 'open',
              title: '',
              render: (_, o) => (
                <Button size="small" type="link" onClick={() => navigate(openingRoute(post.id, o.id))} data-testid="opening-open">
                  {t('recruitment.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {creating && (
        <OpeningFormDialog
          post={post}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(openingRoute(post.id, saved.id));
          }}
        />
      )}
    </Card>
  );
}
