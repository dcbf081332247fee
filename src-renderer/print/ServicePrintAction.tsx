// The print action of one service on the resident's timeline: its 入户走访登记表 (a home visit) or
// 服务记录单 (another channel), to print or save as PDF. Offered to the roles that may print it.
import { useTranslation } from 'react-i18next';
import { mayCall } from '../access/may';
import type { ServiceView } from '../../shared/services/contract';
import { useSession } from '../station/queries';
import { PrintButton } from './PrintButton';
import { printRoute } from './printing';

export function ServicePrintAction({ service, name }: { service: ServiceView; name: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  if (service.entry !== 'service' || !mayCall('print.visitRecord', role)) return null;
  const title = service.channel === 'homeVisit' ? 'homeVisit' : 'service';
  return (
    <PrintButton
      small
      route={printRoute('visitRecord', service.id)}
      fileName={`${name}-${t(`print.visit.title.${title}`)}-${service.date}`}
      label={t(`print.button.visitRecord.${title}`)}
      testId="service-print"
    />
  );
}
