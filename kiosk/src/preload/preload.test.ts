import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcRenderer, resetElectronFakes } from '../main/electron-fake';
import { createPreloadBridge } from './bridge-api';

vi.mock('electron', () => import('../main/electron-fake'));

beforeEach(() => resetElectronFakes());

describe('preload bridge', () => {
  it('exposes exactly one global, kioskBridge, with invoke and on only', async () => {
    vi.resetModules();
    // After the reset, the mocked 'electron' and this import share one fresh fake instance.
    const fake = await import('../main/electron-fake');
    await import('./preload');
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['kioskBridge']);
    expect(Object.keys(fake.contextBridge.exposed.get('kioskBridge') as object).sort()).toEqual([
      'invoke',
      'on',
    ]);
  });

  it('invokes the contract channel and unwraps ok answers', async () => {
    ipcRenderer.answer = () => ({ ok: true, data: { shared: true } });
    const bridge = createPreloadBridge(ipcRenderer);
    expect(
      await bridge.invoke('identity:share', {
        ticketId: 't1',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
      }),
    ).toEqual({ shared: true });
    expect(ipcRenderer.invoked).toEqual([
      [
        'bridge:identity:share',
        { ticketId: 't1', consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' },
      ],
    ]);
  });

  it('turns failures into errors that carry the code, also in the message', async () => {
    ipcRenderer.answer = () => ({ ok: false, error: { code: 'NO_CARD', message: 'No card.' } });
    const bridge = createPreloadBridge(ipcRenderer);
    const err = await bridge
      .invoke('identity:share', {
        ticketId: 't1',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NO_CARD', message: 'NO_CARD: No card.' });
  });

  it('refuses bad channels and payloads before anything is sent', async () => {
    const bridge = createPreloadBridge(ipcRenderer);
    await expect(bridge.invoke('fs:read' as never, {} as never)).rejects.toMatchObject({
      code: 'BAD_CHANNEL',
    });
    await expect(
      bridge.invoke('identity:share', {
        ticketId: '',
        consentText: '把您的信息告诉工作人员吗？',
        locale: 'zh-CN',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_PAYLOAD',
    });
    expect(ipcRenderer.invoked).toEqual([]);
  });

  it('delivers only contract-valid events and unsubscribes', () => {
    const bridge = createPreloadBridge(ipcRenderer);
    const got: unknown[] = [];
    const off = bridge.on('idcard:status', (s) => got.push(s));
    ipcRenderer.emit('bridge-event:idcard:status', {}, { state: 'online' });
    ipcRenderer.emit('bridge-event:idcard:status', {}, { state: 'melting' });
    off();
    ipcRenderer.emit('bridge-event:idcard:status', {}, { state: 'offline' });
    expect(got).toEqual([{ state: 'online' }]);
  });
});
