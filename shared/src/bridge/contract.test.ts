import { describe, expect, it } from 'vitest';
import { caseBridgeEvents, caseInvokes } from './case';
import { configEvents, configInvokes } from './config';
import { bridgeEvents, bridgeInvokes } from './contract';
import { demoEvents, demoInvokes } from './demo';
import { enrolmentInvokes, fleetBridgeEvents, fleetInvokes } from './fleet';
import { idcardEvents, idcardInvokes } from './idcard';
import { paperBridgeEvents, paperInvokes } from './paper';
import { routingBridgeEvents, routingInvokes } from './routing';
import { serverBridgeEvents, serverInvokes } from './server';

const invokeSlices = [
  configInvokes,
  idcardInvokes,
  serverInvokes,
  caseInvokes,
  paperInvokes,
  routingInvokes,
  fleetInvokes,
  enrolmentInvokes,
  demoInvokes,
];
const eventSlices = [
  configEvents,
  idcardEvents,
  serverBridgeEvents,
  caseBridgeEvents,
  paperBridgeEvents,
  routingBridgeEvents,
  fleetBridgeEvents,
  demoEvents,
];

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
    // documentCamera is a part of a camera's device label (at most 200 characters), nothing else;
    // profile is one of two words.
    expect(Object.keys(config.shape).sort()).toEqual(['demo', 'documentCamera', 'locale', 'profile']);
    expect(config.safeParse({ locale: 'en', demo: false, profile: 'https://x' }).success).toBe(false);
    expect(config.safeParse({ locale: 'en', demo: false, kioskToken: 'x' }).success).toBe(false);
    expect(config.safeParse({ locale: 'en', demo: false, documentCamera: 'x'.repeat(201) }).success).toBe(
      false,
    );
  });
});
