import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app:// in Electron and from the core host in the preview,
// so every asset URL is relative.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
});
