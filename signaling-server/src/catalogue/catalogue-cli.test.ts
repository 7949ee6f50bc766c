import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { DEFAULT_CATALOGUE_DIR } from './catalogue-loader';

const codes = readdirSync(DEFAULT_CATALOGUE_DIR)
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => n.replace(/\.yaml$/, ''));

function capture() {
  let out = '';
  let err = '';
  return {
    io: { env: {}, out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  };
}

describe('rvw-server catalogue', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rvw-catalogue-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('list --json prints every item with its fields and materials', async () => {
    const c = capture();
    expect(await runCli(['catalogue', 'list', '--json'], c.io)).toEqual({ exitCode: 0 });
    const items = JSON.parse(c.out()) as {
      code: string;
      form: { fields: unknown[] };
      materials: unknown[];
    }[];
    expect(items.map((i) => i.code).sort()).toEqual([...codes].sort());
    const ltc = items.find((i) => i.code === 'ltci-assessment')!;
    expect(ltc.form.fields.length).toBeGreaterThan(3);
    expect(ltc.materials.length).toBeGreaterThan(0);
    const plain = capture();
    expect(await runCli(['catalogue', 'list'], plain.io)).toEqual({ exitCode: 0 });
    expect(plain.out().trim().split('\n')).toHaveLength(codes.length);
    expect(plain.out()).toContain('长期护理保险需求评估申请');
  });

  it('check passes the repo folder with a one-line summary', async () => {
    const c = capture();
    expect(await runCli(['catalogue', 'check', DEFAULT_CATALOGUE_DIR], c.io)).toEqual({ exitCode: 0 });
    expect(c.out()).toMatch(
      new RegExp(`^.*catalogue: ${codes.length} items valid \\(\\d+ form fields\\), codes unique\\.\\n$`),
    );
  });

  it('check on a bad folder exits 65 with a sentence naming the file and the field', async () => {
    cpSync(join(DEFAULT_CATALOGUE_DIR, 'senior-allowance.yaml'), join(dir, 'senior-allowance.yaml'));
    const file = join(dir, 'senior-allowance.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("op: '>='", "op: 'at least'"));
    const c = capture();
    expect(await runCli(['catalogue', 'check', dir], c.io)).toEqual({ exitCode: 65 });
    expect(c.err()).toMatch(
      /senior-allowance\.yaml: eligibility\.when\[0\]\.op must be one of >=, >, <=, <, ==, !=\n/,
    );
    expect(c.err()).toMatch(/1 problem found; nothing was loaded\.\n$/);
    const listed = capture();
    expect(await runCli(['catalogue', 'list', '--dir', dir], listed.io)).toEqual({ exitCode: 65 });
    expect(listed.out()).toBe('');
  });

  it('check on a missing or empty folder exits 66; usage errors exit 64', async () => {
    const c = capture();
    expect(await runCli(['catalogue', 'check', join(dir, 'missing')], c.io)).toEqual({ exitCode: 66 });
    expect(await runCli(['catalogue', 'check', dir], c.io)).toEqual({ exitCode: 66 });
    expect(await runCli(['catalogue', 'check'], c.io)).toEqual({ exitCode: 64 });
    expect(await runCli(['catalogue'], c.io)).toEqual({ exitCode: 64 });
    expect(await runCli(['catalogue', 'list', '--jsno'], c.io)).toEqual({ exitCode: 64 });
  });

  it('runs as the installed rvw-server binary', async () => {
    const bin = fileURLToPath(new URL('../../bin/rvw-server.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'catalogue', 'list', '--json'], {
      cwd: dir,
    });
    expect((JSON.parse(stdout) as unknown[]).length).toBe(codes.length);
    const bad = await promisify(execFile)(process.execPath, [bin, 'catalogue', 'check', dir]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 66, stderr: expect.stringContaining('holds no .yaml item files') });
  });
});
