// In the posts list: a post's opening still running (applications open, or its 公示 posted), as a
// link to its recruitment screen.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpeningView } from '../../shared/recruitment/contract';
import { navigate } from '../route';
import { openingRoute } from './OpeningsCard';
import { useAllOpenings } from './queries';

const RUNNING: ReadonlySet<OpeningView['status']> = new Set(['open', 'closed', 'noticeRunning', 'noticeEnded']);

export function RecruitingLink({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const openings = useAllOpenings();
  const current = (openings.data ?? []).find((o) => o.postId === postId && RUNNING.has(o.status));
  if (!current) return null;
  return (
    <Button
      size="small"
      type="link"
      onClick={(event) => {
        event.stopPropagation();
        navigate(openingRoute(postId, current.id));
      }}
      data-testid="post-recruiting"
    >
      {t(`recruitment.status.${current.status}`)}
    </Button>
  );
}
