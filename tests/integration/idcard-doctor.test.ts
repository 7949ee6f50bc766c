/**
 * kiosk-doctor as a real process (node kiosk/bin/kiosk-doctor.mjs) against the GA 467 simulator
 * on a socat pty pair; and the simulator's own CLI with its loopback control API.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JSON_FIELDS } from '@rvw/kiosk/doctor';
import {
  sampleCards,
  startPtyPair,
  startSimulatedReaderLine,
  type Ga467Simulator,
  type PtyPair,
  type SimulatedReaderLine,
} from '@rvw/sim';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doctorBin = 'kiosk/bin/kiosk-doctor.mjs';

/** Runs kiosk-doctor to completion; the simulator keeps running in this process meanwhile. */
function doctor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [doctorBin, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let line: SimulatedReaderLine | undefined;
let pair: PtyPair;
let sim: Ga467Simulator;

beforeAll(async () => {
  line = await startSimulatedReaderLine();
  ({ pair, sim } = line);
});

afterAll(async () => {
  await line?.dispose();
});

afterEach(() => {
  sim.placeCard(null);
  sim.setSamSelfTestFailed(false);
});

describe('kiosk-doctor idcard', () => {
  it('--json prints exactly the documented fields, masked', async () => {
    sim.placeCard(sampleCards.resident);
    const r = await doctor(['idcard', '--port', pair.kioskPath, '--json', '--timeout', '5']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(json).every((k) => (JSON_FIELDS as readonly string[]).includes(k))).toBe(true);
    expect(json).toEqual({
      cardType: 'resident',
      name: '李**',
      gender: 'female',
      nation: '汉',
      birthDate: '1948-**-**',
      address: '上海市黄浦区' + '*'.repeat([...sampleCards.resident.address!].length - 6),
      idNumber: '310***********0022',
      idNumberValid: true,
      issuer: '上海市公安局黄浦分局',
      validFrom: '2008-05-20',
      validTo: 'long-term',
      samId: '05.01-20101111-0000012345-1234567890',
    });
    expect(r.stdout + r.stderr).not.toContain('310101194803150022');
  });

  it('--json --show reveals the card; the HK/Macao/Taiwan permit carries pass number and issue count', async () => {
    sim.placeCard(sampleCards['hk-macao-taiwan']);
    const r = await doctor(['idcard', '--port', pair.kioskPath, '--json', '--show']);
    expect(r.code).toBe(0);
    const { address, issuer, passNumber, issueCount, idNumber, name, birthDate } =
      sampleCards['hk-macao-taiwan'];
    expect(JSON.parse(r.stdout)).toMatchObject({
      address,
      issuer,
      passNumber,
      issueCount,
      idNumber,
      name,
      birthDate,
    });
  });

  it('prints labelled lines for people, masked by default', async () => {
    sim.placeCard(sampleCards['foreign-permanent']);
    const r = await doctor(['idcard', '--port', pair.kioskPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Foreigner permanent residence card (old)');
    expect(r.stdout).toContain('国籍 Nationality: USA');
    expect(r.stdout).not.toContain('USA317506150211');
    expect(r.stdout).toContain('--show');
  });

  it('exits 6 with one sentence when no card is placed in time', async () => {
    const r = await doctor(['idcard', '--port', pair.kioskPath, '--timeout', '1']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('1 秒内没有放上证件。 No card was placed on the reader within 1 s.');
    expect(r.stdout).toBe('');
  });

  it('exits 5 when the SAM fails its self-test', async () => {
    sim.setSamSelfTestFailed(true);
    const r = await doctor(['idcard', '--port', pair.kioskPath, '--timeout', '1']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/安全模块故障.*SAM.*faulty/);
  });

  it('exits 3 for a port that does not exist, and 2 for a bad command line', async () => {
    const missing = await doctor(['idcard', '--port', `${pair.kioskPath}-missing`]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/无法打开串口.*Cannot open serial port/);
    const usage = await doctor(['idcard']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--port');
  });

  it('--help prints usage and exits 0', async () => {
    const r = await doctor(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kiosk-doctor idcard --port <path>');
  });
});

describe('kiosk-doctor ports', () => {
  it('finds the simulated reader on a probed pty and prints its SAM ID', async () => {
    const r = await doctor(['ports', '--probe', pair.kioskPath, '--json']);
    expect(r.code).toBe(0);
    const { ports } = JSON.parse(r.stdout) as { ports: { path: string; ga467: boolean; samId?: string }[] };
    expect(ports.find((p) => p.path === pair.kioskPath)).toMatchObject({
      ga467: true,
      samId: '05.01-20101111-0000012345-1234567890',
    });
  });
});

describe('simulator CLI with its control API', () => {
  let pair2: PtyPair;
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await pair2?.dispose();
  });

  it('places, reports and removes cards over loopback HTTP; kiosk-doctor reads what it placed', async () => {
    pair2 = await startPtyPair();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'simulators/src/ga467/cli.ts', '--port', pair2.devicePath],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const first = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child!.stdout! });
      rl.once('line', resolve);
      child!.once('exit', (c) => reject(new Error(`simulator exited ${c}`)));
    });
    const { controlPort } = JSON.parse(first) as { controlPort: number };
    const base = `http://127.0.0.1:${controlPort}/card`;

    expect(await (await fetch(base)).json()).toMatchObject({ cardType: null, open: true });
    const bad = await fetch(base, { method: 'POST', body: '{"cardType":"passport"}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });

    const placed = await fetch(base, {
      method: 'POST',
      body: JSON.stringify({ cardType: 'foreign-permanent-2023' }),
    });
    expect(await placed.json()).toEqual({ cardType: 'foreign-permanent-2023' });
    const r = await doctor(['idcard', '--port', pair2.kioskPath, '--json', '--show']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      cardType: 'foreign-permanent-2023',
      englishName: sampleCards['foreign-permanent-2023'].englishName,
    });

    expect(await (await fetch(base, { method: 'DELETE' })).json()).toEqual({ cardType: null });
    expect(await (await fetch(base)).json()).toMatchObject({ cardType: null });
  });
});
