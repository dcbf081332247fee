// Builds the renderer bench's floor page (bench/rendererFloor/main.tsx) into LEYE_FLOOR_OUT.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: process.env.LEYE_FLOOR_OUT ?? '../../dist/renderer-floor',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { index: `${import.meta.dirname}/index.html`, plain: `${import.meta.dirname}/plain.html` } },
  },
});
