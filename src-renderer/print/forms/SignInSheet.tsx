// 培训签到表: a training session's sign-in sheet.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInSheetForm } from '../../../shared/print/contract';
import { FormTitle, SignLine, ClosingRow, Page, TraineeCells, TraineeHeads } from './parts';

export function SessionInfo({ session, extra }: { session: SignInSheetForm['session']; extra: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="pf-table pf-fields pf-info">
      <tbody>
        <tr>
          <th>{t('print.signIn.provider')}</th>
          <td>{session.provider}</td>
          <th>{t('print.signIn.course')}</th>
          <td>
            {session.occupation}（{t(`training.levels.${session.level}`)}）
          </td>
        </tr>
        <tr>
          <th>{t('print.signIn.place')}</th>
          <td>{session.place}</td>
          <th>{t('print.signIn.teachers')}</th>
          <td>{session.teachers.join(t('print.common.sep'))}</td>
        </tr>
        {extra}
      </tbody>
    </table>
  );
}

export function SignInSheet({ form }: { form: SignInSheetForm }) {
  const { t } = useTranslation();
  const slot = t('print.signIn.slotValue', { date: form.slot.date, half: t(`training.half.${form.slot.half}`), start: form.slot.start, end: form.slot.end, hours: form.slot.classHours });
  return (
    <Page>
      <FormTitle title={t('print.signIn.title')} station={form.station} showPlace={false} />
      <SessionInfo
        session={form.session}
        extra={
          <tr>
            <th>{t('print.signIn.slot')}</th>
            <td colSpan={3}>{slot}</td>
          </tr>
        }
      />
      <table className="pf-table pf-list pf-signin">
        <colgroup>
          <col style={{ width: '7%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '11%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={7} className="pf-caption">
              {form.session.occupation} · {slot}
            </th>
          </tr>
          <tr>
            <TraineeHeads />
            <th>{t('print.signIn.timeIn')}</th>
            <th>{t('print.signIn.timeOut')}</th>
            <th>{t('print.signIn.sign')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <TraineeCells index={i} row={r} />
              <td className="pf-center">{r.timeIn ?? ''}</td>
              <td className="pf-center">{r.timeOut ?? ''}</td>
              <td />
            </tr>
          ))}
          <ClosingRow columns={7}>
            <p className="pf-para">{t('print.signIn.counts', { enrolled: form.rows.length, present: form.signedIn })}</p>
            <SignLine label={t('print.signIn.teacherSign')} />
            <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
            <SignLine label={t('print.signIn.providerStamp')} withDate={false} />
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}
