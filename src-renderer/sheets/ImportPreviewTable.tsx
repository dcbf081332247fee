// The preview's table: every checked row with its result and reasons, the values set for all
// rows as columns of their own (marked so), its row count above it, and native scrollbars that
// stay visible (a virtual list's overlay scrollbar shows only while scrolling, so a clerk could
// not tell more rows were there). Rows come a page at a time, so 20,000 rows stay quick.

import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRowView } from '../../shared/sheets/contract';
import { constantLabel } from './ImportConstants';
import { rowReasons } from './texts';

const STATUS_COLOR: Record<ImportRowView['status'], string> = { valid: 'green', invalid: 'red', duplicate: 'orange', existing: 'blue' };
const PAGE_SIZE = 50;
/** Widths: the fixed columns, one column per value set for all rows, and the least the reasons get. */
const FIXED_WIDTH = 450;
const CONSTANT_WIDTH = 140;
const REASON_MIN_WIDTH = 320;

export function ImportPreviewTable(props: { preview: ImportPreview; rows: ImportRowView[] }) {
  const { t } = useTranslation();
  const { preview, rows } = props;
  const problems = preview.counts.invalid + preview.counts.duplicate;
  const constants = Object.entries(preview.constants) as [string, string][];
  const count = t('sheets.tableCount', { rows: preview.counts.rows, valid: preview.counts.valid, problems });
  return (
    <Table<ImportRowView>
      size="small"
      bordered
      scroll={{ x: FIXED_WIDTH + CONSTANT_WIDTH * constants.length + REASON_MIN_WIDTH, y: 360 }}
      pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small', position: ['bottomRight'] } : false}
      rowKey="row"
      dataSource={rows}
      data-testid="sheet-preview"
      title={() => (
        <Typography.Text strong data-testid="sheet-table-count">
          {count}
          {rows.length !== preview.counts.rows && `（${t('sheets.tableShown', { shown: rows.length })}）`}
        </Typography.Text>
      )}
      onRow={(row) => ({ 'data-testid': `sheet-row-${row.row}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('sheets.col.row'), dataIndex: 'row', width: 60, fixed: 'left' },
        { title: t('sheets.col.name'), dataIndex: 'name', width: 90, fixed: 'left', ellipsis: { showTitle: true } },
        { title: t('sheets.col.idNumber'), dataIndex: 'idNumberMasked', width: 160 },
        {
          title: t('sheets.col.status'),
          dataIndex: 'status',
          width: 140,
          render: (s: ImportRowView['status'], row) => (
            <>
              <Tag color={STATUS_COLOR[s]}>{t(`sheets.status.${s}`)}</Tag>
              {row.warnings?.length ? <Tag color="gold">{t('sheets.warningTag')}</Tag> : null}
            </>
          ),
        },
        ...constants.map(([field, value]) => ({
          key: `constant-${field}`,
          width: CONSTANT_WIDTH,
          title: (
            <span data-testid={`sheet-constant-col-${field}`}>
              {t(`sheets.field.${field}`)} <Tag color="purple">{t('sheets.constantTag')}</Tag>
            </span>
          ),
          render: () => constantLabel(t, field, value),
        })),
        { title: t('sheets.col.reason'), key: 'reason', render: (_: unknown, row: ImportRowView) => rowReasons(t, row).map((r) => <div key={r}>{r}</div>) },
      ]}
    />
  );
}
