/**
 * Test support for the case area's tests (imported by tests only): a resident with a real-looking
 * card, a session in progress with that identity consented, and helpers to read a member's latest
 * case state.
 */
import { idCheckDigit, type CaseState, type ResidentIdentity } from '@rvw/shared';
import { okData, SHARE_CONSENT_TEXT, shareIdentityOverHttp, type TestClient } from '../testing';
import type { KioskWithTicket, ServerUnderTest } from '../testing/hooks';

const first17 = '31010419480315802';
/** The resident's full ID number (a valid GB 11643 check digit). */
export const ID_NUMBER = first17 + idCheckDigit(first17)!;
/** Its first 17 digits: found in a file, they would give the number away too. */
export const ID_FIRST17 = first17;
/** The address on the card: never in clear in the store. */
export const ADDRESS = '上海市徐汇区漕溪北路八百八十八弄七号';
/** The consent text the kiosk shows before sharing the identity. */
export const SHARE_TEXT = SHARE_CONSENT_TEXT;

/** A resident of 78 with every attribute a card carries. */
export const RESIDENT: ResidentIdentity = {
  cardType: 'resident',
  name: '王秀英',
  gender: 'female',
  birthDate: '1948-03-15',
  idNumber: ID_NUMBER,
  idNumberValid: true,
  nation: '汉',
  address: ADDRESS,
  issuer: '上海市公安局徐汇分局',
  validFrom: '2015-06-01',
  validTo: 'long-term',
};

/** A session in progress: the kiosk consented and shared RESIDENT, and the agent accepted. */
export interface OpenVisit extends KioskWithTicket {
  sessionId: string;
}

/** Attaches `identity` to the kiosk's ticket through the kiosk's route. */
export async function shareIdentity(
  t: ServerUnderTest,
  kioskToken: string,
  ticketId: string,
  identity: ResidentIdentity = RESIDENT,
): Promise<void> {
  await shareIdentityOverHttp(t.url, kioskToken, ticketId, identity, SHARE_TEXT);
}

/** A kiosk with a ticket, the identity shared (unless `identity: null`), accepted by the agent. */
export async function openVisit(
  t: ServerUnderTest,
  opts: { identity?: ResidentIdentity | null } = {},
): Promise<OpenVisit> {
  const w = await t.kioskWithTicket();
  if (opts.identity !== null) await shareIdentity(t, w.k.token, w.ticket.id, opts.identity ?? RESIDENT);
  const opened = okData(await w.agent.request('ticket:accept', { ticketId: w.ticket.id }));
  return { ...w, sessionId: opened.session.id };
}

/** The first `case:state` of `caseId` at `revision` (or later) that `client` received after index `from`. */
export function stateAt(
  client: TestClient,
  caseId: string,
  match: (s: CaseState) => boolean,
  from = 0,
): Promise<CaseState> {
  return client.waitFor('case:state', (s) => s.caseId === caseId && match(s), { from });
}

/** The last `case:state` of a case the client received. */
export function lastState(client: TestClient, caseId: string): CaseState | undefined {
  return client
    .all('case:state')
    .filter((s) => s.caseId === caseId)
    .at(-1);
}

/** A small signature: two strokes on a 600x200 canvas. */
export const STROKES = {
  canvas: { width: 600, height: 200 },
  strokes: [
    {
      points: [
        { x: 10, y: 10, time: 1 },
        { x: 50, y: 60, time: 2 },
        { x: 90, y: 30, time: 3 },
      ],
    },
    {
      points: [
        { x: 120, y: 40, time: 4 },
        { x: 160, y: 90, time: 5 },
      ],
    },
  ],
};

/** The confirmation text the kiosk shows. */
export const CONFIRM_TEXT = '我已核对以上内容，确认无误。';
/** The signing text the kiosk shows. */
export const SIGN_TEXT = '我确认以上申请内容，并在此签名。';

/** The resident confirms `revision` of the case, as shown with `hash`, with CONFIRM_TEXT in zh-CN. */
export async function confirmForm(
  kiosk: TestClient,
  caseId: string,
  revision: number,
  hash: string,
): Promise<void> {
  okData(
    await kiosk.request('form:confirm', {
      caseId,
      revision,
      hash,
      consentText: CONFIRM_TEXT,
      locale: 'zh-CN',
    }),
  );
}

/** The resident signs `revision` of the case with STROKES and SIGN_TEXT (in zh-CN unless `locale`). */
export async function signForm(
  kiosk: TestClient,
  caseId: string,
  revision: number,
  hash: string,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<void> {
  okData(
    await kiosk.request('form:sign', {
      caseId,
      revision,
      hash,
      strokes: STROKES,
      consentText: SIGN_TEXT,
      locale,
    }),
  );
}

/**
 * The agent opens the long-term care assessment application and fills it (the applicant, a contact
 * and the visit address), and the resident confirms and signs it; resolves with the case's id and
 * the revision and hash signed.
 */
export async function signedAssessmentCase(
  agent: TestClient,
  kiosk: TestClient,
  sessionId: string,
): Promise<{ caseId: string; revision: number; hash: string }> {
  const { caseId } = okData(await agent.request('case:open', { sessionId, itemCode: 'ltci-assessment' }));
  let rev = 0;
  for (const [field, value] of [
    ['applicantRelation', 'self'],
    ['insuranceType', 'resident'],
    ['contactName', '王秀英'],
    ['contactPhone', '13812345678'],
    ['currentSetting', 'home'],
    ['visitAddress', '上海市徐汇区龙华西路三百弄十二号'],
  ] as const)
    rev = okData(await agent.request('form:revise', { caseId, field, value, baseRevision: rev })).revision;
  const hash = (await stateAt(kiosk, caseId, (s) => s.form.revision === rev)).form.hash;
  await confirmForm(kiosk, caseId, rev, hash);
  await signForm(kiosk, caseId, rev, hash);
  return { caseId, revision: rev, hash };
}
