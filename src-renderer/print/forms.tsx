// The printed forms themselves: plain HTML tables sized for A4 (see print.css). Long tables
// repeat their header rows on every page (thead); signature blocks never split across pages.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HARDSHIP_CATEGORIES } from '../../shared/residents/schema';
import type {
  AttendanceSheetForm,
  HardshipApplicationForm,
  HardshipNoticeForm,
  PrintStation,
  RegistrationForm,
  SignInSheetForm,
  TrainingSummaryForm,
} from '../../shared/print/contract';

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
const money = (yuan: number) => yuan.toFixed(2);

function FormTitle({ title, station, showPlace = true }: { title: string; station: PrintStation; showPlace?: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="pf-head">
      <h1 className="pf-title" data-testid="print-title">
        {title}
      </h1>
      <div className="pf-meta">
        <span>
          {t('print.common.station')}：{station.name}
        </span>
        {showPlace && (
          <span>
            {t('print.common.place')}：{station.placePath.join('')}
          </span>
        )}
        <span>
          {t('print.common.printedOn')}：{station.printedOn}
        </span>
      </div>
    </header>
  );
}

/** A line to sign on: label, blank space, and a date line. */
function SignLine({ label, withDate = true, value }: { label: string; withDate?: boolean; value?: string }) {
  const { t } = useTranslation();
  return (
    <div className="pf-sign">
      <span className="pf-sign-label">{label}：</span>
      <span className="pf-sign-blank">{value ?? ''}</span>
      {withDate && (
        <>
          <span className="pf-sign-label">{t('print.common.date')}：</span>
          <span className="pf-sign-date">{t('print.common.yearMonthDay')}</span>
        </>
      )}
    </div>
  );
}

function ReviewBox({ title, signLabel }: { title: string; signLabel: string }) {
  return (
    <div className="pf-review">
      <div className="pf-review-title">{title}</div>
      <div className="pf-review-space" />
      <SignLine label={signLabel} />
    </div>
  );
}

/**
 * The closing lines (counts, signatures, review) as the table's last row: if they go to a new
 * page, the table's header (with the caption saying what is signed) repeats above them.
 */
function ClosingRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="pf-closing">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

function Page({ children, landscape = false }: { children: ReactNode; landscape?: boolean }) {
  return (
    <article className={landscape ? 'pf pf-landscape' : 'pf'} data-print-form>
      {children}
    </article>
  );
}

/** The person's rows shared by the registration and the 认定 application: full ID number (legally required). */
function PersonRows({ resident }: { resident: RegistrationForm['resident'] }) {
  const { t } = useTranslation();
  const list = (items: string[]) => (items.length ? items.join(t('print.common.sep')) : t('print.common.none'));
  return (
    <>
      <tr>
        <th>{t('print.common.name')}</th>
        <td data-testid="pf-name">{resident.name}</td>
        <th>{t('print.common.sex')}</th>
        <td>{t(`enums.sex.${resident.sex}`)}</td>
        <td rowSpan={4} className="pf-photo">
          {t('print.common.photo')}
        </td>
      </tr>
      <tr>
        <th>{t('print.registration.birthDate')}</th>
        <td>{resident.birthDate}</td>
        <th>{t('print.common.age')}</th>
        <td>{resident.age}</td>
      </tr>
      <tr>
        <th>{t('print.common.idNumber')}</th>
        <td className="pf-mono">{resident.idNumber}</td>
        <th>{t('fields.phone')}</th>
        <td className="pf-mono">{resident.phone}</td>
      </tr>
      <tr>
        <th>{t('fields.householdType')}</th>
        <td>{t(`enums.householdType.${resident.householdType}`)}</td>
        <th>{t('fields.education')}</th>
        <td>{t(`enums.education.${resident.education}`)}</td>
      </tr>
      <tr>
        <th>{t('fields.address')}</th>
        <td colSpan={4}>{resident.address}</td>
      </tr>
      <tr>
        <th>{t('print.registration.residentPlace')}</th>
        <td colSpan={4}>{resident.placePath.join('')}</td>
      </tr>
      <tr>
        <th>{t('fields.skills')}</th>
        <td>{resident.skills || t('print.common.none')}</td>
        <th>{t('fields.employmentCertificateNo')}</th>
        <td colSpan={2}>{resident.employmentCertificateNo || t('print.common.none')}</td>
      </tr>
      <tr>
        <th>{t('fields.targetGroups')}</th>
        <td colSpan={4}>
          {list(resident.targetGroups.map((g) => t(`enums.targetGroup.${g}`)))}
          {resident.careCategories.length > 0 && `（${list(resident.careCategories.map((c) => t(`enums.careCategory.${c}`)))}）`}
        </td>
      </tr>
    </>
  );
}

const FIELD_COLUMNS = (
  <colgroup>
    <col style={{ width: '17%' }} />
    <col style={{ width: '29%' }} />
    <col style={{ width: '15%' }} />
    <col style={{ width: '23%' }} />
    <col style={{ width: '16%' }} />
  </colgroup>
);

export function Registration({ form }: { form: RegistrationForm }) {
  const { t } = useTranslation();
  const r = form.registration;
  const text = (value: string) => value || t('print.common.none');
  return (
    <Page>
      <FormTitle title={t(`print.registration.title.${form.title}`)} station={form.station} />
      <table className="pf-table pf-fields">
        {FIELD_COLUMNS}
        <tbody>
          <PersonRows resident={form.resident} />
          <tr>
            <th>{t('print.registration.registeredOn')}</th>
            <td>{r.date}</td>
            <th>{t('fields.kind')}</th>
            <td colSpan={2}>{t(`enums.kind.${r.kind}`)}</td>
          </tr>
          {r.kind === 'unemployment' && (
            <tr>
              <th>{t('fields.unemploymentType')}</th>
              <td>{t(`enums.unemploymentType.${r.unemploymentType}`)}</td>
              <th>{t('fields.unemployedSince')}</th>
              <td colSpan={2}>{r.unemployedSince}</td>
            </tr>
          )}
          {r.kind === 'hardship' && (
            <tr>
              <th>{t('fields.hardshipCategories')}</th>
              <td colSpan={4}>{r.hardshipCategories.map((c) => t(`enums.hardshipCategory.${c}`)).join(t('print.common.sep'))}</td>
            </tr>
          )}
          {r.kind !== 'hardship' && (
            <>
              <tr>
                <th>{t('fields.jobIntention')}</th>
                <td colSpan={4}>{text(r.jobIntention)}</td>
              </tr>
              <tr>
                <th>{t('fields.trainingIntention')}</th>
                <td colSpan={4}>{text(r.trainingIntention)}</td>
              </tr>
              <tr>
                <th>{t('fields.serviceNeeds')}</th>
                <td colSpan={4} className="pf-tall">
                  {text(r.serviceNeeds)}
                </td>
              </tr>
            </>
          )}
        </tbody>
      </table>
      <section className="pf-keep">
        <p className="pf-promise">{t('print.registration.promise')}</p>
        <SignLine label={t('print.registration.applicantSign')} />
        <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
        <SignLine label={`${t('print.common.station')}${t('print.common.stamp')}`} value={form.station.name} withDate={false} />
      </section>
    </Page>
  );
}

export function HardshipApplication({ form }: { form: HardshipApplicationForm }) {
  const { t } = useTranslation();
  const chosen = new Set(form.registration.hardshipCategories);
  // Blank rows to add family members by hand; at least four rows in all.
  const blanks = Math.max(0, 4 - form.familyMembers.length);
  return (
    <Page>
      <FormTitle title={t('print.hardship.title')} station={form.station} />
      <table className="pf-table pf-fields">
        {FIELD_COLUMNS}
        <tbody>
          <PersonRows resident={form.resident} />
          <tr>
            <th>{t('print.registration.registeredOn')}</th>
            <td colSpan={4}>{form.registration.date}</td>
          </tr>
          <tr>
            <th>{t('print.hardship.categories')}</th>
            <td colSpan={4} className="pf-boxes" data-testid="pf-categories">
              {HARDSHIP_CATEGORIES.map((c) => (
                <span key={c} className="pf-box">
                  {chosen.has(c) ? '☑' : '☐'} {t(`enums.hardshipCategory.${c}`)}
                </span>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('print.hardship.reason')}</th>
            <td colSpan={4} className="pf-tall">
              {form.registration.reason}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="pf-table pf-list pf-family">
        <colgroup>
          <col style={{ width: '10%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '25%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={4} className="pf-caption">
              {t('print.hardship.family')}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('fields.memberName')}</th>
            <th>{t('fields.memberRelation')}</th>
            <th>{t('fields.memberWorkStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {form.familyMembers.map((m, i) => (
            <tr key={i}>
              <td className="pf-center">{i + 1}</td>
              <td>{m.name}</td>
              <td>{m.relation}</td>
              <td>{m.workStatus}</td>
            </tr>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td className="pf-center">{form.familyMembers.length + i + 1}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <section className="pf-keep">
        <p className="pf-promise">{t('print.hardship.promise')}</p>
        <SignLine label={t('print.hardship.applicantSign')} />
        <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
      </section>
      <ReviewBox title={t('print.hardship.villageReview')} signLabel={t('print.hardship.reviewSign')} />
      <ReviewBox title={t('print.hardship.townshipReview')} signLabel={t('print.hardship.reviewSignStamp')} />
      <ReviewBox title={t('print.hardship.countyReview')} signLabel={t('print.hardship.reviewSignStamp')} />
    </Page>
  );
}

export function HardshipNotice({ form }: { form: HardshipNoticeForm }) {
  const { t } = useTranslation();
  return (
    <Page>
      <FormTitle title={t('print.notice.title')} station={form.station} />
      <p className="pf-para">{t('print.notice.intro', { count: form.applicants.length })}</p>
      {form.applicants.length === 0 ? (
        <p className="pf-para">{t('print.notice.noApplicants', { from: form.from, to: form.to })}</p>
      ) : (
        <table className="pf-table pf-list">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>{t('print.common.seq')}</th>
              <th style={{ width: '18%' }}>{t('print.common.name')}</th>
              <th style={{ width: '8%' }}>{t('print.common.sex')}</th>
              <th style={{ width: '8%' }}>{t('print.common.age')}</th>
              <th>{t('print.notice.category')}</th>
              <th style={{ width: '16%' }}>{t('print.notice.applied')}</th>
            </tr>
          </thead>
          <tbody>
            {form.applicants.map((a, i) => (
              <tr key={i}>
                <td className="pf-center">{i + 1}</td>
                <td>{a.name}</td>
                <td className="pf-center">{t(`enums.sex.${a.sex}`)}</td>
                <td className="pf-center">{a.age}</td>
                <td>{a.categories.map((c) => t(`enums.hardshipCategory.${c}`)).join(t('print.common.sep'))}</td>
                <td className="pf-center">{a.appliedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="pf-keep">
        <p className="pf-para">{t('print.notice.period', { from: form.noticeFrom, to: form.noticeTo })}</p>
        <p className="pf-para">{t('print.notice.objection', { station: form.station.name, clerk: form.station.clerk, phone: form.phone })}</p>
        <div className="pf-issuer">
          <div>
            {form.station.name}
            {t('print.common.stamp')}
          </div>
          <div>{form.station.printedOn}</div>
        </div>
      </section>
    </Page>
  );
}

export function AttendanceSheet({ form }: { form: AttendanceSheetForm }) {
  const { t } = useTranslation();
  const [year, month] = form.month.split('-');
  const symbol = (mark: AttendanceSheetForm['holders'][number]['marks'][number]) => (mark ? t(`print.attendance.symbols.${mark}`) : '');
  const dayColumns = form.days.length;
  return (
    <Page landscape>
      <FormTitle title={t('print.attendance.title')} station={form.station} />
      <table className="pf-table pf-list pf-attendance" data-testid="pf-attendance">
        <colgroup>
          <col className="pf-col-seq" />
          <col className="pf-col-name" />
          {form.days.map((d) => (
            <col key={d.day} className="pf-col-day" />
          ))}
          <col className="pf-col-num" />
          <col className="pf-col-num" />
          <col className="pf-col-num" />
          <col className="pf-col-hours" />
          <col className="pf-col-pay" />
          <col className="pf-col-sign" />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={dayColumns + 8} className="pf-caption">
              {t('print.attendance.caption', { post: form.post.name, code: form.post.code, employer: form.post.employer, place: form.post.placeName, year, month: Number(month) })}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('print.common.name')}</th>
            {form.days.map((d) => (
              <th key={d.day} className={d.weekend ? 'pf-weekend' : undefined}>
                {d.day}
                <div className="pf-weekday">{t(`attendance.weekdays.${d.weekday}`)}</div>
              </th>
            ))}
            <th>{t('print.attendance.presentDays')}</th>
            <th>{t('print.attendance.leaveDays')}</th>
            <th>{t('print.attendance.absentDays')}</th>
            <th>{t('print.attendance.hours')}</th>
            <th>{t('print.attendance.payDue')}</th>
            <th>{t('print.attendance.holderSign')}</th>
          </tr>
        </thead>
        <tbody>
          {form.holders.map((h, i) => (
            <tr key={h.residentId} data-testid="pf-holder">
              <td className="pf-center">{i + 1}</td>
              <td className="pf-name">
                {h.name}
                <div className="pf-small pf-mono">{h.idNumberMasked}</div>
              </td>
              {h.marks.map((m, d) => (
                <td key={d} className={`pf-center pf-mark${form.days[d]?.weekend ? ' pf-weekend' : ''}`}>
                  {symbol(m)}
                </td>
              ))}
              <td className="pf-center">{h.presentDays}</td>
              <td className="pf-center">{h.leaveDays}</td>
              <td className="pf-center">{h.absentDays}</td>
              <td className="pf-right">{h.hours}</td>
              <td className="pf-right">
                {money(h.payDue)}
                {h.belowMinimum && <div className="pf-small">{t('print.attendance.belowMinimum')}</div>}
              </td>
              <td />
            </tr>
          ))}
          <tr className="pf-total">
            <td colSpan={2} className="pf-center">
              {t('print.attendance.total')}
            </td>
            <td colSpan={dayColumns} />
            <td className="pf-center">{form.totals.presentDays}</td>
            <td />
            <td />
            <td className="pf-right">{form.totals.hours}</td>
            <td className="pf-right" data-testid="pf-total-pay">
              {money(form.totals.payDue)}
            </td>
            <td />
          </tr>
          <ClosingRow columns={dayColumns + 8}>
        <p className="pf-small-para pf-notes">
          <span>{t('print.attendance.legend')}</span>
          <span>
            {form.minimumWageHourly === null
              ? t('print.attendance.plannedNoMinimum', { hours: form.post.plannedHoursPerMonth, pay: money(form.post.payPerMonth) })
              : t('print.attendance.planned', { hours: form.post.plannedHoursPerMonth, pay: money(form.post.payPerMonth), minimum: money(form.minimumWageHourly) })}
          </span>
          <span>{form.closed ? t('print.attendance.closed') : t('print.attendance.open')}</span>
        </p>
        <div className="pf-sign-row">
          <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
          <SignLine label={t('print.attendance.villageReview')} />
          <SignLine label={`${t('print.attendance.townshipReview')}${t('print.common.stamp')}`} />
        </div>
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}

function SessionInfo({ session, extra }: { session: SignInSheetForm['session']; extra: ReactNode }) {
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
            <th>{t('print.common.seq')}</th>
            <th>{t('print.common.name')}</th>
            <th>{t('print.common.sex')}</th>
            <th>{t('print.common.idNumber')}</th>
            <th>{t('print.signIn.timeIn')}</th>
            <th>{t('print.signIn.timeOut')}</th>
            <th>{t('print.signIn.sign')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <td className="pf-center">{i + 1}</td>
              <td className="pf-name">{r.name}</td>
              <td className="pf-center">{t(`enums.sex.${r.sex}`)}</td>
              <td className="pf-mono pf-id pf-center">{r.idNumberMasked}</td>
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

export function TrainingSummary({ form }: { form: TrainingSummaryForm }) {
  const { t } = useTranslation();
  const s = form.session;
  return (
    <Page>
      <FormTitle title={t('print.summary.title')} station={form.station} showPlace={false} />
      <SessionInfo
        session={s}
        extra={
          <tr>
            <th>{t('print.summary.period')}</th>
            <td colSpan={3}>{t('print.summary.periodValue', { from: s.startDate, to: s.endDate, slots: s.slots, hours: s.totalClassHours })}</td>
          </tr>
        }
      />
      <table className="pf-table pf-list pf-summary">
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '23%' }} />
          <col />
          <col />
          <col />
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={10} className="pf-caption">
              {s.occupation}（{t(`training.levels.${s.level}`)}）· {s.provider} · {s.startDate}–{s.endDate}
            </th>
          </tr>
          <tr>
            <th>{t('print.common.seq')}</th>
            <th>{t('print.common.name')}</th>
            <th>{t('print.common.sex')}</th>
            <th>{t('print.common.idNumber')}</th>
            <th>{t('print.summary.slotsAttended')}</th>
            <th>{t('print.summary.attendedHours')}</th>
            <th>{t('print.summary.rate')}</th>
            <th>{t('print.summary.late')}</th>
            <th>{t('print.summary.early')}</th>
            <th>{t('print.summary.eligible')}</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <td className="pf-center">{i + 1}</td>
              <td className="pf-name">{r.name}</td>
              <td className="pf-center">{t(`enums.sex.${r.sex}`)}</td>
              <td className="pf-mono pf-id pf-center">{r.idNumberMasked}</td>
              <td className="pf-center pf-nowrap">
                {r.slotsAttended}/{s.slots}
              </td>
              <td className="pf-center">{r.attendedHours}</td>
              <td className="pf-center pf-nowrap">{percent(r.rate)}</td>
              <td className="pf-center">{r.lateCount}</td>
              <td className="pf-center">{r.earlyLeaveCount}</td>
              <td className="pf-center pf-nowrap">{r.eligible ? t('print.summary.yes') : t('print.summary.no')}</td>
            </tr>
          ))}
          <ClosingRow columns={10}>
            <p className="pf-para" data-testid="pf-summary-totals">
              {t('print.summary.totals', { count: form.rows.length, eligible: form.eligibleCount, threshold: percent(form.threshold), rate: percent(form.sessionRate) })}
            </p>
            <SignLine label={t('print.common.clerk')} value={form.station.clerk} />
            <SignLine label={t('print.signIn.providerStamp')} withDate={false} />
          </ClosingRow>
        </tbody>
      </table>
    </Page>
  );
}
