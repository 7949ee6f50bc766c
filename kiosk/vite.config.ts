// Builds the kiosk renderer to kiosk/dist/renderer with relative paths (served from app://kiosk/ or the web host).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@rvw/shared/call': fileURLToPath(new URL('../shared/src/call/index.ts', import.meta.url)),
      '@rvw/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
  },
});
