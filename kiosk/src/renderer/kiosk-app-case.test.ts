/**
 * The resident's side of a case (issue 9), through the controller on the real stack: the real
 * signaling server with its catalogue, the real kiosk host (fake reader) and the web bridge. The
 * consented identity brings what the resident gets without applying; the agent opens a case and
 * fills it; the kiosk shows it, flags a field, walks through it, confirms and signs it; the agent
 * records 办不成; the kiosk tells the reason before the rating, and the rating is stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  adminApi,
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
} from '@rvw/signaling-server/testing';
import type { TestClient, TestServer } from '@rvw/signaling-server/testing';
import type { CaseState } from '@rvw/shared';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost } from '../host/kiosk-host';
import type { KioskHost } from '../host/kiosk-host';
import type { BrowserShell } from '../browser-shell/browser-shell';
import { startRendererStack, testKioskConfig, type RendererStack } from '../browser-shell/test-stack';
import { formPages } from './case/pages';
import { takesTaps } from './flow/machine';
import type { FlowState } from './flow/machine';
import { needAsked } from './flow/test-fixtures';
import type { KioskApp } from './kiosk-app';

const quiet = { info() {}, warn() {}, error() {} };
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 8000, interval: 10 });

describe("the resident's side of a case, on the real server", () => {
  let t: TestServer;
  let token: string;
  let agent: TestClient;
  let reader: FakeReader;
  let host: KioskHost;
  let web: BrowserShell;
  let bridge: RendererStack['bridge'];
  let app: KioskApp;

  beforeEach(async () => {
    t = await startTestServer();
    token = (await createTestKiosk(t.server)).token;
    agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    reader = new FakeReader();
    host = await bootKioskHost(testKioskConfig(t.url, token), { reader, logger: quiet });
    ({ web, bridge, app } = await startRendererStack(host, 'rvw-kiosk-case-'));
  });

  afterEach(async () => {
    app.stop();
    bridge.close();
    await web.close();
    await host.close();
    agent.close();
    await t.close();
  });

  const flow = (): FlowState => app.getSnapshot().flow;
  const settled = () => until(() => expect(takesTaps(flow())).toBe(true));
  const shown = (): CaseState => flow().cases.at(-1)!;

  it('entitlements while waiting; the form live, flagged, confirmed and signed; 办不成 told before the rating', async () => {
    await until(() => expect(app.getSnapshot().serverConnected).toBe(true));
    reader.place(sampleResidentCard);
    await until(() => expect(flow().screen).toBe('greeting'));
    app.send({ type: 'confirm-identity' });
    await settled();
    app.send({ type: 'consent', agree: true });
    // The tile "I don't know" and 否, each once its screen takes taps (the host then checks readiness).
    for (const event of needAsked.filter((e) => e.type !== 'readiness-checked')) {
      await until(() => expect(['need', 'disability']).toContain(flow().screen));
      await settled();
      app.send(event);
    }
    await until(() => expect(flow().identityShared).toBe(true));
    // 76 years old, resident card: the senior allowance comes without applying (免申即享).
    await until(() => expect(flow().entitlements.map((e) => e.itemCode)).toContain('senior-allowance'));
    expect(flow().screen).toBe('waiting');

    const ticketId = flow().ticket!.ticket.id;
    const { session } = okData(await agent.request('ticket:accept', { ticketId }));
    await until(() => expect(flow().screen).toBe('call'));
    const opened = okData(
      await agent.request('case:open', { sessionId: session.id, itemCode: 'ltci-assessment' }),
    );
    const caseId = opened.caseId;
    // Prefilled from the card; the number masked as the server sends it.
    await until(() => expect(flow().cases).toHaveLength(1));
    expect(shown().form.values.insuredName).toBe('李秀英');
    expect(shown().form.maskedFields).toContain('insuredIdNumber');
    expect(JSON.stringify(flow())).not.toContain(sampleResidentCard.idNumber);

    // The agent fills the rest; the kiosk follows to the page of the field just changed.
    const values: Array<[string, string]> = [
      ['applicantRelation', 'self'],
      ['insuranceType', 'employee'],
      ['contactName', '李明'],
      ['contactPhone', '13812345678'],
      ['currentSetting', 'home'],
    ];
    let revision = 0;
    for (const [field, value] of values)
      revision = okData(
        await agent.request('form:revise', { caseId, field, value, baseRevision: revision }),
      ).revision;
    await until(() => expect(shown().form.revision).toBe(revision));
    const pages = formPages(shown());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[flow().formPage]!.map((f) => f.id)).toContain('currentSetting');

    // "这一项不对" on the contact name: the agent sees the flag.
    app.send({ type: 'flag-field', caseId, field: 'contactName' });
    const flagged = await agent.waitFor('case:state', (s) =>
      s.form.flags.some((f) => f.field === 'contactName'),
    );
    expect(flagged.form.flags[0]).toMatchObject({ field: 'contactName', revision });
    revision = okData(
      await agent.request('form:revise', {
        caseId,
        field: 'contactName',
        value: '李强',
        baseRevision: revision,
      }),
    ).revision;
    await until(() => expect(shown().form.flags).toEqual([]));
    expect(flow().flagsSent).toEqual([]);

    // The agent asks for confirmation: the kiosk walks the resident through every page.
    okData(await agent.request('form:request-confirm', { caseId, revision }));
    await until(() => expect(flow().screen).toBe('confirm'));
    expect(flow().review).toMatchObject({ caseId, revision, page: 0 });
    for (let page = 1; page < pages.length; page++) {
      await settled();
      app.send({ type: 'review-page', page });
    }
    await settled();
    app.send({ type: 'review-confirm' });
    await until(() => expect(flow().screen).toBe('sign'));
    const confirmed = await agent.waitFor('case:state', (s) => s.form.confirmation?.revision === revision);
    expect(confirmed.form.confirmation?.hash).toBe(shown().form.hash);

    await settled();
    const strokes = {
      canvas: { width: 900, height: 320 },
      strokes: [
        {
          points: [
            { x: 20, y: 40, time: 1_700_000_000_000, pressure: 0.5 },
            { x: 120, y: 90, time: 1_700_000_000_016, pressure: 0.5 },
          ],
        },
      ],
    };
    app.send({ type: 'sign-submit', strokes });
    await until(() => expect(flow()).toMatchObject({ screen: 'call', formNotice: 'signed' }));
    await agent.waitFor('case:state', (s) => s.form.signature?.revision === revision);

    // 办不成, with why and what next; then the agent ends the session.
    const reason = '需要先办理医保参保登记';
    const nextStep = '请带身份证到社区事务受理服务中心办理参保';
    okData(
      await agent.request('case:outcome', { caseId, record: { outcome: 'not-done', reason, nextStep } }),
    );
    await until(() => expect(shown().outcome?.outcome).toBe('not-done'));
    okData(await agent.request('session:end', { sessionId: session.id }));
    await until(() => expect(flow().screen).toBe('outcome'));
    await settled();
    app.send({ type: 'outcome-seen' });
    expect(flow().screen).toBe('rating');

    // A low rating asks for reasons first; then it is stored with the session's cases.
    await settled();
    app.send({ type: 'rate', level: 'dissatisfied' });
    await settled();
    app.send({ type: 'toggle-reason', reason: 'not-solved' });
    app.send({ type: 'staff-note', text: '居民希望当天办完' });
    app.send({ type: 'rating-submit' });
    expect(flow().screen).toBe('thanks');
    const admin = await adminApi(t.server);
    await until(async () =>
      expect((await admin.getCase({ params: { caseId } })).rating).toMatchObject({
        rated: true,
        level: 'dissatisfied',
        reasons: ['not-solved'],
        staffNote: '居民希望当天办完',
      }),
    );
    const consents = (await admin.caseConsents({ params: { caseId } })).entries.map((e) => e.kind);
    expect(consents).toEqual(expect.arrayContaining(['share-identity', 'confirm-form', 'sign-form']));
  });
});
