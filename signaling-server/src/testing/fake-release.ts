/**
 * A fake electron-builder release for the update feed's tests: `<updatesDir>/<version>/` with the
 * channel files electron-builder writes (latest-linux.yml, latest-linux-arm64.yml, latest.yml, in its
 * format: files[] with url/sha512/size, path, sha512, releaseDate) and small stand-ins for the .deb,
 * .AppImage, .exe and .blockmap files they name, with their real SHA-512 checksums.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The files a fake release holds, by name, with their bytes. */
export interface FakeRelease {
  dir: string;
  version: string;
  files: Record<string, Buffer>;
}

const sha512 = (data: Buffer): string => createHash('sha512').update(data).digest('base64');

function channelFile(version: string, packages: Record<string, Buffer>, main: string): string {
  const files = Object.entries(packages).map(([url, data]) => ({
    url,
    sha512: sha512(data),
    size: data.length,
  }));
  const mainData = packages[main]!;
  return stringify({
    version,
    files,
    path: main,
    sha512: sha512(mainData),
    releaseDate: '2026-12-01T08:00:00.000Z',
  });
}

/**
 * Writes release `version` into `updatesDir`. `channelFiles: false` leaves out the yml files (a
 * folder the admin may not choose).
 */
export function writeFakeRelease(
  updatesDir: string,
  version: string,
  opts: { channelFiles?: boolean } = {},
): FakeRelease {
  const dir = join(updatesDir, version);
  mkdirSync(dir, { recursive: true });
  const bytes = (label: string, size: number) =>
    Buffer.from(Array.from({ length: size }, (_, i) => `${label}:${i};`).join('')).subarray(0, size);
  const amd64 = {
    [`rvw-kiosk-${version}-x86_64.AppImage`]: bytes(`appimage-x64-${version}`, 4096),
    [`rvw-kiosk_${version}_amd64.deb`]: bytes(`deb-amd64-${version}`, 3000),
  };
  const arm64 = {
    [`rvw-kiosk-${version}-arm64.AppImage`]: bytes(`appimage-arm64-${version}`, 4000),
    [`rvw-kiosk_${version}_arm64.deb`]: bytes(`deb-arm64-${version}`, 2900),
  };
  const win = { [`rvw-kiosk-Setup-${version}.exe`]: bytes(`exe-${version}`, 5000) };
  const files: Record<string, Buffer> = {
    ...amd64,
    ...arm64,
    ...win,
    [`rvw-kiosk-Setup-${version}.exe.blockmap`]: bytes(`blockmap-${version}`, 300),
  };
  if (opts.channelFiles !== false) {
    files['latest-linux.yml'] = Buffer.from(
      channelFile(version, amd64, `rvw-kiosk-${version}-x86_64.AppImage`),
    );
    files['latest-linux-arm64.yml'] = Buffer.from(
      channelFile(version, arm64, `rvw-kiosk-${version}-arm64.AppImage`),
    );
    files['latest.yml'] = Buffer.from(channelFile(version, win, `rvw-kiosk-Setup-${version}.exe`));
  }
  // What electron-builder also leaves in its output, never to be served.
  files['builder-debug.yml'] = Buffer.from('x64: {}\n');
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return { dir, version, files };
}
