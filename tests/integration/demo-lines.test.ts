/**
 * The demo's printed hint for a forgotten demo password names the data folder the demo really
 * uses, so that the command resets the account in that database and not in an empty ./data
 * (issue 8 #16).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountLines } from '../../scripts/demo-lines';

describe('demo account lines', () => {
  it('new accounts: username and password, shown once', () => {
    const lines = accountLines(
      { admin: { username: 'admin', password: 'p4ssw0rdp4ssw0rd' }, agent: null },
      '/srv/rvw',
    );
    expect(lines[0]).toContain('admin / p4ssw0rdp4ssw0rd');
  });

  it('existing accounts: a reset command with RVW_DATA_DIR set to the folder in use', () => {
    const dataDir = join('/tmp', 'other data');
    const lines = accountLines({ admin: null, agent: null }, dataDir);
    expect(lines[0]).toContain(`RVW_DATA_DIR='${dataDir}' npx rvw-server reset-password admin`);
    expect(lines[1]).toContain(`RVW_DATA_DIR='${dataDir}' npx rvw-server reset-password agent`);
  });
});
