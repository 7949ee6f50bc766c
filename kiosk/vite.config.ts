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
      // simple-peer -> streamx -> events-universal needs Node's `events`; Vite would stub it empty and
      // the call would fail at runtime. bare-events (already in the tree) is a plain-JS EventEmitter.
      events: 'bare-events',
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
