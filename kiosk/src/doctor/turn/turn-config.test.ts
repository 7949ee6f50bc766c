/** Which TURN server kiosk-doctor checks: --turn and its credentials, else RVW_ICE_SERVERS. */
import { describe, expect, it } from 'vitest';
import { DoctorUsageError } from '../check';
import { parseTurnUrl, turnConfig, turnFromIceServers } from './turn-config';

describe('TURN configuration', () => {
  it('parses turn: URLs: default port 3478 and udp, ?transport=tcp, IPv6 in brackets', () => {
    expect(parseTurnUrl('turn:turn.example')).toEqual({ host: 'turn.example', port: 3478, transport: 'udp' });
    expect(parseTurnUrl('turn:10.0.0.5:5349?transport=tcp')).toEqual({
      host: '10.0.0.5',
      port: 5349,
      transport: 'tcp',
    });
    expect(parseTurnUrl('turn:[::1]:3479')).toEqual({ host: '::1', port: 3479, transport: 'udp' });
  });

  it('refuses what it cannot check, naming the option', () => {
    expect(() => parseTurnUrl('stun:x:3478')).toThrow(DoctorUsageError);
    expect(() => parseTurnUrl('turns:x:5349')).toThrow(/turns: over TLS is not checked/);
    expect(() => parseTurnUrl('turn:x:70000')).toThrow(/port must be 1-65535/);
    expect(() => parseTurnUrl('turn:x?transport=sctp')).toThrow(/--turn must look like/);
  });

  it('takes the first turn: URL of RVW_ICE_SERVERS with its credentials', () => {
    const json = JSON.stringify([
      { urls: 'stun:stun.example:3478' },
      {
        urls: ['turns:t.example:5349', 'turn:t.example:3478?transport=tcp'],
        username: 'kiosk',
        credential: 's3cret',
      },
    ]);
    expect(turnFromIceServers(json)).toEqual({
      url: 'turn:t.example:3478?transport=tcp',
      target: { host: 't.example', port: 3478, transport: 'tcp' },
      username: 'kiosk',
      credential: 's3cret',
    });
    expect(turnFromIceServers('[{"urls":"stun:s:3478"}]')).toBeNull();
    expect(() => turnFromIceServers('{"urls":1}')).toThrow(/RVW_ICE_SERVERS must be a JSON list/);
  });

  it('--turn wins over the environment; --turn-username/--turn-credential override its credentials', () => {
    const env = { RVW_ICE_SERVERS: '[{"urls":"turn:env.example","username":"a","credential":"b"}]' };
    expect(turnConfig({}, env)).toMatchObject({ url: 'turn:env.example', username: 'a', credential: 'b' });
    expect(turnConfig({ 'turn-credential': 'c' }, env)).toMatchObject({ username: 'a', credential: 'c' });
    expect(
      turnConfig({ turn: 'turn:cli.example:1', 'turn-username': 'u', 'turn-credential': 'p' }, env),
    ).toEqual({
      url: 'turn:cli.example:1',
      target: { host: 'cli.example', port: 1, transport: 'udp' },
      username: 'u',
      credential: 'p',
    });
    expect(turnConfig({}, {})).toBeNull();
    expect(() => turnConfig({ 'turn-username': 'u' }, {})).toThrow(/need --turn/);
  });
});
