import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// js-yaml comes with electron-builder (its own config reader), so the test reads the file as the packager does.
import yaml from 'js-yaml';

const file = fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url));
const config = yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown> & {
  directories: Record<string, string>;
  files: string[];
  linux: { target: Array<{ target: string; arch: string[] }> };
  win: { target: Array<{ target: string; arch: string[] }> };
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
});
