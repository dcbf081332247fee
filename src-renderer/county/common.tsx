// Pieces the county screens share: query keys, type and status labels, the counts as tags, and a
// refetch of the county's data whenever a sync brings something new.

import { useQueryClient } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountyBatchStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { countyCountTags, countyStatusTag, countyTypeLabel, type TypeLabel } from './countyView';

export const COUNTY_KEY = ['county'] as const;
export const countyKeys = {
  batches: (filter: { placeCode?: string; status?: CountyBatchStatus }) => ['county', 'batches', filter] as const,
  batchesAll: ['county', 'batches'] as const,
  stations: (staleDays: number) => ['county', 'stations', staleDays] as const,
  batch: (batchId: string) => ['county', 'batch', batchId] as const,
  conflicts: ['county', 'conflicts'] as const,
};

/** Refetches what the county screens show after every sync push (new batches may have arrived). */
export function useCountyLive() {
  const client = useQueryClient();
  useEffect(() => leye.subscribe('sync.changed', () => void client.invalidateQueries({ queryKey: COUNTY_KEY })), [client]);
}

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
