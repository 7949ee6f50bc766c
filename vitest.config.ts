import { defineConfig } from 'vitest/config';

// Two projects: `unit` (unit and integration tests beside the code, in simulators/ and in tests/integration) and
// `e2e` (Playwright-driven browser tests in tests/e2e, run one file at a time).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,signaling-server,agent-console,kiosk,simulators,tests}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/dist/**', 'tests/e2e/**'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          // Two cores: serial ptys, SQLite files and servers are real; keep the worker count low.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
