// The statistics screen's 就业统计: 城镇新增就业, 失业人员再就业 and 就业困难人员实现就业 by month,
// village (at the county: township, its villages beneath) and target group, with their written
// definitions and how this level's figures are formed shown beside them (shared/employment/texts.ts,
// shared/stats/texts.ts).
import { Alert, Card, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmploymentCountsView } from '../../shared/employment/contract';
import type { CountGroup, EmploymentCounts } from '../../shared/employment/counts';
import { stationLevel } from '../../shared/places';
import { errorText } from '../errors';
import { useEmploymentCounts } from './queries';

const MEASURES = ['newUrban', 'reemployed', 'hardship'] as const;
const ZERO: EmploymentCounts = { newUrban: 0, reemployed: 0, hardship: 0 };

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1, end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1; n <= end; n++) {
    out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

interface Row {
  key: string;
  label: string;
  counts: EmploymentCounts;
  children?: Row[];
}

const plus = (a: EmploymentCounts, b: EmploymentCounts): EmploymentCounts => ({ newUrban: a.newUrban + b.newUrban, reemployed: a.reemployed + b.reemployed, hardship: a.hardship + b.hardship });

/**
 * The rows by place: a township's villages (and its own people) as they are; at the county, one
 * row per township adding up its villages, which open beneath it.
 */
function placeRows(data: EmploymentCountsView, ownLabel: (name: string) => string): Row[] {
  const name = (code: string) => data.placeNames[code] ?? code;
  const row = (place: string, counts: EmploymentCounts): Row => ({ key: place, label: place === data.placeCode && stationLevel(place) === 'township' ? ownLabel(name(place)) : name(place), counts });
  if (stationLevel(data.placeCode) !== 'county') return data.byPlace.map((p) => row(p.place, p.counts));
  const townships = new Map<string, Row>();
  for (const p of data.byPlace) {
    const code = p.place.length === 12 ? p.place.slice(0, 9) : p.place;
    let t = townships.get(code);
    if (!t) townships.set(code, (t = { key: `township-${code}`, label: name(code), counts: ZERO, children: [] }));
    t.counts = plus(t.counts, p.counts);
    t.children!.push(p.place === code ? { ...row(p.place, p.counts), label: ownLabel(name(code)) } : row(p.place, p.counts));
  }
  return [...townships.values()].map((t) => (t.children!.length === 1 && t.children![0]!.key === t.key.slice('township-'.length) ? { key: t.key, label: t.label, counts: t.counts } : t));
}

function CountsTable({ rows, first, total, testId }: { rows: Row[]; first: string; total?: EmploymentCounts; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      expandable={{ indentSize: 16 }}
      data-testid={testId}
      scroll={{ y: 320 }}
      columns={[
        { key: 'label', title: first, dataIndex: 'label' },
        ...MEASURES.map((m) => ({ key: m, title: t(`employment.counts.${m}`), align: 'right' as const, render: (_: unknown, r: Row) => <span data-testid={`${testId}-${r.key}-${m}`}>{r.counts[m]}</span> })),
      ]}
      summary={
        total
          ? () => (
              <Table.Summary fixed>
                <Table.Summary.Row className="leye-stats-total">
                  <Table.Summary.Cell index={0}>{t('employment.counts.total')}</Table.Summary.Cell>
                  {MEASURES.map((m, i) => (
                    <Table.Summary.Cell key={m} index={i + 1} align="right">
                      <span data-testid={`${testId}-total-${m}`}>{total[m]}</span>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          : undefined
      }
    />
  );
}

export function EmploymentCountsCard({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const counts = useEmploymentCounts({ from, to });
  const data = counts.data;
  const groupLabel = (g: CountGroup) => (g === 'none' ? t('stats.groupNone') : t(`enums.targetGroup.${g}`));
  const byMonth = new Map(data?.byMonth.map((m) => [m.month, m.counts]) ?? []);
  const level = data ? stationLevel(data.placeCode) : null;
  return (
    <Card size="small" title={t('employment.counts.title')} className="leye-stats-section" data-testid="stats-employment" loading={counts.isPending}>
      {counts.isError && <Alert type="error" showIcon title={errorText(t, counts.error)} />}
      {data && (
        <Tabs
          size="small"
          items={[
            {
              key: 'month',
              label: t('employment.counts.byMonth'),
              children: <CountsTable testId="employment-by-month" first={t('employment.counts.month')} total={data.total} rows={monthsOf(data.from, data.to).map((m) => ({ key: m, label: m, counts: byMonth.get(m) ?? ZERO }))} />,
            },
            {
              key: 'place',
              label: level === 'county' ? t('stats.employment.byTownship') : t('employment.counts.byPlace'),
              children: (
                <CountsTable
                  testId="employment-by-place"
                  first={level === 'county' ? t('stats.employment.township') : t('employment.counts.place')}
                  total={data.total}
                  rows={placeRows(data, (name) => t('stats.ownPlace', { name }))}
                />
              ),
            },
            {
              key: 'group',
              label: t('employment.counts.byGroup'),
              children: <CountsTable testId="employment-by-group" first={t('employment.counts.group')} rows={data.byGroup.map((g) => ({ key: g.group, label: groupLabel(g.group), counts: g.counts }))} />,
            },
          ]}
        />
      )}
      <div data-testid="employment-definitions" style={{ marginTop: 8 }}>
        {(['entries', 'newUrban', 'reemployed', 'hardship', 'sums'] as const).map((k) => (
          <Typography.Paragraph key={k} type="secondary" className="leye-stats-note" style={{ marginBottom: 4 }}>
            {t(`employment.counts.help.${k}`)}
          </Typography.Paragraph>
        ))}
        {level && (
          <Typography.Paragraph type="secondary" className="leye-stats-note" style={{ marginBottom: 4 }} data-testid="employment-level-help">
            {t(`stats.employment.levels.${level}`)}
          </Typography.Paragraph>
        )}
      </div>
    </Card>
  );
}
