/**
 * The document camera: the agent asks, the resident agrees (a ledger entry), capture reaches the
 * kiosk only after consent, and the kiosk's upload is checked (type, first bytes, dimensions, size)
 * before it is stored encrypted; a refused upload leaves the request ready for another picture and
 * the session going on. Views are recorded; the image is removed with the case's identity data.
 */
import { describe, expect, it } from 'vitest';
import {
  createHttpClient,
  httpRoutes,
  MATERIAL_MAX_BYTES,
  type Ack,
  type HttpClientError,
} from '@rvw/shared';
import { openVisit, type OpenVisit } from '../cases/case-test-support';
import { CAPTURE_CONSENT_TEXT, tinyPng } from '../documents/paper-test-support';
import { adminApi, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

let offsetMs = 0;
const t = useTestServer({ clock: () => new Date(Date.now() + offsetMs), caseIdentityRetentionDays: 30 });

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code);
const httpCode = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: HttpClientError) => e.code,
  );

/** A visit with a consultation case open and a capture request of it. */
async function asked(v: OpenVisit, label = '户口簿本人页') {
  const c = okData(
    await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'policy-consultation' }),
  );
  const { request } = okData(
    await v.agent.request('material:request', { sessionId: v.sessionId, caseId: c.caseId, label }),
  );
  return { caseId: c.caseId, request };
}

const consent = (requestId: string, accepted = true) => ({
  requestId,
  accepted,
  consentText: CAPTURE_CONSENT_TEXT,
  locale: 'zh-CN' as const,
});

describe('materials', () => {
  it('captures after consent, checks the upload, stores it and records every view', async () => {
    offsetMs = 0;
    const v = await openVisit(t);
    const { caseId, request } = await asked(v);
    expect(request.state).toBe('asked');
    await v.kiosk.waitFor('material:state', (r) => r.requestId === request.requestId && r.state === 'asked');
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: v.k.token });
    const upload = (body: Uint8Array, contentType = 'image/png') =>
      api.uploadMaterial({ params: { requestId: request.requestId }, body, contentType });

    expect(code(await v.agent.request('material:capture', { requestId: request.requestId }))).toBe(
      'WRONG_STATE',
    );
    expect(await httpCode(upload(tinyPng()))).toBe('WRONG_STATE');
    expect(okData(await v.kiosk.request('material:consent', consent(request.requestId))).request.state).toBe(
      'consented',
    );
    const admin = await adminApi(t.server);
    const { entries } = await admin.caseConsents({ params: { caseId } });
    expect(entries.filter((e) => e.kind === 'capture-material')).toEqual([
      expect.objectContaining({ caseId, text: CAPTURE_CONSENT_TEXT }),
    ]);
    okData(await v.agent.request('material:capture', { requestId: request.requestId }));
    expect(await v.kiosk.waitFor('material:capture-now')).toEqual({ requestId: request.requestId });

    // Refusals, each with its code; the request stays consented.
    expect(await httpCode(upload(tinyPng(), 'image/gif'))).toBe('UNSUPPORTED_MEDIA');
    expect(await httpCode(upload(tinyPng(), 'image/jpeg'))).toBe('UNSUPPORTED_MEDIA');
    expect(await httpCode(upload(Buffer.from('GIF89a not an image')))).toBe('UNSUPPORTED_MEDIA');
    expect(await httpCode(upload(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]), 'image/jpeg'))).toBe(
      'UNSUPPORTED_MEDIA',
    );
    expect(await httpCode(upload(tinyPng(7000, 2)))).toBe('UNSUPPORTED_MEDIA');
    expect(await httpCode(upload(Buffer.alloc(MATERIAL_MAX_BYTES + 1, 0x89)))).toBe('PAYLOAD_TOO_LARGE');
    // The session goes on.
    okData(await v.kiosk.request('material:consent', consent(request.requestId)));

    const png = tinyPng(40, 30);
    const { material } = await upload(png);
    expect(material).toMatchObject({
      caseId,
      label: '户口簿本人页',
      mime: 'image/png',
      width: 40,
      height: 30,
    });
    for (const c of [v.agent, v.kiosk])
      expect(
        await c.waitFor('material:state', (r) => r.requestId === request.requestId && r.state === 'captured'),
      ).toMatchObject({ materialId: material.materialId });
    expect(await httpCode(upload(png))).toBe('WRONG_STATE');

    expect((await admin.listCaseMaterials({ params: { caseId } })).materials).toEqual([material]);
    const agentApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: v.a.token });
    const image = await agentApi.materialImage({ params: { materialId: material.materialId } });
    expect(Buffer.from(image).equals(png)).toBe(true);
    const { reads } = await admin.caseReads({ params: { caseId } });
    expect(reads.map((r) => r.what)).toContain(`material:view ${material.materialId}`);

    // The image leaves with the case's identity data; the row stays.
    okData(await v.agent.request('case:outcome', { caseId, record: { outcome: 'consultation' } }));
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    offsetMs = 31 * 86_400_000;
    await t.server.retention.runOnce();
    offsetMs = 0;
    expect(await httpCode(admin.materialImage({ params: { materialId: material.materialId } }))).toBe(
      'NOT_FOUND',
    );
    expect((await admin.listCaseMaterials({ params: { caseId } })).materials).toEqual([material]);
  });

  it('refuses other kiosks and agents, a declined or cancelled request, and a case of another session', async () => {
    offsetMs = 0;
    const v = await openVisit(t);
    const w = await openVisit(t);
    const { request } = await asked(v);
    const other = createHttpClient(httpRoutes, { baseUrl: t.url, token: w.k.token });
    expect(code(await w.kiosk.request('material:consent', consent(request.requestId)))).toBe(
      'NOT_SESSION_MEMBER',
    );
    expect(code(await w.agent.request('material:capture', { requestId: request.requestId }))).toBe(
      'NOT_SESSION_MEMBER',
    );
    okData(await v.kiosk.request('material:consent', consent(request.requestId)));
    expect(
      await httpCode(
        other.uploadMaterial({
          params: { requestId: request.requestId },
          body: tinyPng(),
          contentType: 'image/png',
        }),
      ),
    ).toBe('NOT_FOUND');

    const wCase = okData(
      await w.agent.request('case:open', { sessionId: w.sessionId, itemCode: 'policy-consultation' }),
    );
    const foreignCase = await v.agent.request('material:request', {
      sessionId: v.sessionId,
      caseId: wCase.caseId,
      label: '残疾人证',
    });
    expect(code(foreignCase)).toBe('NOT_FOUND');

    const no = await asked(v, '残疾人证');
    expect(
      okData(await v.kiosk.request('material:consent', consent(no.request.requestId, false))).request.state,
    ).toBe('declined');
    expect(code(await v.agent.request('material:capture', { requestId: no.request.requestId }))).toBe(
      'WRONG_STATE',
    );
    const cancelled = okData(
      await v.agent.request('material:cancel', { requestId: request.requestId }),
    ).request;
    expect(cancelled.state).toBe('cancelled');
    await v.kiosk.waitFor(
      'material:state',
      (r) => r.requestId === request.requestId && r.state === 'cancelled',
    );
    // Cancelling again, or consenting late, answers the request as it is.
    expect(
      okData(await v.kiosk.request('material:cancel', { requestId: request.requestId })).request.state,
    ).toBe('cancelled');
    expect(okData(await v.kiosk.request('material:consent', consent(request.requestId))).request.state).toBe(
      'cancelled',
    );
  });
});
