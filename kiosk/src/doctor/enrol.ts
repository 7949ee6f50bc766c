/**
 * `kiosk-doctor enrol CODE --server URL [--config PATH] [--force] [--json]` (issue 12 #1): redeems
 * a one-time enrolment code on the server (POST /api/enrol) and writes the kiosk's configuration
 * file (serverUrl, kioskToken, kioskId) with mode 0600, so that no secret is copied by hand. The
 * token is never printed. An existing token is kept unless --force, and that is checked before the
 * code is spent. Encrypting the token with Electron's safeStorage is the main process's job (later).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHttpClient, ErrorCode, HttpClientError, httpRoutes, type EnrolResponse } from '@rvw/shared';
import { DoctorUsageError } from './check';
import type { CheckIo, SystemDeps } from './check';
import { defaultDataDir } from './disk';
import { NETWORK_EXIT } from './network';
import { serverUrl } from './system-commands';

/** Exit codes of `kiosk-doctor enrol` (added to kiosk-doctor's EXIT). */
export const ENROL_EXIT = {
  /** The server could not be reached or answered something that is not the API (reused from network). */
  ServerUnreachable: NETWORK_EXIT.ServerUnreachable,
  /** The code was refused: mistyped, expired, already used or withdrawn (ENROLMENT_CODE_INVALID). */
  CodeInvalid: 19,
  /** Too many attempts from this address: wait a minute (RATE_LIMITED). */
  RateLimited: 20,
  /** The configuration file already holds a kiosk token: nothing was changed (use --force). */
  ConfigExists: 21,
  /** The configuration file could not be read or written. */
  ConfigUnwritable: 22,
} as const;

/** The configuration file's name in the kiosk's data folder. */
export const KIOSK_CONFIG_FILE = 'kiosk.json';

/** What `enrol` needs besides its arguments (tests give their own). */
export interface EnrolDeps extends SystemDeps {
  /** The machine's name sent as the kiosk's name when the code names none; default os.hostname(). */
  machineName?: string;
  fetch?: typeof fetch;
}

/** The file as it is: its fields, or null when there is none. NOT a JSON object → ConfigUnwritable. */
async function readExisting(path: string): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${path} does not hold a JSON object`);
  return json as Record<string, unknown>;
}

/** Writes `data` to `path` with mode 0600 (a temp file in the same folder, then a rename). */
async function writePrivate(path: string, data: Record<string, unknown>): Promise<void> {
  const tmp = join(dirname(path), `.${KIOSK_CONFIG_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    // The umask cannot widen 0600, but a chmod makes the mode explicit (a no-op on Windows).
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** One line (zh + en) and an exit code for a refusal. */
function failure(io: CheckIo, json: boolean, exit: number, code: string, message: string): number {
  io.err(message);
  if (json) io.out(JSON.stringify({ enrolled: false, exit, error: { code, message } }));
  return exit;
}

/** Runs `kiosk-doctor enrol`; resolves to its exit code. */
export async function enrolCommand(args: string[], io: CheckIo, deps: EnrolDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      server: { type: 'string' },
      config: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new DoctorUsageError('enrol needs exactly one CODE, e.g. enrol K7QX-93RM-TD.');
  const code = positionals[0]!;
  const env = deps.env ?? process.env;
  const server = serverUrl(values.server ?? (env.RVW_SERVER_URL || undefined)).replace(/\/+$/, '');
  const path =
    values.config ?? join(defaultDataDir(deps.platform ?? process.platform, env), KIOSK_CONFIG_FILE);
  const json = values.json;

  // Before the code is spent: the file must be readable, hold no token (unless --force), and its
  // folder writable.
  let existing: Record<string, unknown> | null;
  try {
    existing = await readExisting(path);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (err) {
    return failure(
      io,
      json,
      ENROL_EXIT.ConfigUnwritable,
      'CONFIG_UNWRITABLE',
      `无法读取或创建配置文件 ${path}。 Cannot read or create the configuration file ${path}: ${(err as Error).message}`,
    );
  }
  if (
    existing &&
    typeof existing.kioskToken === 'string' &&
    existing.kioskToken.trim() !== '' &&
    !values.force
  ) {
    return failure(
      io,
      json,
      ENROL_EXIT.ConfigExists,
      'CONFIG_EXISTS',
      `${path} 已有终端令牌，未做任何更改；如需重新登记请加 --force。 ${path} already holds a kiosk token; nothing was changed (the code is not used). Add --force to replace it.`,
    );
  }

  let enrolled: EnrolResponse;
  try {
    const client = createHttpClient(httpRoutes, {
      baseUrl: server,
      timeoutMs: 15_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    enrolled = await client.enrol({
      body: { code, machineName: (deps.machineName ?? hostname()).slice(0, 100) || 'kiosk' },
    });
  } catch (err) {
    if (!(err instanceof HttpClientError)) throw err;
    if (err.code === ErrorCode.EnrolmentCodeInvalid)
      return failure(
        io,
        json,
        ENROL_EXIT.CodeInvalid,
        err.code,
        `登记码无效（可能输错、过期、已使用或已撤销），请向中心索取新的登记码。 The enrolment code was refused: mistyped, expired, already used or withdrawn. Ask the centre for a new code.`,
      );
    if (err.code === ErrorCode.RateLimited)
      return failure(
        io,
        json,
        ENROL_EXIT.RateLimited,
        err.code,
        `尝试次数过多，请一分钟后再试。 Too many attempts from this address; wait a minute and try again.`,
      );
    if (err.code === ErrorCode.BadPayload)
      return failure(
        io,
        json,
        ENROL_EXIT.CodeInvalid,
        err.code,
        `登记码格式不对。 The code is not in the right form (e.g. K7QX-93RM-TD).`,
      );
    return failure(
      io,
      json,
      ENROL_EXIT.ServerUnreachable,
      err.code,
      `无法连接服务器 ${server}。 Could not enrol at ${server}: ${err.message} [${err.code}]`,
    );
  }

  try {
    await writePrivate(path, {
      ...existing,
      serverUrl: server,
      kioskToken: enrolled.token,
      kioskId: enrolled.kioskId,
    });
  } catch (err) {
    // The code is spent and the token cannot be shown again: say how to recover, never the token.
    return failure(
      io,
      json,
      ENROL_EXIT.ConfigUnwritable,
      'CONFIG_UNWRITABLE',
      `已登记终端 ${enrolled.kioskId} 但无法写入 ${path}：请在中心撤销该终端并索取新的登记码。 Enrolled kiosk ${enrolled.kioskId} but could not write ${path} (${(err as Error).message}): revoke that kiosk at the centre and ask for a new code.`,
    );
  }
  const { kiosk } = enrolled;
  if (json) {
    io.out(
      JSON.stringify({
        enrolled: true,
        exit: 0,
        kioskId: kiosk.id,
        kiosk,
        serverUrl: server,
        configPath: path,
      }),
    );
  } else {
    io.out(
      `✔ 已登记 Enrolled: "${kiosk.name}" (${kiosk.id}), ${kiosk.location}, centre ${kiosk.centreId}, ${kiosk.kind}`,
    );
    io.out(`  配置已写入 Configuration written to ${path} (mode 0600).`);
    if (!values.config) io.out(`  启动终端时设置 Start the kiosk with RVW_KIOSK_CONFIG=${path}`);
  }
  return 0;
}
