// One rule's rows of a section (open or marked), a page at a time: the first page comes with the
// screen's first call, a later one is read on its own (per place, rule, section and offset); the
// pager shows the rule's total in that section.

import { Pagination, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKLIST_PAGE_SIZE } from '../../shared/worklist/paging';
import type { WorklistRule, WorklistSection, WorklistView } from '../../shared/worklist/contract';
import { useWorklistPage } from './queries';
import { WorklistTable, type RowAction } from './WorklistTable';

/** Where the part of the screen that scrolls the element begins (its nearest scrolling ancestor's top). */
function visibleTop(element: HTMLElement): number {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return parent.getBoundingClientRect().top;
  }
  return 0;
}

interface Props {
  view: WorklistView;
  placeCode: string | undefined;
  rule: WorklistRule;
  section: WorklistSection;
  /** The rule's rows in this section, in the whole list. */
  total: number;
  onAction: RowAction | null;
}

export function RulePage({ view, placeCode, rule, section, total, onAction }: Props) {
  const { t } = useTranslation();
  const [asked, setPage] = useState(1);
  const top = useRef<HTMLDivElement>(null);
  const size = view.page.limit || WORKLIST_PAGE_SIZE;
  // A mark or a recorded service may shrink the rule: never past its last page.
  const page = Math.min(asked, Math.max(1, Math.ceil(total / size)));
  const offset = (page - 1) * size;
  const later = useWorklistPage(placeCode, rule, section, offset);
  const first = (section === 'open' ? view.items : view.marked).filter((item) => item.rule === rule);
  const answer = offset === 0 ? null : later.data;
  const rows = offset === 0 ? first : answer ? (section === 'open' ? answer.items : answer.marked) : [];
  return (
    <div ref={top} data-testid="worklist-rule-page" data-rule={rule} data-section={section} data-offset={offset}>
      <WorklistTable items={rows} today={view.today} marked={section === 'marked'} onAction={onAction} loading={offset > 0 && later.isFetching} />
      {total > size && (
        <Pagination
          size="small"
          align="end"
          current={page}
          pageSize={size}
          total={total}
          showSizeChanger={false}
          style={{ marginTop: 8 }}
          onChange={(next) => {
            setPage(next);
            // The new page from its first row, not from where the pager was.
            if (top.current && top.current.getBoundingClientRect().top < visibleTop(top.current)) top.current.scrollIntoView({ block: 'start' });
          }}
          showTotal={(count, [from, to]) => (
            <Typography.Text type="secondary" data-testid="worklist-pager-total" data-count={count}>
              {t('worklistScreen.pager.range', { from, to, count })}
            </Typography.Text>
          )}
          data-testid="worklist-pager"
        />
      )}
    </div>
  );
}
