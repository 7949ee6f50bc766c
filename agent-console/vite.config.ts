// The agent console: served by the signaling server at /console, built to agent-console/dist.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** Where `npm run dev` forwards API and socket.io traffic (the signaling server's default port). */
const devServer = process.env.RVW_SERVER_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: {
    // simple-peer -> streamx -> events-universal requires Node's `events`, which browsers lack. Vite
    // would stub it as an empty module and the call would fail at runtime; bare-events (already in
    // the tree, used by events-universal on the Bare runtime) is a plain-JS EventEmitter.
    alias: { events: 'bare-events' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the build the server serves in production (the dev server still has them).
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: devServer, changeOrigin: true },
      '/socket.io': { target: devServer, changeOrigin: true, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: devServer, changeOrigin: true },
      '/socket.io': { target: devServer, changeOrigin: true, ws: true },
    },
  },
});
