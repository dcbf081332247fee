// A month close as the screens read it.
import type { MonthCloseView } from '../../../shared/rpc/handlers';
import type { MonthCloseDoc } from '../store/docs';

export function closeView(doc: MonthCloseDoc): MonthCloseView {
  const lastClose = [...doc.history].reverse().find((h) => h.action === 'close');
  return {
    ...doc.summary,
    status: doc.status,
    closedBy: lastClose?.by ?? '',
    closedAt: lastClose?.at ?? '',
    history: doc.history,
    ...(doc.belowMinimumReason ? { belowMinimumReason: doc.belowMinimumReason } : {}),
  };
}
