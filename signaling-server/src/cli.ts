/**
 * The rvw-server command line: `serve` (default; `--demo` adds the demo accounts and kiosk),
 * `create-admin <username>`, `reset-password <username>`, `create-kiosk --name .. --location ..`,
 * `revoke-kiosk <id>`, `enrolment-code --location ..` (enrolment/enrolment-cli.ts), `catalogue list|check` (catalogue/catalogue-cli.ts), `centre list|add|set`
 * (centres/centre-cli.ts), `report daily` (supervision/report-cli.ts), `help`. One-time secrets are
 * written to stdout, never to the log. Commands that manage existing records never create a database:
 * a missing one exits 78 naming RVW_DATA_DIR.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError, CreateKioskRequest, KioskParams } from '@rvw/shared';
import { createAgent, resetPassword } from './accounts/account-store';
import { ensureFirstAdmin } from './accounts/first-admin';
import { generatePassword } from './accounts/passwords';
import { loadConfig } from './config';
import { databasePath, openDatabase, type Db } from './db/database';
import { ensureDemoData } from './demo';
import { createKiosk, revokeKiosk } from './kiosks/kiosk-store';
import { catalogueCommand, catalogueUsage } from './catalogue/catalogue-cli';
import { centreCommand, centreUsage } from './centres/centre-cli';
import { enrolmentCodeCommand, enrolmentCodeUsage } from './enrolment/enrolment-cli';
import { getCentre } from './centres/centre-store';
import { DEFAULT_CENTRE_ID } from './db/migration-0008-routing';
import { ConfigError } from './errors';
import { createServer, type RunningServer } from './server';
import { reportCommand, reportUsage } from './supervision/report-cli';

/** Where the CLI writes; default process.stdout / process.stderr. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** The result of a command: an exit code, or a running server for `serve`. */
export type CliResult = { exitCode: number } | { server: RunningServer };

const usage = `Usage: rvw-server [command]

Commands:
  serve [--demo]                           start the server (default). --demo creates the demo
                                           admin, agent and kiosk and writes <dataDir>/demo-kiosk.json
  create-admin <username> [--display-name N] [--centre ID]
                                           create an admin (password from RVW_ADMIN_PASSWORD or
                                           generated and printed once)
  reset-password <username>                set a new password for any account (admin or agent) and
                                           end its open logins; the password comes from
                                           RVW_NEW_PASSWORD or RVW_ADMIN_PASSWORD, or is generated
                                           and printed once. (create-admin <username>
                                           --reset-password does the same.)
  create-kiosk --name N --location L [--server-url URL] [--centre ID] [--kind fixed|portable]
                                           enrol a kiosk (default centre main, kind fixed;
                                           portable: door-to-door 上门办); prints its token once
  revoke-kiosk <kiosk-id>                  revoke a kiosk's token for good (lost or stolen kiosk);
                                           its waiting ticket is cancelled, and a running server
                                           disconnects it within RVW_CREDENTIAL_CHECK_SECONDS
${enrolmentCodeUsage}${catalogueUsage}${centreUsage}${reportUsage}  help                                     this text

Configuration comes from RVW_* environment variables (see docs/protocol.md and docs/deployment.md);
RVW_DATA_DIR is the data folder holding rvw.sqlite (default ./data, from the current folder).
`;

/** Runs one command. Errors become a sentence on stderr and a non-zero exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  const [command = 'serve', ...rest] = argv[0]?.startsWith('-') ? ['serve', ...argv] : argv;
  try {
    switch (command) {
      case 'serve':
        return { server: await serve(rest, io) };
      case 'create-admin':
        return { exitCode: await createAdminCommand(rest, io) };
      case 'reset-password':
        return { exitCode: await resetPasswordCommand(rest, io) };
      case 'create-kiosk':
        return { exitCode: await createKioskCommand(rest, io) };
      case 'revoke-kiosk':
        return { exitCode: await revokeKioskCommand(rest, io) };
      case 'enrolment-code':
        return {
          exitCode: await enrolmentCodeCommand(rest, io, () =>
            openExistingDatabase(loadConfig(io.env).dataDir),
          ),
        };
      case 'catalogue':
        return { exitCode: await catalogueCommand(rest, io) };
      case 'centre':
        return { exitCode: await centreCommand(rest, io) };
      case 'report':
        return {
          exitCode: await reportCommand(rest, io, () => openExistingDatabase(loadConfig(io.env).dataDir)),
        };
      case 'help':
      case '--help':
      case '-h':
        io.out.write(usage);
        return { exitCode: 0 };
      default:
        io.err.write(`Unknown command "${command}".\n\n${usage}`);
        return { exitCode: 64 };
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof AppError) {
      io.err.write(`${err.message} (${err.code})\n`);
      return { exitCode: err instanceof ConfigError ? 78 : 1 };
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.err.write(`${err.message}\n\n${usage}`);
      return { exitCode: 64 };
    }
    throw err;
  }
}

async function serve(args: string[], io: CliIo): Promise<RunningServer> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean', default: false } },
    strict: true,
  });
  const config = loadConfig(io.env);
  const server = await createServer(config);
  if (values.demo) {
    const demo = await ensureDemoData(server.db, {
      dataDir: config.dataDir,
      serverUrl: server.url,
      adminPassword: io.env.RVW_ADMIN_PASSWORD,
    });
    for (const c of demo.accounts.map((a) => a.credentials)) {
      if (c)
        io.out.write(
          `Created demo account ${c.username} with password ${c.password} (shown once; keep it).\n`,
        );
    }
    io.out.write(
      `Demo kiosk "${demo.kiosk.name}": its config (server URL and token) is in ${demo.kioskConfigPath}\n`,
    );
  } else {
    const admin = await ensureFirstAdmin(server.db, { password: io.env.RVW_ADMIN_PASSWORD });
    if (admin && !io.env.RVW_ADMIN_PASSWORD) {
      io.out.write(
        `Created the first admin "${admin.username}" with password ${admin.password} (shown once; keep it).\n`,
      );
    } else if (admin) {
      io.out.write(
        `Created the first admin "${admin.username}" with the password from RVW_ADMIN_PASSWORD.\n`,
      );
    }
  }
  io.out.write(`Agent console: ${server.url}/console/\n`);
  return server;
}

async function createAdminCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'display-name': { type: 'string' },
      'reset-password': { type: 'boolean', default: false },
      centre: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const username = positionals[0];
  if (!username || positionals.length > 1) {
    io.err.write('create-admin needs exactly one username, e.g. rvw-server create-admin zhang.wei\n');
    return 64;
  }
  // The older spelling of reset-password, kept for scripts that use it.
  if (values['reset-password']) return resetPasswordCommand([username], io);
  const fromEnv = io.env.RVW_ADMIN_PASSWORD;
  const password = fromEnv || generatePassword();
  const db = await openDatabase(loadConfig(io.env).dataDir);
  try {
    const centreId = await knownCentre(db, values.centre, io);
    if (centreId === null) return 64;
    await createAgent(
      db,
      { username, displayName: values['display-name'] ?? username, password, role: 'admin', centreId },
      new Date(),
    );
    io.out.write(`Created admin "${username}" of centre ${centreId}.\n`);
    io.out.write(
      fromEnv ? 'The password is the one in RVW_ADMIN_PASSWORD.\n' : `One-time password: ${password}\n`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

async function resetPasswordCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const username = positionals[0];
  if (!username || positionals.length > 1) {
    io.err.write('reset-password needs exactly one username, e.g. rvw-server reset-password agent\n');
    return 64;
  }
  const fromEnv = io.env.RVW_NEW_PASSWORD
    ? 'RVW_NEW_PASSWORD'
    : io.env.RVW_ADMIN_PASSWORD
      ? 'RVW_ADMIN_PASSWORD'
      : null;
  const password = fromEnv ? io.env[fromEnv]! : generatePassword();
  if (password.length < 10) throw ConfigError.invalid(`${fromEnv} must be at least 10 characters long`);
  const db = await openExistingDatabase(loadConfig(io.env).dataDir);
  try {
    const ended = await resetPassword(db, username, password, new Date());
    io.out.write(
      `Set a new password for "${username}"; ended ${ended} open login${ended === 1 ? '' : 's'}.\n`,
    );
    io.out.write(fromEnv ? `The password is the one in ${fromEnv}.\n` : `One-time password: ${password}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

/**
 * Opens the database of a data folder that must already hold one: a command that manages existing
 * accounts or kiosks never creates an empty database in a mistyped or default folder.
 */
async function openExistingDatabase(dataDir: string): Promise<Db> {
  const path = databasePath(dataDir);
  if (path !== ':memory:' && !existsSync(path)) {
    throw ConfigError.invalid(
      `there is no database at ${path}; set RVW_DATA_DIR to the data folder the server uses (it holds rvw.sqlite)`,
    );
  }
  return openDatabase(dataDir);
}

async function createKioskCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      location: { type: 'string' },
      'server-url': { type: 'string' },
      centre: { type: 'string' },
      kind: { type: 'string' },
    },
    strict: true,
  });
  const parsed = CreateKioskRequest.safeParse({
    name: values.name,
    location: values.location,
    kind: values.kind ?? 'fixed',
  });
  if (!parsed.success) {
    io.err.write(
      'create-kiosk needs --name and --location (and --kind fixed or portable, when given), e.g. --name "静安寺街道 第二居委会" --location "…"\n',
    );
    return 64;
  }
  const db = await openDatabase(loadConfig(io.env).dataDir);
  try {
    const centreId = await knownCentre(db, values.centre, io);
    if (centreId === null) return 64;
    const { kiosk, token } = await createKiosk(db, { ...parsed.data, centreId }, new Date());
    io.out.write(`Enrolled ${kiosk.kind} kiosk "${kiosk.name}" (${kiosk.id}) in centre ${centreId}.\n`);
    io.out.write(`Secret token (shown once; put it in the kiosk's config as kioskToken): ${token}\n`);
    if (values['server-url']) {
      io.out.write(
        `Kiosk config file:\n${JSON.stringify({ serverUrl: values['server-url'], kioskToken: token }, null, 2)}\n`,
      );
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

/** The centre named by --centre (default the first centre, 'main'), or null after saying it is unknown. */
async function knownCentre(db: Db, given: string | undefined, io: CliIo): Promise<string | null> {
  const id = given ?? DEFAULT_CENTRE_ID;
  if (await getCentre(db, id)) return id;
  io.err.write(
    `There is no centre "${id}"; see rvw-server centre list (add one with rvw-server centre add).\n`,
  );
  return null;
}

async function revokeKioskCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const parsed = KioskParams.safeParse({ kioskId: positionals[0] });
  if (!parsed.success || positionals.length > 1) {
    io.err.write('revoke-kiosk needs exactly one kiosk id, e.g. rvw-server revoke-kiosk 3f2c…\n');
    return 64;
  }
  const db = await openExistingDatabase(loadConfig(io.env).dataDir);
  try {
    const r = await revokeKiosk(db, parsed.data.kioskId, new Date());
    if (!r.changed) {
      io.out.write(`Kiosk "${r.kiosk.name}" (${r.kiosk.id}) was already revoked at ${r.revokedAt}.\n`);
      return 0;
    }
    io.out.write(`Revoked kiosk "${r.kiosk.name}" (${r.kiosk.id}); its token no longer works.\n`);
    if (r.cancelledTicketId) {
      const t = await db
        .selectFrom('tickets')
        .select('number')
        .where('id', '=', r.cancelledTicketId)
        .executeTakeFirst();
      io.out.write(`Cancelled its waiting ticket ${t?.number ?? r.cancelledTicketId}.\n`);
    }
    io.out.write('A running server disconnects the kiosk within a few seconds.\n');
    return 0;
  } finally {
    await db.destroy();
  }
}
