/**
 * `kiosk-doctor all` against real parts: the GA 467 simulator on a socat pty pair, a private cupsd
 * (@rvw/sim/cups, needs root, cups and cups-filters), a real signaling server, a fake /sys and /proc
 * tree for the cameras and the real file system for the disk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleCards, startSimulatedReaderLine } from '@rvw/sim';
import type { SimulatedReaderLine } from '@rvw/sim';
import { startCupsHarness } from '@rvw/sim/cups';
import type { CupsHarness, CupsQueue } from '@rvw/sim/cups';
import { startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import { EXIT, runDoctor } from './cli';

let line: SimulatedReaderLine;
let cups: CupsHarness;
let queue: CupsQueue;
let server: TestServer;
let root: string;

beforeAll(async () => {
  line = await startSimulatedReaderLine();
  cups = await startCupsHarness();
  queue = cups.addQueue('RVW_All', { isDefault: true });
  server = await startTestServer();
  root = mkdtempSync(join(tmpdir(), 'rvw-all-'));
  const files: Record<string, string> = {
    'sys/class/video4linux/video0/name': 'HD Pro Webcam C920\n',
    'dev/video0': '',
    'proc/asound/cards': ' 1 [C920           ]: USB-Audio - HD Pro Webcam C920\n',
    'proc/asound/pcm': '01-00: USB Audio : USB Audio : capture 1\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(async () => {
  await line?.dispose();
  await cups?.stop();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  line.sim.placeCard(null);
  queue.setFault(null);
});

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(
    [
      'all',
      '--cups-url',
      cups.url,
      '--path',
      root,
      '--min-free-gib',
      '0.001',
      '--min-free-percent',
      '0.001',
      ...args,
    ],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { env: {}, pollMs: 100 },
    { env, root, platform: 'linux' },
  );
  return { code, out, err };
}

describe('kiosk-doctor all', () => {
  it('every part working: one OK line per check, overall OK, exit 0', async () => {
    line.sim.placeCard(sampleCards.resident);
    const r = await doctor(['--port', line.pair.kioskPath, '--server', server.url, '--timeout', '5']);
    expect(r.out.slice(0, 6).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ports OK',
      'idcard OK',
      'printer OK',
      'cameras OK',
      'network OK',
      'disk OK',
    ]);
    const text = r.out.join('\n');
    expect(text).toContain(`GA 467 reader answers on ${line.pair.kioskPath}`);
    expect(text).toMatch(/Card read on .*: resident, SAM 05\.01-/);
    expect(text).toMatch(/Printer RVW_All: idle/);
    expect(text).toContain('/dev/video0 HD Pro Webcam C920');
    expect(text).toContain('WebSocket ok');
    expect(r.out.at(-1)).toBe('总体 Overall: OK — exit 0');
    expect(r.code).toBe(EXIT.Ok);
    expect(text).not.toContain(sampleCards.resident.idNumber);
  });

  it('out of paper and no card: the first FAIL sets the exit (idcard 6); --json gives every result', async () => {
    queue.setFault('out-of-paper');
    const r = await doctor([
      '--port',
      line.pair.kioskPath,
      '--server',
      server.url,
      '--timeout',
      '1',
      '--test-page',
      '--json',
      '--min-free-gib',
      '1000000',
    ]);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]!);
    expect(
      json.results.map((x: { check: string; status: string; exit: number }) => [x.check, x.status, x.exit]),
    ).toEqual([
      ['ports', 'ok', 0],
      ['idcard', 'fail', EXIT.NoCard],
      ['printer', 'fail', EXIT.PrinterProblem],
      ['cameras', 'ok', 0],
      ['network', 'ok', 0],
      ['disk', 'warn', EXIT.DiskLow],
    ]);
    expect(json.exit).toBe(EXIT.NoCard);
    expect(r.code).toBe(EXIT.NoCard);
  });

  it('what is not configured is SKIPPED with the reason; a warning alone sets the exit', async () => {
    const r = await doctor(['--probe-none', '--min-free-gib', '1000000'].slice(1), {
      RVW_KIOSK_PRINTER: 'none',
    });
    const text = r.out.join('\n');
    expect(text).toMatch(/^idcard +SKIPPED +未配置读卡器端口 No reader port configured/m);
    expect(text).toMatch(/^printer +SKIPPED +本机不配打印机 This kiosk has no printer/m);
    expect(text).toMatch(/^network +SKIPPED +未配置服务器 No server configured/m);
    expect(text).toMatch(/^disk +WARN +磁盘空间不足 Disk almost full/m);
    expect(text).toMatch(/^ports +FAIL +/m);
    expect(r.out.at(-1)).toBe(`总体 Overall: FAIL — exit ${EXIT.NoReader} (ports)`);
    expect(r.code).toBe(EXIT.NoReader);
  });
});
