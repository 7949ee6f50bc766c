import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
// js-yaml comes with electron-builder (its own config reader), so the test reads the file as the packager does.
import yaml from 'js-yaml';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const file = root('electron-builder.yml');
const config = yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown> & {
  directories: Record<string, string>;
  files: string[];
  linux: {
    target: Array<{ target: string; arch: string[] }>;
    category: string;
    icon: string;
    executableName: string;
  };
  deb: { depends: string[]; afterInstall: string; packageName: string; packageCategory: string };
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  nsis: { perMachine: boolean };
  publish: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('names the app and pins electron', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBeTruthy();
    expect(config.electronVersion).toBe('39.8.10');
  });

  it('packs the kiosk workspace with the built main, preload and renderer', () => {
    expect(config.directories.app).toBe('kiosk');
    expect(config.directories.output).toBeTruthy();
    expect(config.files).toEqual(
      expect.arrayContaining([
        'dist/main/main.cjs',
        'dist/main/preload.cjs',
        'dist/renderer/**/*',
        'package.json',
      ]),
    );
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    );
    expect(pkg.main).toBe('dist/main/main.cjs');
  });

  it('targets deb and AppImage on x64 and arm64, and nsis on Windows', () => {
    const linux = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(linux).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('passes electron-builder’s own schema (and the check can fail)', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, deb: { ...config.deb, dependz: [] } } as never,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app, its category and its icon (512×512 PNG in the build resources)', () => {
    expect(config.productName).toBe('远程虚拟窗口');
    expect(config.linux.executableName).toBe('rvw-kiosk');
    expect(config.deb.packageName).toBe('rvw-kiosk');
    expect(config.linux.category).toBe('Office');
    expect(config.deb.packageCategory).toBeTruthy();
    expect(config.linux.icon).toBe(config.win.icon);
    const png = readFileSync(root(`${config.directories.buildResources}/${config.linux.icon}`));
    // The PNG signature, then the IHDR chunk's width and height.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('makes the deb depend on Electron’s libraries, CUPS and a CJK font', () => {
    const depends = config.deb.depends;
    const has = (pkg: string) =>
      depends.some((d) =>
        d
          .split('|')
          .map((s) => s.trim())
          .includes(pkg),
      );
    for (const pkg of ['libnss3', 'libgbm1', 'libasound2', 'libgtk-3-0', 'cups', 'cups-client'])
      expect(has(pkg), pkg).toBe(true);
    expect(has('fonts-noto-cjk') || has('fonts-wqy-zenhei')).toBe(true);
  });

  it('runs an executable post-install script that adds the kiosk user to dialout', () => {
    const script = root(config.deb.afterInstall);
    expect(statSync(script).isFile()).toBe(true);
    accessSync(script, constants.X_OK);
    const text = readFileSync(script, 'utf8');
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    expect(text).toMatch(/^set -e$/m);
    expect(text).toMatch(/usermod -aG dialout/);
    // electron-builder fills in ${name} macros and fails on one it does not know.
    const macros = new Set([...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
    expect([...macros].sort()).toEqual(['executable', 'sanitizedProductName']);
  });

  it('publishes for the generic provider with one range per request and the default file names', () => {
    expect(config.publish).toMatchObject({
      provider: 'generic',
      channel: 'latest',
      useMultipleRangeRequest: false,
    });
    expect(String(config.publish.url)).toMatch(/^https:\/\/.+\/updates\/stable$/);
    expect(config.detectUpdateChannel).toBe(false);
    // Installed per user, so electron-updater installs without an administrator prompt.
    expect(config.nsis.perMachine).toBe(false);
  });
});
