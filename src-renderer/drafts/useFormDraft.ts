// Binds a react-hook-form form to its draft: restores it once the form is ready, saves each
// change (debounced), and saves at once when the page is hidden or closed. A draft is the
// logged-in account's at this station: with no one logged in nothing is read or saved, and the
// next account on this PC starts from an empty form.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { clearOtherStationsDrafts, createDraftSaver, deleteDraft, loadDraft, type DraftOwner, type DraftRecord, type DraftSaver } from './drafts';

export interface FormDraftOptions<V> {
  /** False until the form holds its starting values (an edit waits for the record). */
  ready: boolean;
  /** The logged-in account and its station (`useSession()`); null while no one is logged in. */
  owner: { placeCode: string; loginName: string } | null;
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
  const placeCode = options.owner?.placeCode ?? null;
  const loginName = options.owner?.loginName ?? null;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // The owner whose draft (or start values) the form holds; another owner must not see them.
  const shownOwner = useRef<string | null>(null);

  useEffect(() => {
    if (!ready || placeCode === null || loginName === null) return;
    const owner: DraftOwner = { placeCode, loginName };
    const ownerId = JSON.stringify([placeCode, loginName]);
    const switched = shownOwner.current !== null && shownOwner.current !== ownerId;
    shownOwner.current = ownerId;
    let live = true;
    const newSaver = () => createDraftSaver<V>(owner, key, { delay: delay ?? 250, baseRev: baseRev.current });
    const subscription = form.watch((values, { name }) => {
      // Only changes with a field name are the clerk's; reset() (restoring, discarding) has none.
      if (name && live) saver.current?.schedule(values as V);
    });
    // Either may come first when the page goes away; both stash synchronously.
    const onPageHide = () => saver.current?.flushOnUnload();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.current?.flushOnUnload();
    };

    if (switched) {
      // Another account (or station) while the form stayed open: what the last one typed goes.
      baseRev.current = optionsRef.current.baseRev;
      form.reset(optionsRef.current.startValues());
      setRestored(null);
    }
    void clearOtherStationsDrafts(placeCode)
      .then(() => loadDraft<unknown>(owner, key))
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
  }, [ready, key, form, delay, placeCode, loginName]);

  /** Throws the draft away and puts the form back to its starting values. */
  const discard = useCallback(async () => {
    saver.current?.stop();
    if (placeCode !== null && loginName !== null) await deleteDraft({ placeCode, loginName }, key);
    baseRev.current = optionsRef.current.baseRev;
    form.reset(optionsRef.current.startValues());
    setRestored(null);
    if (placeCode !== null && loginName !== null) {
      saver.current = createDraftSaver<V>({ placeCode, loginName }, key, { delay: delay ?? 250, baseRev: baseRev.current });
    }
  }, [key, form, delay, placeCode, loginName]);

  /** After a successful submit: nothing more is saved, and the draft is gone. */
  const clear = useCallback(async () => {
    saver.current?.stop();
    if (placeCode !== null && loginName !== null) await deleteDraft({ placeCode, loginName }, key);
    setRestored(null);
  }, [key, placeCode, loginName]);

  return { restored, loaded, discard, clear, baseRev: () => baseRev.current };
}
