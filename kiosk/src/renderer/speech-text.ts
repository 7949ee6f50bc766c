/**
 * What each screen says aloud, made only of sentences the screen shows (the same i18n keys), so
 * that speech cannot tell a different story from the screen. speech-text.test.tsx renders every
 * screen state and checks each spoken sentence is on it.
 */
import type { Locale } from '@rvw/shared';
import type { FlowState } from './flow/machine';
import { initialFlow, readerUsable } from './flow/machine';
import { greetingOf, t } from './i18n';
import { needLabel, NEED_CHOICES } from './screens/need-tiles';
import { estimateText, waitingParts } from './wait-text';
import { appointmentSpokenParts } from './screens/AppointmentMount';
import {
  callCaseParts,
  entitlementLines,
  outcomeParts,
  ratingParts,
  reviewParts,
  signParts,
} from './case/case-speech';

/** Nothing is said about the welcome screen until the reader and the server have told their state. */
export function welcomeKnown(flow: FlowState): boolean {
  // The start-up placeholder is replaced by the first reader-status the host sends.
  return flow.server !== 'unknown' && flow.reader !== initialFlow.reader;
}

/** The sentences read aloud for the state on screen, in order; each is shown on that screen. */
export function spokenParts(flow: FlowState, locale: Locale): string[] {
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    t(locale, key, params);
  switch (flow.screen) {
    case 'welcome': {
      const takeCard = flow.cardOnReader ? [tr('welcome.takeCard')] : [];
      if (flow.server === 'down')
        return [...takeCard, tr('welcome.serviceDown'), tr('welcome.serviceDownHint')];
      if (flow.server === 'restarting')
        return [...takeCard, tr('welcome.serviceRestarting'), tr('welcome.serviceRestartingHint')];
      if (!welcomeKnown(flow)) return takeCard;
      if (!readerUsable(flow.reader))
        return [...takeCard, tr('welcome.readerOffline'), tr('welcome.readerOfflineHint')];
      if (flow.cardOnReader)
        return [tr('welcome.takeCard'), tr('welcome.takeCardHint'), tr('welcome.callWithoutCard')];
      return [tr('welcome.placeCard'), tr('welcome.callWithoutCard')];
    }
    case 'greeting':
    case 'consent': {
      if (flow.idleNotice) return [tr('idle.notice')];
      if (flow.screen === 'consent') return [tr('consent.title'), tr('consent.question')];
      return flow.card ? [greetingOf(flow.card, locale), tr('greeting.confirm')] : [];
    }
    // The question, then every tile's words, so that a resident who cannot read them hears the choice.
    case 'need':
      if (flow.idleNotice) return [tr('idle.notice')];
      return [tr('need.title'), tr('need.hint'), ...NEED_CHOICES.map((need) => needLabel(need, locale))];
    // What was pressed (a tile is spoken when pressed), then the optional question.
    case 'disability':
      if (flow.idleNotice) return [tr('idle.notice')];
      return [
        ...(flow.need ? [tr('need.chosen', { need: needLabel(flow.need, locale) })] : []),
        tr('disability.question'),
        tr('disability.optional'),
        tr('disability.yesNote'),
      ];
    // The appointments helper's screens say what they show (mounted in screens/AppointmentMount).
    case 'appointment-found':
    case 'appointment-book':
      return flow.idleNotice ? [tr('idle.notice')] : appointmentSpokenParts(flow, locale);
    case 'transferring':
      return [tr('transfer.title'), tr('transfer.hint')];
    // Quiet while the check is quick; the screen's words once it is slow.
    case 'preparing':
      return flow.preparingSlow ? [tr('preparing.text')] : [];
    case 'no-video':
      return [tr('noVideo.title'), tr('noVideo.hint'), tr('noVideo.reassure')];
    case 'requesting':
      return flow.slowRequest ? [tr('requesting.slow')] : [tr('requesting.text')];
    case 'waiting':
      return flow.ticket
        ? [
            // A call the system ended: say first that the resident keeps their place (issue 8 #6).
            ...(flow.endedBy === 'system' ? [tr('waiting.callDropped')] : []),
            tr('waiting.yourNumber'),
            flow.ticket.ticket.number,
            ...waitingParts(flow, locale),
            // Next in line, their own picture, to sit in frame (issue 13), instead of "please wait".
            ...(flow.mirror ? [tr('waiting.mirror'), tr('waiting.mirrorPrivate')] : [tr('waiting.reassure')]),
            // Good news while they wait (免申即享): what they get without applying.
            ...(flow.entitlements.length
              ? [tr('entitlements.title'), ...entitlementLines(flow.entitlements, locale)]
              : []),
          ]
        : [];
    case 'call':
      if (flow.confirmHangUp) return [tr('hangUp.question')];
      return (
        callCaseParts(flow, locale) ?? [
          tr('call.agent', { name: flow.session?.session.agent.displayName ?? '' }),
        ]
      );
    case 'confirm':
      return reviewParts(flow, locale);
    case 'sign':
      return signParts(flow, locale);
    case 'outcome':
      return outcomeParts(flow, locale);
    case 'rating':
      return ratingParts(flow, locale);
    case 'thanks':
      return flow.visitHadCard && flow.cardOnReader
        ? [tr('thanks.title'), tr('thanks.takeCard')]
        : [tr('thanks.title')];
    case 'problem': {
      const queued = flow.problem === 'already-queued';
      return [
        tr(queued ? 'problem.alreadyQueued' : 'problem.server'),
        tr(queued ? 'problem.alreadyQueuedHint' : 'problem.serverHint'),
      ];
    }
  }
}

/** Parts read as one text: each a sentence, with the language's full stop between them. */
export function asSentences(parts: readonly string[], locale: Locale): string {
  const stop = locale === 'en' ? '. ' : '。';
  return parts.map((part) => part.replace(/[。.！？!?]$/u, '')).join(stop);
}

/** The spoken text: the parts as sentences. */
export function spokenText(flow: FlowState, locale: Locale): string {
  return asSentences(spokenParts(flow, locale), locale);
}

/**
 * When this changes the screen is spoken again: a new screen or language, a changed sentence
 * (reader state, place in the queue, a notice), or one more reminder to take the card. The wait's
 * minutes are not news by themselves (they move with every handled session): a wait is spoken again
 * when the place in the queue or the kind of estimate changes, not each time the number is revised.
 */
export function speechKey(flow: FlowState, locale: Locale): string {
  const estimate = flow.screen === 'waiting' && flow.ticket ? estimateText(flow.ticket, locale) : null;
  const text = spokenText(flow, locale);
  const meaning = estimate && flow.ticket?.estimate.kind === 'minutes' ? text.replace(estimate, '~') : text;
  return `${flow.screen}|${locale}|${flow.cardReminders}|${meaning}`;
}
