/** The demo's account lines, printed by scripts/demo.ts: credentials, or how to reset them. */
import { resolve } from 'node:path';
import { demoNames, type DemoData } from '@rvw/signaling-server';

/** A path as one POSIX shell word. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * One line per demo account: its password when just created, else the command that resets it in
 * the data folder the demo uses (`npx rvw-server` alone would open ./data, wherever that is).
 */
export function accountLines(demo: Pick<DemoData, 'admin' | 'agent'>, dataDir: string): string[] {
  const env = `RVW_DATA_DIR=${shellWord(resolve(dataDir))}`;
  return (
    [
      ['admin (supervisor)', demo.admin, demoNames.admin],
      ['agent', demo.agent, demoNames.agent],
    ] as const
  ).map(([role, cred, username]) =>
    cred
      ? `Demo ${role}: ${cred.username} / ${cred.password}   (shown once — note it down)`
      : `Demo ${role}: ${username} (password shown when it was created; a new one: ${env} npx rvw-server reset-password ${username})`,
  );
}
