/**
 * The identity-card feature's rule for a (re)starting renderer: `idcard:current` hands out the held
 * card only after the reader confirms that the card is still on it; otherwise the card is wiped, so
 * that a reloaded screen never greets the previous resident.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeEventChannel, idcardInvokes } from '@rvw/shared';
import type { KioskConfig } from '../config';
import { FakeReader, sampleResidentCard } from '../fake-reader';
import type { HostContext, HostFeature } from '../feature';
import { identityCardFeature } from './identity-card';
import type { IdentityUpload } from './identity-card';

const shown = { consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' as const };

describe('identity card: a renderer start greets only a card still on the reader', () => {
  let reader: FakeReader;
  let feature: HostFeature<typeof idcardInvokes>;
  let uploads: string[];
  let logs: string[];
  let events: BridgeEventChannel[];

  beforeEach(async () => {
    reader = new FakeReader();
    uploads = [];
    logs = [];
    events = [];
    const log = (m: string) => void logs.push(m);
    const ctx: HostContext = {
      config: {} as KioskConfig,
      logger: { info: log, warn: log, error: log },
      emit: (channel) => void events.push(channel),
      now: () => new Date('2026-01-01T00:00:00Z'),
      fetch,
      httpTimeoutMs: 1000,
    };
    const upload: IdentityUpload = async (ticketId) => void uploads.push(ticketId);
    feature = identityCardFeature(ctx, reader, upload);
    await Promise.resolve();
  });
  afterEach(async () => {
    await feature.close();
  });

  it('gives the held card while it lies on the reader', async () => {
    reader.place(sampleResidentCard);
    expect((await feature.handlers['idcard:current']({})).card?.name).toBe('李秀英');
    // Asking again changes nothing while the card stays.
    expect((await feature.handlers['idcard:current']({})).card?.name).toBe('李秀英');
  });

  it('wipes the held card once it was taken away (page closed, card lifted, page reopened)', async () => {
    reader.place(sampleResidentCard);
    // The page is gone: nobody hears 'removed'.
    reader.remove();
    expect(await feature.handlers['idcard:current']({})).toEqual({ card: null });
    // Tapping through on a stale screen cannot send that identity either.
    await expect(feature.handlers['identity:share']({ ticketId: 't-1', ...shown })).rejects.toMatchObject({
      code: 'NO_CARD',
    });
    expect(uploads).toEqual([]);
  });

  it('asks the reader itself: a card lifted before the service noticed is not greeted', async () => {
    reader.place(sampleResidentCard);
    reader.liftUnnoticed();
    expect(await feature.handlers['idcard:current']({})).toEqual({ card: null });
    await expect(feature.handlers['identity:share']({ ticketId: 't-1', ...shown })).rejects.toMatchObject({
      code: 'NO_CARD',
    });
  });

  it('does not vouch for a card while the reader is away', async () => {
    reader.place(sampleResidentCard);
    reader.setHung(true);
    expect(await feature.handlers['idcard:current']({})).toEqual({ card: null });
  });

  it('keeps honouring consent on a screen that stayed up after the card was lifted', async () => {
    reader.place(sampleResidentCard);
    reader.remove();
    expect(await feature.handlers['identity:share']({ ticketId: 't-2', ...shown })).toEqual({ shared: true });
    expect(uploads).toEqual(['t-2']);
  });
});
