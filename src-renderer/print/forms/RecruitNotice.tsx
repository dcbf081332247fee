// 岗位招聘公告: a post's opening, posted in public (A4 portrait): the post, the conditions, the
// window, how candidates are chosen (the county's dated order) and whom to contact.
import { useTranslation } from 'react-i18next';
import type { RecruitNoticeForm } from '../../../shared/recruitment/contract';
import { money, Page } from './parts';

export function RecruitNotice({ form }: { form: RecruitNoticeForm }) {
  const { t } = useTranslation();
  const { post, opening, policy } = form;
  const groups = policy.groupOrder.map((g) => t(`posts.assign.groups.${g}`)).join(t('print.common.sep'));
  return (
    <Page>
      <header className="pf-head">
        <h1 className="pf-title" data-testid="print-title">
          {t('recruitment.print.noticeTitle', { post: post.name })}
        </h1>
      </header>
      <p className="pf-para">{t('recruitment.print.noticeLead', { post: post.name, places: opening.places })}</p>
      <p className="pf-para">
        <strong>{t('recruitment.print.postSection')}</strong>
      </p>
      <p className="pf-para">
        {t('recruitment.print.postLine', {
          post: post.name,
          kind: `${t(`posts.enums.kind.${post.kind}`)} · ${t(`posts.enums.category.${post.category}`)}`,
          employer: post.employer,
          hours: post.plannedHoursPerMonth,
          pay: money(post.payPerMonth),
          from: post.startDate,
          to: post.endDate,
        })}
      </p>
      <p className="pf-para">
        <strong>{t('recruitment.print.conditionsSection')}</strong>
      </p>
      <p className="pf-para pf-pre">{opening.conditions}</p>
      <p className="pf-para">
        <strong>{t('recruitment.print.windowSection')}</strong>
      </p>
      <p className="pf-para">{t('recruitment.print.windowLine', { from: opening.windowFrom, to: opening.windowTo, station: form.station.name })}</p>
      <p className="pf-para">
        <strong>{t('recruitment.print.rankSection')}</strong>
      </p>
      <p className="pf-para">{t('recruitment.print.rankLine', { groups: groups || t('policy.recruitment.noGroups'), days: policy.noticeDays })}</p>
      <p className="pf-para">
        <strong>{t('recruitment.print.contactSection')}</strong>
      </p>
      <p className="pf-para">{opening.contact}</p>
      <section className="pf-keep">
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
