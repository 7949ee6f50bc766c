/**
 * What a server stands on, opened in order before any area is built: the catalogue (a bad one stops
 * the start like bad configuration), the log (with its file and sampler), the store's health, the
 * migrated database, and the identity key (held numbers encrypted with it). A failure closes what
 * was already opened.
 */
import type { HealthResponse } from '@rvw/shared';
import type { DestinationStream, Logger } from 'pino';
import type { ServerConfig } from './config';
import { ConfigError } from './errors';
import { CatalogueLoadError } from './catalogue/catalogue-loader';
import { CatalogueService } from './catalogue/catalogue-service';
import { openDatabase, type Db } from './db/database';
import { StorageHealth } from './db/storage-health';
import { IdentityCipher, loadIdentityKey } from './identity/identity-crypto';
import { encryptHeldNumbers } from './identity/identity-store';
import { FileLogDestination } from './log-destination';
import { LogSampler } from './log-sampler';
import { createLogger } from './logger';

/** The opened foundation of a server. */
export interface ServerFoundation {
  catalogue: CatalogueService;
  /** The log file, when the log goes to one (null with a given stream or stdout). */
  logFile: FileLogDestination | null;
  sampler: LogSampler;
  log: Logger;
  storage: StorageHealth;
  db: Db;
  cipher: IdentityCipher;
}

/** Opens the catalogue, the log, the database and the identity key, in that order. */
export async function openFoundation(
  config: ServerConfig,
  logStream: DestinationStream | undefined,
): Promise<ServerFoundation> {
  // A bad catalogue stops the start like bad configuration (exit 78), before anything is opened.
  const catalogue = await CatalogueService.load(config.catalogueDir).catch((err: unknown) => {
    if (err instanceof CatalogueLoadError)
      throw ConfigError.invalid(
        `RVW_CATALOGUE_DIR (${config.catalogueDir}) is not a usable catalogue:\n${err.problems.map((p) => `  ${p.sentence}`).join('\n')}`,
      );
    throw err;
  });
  // A failing log file (full disk) drops lines and reports it; it never stops the server.
  const logFile = !logStream && config.logFile ? new FileLogDestination(config.logFile) : null;
  // Repeated warnings of one kind (a flood of refused events) are counted, not logged each time.
  const sampler = new LogSampler();
  const log = createLogger(config, logStream ?? logFile ?? undefined, sampler);
  const storage = new StorageHealth(log.child({ component: 'storage' }), sampler);
  const db = await openDatabase(config.dataDir, { health: storage }).catch((err: unknown) => {
    logFile?.end();
    throw err;
  });
  // Full identity numbers are stored encrypted with this key (RVW_IDENTITY_KEY or the key file).
  try {
    const cipher = new IdentityCipher(loadIdentityKey(config.dataDir, config.identityKey));
    await encryptHeldNumbers(db, cipher);
    return { catalogue, logFile, sampler, log, storage, db, cipher };
  } catch (err) {
    await db.destroy();
    logFile?.end();
    throw err;
  }
}

/** GET /api/health: the log's and the storage's state, the version and the uptime since `startedAt`. */
export function healthHandler(
  foundation: Pick<ServerFoundation, 'logFile' | 'storage'>,
  version: string,
  startedAt: bigint,
): () => Promise<HealthResponse> {
  return async () => {
    const checks = {
      log: foundation.logFile?.state ?? ('ok' as const),
      storage: await foundation.storage.check(),
    };
    return {
      status: checks.log === 'ok' && checks.storage === 'ok' ? 'ok' : 'degraded',
      version,
      uptimeSeconds: Math.floor(Number(process.hrtime.bigint() - startedAt) / 1e9),
      checks,
    };
  };
}
