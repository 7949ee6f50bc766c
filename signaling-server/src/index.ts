/** @rvw/signaling-server: the server, its configuration and admin/demo helpers. Test helpers are `@rvw/signaling-server/testing`. */
export { createServer, serverVersion, type RunningServer, type ServerOptions } from './server';
export {
  loadConfig,
  parseConfig,
  configEnv,
  ServerConfigSchema,
  type ServerConfig,
  type ServerConfigInput,
} from './config';
export { ConfigError } from './errors';
export { runCli, type CliIo, type CliResult } from './cli';
export { ensureFirstAdmin, type Credentials } from './accounts/first-admin';
export {
  ensureDemoData,
  demoAccounts,
  demoCentres,
  demoKiosks,
  demoNames,
  type DemoAccount,
  type DemoData,
  type DemoOptions,
} from './demo';
export { createAgent, listAgents, login } from './accounts/account-store';
export { createKiosk, listKiosks, rotateKioskToken } from './kiosks/kiosk-store';
export { openDatabase, databasePath, type Db } from './db/database';
export { scrubIdNumbers } from '@rvw/shared';
export { systemClock, systemScheduler, type Clock, type Scheduler } from './clock';
