// The 考核 parameter's values as the policy screen lists an entry.
import { useTranslation } from 'react-i18next';
import type { AssessmentPolicy } from '../../shared/assessment/policy';
import { itemLabel } from './items';

export function AssessmentPolicySummary({ values }: { values: AssessmentPolicy }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="leye-policy-values" data-testid="policy-values">
      <li>{values.items.map((i) => `${itemLabel(i, i18n.language)} ${i.weight}%`).join(t('posts.separator'))}</li>
      <li>{t('assessment.policy.summaryMarks', { pass: values.passMark, full: values.fullPayMark, between: t(`assessment.payRules.${values.betweenRule}`), below: t(`assessment.payRules.${values.belowPassRule}`) })}</li>
      <li>{t('assessment.policy.summaryExit', { count: values.failedMonthsForExit })}</li>
    </ul>
  );
}
