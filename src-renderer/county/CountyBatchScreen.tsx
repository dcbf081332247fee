// One incoming batch: who sent it, when and how, whether its manifest checks out and all its
// records arrived; its records (paginated: a batch may hold 10,000) with what changed and the
// county rules each fails, a decision per record (returns need a reason; failing records start as
// returns with the problems as the reason), "accept all", "submit", and unlocking accepted records.

import { Button, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

import { errorText } from '../errors';
import { navigate } from '../route';
import { useCountyBatch, useCountyLive } from './queries';
import './county.css';
import { BatchReview } from './BatchReview';

export function CountyBatchScreen({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  useCountyLive();
  const detail = useCountyBatch(batchId);

  return (
    <div className="leye-county">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'county' })} data-testid="county-batch-back">
          {t('county.batch.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('county.batch.title')}
        </Typography.Title>
      </Space>
      {detail.isPending && <Spin />}
      {detail.isError && <Result status="error" title={errorText(t, detail.error)} />}
      {detail.isSuccess && !detail.data && <Result status="404" title={t('county.batch.notFound')} />}
      {detail.data && <BatchReview detail={detail.data} />}
    </div>
  );
}
