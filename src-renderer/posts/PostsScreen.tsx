// The station's public-welfare posts: a table (a row opens the post) and the new-post dialog.

import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { RecruitingLink } from '../recruitment';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../shared/rpc/handlers';
import { errorText } from '../errors';
import { navigate } from '../route';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { formatYuan } from '../form/format';
import { usePosts } from './queries';
import { PostFormDialog } from './PostForm';
import './posts.css';

export function PostsScreen() {
  const { t } = useTranslation();
  const { role } = useSession();
  const posts = usePosts();
  const [creating, setCreating] = useState(false);
  const canWrite = mayCall('posts.save', role);

  return (
    <div className="leye-posts">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('posts.title')}
        </Typography.Title>
        {posts.data && <Typography.Text type="secondary">{t('posts.count', { count: posts.data.length })}</Typography.Text>}
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="post-new">
            {t('posts.new')}
          </Button>
        ) : (
          <Tag>{t('posts.readOnly')}</Tag>
        )}
      </Space>
      {posts.isError && <Alert type="error" showIcon title={errorText(t, posts.error)} style={{ marginBottom: 12 }} />}
      <Table<PostView>
        rowKey="id"
        size="middle"
        loading={posts.isPending}
        dataSource={posts.data ?? []}
        pagination={(posts.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('posts.empty') }}
        data-testid="post-table"
        onRow={(post) =>
          ({
            'data-testid': 'post-row',
            'data-post-id': post.id,
            className: 'leye-clickable',
            onClick: () => navigate({ name: 'post', id: post.id }),
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'code', title: t('posts.columns.code'), width: 110, render: (_, post) => <span className="leye-mono">{post.code}</span> },
          { key: 'name', title: t('posts.columns.name'), dataIndex: 'name', render: (name: string) => <span data-testid="post-name">{name}</span> },
          { key: 'kind', title: t('posts.columns.kind'), dataIndex: 'kind', width: 70, render: (kind: PostView['kind']) => <Tag color={kind === 'rural' ? 'green' : 'blue'}>{t(`posts.enums.kind.${kind}`)}</Tag> },
          { key: 'category', title: t('posts.columns.category'), dataIndex: 'category', render: (category: PostView['category']) => t(`posts.enums.category.${category}`) },
          { key: 'place', title: t('posts.columns.place'), render: (_, post) => <span title={post.placeCode}>{post.placeName || post.placeCode}</span> },
          { key: 'employer', title: t('posts.columns.employer'), render: (_, post) => post.employer.name },
          { key: 'hours', title: t('posts.columns.plannedHours'), align: 'right', render: (_, post) => t('posts.hoursValue', { hours: post.plannedHoursPerMonth }) },
          { key: 'pay', title: t('posts.columns.pay'), align: 'right', render: (_, post) => t('posts.yuanValue', { amount: formatYuan(post.payPerMonth) }) },
          { key: 'period', title: t('posts.columns.period'), render: (_, post) => t('posts.period', { from: post.startDate, to: post.endDate }) },
          {
            key: 'holders',
            title: t('posts.columns.holders'),
            align: 'right',
            render: (_, post) => <span data-testid="post-holders">{t('posts.holdersValue', { count: post.currentHolders })}</span>,
          },
          { key: 'recruiting', title: t('recruitment.title'), render: (_, post) => <RecruitingLink postId={post.id} /> },
        ]}
      />
      {creating && (
        <PostFormDialog
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate({ name: 'post', id: saved.id });
          }}
        />
      )}
    </div>
  );
}
