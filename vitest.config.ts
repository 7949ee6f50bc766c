import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code; end-to-end tests live in tests/e2e.
export default defineConfig({
  test: {
    include: ['{shared,signaling-server,agent-console,kiosk,tests}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Serial ptys, CUPS and Chromium are real processes: keep files from trampling each other's ports.
    fileParallelism: false,
  },
});
