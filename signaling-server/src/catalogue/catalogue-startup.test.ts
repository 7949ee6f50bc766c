import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { DEFAULT_CATALOGUE_DIR } from './catalogue-loader';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-catalogue-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture(env: Record<string, string>) {
  let out = '';
  let err = '';
  return {
    io: {
      env: { RVW_DATA_DIR: join(dir, 'data'), RVW_PORT: '0', RVW_LOG_LEVEL: 'silent', ...env },
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
    },
    out: () => out,
    err: () => err,
  };
}

describe('serve with RVW_CATALOGUE_DIR', () => {
  it('a missing folder stops the start with exit 78 and the loader’s sentence, before any data is created', async () => {
    const missing = join(dir, 'no-catalogue');
    const c = capture({ RVW_CATALOGUE_DIR: missing });
    expect(await runCli(['serve'], c.io)).toEqual({ exitCode: 78 });
    expect(c.err()).toContain('RVW_CATALOGUE_DIR');
    expect(c.err()).toContain(`${missing}: the folder does not exist`);
    expect(c.err()).toContain('(CONFIG_INVALID)');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('a folder with a wrong item stops the start with exit 78 naming the file and the field', async () => {
    const bad = join(dir, 'catalogue');
    mkdirSync(bad);
    copyFileSync(
      join(DEFAULT_CATALOGUE_DIR, 'policy-consultation.yaml'),
      join(bad, 'policy-consultation.yaml'),
    );
    writeFileSync(
      join(bad, 'broken-item.yaml'),
      'code: broken-item\nversion: 1\nname: { zh: 坏, en: Broken }\ncategory: gardening\nskillGroup: general\nnextSteps: [{ zh: 无, en: None }]\n',
    );
    const c = capture({ RVW_CATALOGUE_DIR: bad });
    expect(await runCli(['serve'], c.io)).toEqual({ exitCode: 78 });
    expect(c.err()).toMatch(/broken-item\.yaml: category/);
  });

  it('a good folder starts the server with its items', async () => {
    const good = join(dir, 'catalogue');
    mkdirSync(good);
    copyFileSync(
      join(DEFAULT_CATALOGUE_DIR, 'policy-consultation.yaml'),
      join(good, 'policy-consultation.yaml'),
    );
    const c = capture({ RVW_CATALOGUE_DIR: good });
    const result = await runCli(['serve'], c.io);
    if (!('server' in result)) throw new Error(`expected a server, got ${c.err()}`);
    try {
      expect(result.server.catalogue.list().map((i) => i.code)).toEqual(['policy-consultation']);
    } finally {
      await result.server.close();
    }
  });
});
