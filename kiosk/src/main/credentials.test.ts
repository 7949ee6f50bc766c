// The main process decides the credential's cipher: safeStorage where it protects the token (on
// Linux only with a real secret store), else a plain 0600 file; the host then loads it at start.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootKioskHost } from '../host/kiosk-host';
import { credentialCipher, kioskCredentialStore } from './credentials';
import { resetElectronFakes, safeStorage } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const TOKEN = 'kt_0123456789abcdef0123456789';
let dir: string;
beforeEach(() => {
  resetElectronFakes();
  dir = mkdtempSync(join(tmpdir(), 'rvw-main-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('credentialCipher', () => {
  it('uses safeStorage when encryption is available (Linux: a real backend; Windows, macOS: any)', () => {
    expect(credentialCipher(safeStorage, 'linux')).toBeDefined();
    safeStorage.backend = 'kwallet5';
    expect(credentialCipher(safeStorage, 'linux')).toBeDefined();
    safeStorage.backend = 'basic_text';
    expect(credentialCipher(safeStorage, 'linux')).toBeUndefined();
    expect(credentialCipher(safeStorage, 'win32')).toBeDefined();
    safeStorage.available = false;
    expect(credentialCipher(safeStorage, 'win32')).toBeUndefined();
    expect(credentialCipher(safeStorage, 'linux')).toBeUndefined();
  });
});

describe('kioskCredentialStore', () => {
  it('with safeStorage: the data folder holds only ciphertext, 0600', async () => {
    const { store, encrypted } = kioskCredentialStore({ RVW_KIOSK_DATA_DIR: dir }, safeStorage, 'linux');
    expect(encrypted).toBe(true);
    await store.save(TOKEN);
    expect(safeStorage.encrypted).toBe(1);
    expect(readdirSync(dir)).toEqual(['kiosk-credential.enc']);
    expect(readFileSync(join(dir, 'kiosk-credential.enc'), 'utf8')).not.toContain(TOKEN);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(await store.load()).toBe(TOKEN);
  });

  it('without a protecting backend: a plain file of mode 0600', async () => {
    safeStorage.backend = 'basic_text';
    const { store, encrypted } = kioskCredentialStore({ RVW_KIOSK_DATA_DIR: dir }, safeStorage, 'linux');
    expect(encrypted).toBe(false);
    await store.save(TOKEN);
    expect(safeStorage.encrypted).toBe(0);
    expect(readFileSync(join(dir, 'kiosk-credential'), 'utf8').trim()).toBe(TOKEN);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('the host boots with the stored, encrypted token when none is configured', async () => {
    const { store } = kioskCredentialStore({ RVW_KIOSK_DATA_DIR: dir }, safeStorage, 'linux');
    await store.save(TOKEN);
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const config = {
      serverUrl: 'http://127.0.0.1:9',
      kioskToken: '',
      locale: 'zh-CN' as const,
      idcard: null,
      demo: false,
      demoSimControl: null,
      fullscreen: false,
      printer: { name: null, cupsUrl: 'http://127.0.0.1:9', none: true },
    };
    const host = await bootKioskHost(config, { reader: null, logger: quiet, credentials: store });
    expect(await host.handlers['enrolment:state']({})).toMatchObject({ enrolled: true });
    await host.close();
    const none = await bootKioskHost(config, {
      reader: null,
      logger: quiet,
      credentials: kioskCredentialStore({ RVW_KIOSK_DATA_DIR: join(dir, 'empty') }, safeStorage, 'linux')
        .store,
    });
    expect(await none.handlers['enrolment:state']({})).toMatchObject({ enrolled: false });
    await none.close();
  });
});
