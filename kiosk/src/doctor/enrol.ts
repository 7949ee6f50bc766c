/**
 * `kiosk-doctor enrol CODE --server URL [--config PATH] [--force] [--json]` (issue 12 #1): redeems
 * a one-time enrolment code on the server (POST /api/enrol, host/enrolment-client.ts, as the
 * first-run screen does) and stores the kiosk's token in its credential store (host/credential-
 * store.ts: a file of mode 0600 in the data folder, RVW_KIOSK_DATA_DIR) and serverUrl and kioskId in
 * the configuration file (mode 0600), so that no secret is copied by hand. The token is never
 * printed. An existing token (stored, or in the file) is kept unless --force, and that is checked
 * before the code is spent. No cipher here: Electron's safeStorage exists only inside the kiosk app,
 * whose main process encrypts the plain file when it first reads it (where safeStorage is available).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ErrorCode, HttpClientError, type EnrolResponse } from '@rvw/shared';
import { fileCredentialStore } from '../host/credential-store';
import { KIOSK_CONFIG_FILE, kioskDataDir } from '../host/data-dir';
import { baseUrlOf, redeemEnrolmentCode } from '../host/enrolment-client';
import { DoctorUsageError } from './check';
import type { CheckIo, SystemDeps } from './check';
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
  const server = baseUrlOf(serverUrl(values.server ?? (env.RVW_SERVER_URL || undefined)));
  const dataDir = kioskDataDir(env, deps.platform ?? process.platform);
  const path = values.config ?? join(dataDir, KIOSK_CONFIG_FILE);
  const credentials = fileCredentialStore(dataDir);
  const json = values.json;

  // Before the code is spent: the file must be readable, hold no token (unless --force), and its
  // folder writable.
  let existing: Record<string, unknown> | null;
  let stored: string | null;
  try {
    existing = await readExisting(path);
    stored = await credentials.load();
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
  const inFile = existing && typeof existing.kioskToken === 'string' && existing.kioskToken.trim() !== '';
  if ((inFile || stored !== null) && !values.force) {
    const where = inFile ? path : credentials.path;
    return failure(
      io,
      json,
      ENROL_EXIT.ConfigExists,
      'CONFIG_EXISTS',
      `${where} 已有终端令牌，未做任何更改；如需重新登记请加 --force。 ${where} already holds a kiosk token; nothing was changed (the code is not used). Add --force to replace it.`,
    );
  }

  let enrolled: EnrolResponse;
  try {
    enrolled = await redeemEnrolmentCode({
      serverUrl: server,
      code,
      ...(deps.machineName !== undefined ? { machineName: deps.machineName } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
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
    await credentials.save(enrolled.token);
    // A token left in the file would win over the stored one: the file keeps everything but it.
    const rest: Record<string, unknown> = { ...existing };
    delete rest.kioskToken;
    await writePrivate(path, { ...rest, serverUrl: server, kioskId: enrolled.kioskId });
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
        credentialPath: credentials.path,
      }),
    );
  } else {
    io.out(
      `✔ 已登记 Enrolled: "${kiosk.name}" (${kiosk.id}), ${kiosk.location}, centre ${kiosk.centreId}, ${kiosk.kind}`,
    );
    io.out(`  凭据已保存 Credential stored in ${credentials.path} (mode 0600, not shown).`);
    io.out(`  配置已写入 Configuration written to ${path} (mode 0600).`);
    if (values.config) io.out(`  启动终端时设置 Start the kiosk with RVW_KIOSK_CONFIG=${path}`);
  }
  return 0;
}
