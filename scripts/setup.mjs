#!/usr/bin/env node
// Installs what a fresh clone is missing: npm packages (npm ci), the Debian packages the tests
// and the demo use (through apt-get when running as root), and the two web builds.
// Used by `npm start` and `npm test`; can be run alone as `npm run setup`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages: what each is for. */
export const debianPackages = {
  chromium: 'end-to-end tests and benchmarks (Playwright drives Debian Chromium)',
  socat: 'the serial pty pair between the kiosk and the GA 467 reader simulator',
  'fonts-noto-cjk': 'Chinese text in the browser and in printed documents',
  'poppler-utils': 'reading printed PDFs back (pdftotext)',
  cups: 'printing tests and the demo printer (a private cupsd with a test queue; issue 10)',
  'cups-filters': 'the generic PDF driver the test queue uses (Generic-PDF_Printer-PDF.ppd)',
  'fonts-hanazono': 'the fallback font for rare name characters (𪚥) in printed documents',
  coturn:
    "kiosk-doctor's TURN check is tested against a real turnserver on loopback (kiosk/src/doctor/turn/turn-coturn.test.ts)",
  iptables:
    'the media-loss test drops UDP inside a network namespace it makes (tests/e2e/media-loss.test.ts)',
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function log(line) {
  console.log(`[setup] ${line}`);
}

/** The package name in a lock path: node_modules/a/node_modules/@b/c -> @b/c. */
function packageName(lockPath) {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** True when a lock entry's os/cpu fields exclude this machine (npm never installs it here). */
function otherPlatform(entry) {
  const excludes = (list, value) =>
    Array.isArray(list) &&
    (list.some((x) => !x.startsWith('!')) ? !list.includes(value) : list.includes(`!${value}`));
  return excludes(entry.os, process.platform) || excludes(entry.cpu, process.arch);
}

function installedVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version ?? '';
  } catch {
    return null;
  }
}

/**
 * What setup must do about npm packages in the checkout at `dir`, judged by comparing
 * package-lock.json's packages with node_modules (not by timestamps): `npm ci` when node_modules is
 * missing, or a required package (dev ones included) or workspace link is missing or at another
 * version than the lock. A missing optional package does not install: a plain `npm install` on a
 * machine that cannot fetch Electron's binary drops the optional `electron`, and the demo runs
 * without it. Such packages declared by the root or a workspace are listed in `missingOptional`;
 * `need` names optional ones the caller cannot do without (`npm test` type-checks the kiosk's main
 * process against Electron's typings).
 */
export function npmInstallPlan(dir = root, { need = [] } = {}) {
  if (!existsSync(join(dir, 'node_modules'))) {
    return { install: true, reason: 'node_modules is missing', missingOptional: [] };
  }
  const packages = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages ?? {};
  const declaredOptional = new Set(
    Object.entries(packages)
      .filter(([path]) => !path.includes('node_modules/'))
      .flatMap(([, entry]) => Object.keys(entry.optionalDependencies ?? {})),
  );
  const problems = [];
  const missingOptional = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (!path.includes('node_modules/') || otherPlatform(entry)) continue;
    const name = packageName(path);
    // A workspace link: its target's package.json is read through the symlink.
    const version = installedVersion(join(dir, path));
    const expected = entry.link ? (packages[entry.resolved]?.version ?? '') : entry.version;
    const fine = version !== null && (entry.link || expected === undefined || version === expected);
    if (fine) continue;
    if (entry.optional && !need.includes(name)) {
      if (version === null && declaredOptional.has(name) && path === `node_modules/${name}`)
        missingOptional.push(name);
      continue;
    }
    problems.push(
      version === null ? `${name} is missing` : `${name} is ${version}, the lock says ${expected}`,
    );
  }
  if (problems.length === 0) return { install: false, reason: '', missingOptional };
  const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
  return { install: true, reason: problems.slice(0, 3).join('; ') + more, missingOptional };
}

/**
 * Installs npm packages with `npm ci` when npmInstallPlan says so; names missing optional packages
 * in one line instead. `need`: optional packages this caller requires.
 */
export function ensureNpm({ need = [] } = {}) {
  const plan = npmInstallPlan(root, { need });
  for (const name of plan.missingOptional) {
    log(`optional package ${name} is not installed; carrying on without it`);
  }
  if (!plan.install) return;
  log(`installing npm packages (npm ci: ${plan.reason}) …`);
  // Electron's binary cannot be downloaded on every machine (it is an optional dependency); skip
  // the attempt here, `npm start` says so in one line when it is missing.
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
}

function missingDebian(names) {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/**
 * Installs the named Debian packages when missing: with apt-get as root, otherwise it names them
 * and returns false.
 */
export function ensureDebian(names = Object.keys(debianPackages)) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    log(`not a Debian system: make sure these are installed: ${names.join(', ')}`);
    return true;
  }
  const missing = missingDebian(names);
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `[setup] missing Debian packages: ${missing.join(', ')}.\n` +
        missing.map((n) => `  ${n}: ${debianPackages[n] ?? ''}`).join('\n') +
        `\n[setup] install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
    return false;
  }
  log(`installing Debian packages: ${missing.join(', ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  return true;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The web builds: each is rebuilt when its sources (or shared/) are newer than its output. */
const builds = [
  {
    key: 'console',
    name: 'agent console',
    workspace: '@rvw/agent-console',
    sources: ['agent-console', 'shared/src'],
    output: 'agent-console/dist/index.html',
  },
  {
    key: 'kiosk',
    name: 'kiosk',
    workspace: '@rvw/kiosk',
    sources: ['kiosk', 'shared/src'],
    output: 'kiosk/dist/renderer/index.html',
  },
];

/**
 * Builds the agent console and the kiosk renderer (and the Electron main bundle) when stale;
 * `only` limits it to some of them ('console', 'kiosk').
 */
export function ensureBuilds({ force = false, only = ['console', 'kiosk'] } = {}) {
  for (const b of builds.filter((x) => only.includes(x.key))) {
    const out = join(root, b.output);
    const stale =
      force ||
      !existsSync(out) ||
      Math.max(...b.sources.map((s) => newestMtime(join(root, s)))) > statSync(out).mtimeMs;
    if (!stale) continue;
    log(`building the ${b.name} …`);
    run('npm', ['run', 'build', '--silent', '--workspace', b.workspace]);
  }
}

/** Checks the Node version against package.json's engines. */
export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19) || major === 21) {
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
    throw new Error(`Node ${process.versions.node} is too old: this project needs ${engines}.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `setup.mjs --build kiosk|console`: only that build (tools that serve one app run this first).
  const only = process.argv.indexOf('--build');
  if (only > 0) {
    ensureBuilds({ only: process.argv.slice(only + 1, only + 2) });
    process.exit(0);
  }
  checkNode();
  ensureNpm();
  const ok = ensureDebian();
  ensureBuilds({ force: process.argv.includes('--force') });
  process.exit(ok ? 0 : 1);
}
