import { describe, expect, it } from 'vitest';
import { caseBridgeEvents, caseInvokes } from './case';
import { configEvents, configInvokes } from './config';
import { bridgeEvents, bridgeInvokes } from './contract';
import { demoEvents, demoInvokes } from './demo';
import { idcardEvents, idcardInvokes } from './idcard';
import { serverBridgeEvents, serverInvokes } from './server';

const invokeSlices = [configInvokes, idcardInvokes, serverInvokes, caseInvokes, demoInvokes];
const eventSlices = [configEvents, idcardEvents, serverBridgeEvents, caseBridgeEvents, demoEvents];

describe('bridge contract', () => {
  // The merge spreads the slices: a channel named in two areas would silently lose one of them.
  it('names each channel in exactly one area', () => {
    const invokeNames = invokeSlices.flatMap((s) => Object.keys(s));
    const eventNames = eventSlices.flatMap((s) => Object.keys(s));
    expect(new Set(invokeNames).size).toBe(invokeNames.length);
    expect(new Set(eventNames).size).toBe(eventNames.length);
    expect(Object.keys(bridgeInvokes).sort()).toEqual([...invokeNames].sort());
    expect(Object.keys(bridgeEvents).sort()).toEqual([...eventNames].sort());
  });

  it('gives the renderer no field that could carry a server address or a credential', () => {
    const config = configInvokes['config:get'].response;
    expect(Object.keys(config.shape).sort()).toEqual(['demo', 'locale']);
    expect(config.safeParse({ locale: 'en', demo: false, kioskToken: 'x' }).success).toBe(false);
  });
});
