// One lint configuration for the whole repository.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// ---------------------------------------------------------------------------------------------
// Import zones. Dependencies run one way: shared -> apps; @rvw/sim (simulated hardware) -> tests,
// demo and screenshots; nothing imports tests/. Each restriction is a `no-restricted-imports`
// pattern that also matches relative paths. ESLint keeps only the last matching options of a rule
// for a file, so every zone below lists all the restrictions that apply to it (general first).
// tests/integration/lint-zones.test.ts proves that each zone reports what it forbids.
// ---------------------------------------------------------------------------------------------

const SOURCE = '*.{ts,tsx,js,mjs,cjs}';
const TEST_FILES = ['**/*.test.{ts,tsx}'];
// Deep enough for the deepest folder in a zone; a deeper file would only lose its escape check.
const MAX_DEPTH = 8;
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** Everywhere: nothing imports tests/, and no workspace reaches into another's files by path. */
const everywhere = [
  {
    regex: '^(\\.\\./)+tests(/|$)|^@rvw/tests(/|$)',
    message: 'Nothing imports tests/: simulated hardware and fixtures live in @rvw/sim.',
  },
  {
    regex: '^(\\.\\./)+(shared|signaling-server|agent-console|kiosk|simulators)(/|$)',
    message: 'Import another workspace by its package name (@rvw/...), never by a relative path.',
  },
  {
    regex: '^@rvw/[^/]+/src(/|$)',
    message: "Import a workspace's public surface (its package exports), not its src/ files.",
  },
];

/** Product code (not tests, scripts or simulators) never depends on test code. */
const product = [
  {
    regex: '^@rvw/sim(/|$)|^@rvw/signaling-server/testing(/|$)',
    message: 'Product code must not import test support (@rvw/sim, @rvw/signaling-server/testing).',
  },
];

/** shared is the bottom layer: it imports no app and no simulator. */
const sharedOnly = [
  {
    regex: '^@rvw/(signaling-server|agent-console|kiosk|sim|tests)(/|$)',
    message: 'shared must not import from an app or from @rvw/sim.',
  },
];

const noElectron = {
  paths: [{ name: 'electron', message: 'Only kiosk/src/main and kiosk/src/preload may import electron.' }],
};

/** The renderer is browser code: @rvw/shared, browser libraries and itself. */
const rendererOnly = [
  {
    regex: '^@rvw/(?!shared(/|$))',
    message: 'The kiosk renderer imports only @rvw/shared from the workspaces.',
  },
  {
    regex: `^(node:.*|${nodeBuiltins.join('|')})(/.*)?$`,
    message: 'The kiosk renderer never touches Node; ask the host through the bridge.',
  },
  {
    regex:
      '^(electron|serialport|@serialport/.*|socket\\.io|fastify|@fastify/.*|better-sqlite3|kysely|pino)$',
    message: 'The kiosk renderer never touches hardware, Electron or server libraries.',
  },
];

/** The hardware drivers: Node, serialport, the print clients and @rvw/shared only (so they run outside Electron). */
const devicesOnly = [
  {
    regex: `^(?!\\.{1,2}/|node:|(${nodeBuiltins.join('|')})(/|$)|@rvw/shared(/|$)|serialport$|@serialport/|@sealsystems/ipp$|pdf-to-printer$)`,
    message:
      'kiosk/src/devices imports only Node, serialport, the print clients (@sealsystems/ipp, pdf-to-printer) and @rvw/shared.',
  },
];

/** Relative imports that climb out of a zone from a file `depth` folders below its root. */
function escapes(zone, depth) {
  return {
    regex: `^(\\./)?(\\.\\./){${depth + 1}}`,
    message: `Stay inside ${zone}: it may not import the rest of its workspace.`,
  };
}

/** One config object restricting imports in `files` to the union of the given restrictions. */
function zone(files, ignores, patterns, paths = []) {
  return {
    files,
    ...(ignores.length ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

/** A zone with an escape check: one config object per folder depth below `root`. */
function closedZone(root, ignores, patterns, paths = []) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) =>
    zone([`${root}/${'*/'.repeat(depth)}${SOURCE}`], ignores, [...patterns, escapes(root, depth)], paths),
  );
}

const productFiles = [
  'shared/src/**',
  'signaling-server/src/**',
  'signaling-server/bin/**',
  'agent-console/src/**',
  'kiosk/src/**',
  'kiosk/bin/**',
];
const kioskNonElectron = ['kiosk/src/main/**', 'kiosk/src/preload/**'];

const importZones = [
  zone([`**/${SOURCE}`], [], everywhere),
  zone(productFiles, TEST_FILES, [...everywhere, ...product]),
  zone(['shared/**'], [], [...everywhere, ...sharedOnly]),
  // Kiosk tests may use @rvw/sim and the rest of their own workspace, but not Electron.
  zone(['kiosk/src/**'], kioskNonElectron, everywhere, noElectron.paths),
  zone(['kiosk/src/**'], [...kioskNonElectron, ...TEST_FILES], [...everywhere, ...product], noElectron.paths),
  ...closedZone(
    'kiosk/src/renderer',
    TEST_FILES,
    [...everywhere, ...product, ...rendererOnly],
    noElectron.paths,
  ),
  ...closedZone(
    'kiosk/src/devices',
    TEST_FILES,
    [...everywhere, ...product, ...devicesOnly],
    noElectron.paths,
  ),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...importZones,
);
