import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { accessLists, themeStylesheet } from './vite.plugins.ts';

/**
 * The page's first script (src-renderer/boot.ts, issue 18) is an entry of its own, put in
 * index.html's head as an `async` module: it runs as soon as its few small modules have come,
 * without waiting for the app's entry and everything it imports, and asks for the station status
 * and the language's texts meanwhile. (A second script tag in index.html would be bundled into
 * the one entry, and wait for all of it.)
 */
function bootScript(): Plugin {
  return {
    name: 'leye-boot-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const boot = Object.values(bundle ?? {}).find((file) => file.type === 'chunk' && file.isEntry && file.name === 'boot');
        if (!boot) throw new Error('the boot entry was not built');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${boot.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The modules the login screen needs (issue 18: what index.html's entry imports statically,
 * transitively, less the first script's) in one chunk instead of some twenty-five: each file is a
 * request, a response and a module record handled on the page's main thread, which is the slow
 * part on a low-end PC, and six files at a time come over HTTP/1.1. The screens' chunks import
 * from it; what only they need stays in their own. The first script's modules stay in small
 * chunks of their own (it must run before the rest has come).
 */
function startChunks() {
  const boot = new Set<string>();
  const entries: string[] = [];
  const plugin: Plugin = {
    name: 'leye-start-chunk',
    apply: 'build',
    buildEnd() {
      const walk = (from: string[], into: Set<string>) => {
        const pending = [...from];
        while (pending.length > 0) {
          const id = pending.pop()!;
          if (into.has(id)) continue;
          into.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      };
      const ids = [...this.getModuleIds()];
      walk(ids.filter((id) => /[\\/]src-renderer[\\/]boot\.ts$/.test(id)), boot);
      entries.push(...ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      boot.delete(entries.find((id) => /[\\/]src-renderer[\\/]boot\.ts$/.test(id))!);
      if (boot.size === 0) throw new Error('the first script was not found');
    },
  };
  const groups = [
    { name: 'boot-deps', test: (id: string) => boot.has(id), priority: 2 },
    // rolldown's `$initial`: what an entry imports statically and uses (a barrel's unused exports not).
    { name: 'start', tags: ['$initial'], test: (id: string) => !boot.has(id) && !entries.includes(id), priority: 1 },
  ];
  return { plugin, groups };
}

const start = startChunks();

// The renderer is served from app:// in Electron and from the core host in the preview,
// so every asset URL is relative.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), themeStylesheet(), accessLists(), bootScript(), start.plugin],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { index: 'src-renderer/index.html', boot: 'src-renderer/boot.ts' },
      output: { codeSplitting: { groups: start.groups } },
    },
  },
});
