/** Bridge area "idcard": the reader's status, the masked card summary, and sharing or wiping the held identity. */
import { z } from 'zod';
import { ConsentText } from '../case/consent';
import { ReaderReason } from '../idcard/reader-status';
import { CardType, Gender } from '../identity';
import { Locale } from './config';
import { empty } from './empty';
import type { EventSlice, InvokeSlice } from './spec';

/**
 * The ID-card reader's state; `reason` is a code (shared/src/idcard: ReaderReason lists them) and
 * `message` a sentence for technicians.
 */
export const ReaderStatus = z.object({
  state: z.enum(['online', 'offline', 'fault', 'disabled']),
  reason: ReaderReason.optional(),
  message: z.string().max(300).optional(),
});
export type ReaderStatus = z.infer<typeof ReaderStatus>;

/** Only what the screen needs from a card: never the full number, never the photo. */
export const CardSummary = z.object({
  cardType: CardType,
  name: z.string(),
  /** Surname for the greeting (李女士); empty for foreign names. */
  familyName: z.string(),
  /** The English name on foreigner cards, for greeting in English. */
  englishName: z.string().optional(),
  gender: Gender,
  age: z.number().int().nonnegative(),
  idNumberMasked: z.string(),
});
export type CardSummary = z.infer<typeof CardSummary>;

/** Invoke channels of the idcard area. */
export const idcardInvokes = {
  /** The reader's current status (events carry later changes). */
  'idcard:status': { request: empty, response: ReaderStatus },
  /** The card currently held in memory, if any. */
  'idcard:current': { request: empty, response: z.object({ card: CardSummary.nullable() }) },
  /**
   * The resident consented: the host sends the held identity to the server, attached to this
   * ticket, with the consent text the screen showed and its language (for the consent ledger).
   * The full number never passes through the renderer.
   */
  'identity:share': {
    request: z
      .object({ ticketId: z.string().min(1).max(64), consentText: ConsentText, locale: Locale })
      .strict(),
    response: z.object({ shared: z.boolean() }),
  },
  /** Forget the resident: wipe the card data held in memory. Called at session end and on reset. */
  'identity:wipe': { request: empty, response: empty },
} as const satisfies InvokeSlice;

/** Event channels of the idcard area. */
export const idcardEvents = {
  'idcard:status': ReaderStatus,
  'idcard:card': CardSummary,
  'idcard:removed': empty,
} as const satisfies EventSlice;
