/**
 * Remote diagnostics of one kiosk (issue 12 #5): ask for its log lines (scrubbed on the kiosk), to
 * run its checks, or to restart its app (confirmed first; the kiosk waits for the resident to
 * finish). Each request shows who asked and when, its state, and its result when it arrives.
 */
import type { DiagnosticKind, DiagnosticRequest, FleetKiosk } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';
import { ConfirmButton } from './ConfirmButton';

/** Props of the panel. */
export interface DiagnosticsPanelProps {
  kiosk: FleetKiosk;
  /** Newest first. */
  requests: readonly DiagnosticRequest[];
  working: string | null;
  onRequest(kind: DiagnosticKind): void;
}

/** The buttons and the requests. */
export function DiagnosticsPanel({ kiosk, requests, working, onRequest }: DiagnosticsPanelProps) {
  const { t } = useI18n();
  const id = kiosk.kiosk.id;
  const sending = (kind: DiagnosticKind) => working === `${id}:${kind}`;
  const label = (kind: DiagnosticKind) => (sending(kind) ? t('fleet.diag.sending') : t(`fleet.diag.${kind}`));
  return (
    <section className="fleet-detail-section" data-testid="kiosk-diagnostics">
      <h3>{t('fleet.diag.heading')}</h3>
      <div className="fleet-actions">
        {(['logs', 'checks'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn btn-secondary"
            data-testid={`diag-ask-${kind}`}
            disabled={working !== null}
            aria-busy={sending(kind)}
            onClick={() => onRequest(kind)}
          >
            {label(kind)}
          </button>
        ))}
        <ConfirmButton
          label={label('restart')}
          question={t('fleet.diag.restartConfirm', { name: kiosk.kiosk.name })}
          yes={t('fleet.diag.restartYes')}
          testId="diag-ask-restart"
          disabled={working !== null}
          busy={sending('restart')}
          onConfirm={() => onRequest('restart')}
        />
      </div>
      {!kiosk.online && <p className="fleet-muted">{t('fleet.diag.offlineHint')}</p>}
      {requests.length ? (
        <ol className="fleet-diag-list">
          {requests.slice(0, 5).map((r) => (
            <DiagnosticItem key={r.id} request={r} />
          ))}
        </ol>
      ) : (
        <p className="fleet-muted">{t('fleet.diag.none')}</p>
      )}
    </section>
  );
}

/** One request: what, who and when, its state, and its result. */
function DiagnosticItem({ request }: { request: DiagnosticRequest }) {
  const { t, err } = useI18n();
  const { result } = request;
  return (
    <li
      className={`fleet-diag fleet-diag-${request.state}`}
      data-testid="diag-request"
      data-state={request.state}
      data-kind={request.kind}
    >
      <div className="fleet-diag-head">
        <strong>{t(`fleet.diag.kind.${request.kind}`)}</strong> · {t(`fleet.diag.state.${request.state}`)}
        <span className="fleet-muted">
          {' '}
          ·{' '}
          {t('fleet.diag.by', { name: request.requestedBy.name, time: formatDateTime(request.requestedAt) })}
        </span>
      </div>
      {request.error && <p className="fleet-device-bad">{err(request.error)}</p>}
      {result?.kind === 'checks' && (
        <ul className="fleet-checks" data-testid="diag-checks">
          {result.checks.map((c) => (
            <li key={c.name} className={c.ok ? undefined : 'fleet-device-bad'} data-ok={c.ok}>
              <strong>{t(`fleet.diag.checkName.${c.name}`)}</strong>：
              {c.ok ? t('fleet.diag.check.ok') : t('fleet.diag.check.fail', { code: c.exitCode })} —{' '}
              {c.summary}
            </li>
          ))}
        </ul>
      )}
      {result?.kind === 'restart' && (
        <p>{result.outcome === 'restarting' ? t('fleet.diag.restarting') : t('fleet.diag.deferred')}</p>
      )}
      {result?.kind === 'logs' &&
        (result.lines.length ? (
          <details open>
            <summary>{t('fleet.diag.lines', { count: result.lines.length })}</summary>
            <pre className="fleet-logs" data-testid="diag-logs" tabIndex={0}>
              {result.lines.join('\n')}
            </pre>
          </details>
        ) : (
          <p className="fleet-muted">{t('fleet.diag.noLines')}</p>
        ))}
    </li>
  );
}
