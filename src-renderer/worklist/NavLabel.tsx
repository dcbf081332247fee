// The side menu's 待办 entry with the number of open rows (red when some are overdue).

import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorklist, useWorklistLive } from './queries';

export function WorklistNavLabel() {
  const { t } = useTranslation();
  useWorklistLive();
  const counts = useWorklist().data?.counts;
  const open = counts ? counts.due + counts.overdue : 0;
  return (
    <span data-testid="nav-worklist" data-count={open}>
      {t('worklistScreen.nav')}
      {open > 0 && <Badge count={open} size="small" color={counts && counts.overdue > 0 ? 'red' : 'orange'} style={{ marginInlineStart: 8 }} overflowCount={999} data-testid="nav-worklist-count" />}
    </span>
  );
}
