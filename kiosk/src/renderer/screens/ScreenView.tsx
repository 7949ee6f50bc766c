/**
 * The screen for a flow state: picks the screen component, gives it its words and readiness, and
 * turns its taps into flow events. App renders it with the controller; the speech test renders it
 * alone to compare what is shown with what is spoken.
 */
import type { KioskView, Locale } from '@rvw/shared';
import type { FlowEvent, FlowState } from '../flow/machine';
import { canBook, readerUsable, takesTaps } from '../flow/machine';
import { cardLeft } from '../flow/card-reminder';
import { greetingOf, t } from '../i18n';
import type { MessageKey } from '../i18n';
import { estimateText, noEstimate, positionText } from '../wait-text';
import { speak } from '../speech';
import { CallFormScreen } from '../case/CallFormScreen';
import { caseInView, showsCaseForm } from '../case/case-view';
import { outcomeNotices } from '../case/cases';
import { OutcomeScreen } from '../case/OutcomeScreen';
import { RatingScreen } from '../case/RatingScreen';
import { ReviewScreen } from '../case/ReviewScreen';
import { SignScreen } from '../case/SignScreen';
import { AppointmentMount } from './AppointmentMount';
import { CallScreen } from './CallScreen';
import { ConsentScreen } from './ConsentScreen';
import { DisabilityScreen } from './DisabilityScreen';
import { GreetingScreen } from './GreetingScreen';
import { HangUpConfirm } from './HangUpConfirm';
import { IdleNotice } from './IdleNotice';
import { needLabel } from './need-tiles';
import { NeedScreen } from './NeedScreen';
import { ProblemScreen, RequestingScreen } from './NoticeScreens';
import { NoVideoScreen, PreparingScreen } from './ReadinessScreens';
import { ThanksScreen } from './ThanksScreen';
import { TransferringScreen } from './TransferringScreen';
import { WaitingScreen } from './WaitingScreen';
import { WelcomeScreen } from './WelcomeScreen';

/** The state, the language, where taps go, and the page's view. */
export interface ScreenViewProps {
  flow: FlowState;
  locale: Locale;
  send: (event: FlowEvent) => void;
  /** The page's view (layout/): `touch` on the dual-screen machine's touch screen; default `both`. */
  view?: KioskView;
  /** The door-to-door machine (上门办): the reader is a box beside the laptop; default false. */
  portable?: boolean;
  /** The resident's own picture while next in line (the waiting screen's mirror); default none. */
  mirror?: MediaStream | null;
}

/** One screen of the journey; the call's video is placed by the layout (App), not here. */
export function ScreenView({
  flow,
  locale,
  send,
  view = 'both',
  portable = false,
  mirror = null,
}: ScreenViewProps) {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const ready = takesTaps(flow);
  const say = (text: string) => speak(text, locale);
  switch (flow.screen) {
    case 'welcome':
      return (
        <WelcomeScreen
          readerUsable={readerUsable(flow.reader)}
          server={flow.server}
          cardLeft={cardLeft(flow)}
          portable={portable}
          ready={ready}
          tr={tr}
          onCall={() => send({ type: 'call-without-card' })}
        />
      );
    case 'greeting':
    case 'consent':
      if (flow.idleNotice) return <IdleNotice tr={tr} onStillHere={() => send({ type: 'still-here' })} />;
      if (flow.screen === 'consent')
        return <ConsentScreen ready={ready} tr={tr} onAnswer={(agree) => send({ type: 'consent', agree })} />;
      return flow.card ? (
        <GreetingScreen
          card={flow.card}
          greeting={greetingOf(flow.card, locale)}
          ready={ready}
          tr={tr}
          onConfirm={() => send({ type: 'confirm-identity' })}
          onNotMe={() => send({ type: 'not-me' })}
        />
      ) : null;
    case 'need':
    case 'disability':
    case 'appointment-found':
    case 'appointment-book':
      if (flow.idleNotice) return <IdleNotice tr={tr} onStillHere={() => send({ type: 'still-here' })} />;
      if (flow.screen === 'need')
        return (
          <NeedScreen
            ready={ready}
            locale={locale}
            tr={tr}
            offerBooking={canBook(flow)}
            speak={say}
            onChoose={(need) => send({ type: 'choose-need', need })}
            onBook={() => send({ type: 'open-booking' })}
          />
        );
      if (flow.screen === 'disability')
        return (
          <DisabilityScreen
            needWord={needLabel(flow.need ?? 'unsure', locale)}
            ready={ready}
            tr={tr}
            onAnswer={(disability) => send({ type: 'answer-disability', disability })}
            onChangeNeed={() => send({ type: 'change-need' })}
          />
        );
      return <AppointmentMount flow={flow} locale={locale} ready={ready} send={send} />;
    case 'transferring':
      return <TransferringScreen tr={tr} />;
    case 'preparing':
      return <PreparingScreen slow={flow.preparingSlow} tr={tr} />;
    case 'no-video':
      return <NoVideoScreen ready={ready} tr={tr} onBack={() => send({ type: 'no-video-done' })} />;
    case 'requesting':
      return (
        <RequestingScreen slow={flow.slowRequest} tr={tr} onCancel={() => send({ type: 'cancel-request' })} />
      );
    case 'waiting':
      return flow.ticket ? (
        <WaitingScreen
          ticket={flow.ticket}
          position={positionText(flow, locale)}
          estimate={estimateText(flow.ticket, locale)}
          noEstimate={noEstimate(flow.ticket)}
          identityShared={flow.identityShared}
          callDropped={flow.endedBy === 'system'}
          entitlements={flow.entitlements}
          locale={locale}
          mirror={flow.mirror ? { stream: mirror } : null}
          ready={ready}
          tr={tr}
          onCancel={() => send({ type: 'cancel-ticket' })}
        />
      ) : null;
    case 'confirm': {
      const c = caseInView(flow);
      return c && flow.review ? (
        <ReviewScreen
          caseState={c}
          review={flow.review}
          flagsSent={flow.flagsSent}
          notice={flow.formNotice}
          ready={ready}
          locale={locale}
          tr={tr}
          speak={say}
          send={send}
        />
      ) : null;
    }
    case 'sign':
      return flow.review ? (
        <SignScreen
          review={flow.review}
          notice={flow.formNotice}
          ready={ready}
          tr={tr}
          speak={say}
          send={send}
        />
      ) : null;
    case 'call':
      return (
        <>
          {showsCaseForm(flow) ? (
            <CallFormScreen flow={flow} locale={locale} tr={tr} speak={say} send={send} />
          ) : (
            <CallScreen
              agentName={flow.session?.session.agent.displayName ?? ''}
              videoAbove={view === 'touch'}
              tr={tr}
              onHangUp={() => send({ type: 'ask-hang-up' })}
            />
          )}
          {flow.confirmHangUp && (
            <HangUpConfirm
              tr={tr}
              onKeep={() => send({ type: 'keep-call' })}
              onEnd={() => send({ type: 'hang-up' })}
            />
          )}
        </>
      );
    case 'outcome':
      if (flow.idleNotice) return <IdleNotice tr={tr} onStillHere={() => send({ type: 'still-here' })} />;
      return (
        <OutcomeScreen
          cases={outcomeNotices(flow.cases)}
          ready={ready}
          locale={locale}
          tr={tr}
          onSeen={() => send({ type: 'outcome-seen' })}
        />
      );
    case 'rating':
      if (flow.idleNotice)
        return (
          <IdleNotice
            tr={tr}
            text="rating.idle"
            button="rating.stillHere"
            onStillHere={() => send({ type: 'still-here' })}
          />
        );
      return <RatingScreen draft={flow.rating} ready={ready} locale={locale} tr={tr} send={send} />;
    case 'thanks':
      return (
        <ThanksScreen
          hadCard={flow.visitHadCard}
          cardOnReader={flow.cardOnReader}
          ready={ready}
          tr={tr}
          onDone={() => send({ type: 'thanks-done' })}
        />
      );
    case 'problem':
      return (
        <ProblemScreen
          problem={flow.problem ?? 'server'}
          ready={ready}
          tr={tr}
          onBack={() => send({ type: 'back' })}
        />
      );
  }
}
