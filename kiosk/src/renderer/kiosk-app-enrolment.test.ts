/**
 * The enrolment gate on the real stack (issue 12 #1): the real signaling server, the real kiosk host
 * with no token (its credential store in a temporary folder) and the web bridge. The first-run
 * screen shows, a real code is redeemed, the kiosk stands where the code said and goes on to
 * welcome, connected; revoked at the centre, it shows "此设备需要重新登记" with nothing of the visit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normaliseEnrolmentCode, type HttpClient, type httpRoutes } from '@rvw/shared';
import { adminApi, startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { FakePrinterDriver } from '../devices/printer';
import { startRendererStack, testKioskConfig, type RendererStack } from '../browser-shell/test-stack';
import { fileCredentialStore } from '../host/credential-store';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost, type KioskHost } from '../host/kiosk-host';

const quiet = { info() {}, warn() {}, error() {} };
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });

describe('the enrolment gate against the real server, through the real host', () => {
  let t: TestServer;
  let admin: HttpClient<typeof httpRoutes>;
  let dir: string;
  let host: KioskHost | null = null;
  let stack: RendererStack | null = null;
  let reader: FakeReader;

  beforeEach(async () => {
    t = await startTestServer();
    admin = await adminApi(t.server);
    dir = mkdtempSync(join(tmpdir(), 'rvw-renderer-enrol-'));
    reader = new FakeReader();
  });
  afterEach(async () => {
    stack?.app.stop();
    stack?.bridge.close();
    await stack?.web.close();
    await host?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('first run -> a real code redeemed -> where it stands -> welcome, connected -> revoked: needs enrolling again', async () => {
    host = await bootKioskHost(testKioskConfig(t.url, ''), {
      reader,
      logger: quiet,
      credentials: fileCredentialStore(dir),
      printerDriver: new FakePrinterDriver(),
    });
    stack = await startRendererStack(host, 'rvw-renderer-enrol-');
    const app = stack.app;
    await until(() => expect(app.getSnapshot().enrolment.screen).toBe('enrol'));

    const { code } = await admin.createEnrolmentCode({ body: { location: '天平路 居委会', name: '一号机' } });
    // Typed in small letters with spaces, as the field accepts it; normalised before it is sent.
    await app.enrolment.redeem(normaliseEnrolmentCode(code.toLowerCase().replace(/-/g, ' '))!);
    expect(app.getSnapshot().enrolment).toMatchObject({
      screen: 'enrolled',
      kiosk: { name: '一号机', location: '天平路 居委会' },
    });
    app.enrolment.finish();
    expect(app.getSnapshot().enrolment.screen).toBeNull();
    await until(() => expect(app.getSnapshot().serverConnected).toBe(true));
    expect(app.getSnapshot().flow.screen).toBe('welcome');

    // A resident is greeted; then the centre revokes the kiosk.
    reader.place(sampleResidentCard);
    await until(() => expect(app.getSnapshot().flow.screen).toBe('greeting'));
    const kiosk = (await admin.listKiosks({})).kiosks.find((k) => k.name === '一号机')!;
    await admin.revokeKiosk({ params: { kioskId: kiosk.id } });
    await until(() => expect(app.getSnapshot().enrolment.screen).toBe('re-enrol'));
    expect(app.getSnapshot().flow).toMatchObject({ screen: 'welcome', card: null, consented: false });
  });
});
