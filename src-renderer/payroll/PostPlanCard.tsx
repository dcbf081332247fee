// The county's post plan of a year (the places it plans to create) against the places created,
// per township; the plan is data the county enters here.
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Space, Statistic, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { payrollKeys } from './queries';
import { placeLabelOf } from './placeLabel';

export function PostPlanCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  // What the clerk typed (null: the saved figure and note of the year shown).
  const [places, setPlaces] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const key = [...payrollKeys.all, 'plan', year];
  const plan = useQuery({ queryKey: key, queryFn: () => leye.call('payroll.plan', { year }), retry: false });
  const pickYear = (value: number) => {
    setYear(value);
    setPlaces(null);
    setNote(null);
  };
  const save = useMutation({
    mutationFn: () => leye.call('payroll.setPlan', { year, places: places ?? plan.data?.planned ?? 0, note: note ?? plan.data?.note ?? '' }),
    onSuccess: (view) => {
      queryClient.setQueryData(key, view);
      setPlaces(null);
      setNote(null);
      void message.success(t('payroll.plan.saved'));
    },
    onError: (error) => void message.error(errorText(t, error)),
  });
  const data = plan.data;
  const label = placeLabelOf(t);
  return (
    <Card size="small" title={t('payroll.plan.title')} style={{ marginTop: 16 }} data-testid="post-plan">
      <Space wrap align="center" style={{ display: 'flex', marginBottom: 12 }}>
        <span>{t('payroll.plan.year')}</span>
        <InputNumber value={year} min={2020} max={2100} onChange={(v) => v && pickYear(v)} data-testid="post-plan-year" />
        <span>{t('payroll.plan.places')}</span>
        <InputNumber value={places ?? data?.planned ?? null} min={0} max={1_000_000} onChange={(v) => setPlaces(v)} data-testid="post-plan-places" />
        <Input value={note ?? data?.note ?? ''} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t('payroll.plan.note')} style={{ width: 260 }} />
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="post-plan-save">
          {t('payroll.plan.save')}
        </Button>
      </Space>
      {plan.isError && <Alert type="warning" showIcon title={errorText(t, plan.error)} />}
      {data && (
        <>
          <Space size={48} style={{ display: 'flex', marginBottom: 12 }}>
            <Statistic title={t('payroll.plan.planned')} value={data.planned ?? '—'} data-testid="post-plan-planned" />
            <Statistic title={t('payroll.plan.created')} value={data.created} data-testid="post-plan-created" />
            <Statistic data-testid="post-plan-rate" title={t('payroll.plan.rate')} value={data.planned ? `${Math.floor((data.created / data.planned) * 1000) / 10}%` : '—'} />
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey="placeCode"
            dataSource={data.byTownship}
            onRow={(r) => ({ 'data-testid': `post-plan-township-${r.placeCode}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'township', title: t('payroll.county.township'), render: (_, r) => label(r.placeCode, r.placeName) },
              { key: 'created', title: t('payroll.plan.created'), dataIndex: 'created', align: 'right', width: 180 },
            ]}
          />
        </>
      )}
    </Card>
  );
}
