// Query keys and hooks of the about and diagnostics screen.

import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const diagnosticsKeys = {
  about: ['diagnostics.about'] as const,
  documents: ['diagnostics.documents'] as const,
};

export function useAbout() {
  return useQuery({ queryKey: diagnosticsKeys.about, queryFn: () => leye.call('diagnostics.about', {}), retry: false });
}

/** Counting every id takes seconds at 100,000 records: its own query, so the rest shows at once. */
export function useDocumentCounts() {
  return useQuery({ queryKey: diagnosticsKeys.documents, queryFn: () => leye.call('diagnostics.documents', {}), retry: false });
}
