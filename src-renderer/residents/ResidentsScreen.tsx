// The residents list: search, filters, sortable headers, and a virtualized body fed by
// pages of 100 from 'residents.search', so 100,000 residents scroll as smoothly as 10.

import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Empty, Input, Select, Space, Spin, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARE_CATEGORIES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
  type CareCategory,
  type RegistrationKind,
  type RegistrationStatus,
  type TargetGroup,
} from '../../shared/residents/enums';
import type { ResidentRow, ResidentSortField } from '../../shared/rpc/handlers';

import { RESIDENT_LIST_OPENING, useResidentSearch } from './queries';
import { PlainTag } from '../components/plainKit';
import { RevealValue } from '../components/RevealValue';
import { errorText } from '../errors';
import { navigate } from '../route';
import { useDebounced } from '../useDebounced';
import { HardshipNoticeButton } from '../print';

const ROW_HEIGHT = 44;

interface Filters {
  targetGroup?: TargetGroup;
  careCategory?: CareCategory;
  kind?: RegistrationKind;
  status?: RegistrationStatus;
}

type Sort = { sort: ResidentSortField; order: 'asc' | 'desc' };
const DEFAULT_SORT: Sort = { sort: RESIDENT_LIST_OPENING.sort, order: RESIDENT_LIST_OPENING.order };

export function ResidentsScreen() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);

  const args = { query, ...filters, ...sort };
  const search = useResidentSearch(args);

  const rows = useMemo(() => search.data?.pages.flatMap((page) => page.items) ?? [], [search.data]);
  const first = search.data?.pages[0];
  const total = first?.total ?? 0;

  // Clicking a header sorts ascending, then descending, then back to "recently changed".
  const cycleSort = (field: ResidentSortField) =>
    setSort((current) =>
      current.sort !== field ? { sort: field, order: 'asc' } : current.order === 'asc' ? { sort: field, order: 'desc' } : DEFAULT_SORT,
    );

  const filterSelect = <V extends string>(
    key: keyof Filters,
    placeholder: string,
    values: readonly V[],
    labelKey: string,
  ) => (
    <Select<V>
      allowClear
      data-testid={`filter-${key}`}
      placeholder={placeholder}
      style={{ width: 112 }}
      popupMatchSelectWidth={false}
      value={filters[key] as V | undefined}
      onChange={(value) => setFilters((current) => ({ ...current, [key]: value ?? undefined }))}
      options={values.map((value) => ({ value, label: t(`enums.${labelKey}.${value}`) }))}
    />
  );

  return (
    <>
      {/* One row at 1366×768 in both languages: search, four filters, the count and the notice. */}
      <Space wrap style={{ marginBottom: 12, flex: 'none' }} data-testid="resident-toolbar">
        <Input
          allowClear
          autoFocus
          prefix={<SearchOutlined />}
          placeholder={t('residents.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 300 }}
          maxLength={40}
          data-testid="resident-search"
        />
        {filterSelect('targetGroup', t('residents.filterTargetGroup'), TARGET_GROUPS, 'targetGroup')}
        {filterSelect('careCategory', t('residents.filterCareCategory'), CARE_CATEGORIES, 'careCategory')}
        {filterSelect('kind', t('residents.filterKind'), REGISTRATION_KINDS, 'kind')}
        {filterSelect('status', t('residents.filterStatus'), REGISTRATION_STATUSES, 'status')}
        <Typography.Text data-testid="resident-total" strong>
          {t('residents.total', { count: total })}
        </Typography.Text>
        {search.isFetching && <Spin size="small" />}
        <HardshipNoticeButton />
      </Space>
      {search.isError && <Alert type="error" showIcon title={errorText(t, search.error)} style={{ marginBottom: 12 }} />}
      <div className="leye-list" data-testid="resident-list">
        <div className="leye-row leye-list-head" role="row">
          <SortHeader field="name" sort={sort} onSort={cycleSort} label={t('residents.columns.name')} />
          <div>{t('residents.columns.sex')}</div>
          <SortHeader field="age" sort={sort} onSort={cycleSort} label={t('residents.columns.age')} />
          <div title={t('residents.columns.idNumber')}>{t('residents.columns.idNumber')}</div>
          <div title={t('residents.columns.phone')}>{t('residents.columns.phone')}</div>
          <div title={t('residents.columns.householdType')}>{t('residents.columns.householdType')}</div>
          <div title={t('residents.columns.targetGroups')}>{t('residents.columns.targetGroups')}</div>
          <div title={t('residents.columns.kind')}>{t('residents.columns.kind')}</div>
          <div title={t('residents.columns.status')}>{t('residents.columns.status')}</div>
          <SortHeader field="registeredOn" sort={sort} onSort={cycleSort} label={t('residents.columns.registeredOn')} />
        </div>
        <VirtualBody
          rows={rows}
          hasMore={Boolean(search.hasNextPage)}
          loadMore={() => {
            if (search.hasNextPage && !search.isFetchingNextPage) void search.fetchNextPage();
          }}
          empty={search.isSuccess && total === 0}
          resetKey={JSON.stringify(args)}
        />
      </div>
    </>
  );
}

function SortHeader(props: { field: ResidentSortField; sort: Sort; onSort(field: ResidentSortField): void; label: string }) {
  const active = props.sort.sort === props.field;
  return (
    <div
      className="leye-sort"
      role="columnheader"
      title={props.label}
      aria-sort={active ? (props.sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-testid={`sort-${props.field}`}
      onClick={() => props.onSort(props.field)}
    >
      {props.label} {active && (props.sort.order === 'asc' ? <ArrowUpOutlined /> : <ArrowDownOutlined />)}
    </div>
  );
}

function VirtualBody(props: { rows: ResidentRow[]; hasMore: boolean; loadMore(): void; empty: boolean; resetKey: string }) {
  const { t } = useTranslation();
  const { rows, hasMore, loadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const count = hasMore ? rows.length + 1 : rows.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  // Fetch the next page when the visible window nears the end of what is loaded.
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 30) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  // A new search starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [props.resetKey]);

  if (props.empty) {
    return (
      <div className="leye-list-body">
        <Empty style={{ marginTop: 48 }} description={t('residents.empty')} />
      </div>
    );
  }

  return (
    <div className="leye-list-body" ref={scroller}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) {
            return (
              <div key="more" className="leye-row" style={{ top: item.start, cursor: 'default' }}>
                <div style={{ gridColumn: '1 / -1', color: '#8c8c8c' }}>{t('residents.loadingMore')}</div>
              </div>
            );
          }
          return <Row key={row.id} row={row} top={item.start} />;
        })}
      </div>
    </div>
  );
}

function Row({ row, top }: { row: ResidentRow; top: number }) {
  const { t } = useTranslation();
  const open = () => navigate({ name: 'resident', id: row.id });
  return (
    <div
      className="leye-row"
      role="row"
      tabIndex={0}
      style={{ top }}
      data-testid="resident-row"
      data-id={row.id}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) open();
      }}
    >
      <div data-testid="resident-name" title={row.name}>
        {row.name}
      </div>
      <div>{t(`enums.sex.${row.sex}`)}</div>
      <div>{row.age}</div>
      <div>
        <RevealValue id={row.id} field="idNumber" masked={row.idNumberMasked} />
      </div>
      <div>
        <RevealValue id={row.id} field="phone" masked={row.phoneMasked} />
      </div>
      <div>{t(`enums.householdType.${row.householdType}`)}</div>
      <div title={row.targetGroups.map((g) => t(`enums.targetGroup.${g}`)).join('、')}>
        {row.targetGroups.map((g) => (
          <PlainTag key={g} style={{ marginInlineEnd: 4 }}>
            {t(`enums.targetGroup.${g}`)}
          </PlainTag>
        ))}
      </div>
      <div>{t(`enums.kind.${row.kind}`)}</div>
      <div>
        <PlainTag color={row.status === 'active' ? 'green' : 'default'}>{t(`enums.status.${row.status}`)}</PlainTag>
      </div>
      <div>{row.registeredOn}</div>
    </div>
  );
}
