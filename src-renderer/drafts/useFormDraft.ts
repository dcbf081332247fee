// Binds a react-hook-form form to its draft: restores it once the form is ready, saves each
// change (debounced), and saves at once when the page is hidden or closed.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { createDraftSaver, deleteDraft, loadDraft, type DraftRecord, type DraftSaver } from './drafts';

export interface FormDraftOptions<V> {
  /** False until the form holds its starting values (an edit waits for the record). */
  ready: boolean;
  /** The revision an edit starts from; kept with the draft. */
  baseRev?: string;
  /** Fits stored values onto the current form shape (drafts may predate a new field). */
  restore(values: unknown): V;
  /** The values a discarded draft leaves behind. */
  startValues(): V;
  delay?: number;
}

export function useFormDraft<V extends FieldValues>(form: UseFormReturn<V>, key: string, options: FormDraftOptions<V>) {
  const [restored, setRestored] = useState<DraftRecord<V> | null>(null);
  const [loaded, setLoaded] = useState(false);
  const saver = useRef<DraftSaver<V> | null>(null);
  const baseRev = useRef<string | undefined>(options.baseRev);
  const { ready, delay } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    const newSaver = () => createDraftSaver<V>(key, { delay: delay ?? 250, baseRev: baseRev.current });
    const subscription = form.watch((values, { name }) => {
      // Only changes with a field name are the clerk's; reset() (restoring, discarding) has none.
      if (name && live) saver.current?.schedule(values as V);
    });
    // Either may come first when the page goes away; both stash synchronously.
    const onPageHide = () => saver.current?.flushOnUnload();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.current?.flushOnUnload();
    };

    void loadDraft<unknown>(key)
      .then((record) => {
        if (!live) return;
        if (record) {
          const values = optionsRef.current.restore(record.values);
          if (record.baseRev !== undefined) baseRev.current = record.baseRev;
          form.reset(values, { keepDefaultValues: true });
          setRestored({ ...record, values });
        }
      })
      .catch((error: unknown) => console.warn('draft load failed', error))
      .finally(() => {
        if (!live) return;
        saver.current = newSaver();
        setLoaded(true);
      });

    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      subscription.unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the form keeps the draft: reopening it restores what was typed.
      void saver.current?.flush();
      saver.current = null;
    };
  }, [ready, key, form, delay]);

  /** Throws the draft away and puts the form back to its starting values. */
  const discard = useCallback(async () => {
    saver.current?.stop();
    await deleteDraft(key);
    baseRev.current = optionsRef.current.baseRev;
    form.reset(optionsRef.current.startValues());
    setRestored(null);
    saver.current = createDraftSaver<V>(key, { delay: delay ?? 250, baseRev: baseRev.current });
  }, [key, form, delay]);

  /** After a successful submit: nothing more is saved, and the draft is gone. */
  const clear = useCallback(async () => {
    saver.current?.stop();
    await deleteDraft(key);
    setRestored(null);
  }, [key]);

  return { restored, loaded, discard, clear, baseRev: () => baseRev.current };
}
