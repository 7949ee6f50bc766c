/**
 * scripts/setup.mjs decides whether `npm start` and `npm test` must run `npm ci`: it compares
 * package-lock.json's packages with what node_modules holds. Only a missing or different required
 * package (or a missing node_modules) installs; a missing optional package such as electron (whose
 * binary cannot be downloaded everywhere) is named, not reinstalled for minutes (issue 8 #16).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { npmInstallPlan } from '../../scripts/setup.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-setup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lock = {
  name: 'demo',
  lockfileVersion: 3,
  packages: {
    '': { name: 'demo', workspaces: ['kiosk'] },
    kiosk: { name: '@rvw/kiosk', version: '0.1.0', optionalDependencies: { electron: '39.8.10' } },
    'node_modules/@rvw/kiosk': { resolved: 'kiosk', link: true },
    'node_modules/react': { version: '19.2.0' },
    'node_modules/vite': { version: '8.3.8', dev: true },
    'kiosk/node_modules/serialport': { version: '13.0.0' },
    'node_modules/electron': { version: '39.8.10', optional: true },
    'node_modules/electron/node_modules/extract-zip': { version: '2.0.1', optional: true },
    'node_modules/fsevents': { version: '2.3.3', optional: true, os: ['darwin'] },
  },
};

function write(path: string, body: unknown): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), JSON.stringify(body));
}

/** A checkout with the lock and the installed packages given (path -> version). */
function checkout(installed: Record<string, string>): void {
  write('package-lock.json', lock);
  write('node_modules/.package-lock.json', { name: 'demo', lockfileVersion: 3, packages: {} });
  mkdirSync(join(dir, 'kiosk'), { recursive: true });
  write('kiosk/package.json', { name: '@rvw/kiosk', version: '0.1.0' });
  mkdirSync(join(dir, 'node_modules/@rvw'), { recursive: true });
  symlinkSync('../../kiosk', join(dir, 'node_modules/@rvw/kiosk'));
  for (const [path, version] of Object.entries(installed)) write(`${path}/package.json`, { version });
}

const required = {
  'node_modules/react': '19.2.0',
  'node_modules/vite': '8.3.8',
  'kiosk/node_modules/serialport': '13.0.0',
};

describe('npmInstallPlan: what is missing -> what setup does', () => {
  it('everything installed: nothing to do', () => {
    checkout({
      ...required,
      'node_modules/electron': '39.8.10',
      'node_modules/electron/node_modules/extract-zip': '2.0.1',
    });
    expect(npmInstallPlan(dir)).toMatchObject({ install: false, missingOptional: [] });
  });

  it('only the optional electron package is missing: no npm ci, electron is named', () => {
    checkout(required);
    const plan = npmInstallPlan(dir);
    expect(plan.install).toBe(false);
    expect(plan.missingOptional).toEqual(['electron']);
  });

  it('a missing required package, even a nested or dev one, runs npm ci and says which', () => {
    const { 'kiosk/node_modules/serialport': _, ...rest } = required;
    checkout(rest);
    expect(npmInstallPlan(dir)).toMatchObject({ install: true });
    expect(npmInstallPlan(dir).reason).toContain('serialport');
    rmSync(join(dir, 'node_modules/vite'), { recursive: true });
    expect(npmInstallPlan(dir).reason).toMatch(/vite/);
  });

  it('a required package at another version than the lock runs npm ci', () => {
    checkout({ ...required, 'node_modules/react': '18.3.1' });
    const plan = npmInstallPlan(dir);
    expect(plan.install).toBe(true);
    expect(plan.reason).toMatch(/react .*18\.3\.1.*19\.2\.0/);
  });

  it('a missing workspace link or no node_modules at all runs npm ci', () => {
    checkout(required);
    rmSync(join(dir, 'node_modules/@rvw/kiosk'));
    expect(npmInstallPlan(dir).install).toBe(true);
    rmSync(join(dir, 'node_modules'), { recursive: true });
    expect(npmInstallPlan(dir)).toMatchObject({ install: true, reason: 'node_modules is missing' });
  });

  it('an optional package the caller needs (npm test type-checks against electron) runs npm ci', () => {
    checkout(required);
    expect(npmInstallPlan(dir, { need: ['electron'] })).toMatchObject({ install: true });
  });
});
