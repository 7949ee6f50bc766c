/**
 * Where transfers show outside the dialog, over every view of the workbench: the line of the
 * transfer this agent started (完成转接 / 取消 while it can still change), the invitation to take
 * over a resident (with its sound, 接受 / 拒绝), and the hand-over call's tile while it runs here.
 */
import { useEffect } from 'react';
import { playAlertSound } from '../ui/alert-sound';
import { ConsultTile } from './ConsultTile';
import { incomingLine, outgoingLine, targetName } from './transfer-rules';
import { isOpen, type TransferSnapshot } from './transfer-store';
import { useTransferText } from './transfer-text';
import './transfer.css';

/** How often an unanswered invitation rings again (as an offer does). */
export const INVITE_RING_EVERY_MS = 5000;

/** Rings when an invitation arrives and every few seconds while it waits. */
function useInviteRing(transferId: string | null): void {
  useEffect(() => {
    if (!transferId) return;
    playAlertSound();
    const timer = setInterval(playAlertSound, INVITE_RING_EVERY_MS);
    return () => clearInterval(timer);
  }, [transferId]);
}

/** Props of the dock: the store's snapshot and its actions. */
export interface TransferDockProps {
  snapshot: TransferSnapshot;
  connected: boolean;
  onAnswer(accept: boolean): void;
  onComplete(): void;
  onCancel(): void;
  onDismiss(): void;
}

/** The dock, or nothing when no transfer concerns this agent. */
export function TransferDock({
  snapshot,
  connected,
  onAnswer,
  onComplete,
  onCancel,
  onDismiss,
}: TransferDockProps) {
  const { locale, tt, reason } = useTransferText();
  const { outgoing, incoming, consult, consultId, busy, error } = snapshot;
  const inviting = incoming?.phase === 'inviting' ? incoming : null;
  // A blind transfer meant for this agent rings once too (it waits in their queue).
  useInviteRing(inviting?.transferId ?? null);
  useEffect(() => {
    if (incoming?.phase === 'queued') playAlertSound();
  }, [incoming?.transferId, incoming?.phase]);
  if (!outgoing && !incoming && !error) return null;

  const disabled = !connected || busy;
  const tile = (transferId: string, otherName: string) =>
    consult && consultId === transferId ? <ConsultTile media={consult} otherName={otherName} /> : null;

  return (
    <div className="transfer-dock">
      {outgoing && (
        <section className={`transfer-card transfer-card-${outgoing.phase}`} aria-live="polite">
          <p className="transfer-status" data-testid="transfer-status" data-phase={outgoing.phase}>
            {(() => {
              const line = outgoingLine(outgoing, snapshot.options, locale);
              return tt(line.key, line.params);
            })()}
          </p>
          {outgoing.phase === 'consulting' &&
            tile(outgoing.transferId, targetName(outgoing, snapshot.options, locale))}
          <div className="transfer-actions">
            {outgoing.phase === 'consulting' && (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="transfer-complete"
                disabled={disabled}
                onClick={onComplete}
              >
                {tt('transfer.complete')}
              </button>
            )}
            {isOpen(outgoing) && (
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="transfer-cancel"
                disabled={disabled}
                onClick={onCancel}
              >
                {outgoing.phase === 'queued' ? tt('transfer.takeBack') : tt('transfer.cancel')}
              </button>
            )}
            {!isOpen(outgoing) && (
              <button type="button" className="btn btn-ghost" onClick={onDismiss}>
                {tt('transfer.dismiss')}
              </button>
            )}
          </div>
        </section>
      )}
      {incoming && (
        <section
          className={`transfer-card transfer-card-in transfer-card-${incoming.phase}`}
          data-testid={incoming.phase === 'inviting' ? 'transfer-invite' : 'transfer-incoming'}
          data-phase={incoming.phase}
          role={incoming.phase === 'inviting' ? 'alertdialog' : undefined}
          aria-live="polite"
        >
          <p className="transfer-in-line">
            {(() => {
              const line = incomingLine(incoming);
              return tt(line.key, line.params);
            })()}
          </p>
          {incoming.note && (
            <p className="transfer-in-note">{tt('transfer.in.note', { note: incoming.note })}</p>
          )}
          {incoming.phase === 'consulting' &&
            (tile(incoming.transferId, incoming.from.displayName) ?? (
              <p className="transfer-hint">{tt('transfer.consult.elsewhere')}</p>
            ))}
          <div className="transfer-actions">
            {incoming.phase === 'inviting' ? (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="transfer-invite-accept"
                  disabled={disabled}
                  onClick={() => onAnswer(true)}
                >
                  {tt('transfer.accept')}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid="transfer-invite-decline"
                  disabled={disabled}
                  onClick={() => onAnswer(false)}
                >
                  {tt('transfer.decline')}
                </button>
              </>
            ) : (
              !isOpen(incoming) && (
                <button type="button" className="btn btn-ghost" onClick={onDismiss}>
                  {tt('transfer.dismiss')}
                </button>
              )
            )}
          </div>
        </section>
      )}
      {error && (
        <p className="transfer-error" role="alert">
          {tt('transfer.refused', { reason: reason(error) })}{' '}
          <button type="button" className="btn btn-ghost" onClick={onDismiss}>
            {tt('transfer.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
