#!/usr/bin/env node
// `npm test`: installs what a fresh clone is missing, then runs lint, the type check, and the
// unit, integration and end-to-end tests. Its last line is `N passed, N failed`; the lint and
// type-check stages count as one check each, every vitest test counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuilds, ensureDebian, ensureNpm, root } from './setup.mjs';

let passed = 0;
let failed = 0;
const failures = [];

function stage(title, cmd, args) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function check(title, cmd, args) {
  if (stage(title, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(title);
  }
}

/** Runs one vitest project and adds its per-test counts from the JSON report. */
function vitest(project) {
  const report = join(root, `.vitest-${project}.json`);
  rmSync(report, { force: true });
  const ok = stage(`vitest: ${project}`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed += 1;
    failures.push(`vitest ${project} (no report: the runner itself failed)`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails to load, or whose setup hook fails, reports its tests as skipped while the
  // file fails: count each such file as one failure so that it can never pass unnoticed.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  failed += brokenFiles;
  if (!ok) failures.push(`vitest ${project}`);
  if (r.numTotalTests === 0) {
    failed += 1;
    failures.push(`vitest ${project} ran no test`);
  }
}

try {
  checkNode();
  // The type check reads Electron's typings: without the electron package it would fail.
  ensureNpm({ need: ['electron'] });
  if (!ensureDebian()) {
    failed += 1;
    failures.push('Debian packages missing');
  }
  ensureBuilds({ force: process.env.CI === 'true' });
} catch (err) {
  console.error(`[test] setup failed: ${err.message}`);
  failed += 1;
  failures.push('setup');
}

check('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
check('type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json']);
vitest('unit');
vitest('e2e');

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
