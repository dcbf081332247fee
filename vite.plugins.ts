// Modules the renderer's build makes from the project's own code when it runs (issue 18), so the
// page runs neither antd nor the contract's schemas for them: vite.config.ts uses both,
// vitest.config.ts the access lists (the renderer's unit tests import screens' modules that ask
// them). The project's modules are run with Vite's module runner when first asked for, not
// bundled into the config.

import path from 'node:path';
import { runnerImport, type Plugin } from 'vite';

/** A module of the project, run with Vite's own transforms (TypeScript, imports without extensions). */
async function run<T>(file: string): Promise<T> {
  const { module } = await runnerImport<T>(path.resolve(import.meta.dirname, file), { configFile: false, logLevel: 'warn' });
  return module;
}

/** A module made by `load` when first imported. */
function virtualModule(name: string, id: string, load: () => Promise<string>): Plugin {
  const resolved = `/__${id.replace(/^virtual:/, '')}`;
  return {
    name,
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? load() : undefined),
  };
}

/**
 * `virtual:leye-theme.css`: the theme's CSS variables, made from src-renderer/theme/theme.ts by
 * antd's own style registry, so the login screen is drawn before any of antd's code is loaded
 * (src-renderer/theme/themeStyles.ts).
 */
export function themeStylesheet(): Plugin {
  return virtualModule('leye-theme-stylesheet', 'virtual:leye-theme.css', async () =>
    (await run<typeof import('./src-renderer/theme/themeStyles')>('src-renderer/theme/themeStyles.ts')).themeStyles(),
  );
}

/** `virtual:leye-access`: who may call each handler, from the contract (src-renderer/access/may.ts). */
export function accessLists(): Plugin {
  return virtualModule('leye-access-lists', 'virtual:leye-access', async () => {
    const { accessTable } = await run<typeof import('./shared/rpc/handlers')>('shared/rpc/handlers.ts');
    return `export default ${JSON.stringify(accessTable())};`;
  });
}
