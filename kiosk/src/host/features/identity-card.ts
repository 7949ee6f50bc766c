/**
 * Feature "identity card": the reader service, the last card read (in memory only: never on disk,
 * never logged, never whole to the renderer) and, after the resident consents, the upload of the
 * identity to the server attached to the ticket.
 */
import { BridgeError, ReaderStatusReason } from '@rvw/shared';
import type { idcardInvokes, Locale, ReaderStatus, ResidentIdentity } from '@rvw/shared';
import type { CardRead, IdCard, ReaderService } from '../../devices/idcard/types';
import { summarizeCard, toResidentIdentity } from '../card-summary';
import type { HostContext, HostFeature } from '../feature';

/** The consent the resident gave: the text the screen showed, in its language (for the ledger). */
export interface ShownConsent {
  text: string;
  locale: Locale;
}

/** Sends a consented identity to the server; throws a coded BridgeError when it cannot. */
export type IdentityUpload = (
  ticketId: string,
  identity: ResidentIdentity,
  consent: ShownConsent,
) => Promise<void>;

const DISABLED: ReaderStatus = {
  state: 'disabled',
  reason: ReaderStatusReason.NoPort,
  message: 'No ID-card reader port is configured (RVW_IDCARD_PORT).',
};

/** The idcard slice, plus the held card for the host's other features (appointments, issue 11). */
export interface IdentityCardFeature extends HostFeature<typeof idcardInvokes> {
  /** The card held now: the same object until the next read, a wipe or close. */
  heldCard(): IdCard | null;
}

/** Starts `reader` (in the background: a failing reader reports 'fault') and answers the idcard slice. */
export function identityCardFeature(
  ctx: HostContext,
  reader: ReaderService | null,
  upload: IdentityUpload,
): IdentityCardFeature {
  const { logger, emit } = ctx;
  // The one place the full card lives. Replaced by each new read, cleared by wipe and close.
  let held: IdCard | null = null;
  let closed = false;
  let status: ReaderStatus = reader ? reader.status : DISABLED;

  const onCard = (read: CardRead): void => {
    if (closed) return;
    held = read.card;
    logger.info(`idcard: card read (${read.card.cardType})`);
    emit('idcard:card', summarizeCard(read.card, ctx.now()));
  };
  const onRemoved = (): void => {
    if (closed) return;
    // The card stays held: the resident may take it back before the identity is shared.
    emit('idcard:removed', {});
  };
  const onStatus = (next: ReaderStatus): void => {
    if (closed) return;
    status = next;
    logger.info(`idcard: reader ${next.state}${next.reason ? ` (${next.reason})` : ''}`);
    emit('idcard:status', next);
  };

  if (reader) {
    reader.on('card', onCard);
    reader.on('removed', onRemoved);
    reader.on('status', onStatus);
    reader.start().catch((err: unknown) => {
      onStatus({
        state: 'fault',
        reason: ReaderStatusReason.StartFailed,
        message: `The reader could not be started: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`,
      });
    });
  }

  return {
    heldCard: () => held,
    handlers: {
      'idcard:status': async () => status,
      'idcard:current': async () => {
        const card = held;
        if (!card) return { card: null };
        // A (re)starting screen must not greet whoever stood here before: the reader must still
        // hold the card. If it does not, the card is wiped, so a stale screen cannot share it either.
        const present = reader ? await reader.confirmCard().catch(() => false) : false;
        if (!present && held === card) {
          held = null;
          logger.info('idcard: the held card is no longer on the reader; wiped');
        }
        return { card: held ? summarizeCard(held, ctx.now()) : null };
      },
      'identity:share': async ({ ticketId, consentText, locale }) => {
        const card = held;
        if (!card) throw BridgeError.noCard();
        await upload(ticketId, toResidentIdentity(card), { text: consentText, locale });
        logger.info('identity:share: identity attached to the ticket');
        return { shared: true };
      },
      'identity:wipe': async () => {
        held = null;
        return {};
      },
    },
    async close() {
      closed = true;
      held = null;
      if (reader) {
        reader.off('card', onCard);
        reader.off('removed', onRemoved);
        reader.off('status', onStatus);
        await reader.stop().catch(() => undefined);
      }
    },
  };
}
