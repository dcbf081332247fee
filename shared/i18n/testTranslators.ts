// For tests that word things in both languages: one i18next instance per language over the app's
// resources, no fallback, and the keys it could not find.
import i18next, { type TFunction } from 'i18next';
import { resources } from './resources';

export type Translators = Record<'zh-CN' | 'en', { t: TFunction; missing: string[] }>;

/** Over the app's shared resources, or the ones given (the renderer's, with its screens' own tables). */
export async function translatorsWithMissing(over: Record<'zh-CN' | 'en', object> = resources): Promise<Translators> {
  const out = {} as Translators;
  for (const lng of ['zh-CN', 'en'] as const) {
    const missing: string[] = [];
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      fallbackLng: false,
      resources: { [lng]: { translation: over[lng] } },
      interpolation: { escapeValue: false },
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => missing.push(key),
    });
    out[lng] = { t: instance.t, missing };
  }
  return out;
}
