// Records named and their lock state, for screens that list records by id.
import { createApp } from '../app';
import type { RecordLabeller } from './labeller';

export function recordsApp({ labeller, users }: { labeller: RecordLabeller; users(): { loginName: string; displayName: string }[] }) {
  return createApp('records', {
    'records.labels': async (args) => labeller.info(args.ids),
    'records.people': async () => users().map(({ loginName, displayName }) => ({ loginName, displayName })),
  });
}
