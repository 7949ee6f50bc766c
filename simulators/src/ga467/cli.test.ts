/**
 * The simulator's command line refuses what it cannot run before it opens anything. Serving a
 * card over a pty is tested with kiosk-doctor in the integration suite (idcard-doctor.test.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI to completion with `args`. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ga467 simulator CLI', () => {
  it('--help prints its usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: tsx simulators/src/ga467/cli.ts --port <path>');
  });

  it('exits 2 with its usage without --port', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('usage:');
  });

  it('exits 1 with one sentence for a bad baud rate or card type', async () => {
    const baud = await run(['--port', '/nonexistent/ttyB', '--baud', 'fast']);
    expect(baud.code).toBe(1);
    expect(baud.stderr).toContain('--baud must be a positive integer');
    const card = await run(['--port', '/nonexistent/ttyB', '--card', 'passport']);
    expect(card.code).toBe(1);
    expect(card.stderr).toMatch(/^ga467 simulator: /);
  });
});
