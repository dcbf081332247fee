// Records named and their lock state, for screens that list records by id.
import { createApp } from '../app';
import type { RecordLabeller } from './labeller';

export function recordsApp({ labeller }: { labeller: RecordLabeller }) {
  return createApp('records', {
    'records.labels': async (args) => labeller.info(args.ids),
  });
}
