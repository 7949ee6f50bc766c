/**
 * The updates folder: electron-builder's output, one folder per version
 * (`<updatesDir>/<version>/{latest-linux.yml, latest-linux-arm64.yml, latest.yml, *.deb, *.AppImage,
 * *.exe, *.blockmap}`). A file is found only by an exact name read back from the folder's own listing,
 * never by joining a requested name onto a path, so no request can leave the folder.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** A version folder's name: semver, as UpdateChannel.version (no dots alone, no separators). */
const VERSION_NAME = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** The channel file every release must have (the Linux x64 kiosks read it; the admin picks by it). */
export const REQUIRED_CHANNEL_FILE = 'latest-linux.yml';

/** The files the feed serves, by extension, with their content types. */
const CONTENT_TYPES: ReadonlyArray<[suffix: string, type: string]> = [
  ['.yml', 'text/yaml; charset=utf-8'],
  ['.deb', 'application/vnd.debian.binary-package'],
  ['.appimage', 'application/vnd.appimage'],
  ['.exe', 'application/vnd.microsoft.portable-executable'],
  ['.blockmap', 'application/octet-stream'],
];

/** The content type of a servable file, or null when the feed does not serve that kind of file. */
export function contentTypeOf(name: string): string | null {
  const lower = name.toLowerCase();
  // electron-builder also leaves builder-debug.yml (its build machine's settings): never served.
  if (lower.endsWith('.yml') && !isChannelFile(name)) return null;
  return CONTENT_TYPES.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? null;
}

/** True for electron-updater's channel files (`latest*.yml`), whose rollout the server sets. */
export function isChannelFile(name: string): boolean {
  return /^latest(-[a-z0-9-]+)?\.yml$/.test(name);
}

/** A regular file (not a link, not a folder) at `path`, with its size; null otherwise. */
async function regularFile(path: string): Promise<{ size: number } | null> {
  const info = await lstat(path).catch(() => null);
  return info?.isFile() ? { size: info.size } : null;
}

/** The names in a folder, or [] when it does not exist. */
async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Compares two semver strings, newest first (pre-releases after their release). */
export function newestFirst(a: string, b: string): number {
  const parts = (v: string) => {
    const [core = '', pre] = v.split(/-(.*)/s, 2);
    return { nums: core.split('.').map(Number), pre: pre ?? null };
  };
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pb.nums[i] ?? 0) - (pa.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return -1;
  if (pb.pre === null) return 1;
  return pb.pre.localeCompare(pa.pre, 'en', { numeric: true });
}

/** One file found in a release: its absolute path, size and content type. */
export interface ReleaseFile {
  path: string;
  size: number;
  contentType: string;
}

/** Reads an updates folder. */
export class ReleaseFolder {
  constructor(readonly dir: string) {}

  /** The versions with a latest-linux.yml, newest first. */
  async versions(): Promise<string[]> {
    const found: string[] = [];
    for (const name of await names(this.dir)) {
      if (VERSION_NAME.test(name) && (await this.file(name, REQUIRED_CHANNEL_FILE))) found.push(name);
    }
    return found.sort(newestFirst);
  }

  /** True when `version` is a release folder with a latest-linux.yml. */
  async has(version: string): Promise<boolean> {
    return VERSION_NAME.test(version) && (await this.file(version, REQUIRED_CHANNEL_FILE)) !== null;
  }

  /** The version latest-linux.yml of `version`'s folder names (null: no such file or no version in it). */
  async declaredVersion(version: string): Promise<string | null> {
    const file = await this.file(version, REQUIRED_CHANNEL_FILE);
    if (!file) return null;
    const info: unknown = parse(await readFile(file.path, 'utf8'));
    const declared = info && typeof info === 'object' ? (info as { version?: unknown }).version : undefined;
    return declared === undefined || declared === null ? null : String(declared);
  }

  /** The file named exactly `name` in `version`'s folder, if it is one the feed serves. */
  async file(version: string, name: string): Promise<ReleaseFile | null> {
    if (!VERSION_NAME.test(version)) return null;
    const contentType = contentTypeOf(name);
    if (!contentType) return null;
    const folder = join(this.dir, version);
    if (!(await names(folder)).includes(name)) return null;
    const path = join(folder, name);
    const info = await regularFile(path);
    return info ? { path, size: info.size, contentType } : null;
  }

  /**
   * A `.blockmap` of another release, for differential downloads: electron-updater asks for the
   * installed version's blockmap at the same feed address (the new file's name with the old version).
   * Blockmaps hold only block checksums; no other file of an unchosen release is ever served.
   */
  async blockmapOfAnyRelease(name: string): Promise<ReleaseFile | null> {
    if (!name.endsWith('.blockmap')) return null;
    for (const version of await names(this.dir)) {
      const found = await this.file(version, name);
      if (found) return found;
    }
    return null;
  }
}

/**
 * A channel file as served: electron-builder's yml with `stagingPercentage` set to the channel's
 * rollout (electron-updater offers the release to a kiosk when its own random staging id falls
 * below that share; 100 is everyone, 0 no one).
 */
export async function channelFileText(file: ReleaseFile, rolloutPercent: number): Promise<string> {
  const info: unknown = parse(await readFile(file.path, 'utf8'));
  if (info === null || typeof info !== 'object' || Array.isArray(info))
    throw new Error(`${file.path} is not an update info document`);
  return stringify({ ...(info as Record<string, unknown>), stagingPercentage: rolloutPercent });
}
