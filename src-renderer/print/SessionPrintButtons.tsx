// The training session's print row: the sign-in sheet of a chosen half-day (today's by default)
// and the session's attendance summary.
import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/rpc/handlers';
import { PrintButton } from './PrintButton';
import { printRoute } from './printing';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function SessionPrintButtons({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const slots = session.timetable.map((s) => ({ value: `${s.date}/${s.half}`, label: `${s.date} ${t(`training.half.${s.half}`)}` }));
  const today = localToday();
  const initial = session.timetable.find((s) => s.date === today && s.half === (new Date().getHours() < 12 ? 'am' : 'pm')) ?? session.timetable.find((s) => s.date >= today) ?? session.timetable[0];
  const [slot, setSlot] = useState(initial ? `${initial.date}/${initial.half}` : '');
  const [date = '', half = ''] = slot.split('/');
  return (
    <Space wrap data-testid="session-print">
      {slots.length > 0 && (
        <Space.Compact>
          <Select value={slot} options={slots} onChange={setSlot} style={{ width: 170 }} data-testid="print-slot" />
          <PrintButton route={printRoute('signInSheet', session.id, date, half)} fileName={`${session.course.occupation}-${t('print.signIn.title')}-${date}-${t(`training.half.${half}`)}`} label={t('print.button.signIn')} testId="print-sign-in" />
        </Space.Compact>
      )}
      <PrintButton route={printRoute('trainingSummary', session.id)} fileName={`${session.course.occupation}-${t('print.summary.title')}`} label={t('print.button.summary')} testId="print-summary" />
    </Space>
  );
}
