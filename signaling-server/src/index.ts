/** @rvw/signaling-server: the server, its configuration, admin/demo helpers and test helpers. */
export { createServer, serverVersion, type RunningServer, type ServerOptions } from './server';
export {
  loadConfig,
  parseConfig,
  configEnv,
  ServerConfigSchema,
  type ServerConfig,
  type ServerConfigInput,
} from './config';
export { ConfigError, ServerError } from './errors';
export { runCli, type CliIo, type CliResult } from './cli';
export {
  ensureDemoData,
  ensureFirstAdmin,
  demoNames,
  type DemoData,
  type DemoOptions,
  type Credentials,
} from './demo';
export { createAgent, createKiosk, listAgents, listKiosks, login, rotateKioskToken } from './auth/accounts';
export { openDatabase, databasePath, type Db } from './db/database';
export { scrubIdNumbers } from './logger';
export { systemClock, systemScheduler, type Clock, type Scheduler } from './clock';
export * from './testing';
