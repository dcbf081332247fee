// A printed form's route, in a chunk of its own (see index.tsx): each form is a route of its
// own, shown bare at A4 with print CSS. The route fetches its data from the core (which audit-logs the fill), waits for the fonts, then marks
// itself ready (`data-print-ready`) for Electron's hidden print window and the tests; in the
// browser preview it calls the browser's print when the clerk asked for it.
import './print.css';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_FORMS } from '../../shared/print/contract';
import { HALF_DAYS, type HalfDay } from '../../shared/training/schema';
import { leye } from '../bridge';
import { errorText } from '../errors';
import { routeHash } from '../route';
import { AttendanceSheet, DeductionNotice, HardshipApplication, HardshipNotice, PayrollSheet, RecruitNotice, RecruitPublicity, Registration, ServiceCard, SignInSheet, TrainingSummary, VisitRecord } from './forms';
import { takeAutoPrint } from './printing';
import { useFill } from './queries';

function FormFor({ form, args }: { form: string; args: string[] }): ReactNode {
  const { t } = useTranslation();
  const [a = '', b = '', c = '', d = '', e = ''] = args;
  const fill = useFill([form, ...args], (): Promise<unknown> => {
    switch (form) {
      case 'registration':
        return leye.call('print.registration', { id: a });
      case 'hardshipApplication':
        return leye.call('print.hardshipApplication', { id: a });
      case 'hardshipNotice':
        return leye.call('print.hardshipNotice', { from: a, to: b, noticeFrom: c, noticeTo: d, phone: e });
      case 'attendance':
        return leye.call('print.attendance', { postId: a, month: b });
      case 'signInSheet':
        return leye.call('print.signInSheet', { sessionId: a, date: b, half: (HALF_DAYS as readonly string[]).includes(c) ? (c as HalfDay) : 'am' });
      case 'trainingSummary':
        return leye.call('print.trainingSummary', { sessionId: a });
      case 'visitRecord':
        return leye.call('print.visitRecord', { serviceId: a });
      case 'serviceCard':
        return leye.call('print.serviceCard', { id: a });
      case 'payroll':
        return leye.call('print.payroll', { month: a, full: b === 'full' });
      case 'deductionNotice':
        return leye.call('print.deductionNotice', { assessmentId: a });
      case 'recruitNotice':
        return leye.call('print.recruitNotice', { openingId: a });
      case 'recruitPublicity':
        return leye.call('print.recruitPublicity', { publicityId: a });
      default:
        return Promise.reject(new Error('unknown form'));
    }
  });
  if (fill.isPending) return <Spin tip={t('print.loading')} />;
  if (fill.isError) return <Result status="error" title={errorText(t, fill.error)} data-testid="print-error" />;
  const data = fill.data as never;
  switch (form) {
    case 'registration':
      return <Registration form={data} />;
    case 'hardshipApplication':
      return <HardshipApplication form={data} />;
    case 'hardshipNotice':
      return <HardshipNotice form={data} />;
    case 'attendance':
      return <AttendanceSheet form={data} />;
    case 'signInSheet':
      return <SignInSheet form={data} />;
    case 'visitRecord':
      return <VisitRecord form={data} />;
    case 'serviceCard':
      return <ServiceCard form={data} />;
    case 'payroll':
      return <PayrollSheet form={data} />;
    case 'deductionNotice':
      return <DeductionNotice form={data} />;
    case 'recruitNotice':
      return <RecruitNotice form={data} />;
    case 'recruitPublicity':
      return <RecruitPublicity form={data} />;
    default:
      return <TrainingSummary form={data} />;
  }
}

const FORMS: ReadonlySet<string> = new Set(PRINT_FORMS);

/** The page counter of every printed page, in the clerk's language ("第 N 页 共 M 页"). */
function PageNumbers() {
  const { t } = useTranslation();
  const text = t('print.pageOf', { page: '\u0001', pages: '\u0002', interpolation: { escapeValue: false } });
  const content = `"${text.replace(/["\\]/g, '').replace('\u0001', '" counter(page) "').replace('\u0002', '" counter(pages) "')}"`;
  const css = `@page { @bottom-center { content: ${content}; font-size: 9pt; color: #333; } } @page landscape { @bottom-center { content: ${content}; font-size: 9pt; color: #333; } }`;
  return <style>{css}</style>;
}

export function PrintRoute({ form, args }: { form: string; args: string[] }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const hash = routeHash({ name: 'print', form, args });

  // Ready once the form is in the page and its fonts are loaded (a CJK font loads late).
  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const check = () => {
      if (cancelled) return;
      if (!document.querySelector('[data-print-form]')) {
        timer = window.setTimeout(check, 50);
        return;
      }
      void document.fonts.ready.then(() => {
        if (!cancelled) setReady(true);
      });
    };
    check();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [hash]);

  useEffect(() => {
    if (!ready || !takeAutoPrint(hash)) return;
    const back = () => window.history.back();
    window.addEventListener('afterprint', back, { once: true });
    window.print();
  }, [ready, hash]);

  useEffect(() => {
    document.documentElement.classList.add('leye-printing');
    return () => document.documentElement.classList.remove('leye-printing');
  }, []);

  if (!FORMS.has(form)) return <Result status="404" title={t('print.unknownForm', { form })} />;
  return (
    <div className="print-root" data-print-ready={ready ? 'true' : undefined} data-print-hash={hash} data-testid="print-route">
      <PageNumbers />
      <div className="print-toolbar">
        <Button type="primary" onClick={() => window.print()} data-testid="print-now">
          {t('print.toolbar.print')}
        </Button>
        <Button onClick={() => window.history.back()} data-testid="print-back">
          {t('print.toolbar.back')}
        </Button>
        <span className="print-toolbar-hint">{t('print.toolbar.hint')}</span>
      </div>
      <FormFor form={form} args={args} />
    </div>
  );
}
