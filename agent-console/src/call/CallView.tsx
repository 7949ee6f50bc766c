/**
 * The call: the kiosk's video large, the agent's own preview in a corner, camera / microphone
 * toggles, End call, a call timer, and the resident panel. The call itself (media, peer, rebuilds)
 * is the ConsoleApp's; this view shows its snapshot and forwards the buttons.
 */
import type { ReactNode } from 'react';
import type { Entitlement, ResidentPlace } from '@rvw/shared';
import type { CallSnapshot } from '@rvw/shared/call';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../ui/use-now';
import { useStream } from '../ui/use-stream';
import type { ActiveCall } from '../app/console-state';
import { elapsedMs, formatDuration, secondsLeft } from '../ui/time';
import { ResidentPanel } from '../resident/ResidentPanel';
import { EntitlementNotes } from '../case/EntitlementNotes';
import { PlaceLine } from '../queue/TicketBits';

/** Props of the call view; `media` is null until the call controller exists. */
export interface CallViewProps {
  call: ActiveCall;
  media: CallSnapshot | null;
  offsetMs: number;
  ending: boolean;
  /** True while another console tab of this agent runs the call; default false. */
  elsewhere?: boolean;
  /** While the kiosk's link is lost: when the server ends the session unless it is back (ISO); default null. */
  kioskAway?: string | null;
  /** Takes the call over from that tab. */
  onTakeOver?(): void;
  onEnd(): void;
  onMedia(kind: 'video' | 'audio', enabled: boolean): void;
  onReveal(ticketId: string): Promise<string>;
  /** The case workspace beside the video. */
  workspace: ReactNode;
  /** Cases of the session without an outcome: End call waits for them. Default 0. */
  openCases?: number;
  /** What the resident gets without applying (免申即享). */
  entitlements?: readonly Entitlement[];
  /** Where the resident is (centre, committee, kiosk; 上门办), and the agent's own centre. */
  place?: { place: ResidentPlace; ownCentreId: string };
  /** The transfer's controls (transfer/), mounted under the call's buttons. */
  transfer?: ReactNode;
  /** The kiosk's video showed a frame (the call's set-up time; the app reports it once). */
  onFirstFrame?(): void;
}

/** The call screen of one session. */
export function CallView({
  call,
  media,
  offsetMs,
  ending,
  elsewhere = false,
  kioskAway = null,
  onTakeOver,
  onEnd,
  onMedia,
  onReveal,
  workspace,
  openCases = 0,
  entitlements,
  place,
  transfer,
  onFirstFrame,
}: CallViewProps) {
  const { t } = useI18n();
  const now = useNow(1000);
  const { session } = call.opened;
  const remoteRef = useStream(media?.remote);
  const localRef = useStream(media?.local);
  const cameraOn = media?.video ?? true;
  const micOn = media?.audio ?? true;
  const mediaError = Boolean(media?.mediaError);
  // While no media gets through the last picture may stay up, frozen: say so over it.
  const remote =
    media?.state === 'reconnecting' || media?.state === 'failed'
      ? 'lost'
      : media?.remote
        ? 'live'
        : 'waiting';

  function toggle(kind: 'video' | 'audio') {
    onMedia(kind, kind === 'video' ? !cameraOn : !micOn);
  }

  const duration = formatDuration(elapsedMs(session.startedAt, now, offsetMs));
  const awayLeft = kioskAway === null ? null : secondsLeft(kioskAway, now, offsetMs);

  return (
    <section className="call call-ws" data-testid="call-view" aria-label={t('call.heading')}>
      <h1 className="sr-only">{t('call.heading')}</h1>
      <div className="call-side">
        <div className="call-stage">
          <div className="video-frame">
            <video
              ref={remoteRef}
              data-testid="remote-video"
              className="remote-video"
              autoPlay
              playsInline
              onLoadedData={onFirstFrame}
            />
            {elsewhere ? (
              <div className="video-overlay call-elsewhere" data-testid="call-elsewhere" role="status">
                <p>{t('call.elsewhere')}</p>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="take-over"
                  onClick={onTakeOver}
                >
                  {t('call.takeOver')}
                </button>
              </div>
            ) : (
              remote !== 'live' && (
                <div className="video-overlay" data-testid="remote-status" data-state={remote} role="status">
                  {remote === 'lost' ? t('call.remoteLost') : t('call.remoteWaiting')}
                </div>
              )
            )}
            <div className="pip">
              <video
                ref={localRef}
                data-testid="local-video"
                className="local-video"
                autoPlay
                playsInline
                muted
              />
              <span className="pip-label">{t('call.ownPreview')}</span>
            </div>
            <div className="call-timer mono" data-testid="call-timer" aria-label={t('call.duration')}>
              <span className="rec-dot" aria-hidden="true" />
              {duration}
            </div>
          </div>
          {awayLeft !== null && (
            <p className="call-warning member-away" role="status" data-testid="member-away">
              {t('call.memberAway', { seconds: awayLeft })}
            </p>
          )}
          {mediaError && (
            <p className="call-warning" role="alert" data-testid="media-error">
              {t('call.mediaError')}
            </p>
          )}
          <div className="call-controls">
            <button
              type="button"
              className={`btn btn-control ${cameraOn ? '' : 'btn-control-off'}`}
              data-testid="toggle-camera"
              aria-pressed={!cameraOn}
              onClick={() => toggle('video')}
            >
              {cameraOn ? t('call.cameraOn') : t('call.cameraOff')}
            </button>
            <button
              type="button"
              className={`btn btn-control ${micOn ? '' : 'btn-control-off'}`}
              data-testid="toggle-mic"
              aria-pressed={!micOn}
              onClick={() => toggle('audio')}
            >
              {micOn ? t('call.micOn') : t('call.micOff')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="end-call"
              disabled={ending || openCases > 0}
              aria-describedby={openCases > 0 ? 'end-call-blocked' : undefined}
              onClick={onEnd}
            >
              {ending ? t('call.ending') : t('call.end')}
            </button>
          </div>
          {openCases > 0 && (
            <p className="end-blocked" id="end-call-blocked" data-testid="end-call-blocked">
              {t('call.endBlocked', { count: openCases })}
            </p>
          )}
          {transfer}
        </div>
        {/* Only what is below the video scrolls: the resident stays in sight. */}
        <div className="call-info">
          {place && (
            <div className="call-place-box">
              <span className="call-place-label">{t('call.place')}</span>
              <PlaceLine place={place.place} ownCentreId={place.ownCentreId} testId="call-place" compact />
            </div>
          )}
          <EntitlementNotes entitlements={entitlements} />
          <ResidentPanel
            ticketId={session.ticketId}
            ticketNumber={session.ticketNumber}
            kiosk={session.kiosk}
            identity={call.identity}
            identityIntent={call.identityIntent}
            duration={duration}
            onReveal={onReveal}
          />
        </div>
      </div>
      {workspace}
    </section>
  );
}
