import { describe, expect, it } from 'vitest';
import {
  AppError,
  AuthError,
  ErrorCode,
  ErrorCodeSchema,
  IdentityError,
  QueueError,
  RequestError,
  RvwError,
  SessionError,
  ackSchema,
} from '../errors';
import { AttachIdentityRequest, CreateAgentRequest, HttpError } from '../http';
import {
  ConnectRefusal,
  HandshakeAuth,
  SessionOpened,
  SignalData,
  clientEvents,
  serverEvents,
} from './index';

describe('client event schemas', () => {
  it('name who may send each event', () => {
    expect(Object.fromEntries(Object.entries(clientEvents).map(([k, v]) => [k, [...v.from]]))).toEqual({
      'ticket:request': ['kiosk'],
      'ticket:cancel': ['kiosk'],
      'ticket:accept': ['agent'],
      'ticket:accept-next': ['agent'],
      signal: ['kiosk', 'agent'],
      'session:end': ['kiosk', 'agent'],
      'call:prepare': ['agent'],
      'session:media-lost': ['agent'],
      'session:join': ['agent'],
      'session:take-over': ['agent'],
      'identity:reveal': ['agent'],
      // Only the serving agent changes a case; only the session's kiosk flags, confirms, signs, rates.
      'case:open': ['agent'],
      'form:revise': ['agent'],
      'form:reveal': ['agent'],
      'form:flag': ['kiosk'],
      'form:request-confirm': ['agent'],
      'form:confirm': ['kiosk'],
      'form:sign': ['kiosk'],
      'case:outcome': ['agent'],
      'case:abandon': ['agent'],
      'rating:submit': ['kiosk'],
      // The agent prints and asks for captures; the resident agrees on the kiosk, whose host reports.
      'print:request': ['agent'],
      'print:consent': ['kiosk'],
      'print:status': ['kiosk'],
      'material:request': ['agent'],
      'material:consent': ['kiosk'],
      'material:capture': ['agent'],
      'material:cancel': ['agent', 'kiosk'],
      // Issue 11: the agent's status, offers, transfers and the hand-over call between two agents.
      'agent:status': ['agent'],
      'offer:accept': ['agent'],
      'offer:decline': ['agent'],
      'transfer:start': ['agent'],
      'transfer:answer': ['agent'],
      'transfer:complete': ['agent'],
      'transfer:cancel': ['agent'],
      'consult:signal': ['agent'],
      // Issue 12: the fleet.
      'kiosk:heartbeat': ['kiosk'],
      'diagnostics:result': ['kiosk'],
      'call:setup': ['kiosk', 'agent'],
      'kiosk:credential-saved': ['kiosk'],
    });
  });

  it('accept well-formed payloads and refuse extra or missing fields', () => {
    expect(clientEvents['ticket:request'].payload.safeParse({}).success).toBe(true);
    expect(clientEvents['ticket:request'].payload.safeParse({ x: 1 }).success).toBe(false);
    expect(clientEvents['ticket:request'].payload.safeParse(undefined).success).toBe(false);
    expect(clientEvents['ticket:accept'].payload.safeParse({ ticketId: 't1' }).success).toBe(true);
    expect(clientEvents['ticket:accept'].payload.safeParse({ ticketId: '' }).success).toBe(false);
    expect(clientEvents['ticket:accept'].payload.safeParse({ ticketId: 'x'.repeat(65) }).success).toBe(false);
    expect(
      clientEvents['session:end'].payload.safeParse({ sessionId: 's', reason: 'r'.repeat(201) }).success,
    ).toBe(false);
  });

  it('bound simple-peer signals in shape and size', () => {
    const ok = [
      { type: 'offer', sdp: 'v=0' },
      { type: 'answer', sdp: 'v=0' },
      {
        type: 'candidate',
        candidate: { candidate: 'candidate:1 1 udp 1 1.2.3.4 9 typ host', sdpMid: '0', sdpMLineIndex: 0 },
      },
      { renegotiate: true },
      { type: 'transceiverRequest', transceiverRequest: { kind: 'video' } },
    ];
    for (const s of ok) expect(SignalData.safeParse(s).success).toBe(true);
    const bad = [
      { type: 'offer', sdp: 'x'.repeat(64_001) },
      { type: 'hack' },
      { sdp: 'v=0', extra: 1 },
      'offer',
      null,
    ];
    for (const s of bad) expect(SignalData.safeParse(s).success).toBe(false);
    expect(
      clientEvents.signal.payload.safeParse({ sessionId: 's', data: { type: 'offer', sdp: 'v=0' }, x: 1 })
        .success,
    ).toBe(false);
  });

  it('check the handshake', () => {
    expect(HandshakeAuth.safeParse({ kind: 'kiosk', token: 't' }).success).toBe(true);
    expect(HandshakeAuth.safeParse({ kind: 'agent', token: 't' }).success).toBe(true);
    expect(HandshakeAuth.safeParse({ kind: 'admin', token: 't' }).success).toBe(false);
    expect(HandshakeAuth.safeParse({ kind: 'kiosk', token: '' }).success).toBe(false);
    expect(HandshakeAuth.safeParse({ kind: 'kiosk', token: 'x'.repeat(257) }).success).toBe(false);
  });

  it('describe every server event', () => {
    expect(Object.keys(serverEvents).sort()).toEqual(
      [
        'agent:state',
        'agent:status',
        'auth:revoked',
        'consult:signal',
        'offer:gone',
        'offer:new',
        'session:transfer',
        'supervisor:update',
        'diagnostics:request',
        'fleet:update',
        'fleet:diagnostics',
        'kiosk:credential',
        'transfer:state',
        'case:documents',
        'case:state',
        'kiosk:state',
        'material:capture-now',
        'material:state',
        'print:offer',
        'print:state',
        'queue:update',
        'server:restarting',
        'session:ended',
        'session:entitlements',
        'session:moved',
        'session:identity',
        'session:member',
        'session:opened',
        'signal',
        'ticket:update',
      ].sort(),
    );
    const opened = {
      session: {
        id: 's',
        ticketId: 't',
        ticketNumber: 'A001',
        kiosk: { id: 'k', name: 'n', location: 'l', centreId: 'main', kind: 'fixed' },
        agent: { id: 'a', displayName: 'd' },
        startedAt: '2026-01-01T00:00:00.000Z',
        endedAt: null,
        endedBy: null,
      },
      iceServers: [],
      initiator: true,
    };
    expect(SessionOpened.safeParse(opened).success).toBe(true);
    expect(SessionOpened.safeParse({ ...opened, initiator: 'yes' }).success).toBe(false);
  });
});

describe('HTTP bodies', () => {
  it('require consent literally true for identity', () => {
    const identity = {
      cardType: 'resident',
      name: '王秀英',
      gender: 'female',
      birthDate: '1948-03-15',
      idNumber: '310106194803150021',
      idNumberValid: true,
    };
    const consentText = '我同意把身份证信息发给工作人员。';
    const ok = { ticketId: 't', consent: true, consentText, identity };
    expect(AttachIdentityRequest.safeParse(ok).success).toBe(true);
    expect(AttachIdentityRequest.safeParse({ ...ok, consent: false }).success).toBe(false);
    // The ledger keeps the text the resident was shown: a request without it is refused.
    expect(AttachIdentityRequest.safeParse({ ...ok, consentText: undefined }).success).toBe(false);
    expect(
      AttachIdentityRequest.safeParse({
        ...ok,
        identity: { ...identity, birthDate: '1948/3/15' },
      }).success,
    ).toBe(false);
  });

  it('restrict usernames and demand long passwords', () => {
    const base = { username: 'li.min', displayName: '李敏', password: '0123456789', role: 'agent' };
    expect(CreateAgentRequest.safeParse(base).success).toBe(true);
    expect(CreateAgentRequest.safeParse({ ...base, username: 'Li Min' }).success).toBe(false);
    expect(CreateAgentRequest.safeParse({ ...base, password: 'short' }).success).toBe(false);
    expect(CreateAgentRequest.safeParse({ ...base, role: 'root' }).success).toBe(false);
  });
});

describe('error codes on the wire', () => {
  it('are the registry’s codes, never free strings', () => {
    const ack = ackSchema(clientEvents['ticket:cancel'].ack);
    expect(ack.safeParse({ ok: true, data: {} }).success).toBe(true);
    expect(ack.safeParse({ ok: false, error: { code: 'TICKET_TAKEN', message: 'm' } }).success).toBe(true);
    expect(ack.safeParse({ ok: false, error: { code: 'SOMETHING_ELSE', message: 'm' } }).success).toBe(false);
    expect(ConnectRefusal.safeParse({ code: 'AUTH_MISSING', message: 'm' }).success).toBe(true);
    expect(ConnectRefusal.safeParse({ code: 'nope', message: 'm' }).success).toBe(false);
    expect(HttpError.safeParse({ error: { code: 'CONFLICT', message: 'm' } }).success).toBe(true);
    expect(HttpError.safeParse({ error: { code: 'conflict', message: 'm' } }).success).toBe(false);
  });

  it('come from one factory per area, each an AppError and an RvwError with a stable code', () => {
    const errors = [
      [QueueError.ticketTaken(), 'TICKET_TAKEN'],
      [QueueError.alreadyQueued(), 'ALREADY_QUEUED'],
      [AuthError.invalid(), 'AUTH_INVALID'],
      [AuthError.missing(), 'AUTH_MISSING'],
      [SessionError.notMember(), 'NOT_SESSION_MEMBER'],
      [IdentityError.noConsent(), 'NO_CONSENT'],
      [RequestError.badPayload('x'), 'BAD_PAYLOAD'],
    ] as const;
    for (const [err, code] of errors) {
      expect(err).toBeInstanceOf(AppError);
      expect(err).toBeInstanceOf(RvwError);
      expect(err.toWire()).toEqual({ code, message: err.message });
    }
    expect(Object.values(ErrorCode)).toEqual(ErrorCodeSchema.options);
  });
});
