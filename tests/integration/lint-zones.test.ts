/**
 * The import zones in eslint.config.js can fail: ESLint's Node API lints one-line snippets as if
 * they sat at paths in each zone, and every forbidden import is reported while the allowed ones
 * are not. The files need not exist; only their paths choose the zone.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** [file the snippet pretends to be, module it imports] */
type Case = [filePath: string, source: string];

const forbidden: Record<string, Case[]> = {
  'nothing imports tests/': [
    ['scripts/demo.ts', '../tests/support/flows'],
    ['kiosk/scripts/screenshots.ts', '../../tests/support/flows'],
    ['kiosk/src/devices/idcard/commands.test.ts', '../../../../tests/support/flows'],
    ['agent-console/src/components/Workbench.tsx', '../../../tests/support/flows'],
    ['signaling-server/src/server.ts', '@rvw/tests'],
  ],
  "no workspace reaches into another's files by a relative path or into its src/": [
    ['tests/integration/example.test.ts', '../../kiosk/src/devices/idcard/codec'],
    ['simulators/src/ga467/device.ts', '../../../kiosk/src/devices/idcard/codec'],
    ['agent-console/src/lib/api.ts', '../../../shared/src/http'],
    ['kiosk/src/host/kiosk-host.ts', '../../../signaling-server/src/server'],
    ['scripts/demo.ts', '../simulators/src/index'],
    ['tests/e2e/example.test.ts', '@rvw/kiosk/src/host/kiosk-host'],
  ],
  'product code imports no test support': [
    ['signaling-server/src/server.ts', '@rvw/sim'],
    ['kiosk/src/host/kiosk-host.ts', '@rvw/sim/kiosk-stack'],
    ['agent-console/src/App.tsx', '@rvw/sim/browser'],
    ['kiosk/src/main/main.ts', '@rvw/signaling-server/testing'],
  ],
  'shared imports no app and no simulator': [
    ['shared/src/protocol/queue.ts', '@rvw/signaling-server'],
    ['shared/src/index.ts', '@rvw/kiosk'],
    ['shared/src/call/index.ts', '@rvw/agent-console'],
    ['shared/src/domain.test.ts', '@rvw/sim'],
  ],
  'the kiosk renderer imports only @rvw/shared and itself': [
    ['kiosk/src/renderer/App.tsx', '../host/kiosk-host'],
    ['kiosk/src/renderer/bridge/web-bridge.ts', '../../ipc-channels'],
    ['kiosk/src/renderer/flow/phases/card.ts', '../../../devices/idcard'],
    ['kiosk/src/renderer/flow/machine.ts', '../../web-host/web-host'],
    ['kiosk/src/renderer/main.tsx', '@rvw/kiosk'],
    ['kiosk/src/renderer/kiosk-app.ts', 'node:fs'],
    ['kiosk/src/renderer/kiosk-app.ts', 'fs'],
    ['kiosk/src/renderer/kiosk-app.ts', 'serialport'],
    ['kiosk/src/renderer/server/kiosk-socket.ts', 'socket.io'],
    ['kiosk/src/renderer/App.tsx', 'electron'],
  ],
  'kiosk/src/devices imports only Node, serialport and @rvw/shared': [
    ['kiosk/src/devices/idcard/service.ts', '../../host/config'],
    ['kiosk/src/devices/idcard/service.ts', '../../renderer/kiosk-app'],
    ['kiosk/src/devices/idcard/codec.ts', '../../main/main'],
    ['kiosk/src/devices/idcard/service.ts', '@rvw/kiosk'],
    ['kiosk/src/devices/idcard/service.ts', 'electron'],
    ['kiosk/src/devices/idcard/service.ts', 'react'],
    ['kiosk/src/devices/idcard/service.ts', 'socket.io-client'],
  ],
  'only kiosk/src/main and kiosk/src/preload import electron': [
    ['kiosk/src/host/kiosk-host.ts', 'electron'],
    ['kiosk/src/web-host/web-host.ts', 'electron'],
  ],
};

const allowed: Case[] = [
  ['kiosk/src/renderer/flow/phases/card.ts', '../state'],
  ['kiosk/src/renderer/App.tsx', './flow/machine'],
  ['kiosk/src/renderer/call/media.ts', '@rvw/shared/call'],
  ['kiosk/src/renderer/server/kiosk-socket.ts', 'socket.io-client'],
  ['kiosk/src/renderer/App.tsx', 'react'],
  // Tests beside the renderer may stand up the host and web host of their own workspace.
  ['kiosk/src/renderer/bridge/web-bridge.test.ts', '../../host/kiosk-host'],
  ['kiosk/src/devices/idcard/service.ts', './codec'],
  ['kiosk/src/devices/idcard/service.ts', '@rvw/shared'],
  ['kiosk/src/devices/idcard/serial-transport.ts', 'serialport'],
  ['kiosk/src/devices/printer/cups-driver.ts', '@sealsystems/ipp'],
  ['kiosk/src/devices/printer/windows-driver.ts', 'pdf-to-printer'],
  ['kiosk/src/devices/idcard/service.ts', 'node:events'],
  ['kiosk/src/devices/idcard/commands.test.ts', '@rvw/sim'],
  ['kiosk/src/main/main.ts', 'electron'],
  ['kiosk/src/host/kiosk-host.ts', '../devices/idcard'],
  ['shared/src/protocol/queue.ts', 'zod'],
  ['scripts/demo.ts', '@rvw/sim/kiosk-stack'],
  ['kiosk/scripts/screenshots.ts', '@rvw/sim/browser'],
  ['tests/e2e/example.test.ts', '../support/flows'],
  ['tests/integration/example.test.ts', '@rvw/kiosk/idcard'],
  ['simulators/src/ga467/device.ts', '@rvw/kiosk/idcard'],
  ['signaling-server/src/testing/server.test.ts', '@rvw/signaling-server/testing'],
];

let eslint: ESLint;

/** The no-restricted-imports messages for `import { x } from source` placed at `filePath`. */
async function restrictions(filePath: string, source: string): Promise<string[]> {
  const code = `import { x } from '${source}';\nexport { x };\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('lint zones report what they forbid', () => {
  for (const [zone, cases] of Object.entries(forbidden)) {
    it.each(cases)(`${zone}: %s may not import %s`, async (filePath, source) => {
      expect(await restrictions(filePath, source)).not.toEqual([]);
    });
  }
});

describe('lint zones let through what they allow', () => {
  it.each(allowed)('%s may import %s', async (filePath, source) => {
    expect(await restrictions(filePath, source)).toEqual([]);
  });
});
