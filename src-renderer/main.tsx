// Entry: the bridge first (it takes the preview token out of the URL before anything reads
// the hash), the station status asked for at once, then i18n (which waits for the language's
// texts), then the app, first drawn once the status has come (the login screen at once).
import './bridge';
import { earlyStatusSettled } from './station/earlyStatus';
import './i18n';
import 'antd/dist/antd.css';
import 'virtual:leye-theme.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LeyeError } from '../shared/rpc/errors';
import { Root } from './Root';
import { primeStatus } from './station/queries';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only a lost connection is worth retrying; the core's other answers are final.
      retry: (count, error) => count < 2 && error instanceof LeyeError && error.rpc.messageKey === 'errors.disconnected',
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/** How long the first render waits for the station status; a core slower than this shows the loading state. */
const STATUS_WAIT_MS = 3000;

await earlyStatusSettled(STATUS_WAIT_MS);
primeStatus(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
