// Pieces the county screens share: type and status labels and the counts as tags.

import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountyBatchStatus } from '../../shared/rpc/handlers';
import { countyCountTags, countyStatusTag, countyTypeLabel, type TypeLabel } from './countyView';

export function useTypeText() {
  const { t } = useTranslation();
  return (type: string | TypeLabel) => {
    const label = typeof type === 'string' ? countyTypeLabel(type) : type;
    return label.key ? t(label.key) : label.raw;
  };
}

export function CountTags({ counts, total }: { counts: Record<string, number>; total?: number }) {
  const { t } = useTranslation();
  const typeText = useTypeText();
  return (
    <Space size={[0, 4]} wrap>
      {total !== undefined && <span style={{ marginRight: 8 }}>{t('county.batches.total', { count: total })}</span>}
      {countyCountTags(counts).map((tag) => (
        <Tag key={tag.type} style={{ fontSize: 12 }} data-type={tag.type}>
          {typeText(tag.label)} {tag.count}
        </Tag>
      ))}
    </Space>
  );
}

export function CountyStatusTag({ status, testId }: { status: CountyBatchStatus; testId?: string }) {
  const { t } = useTranslation();
  const tag = countyStatusTag(status);
  return (
    <Tag color={tag.color} data-testid={testId} data-status={status}>
      {t(tag.key)}
    </Tag>
  );
}
