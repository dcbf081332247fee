// Builds the renderer bench's floor pages into LEYE_FLOOR_OUT: those LEYE_FLOOR_PAGES names (plain,
// no script; react, React alone with antd.css's classes; index, React and Ant Design), each page
// built on its own by bench/renderer.ts so that none shares a chunk with another (each page is one
// script, as the app's login is one start chunk). LEYE_FLOOR_KEEP=1 keeps what is in the folder.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pages = (process.env.LEYE_FLOOR_PAGES ?? 'index,plain').split(',');

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: process.env.LEYE_FLOOR_OUT ?? '../../dist/renderer-floor',
    emptyOutDir: process.env.LEYE_FLOOR_KEEP !== '1',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, `${import.meta.dirname}/${page}.html`])) },
  },
});
