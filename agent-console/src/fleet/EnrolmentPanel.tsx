/**
 * Enrolment codes (issue 12 #1): a supervisor creates a one-time code for a location; it is shown
 * once, very large and grouped, with its expiry and what the technician does with it; the open codes
 * are listed and can be withdrawn.
 */
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_ENROLMENT_TTL_HOURS,
  MAX_ENROLMENT_TTL_HOURS,
  formatEnrolmentCode,
  type CreateEnrolmentCodeResponse,
} from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';
import type { FleetTransport } from './fleet-transport';
import { useLoad } from './use-load';
import './fleet-panels.css';

/** Props of the panel. */
export interface EnrolmentPanelProps {
  transport: FleetTransport;
  serverUrl: string;
  onFailure(error: unknown): string;
}

/** The form, the code just created, and the open codes. */
export function EnrolmentPanel({ transport, serverUrl, onFailure }: EnrolmentPanelProps) {
  const { t, err } = useI18n();
  const codes = useLoad(() => transport.enrolmentCodes(), onFailure);
  const [location, setLocation] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'fixed' | 'portable'>('fixed');
  const [hours, setHours] = useState(DEFAULT_ENROLMENT_TTL_HOURS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateEnrolmentCodeResponse | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !location.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await transport.createEnrolmentCode({
        location: location.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        kind,
        ttlHours: hours,
      });
      setCreated(answer);
      setLocation('');
      setName('');
      codes.reload();
    } catch (caught) {
      setError(onFailure(caught));
    } finally {
      setBusy(false);
    }
  }

  async function withdraw(codeId: string) {
    try {
      await transport.revokeEnrolmentCode(codeId);
      codes.reload();
    } catch (caught) {
      setError(onFailure(caught));
    }
  }

  const grouped = created ? formatEnrolmentCode(created.code.replace(/-/g, '')) : '';
  return (
    <div className="fleet-panel" data-testid="enrolment-panel">
      {created && (
        <section className="fleet-code" data-testid="enrolment-code-box" aria-live="polite">
          <h2>{t('fleet.enrol.codeHeading')}</h2>
          <p className="fleet-code-value mono" data-testid="enrolment-code">
            {grouped}
          </p>
          <p className="fleet-code-meta">
            {created.enrolmentCode.location}
            {created.enrolmentCode.name ? ` · ${created.enrolmentCode.name}` : ''} ·{' '}
            {t('fleet.enrol.expires', { time: formatDateTime(created.expiresAt) })}
          </p>
          <p className="fleet-code-howto">{t('fleet.enrol.howTo')}</p>
          <pre className="fleet-code-command" data-testid="enrolment-command">
            npx kiosk-doctor enrol {grouped} --server {serverUrl}
          </pre>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="enrolment-code-done"
            onClick={() => setCreated(null)}
          >
            {t('fleet.enrol.done')}
          </button>
        </section>
      )}
      <form className="fleet-form" onSubmit={(e) => void submit(e)} data-testid="enrolment-form">
        <h2>{t('fleet.enrol.heading')}</h2>
        <label className="field">
          <span>{t('fleet.enrol.location')}</span>
          <input
            data-testid="enrol-location"
            value={location}
            maxLength={200}
            required
            onChange={(e) => setLocation(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('fleet.enrol.name')}</span>
          <input
            data-testid="enrol-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('fleet.enrol.kind')}</span>
          <select
            data-testid="enrol-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === 'portable' ? 'portable' : 'fixed')}
          >
            <option value="fixed">{t('fleet.enrol.kind.fixed')}</option>
            <option value="portable">{t('fleet.enrol.kind.portable')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('fleet.enrol.hours')}</span>
          <input
            data-testid="enrol-hours"
            type="number"
            min={1}
            max={MAX_ENROLMENT_TTL_HOURS}
            value={hours}
            onChange={(e) =>
              setHours(Math.min(MAX_ENROLMENT_TTL_HOURS, Math.max(1, Number(e.target.value) || 1)))
            }
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="enrol-submit"
          disabled={busy || !location.trim()}
        >
          {busy ? t('fleet.enrol.submitting') : t('fleet.enrol.submit')}
        </button>
        {error && (
          <p className="fleet-error" role="alert">
            {err(error)}
          </p>
        )}
      </form>
      <section className="fleet-panel-list">
        <h2>{t('fleet.enrol.open')}</h2>
        {codes.error && (
          <p className="fleet-error" role="alert">
            {err(codes.error)}
          </p>
        )}
        {codes.value && !codes.value.length && <p className="fleet-muted">{t('fleet.enrol.none')}</p>}
        <ul className="fleet-plain" data-testid="enrolment-codes">
          {codes.value?.map((c) => (
            <li key={c.id} className="fleet-code-row" data-testid="enrolment-code-row">
              <span>
                {t('fleet.enrol.row', {
                  location: c.location,
                  name: c.name ? ` · ${c.name}` : '',
                  kind: t(`fleet.enrol.kind.${c.kind}`),
                  time: formatDateTime(c.expiresAt),
                })}
              </span>
              <button
                type="button"
                className="btn btn-ghost"
                data-testid="enrolment-withdraw"
                onClick={() => void withdraw(c.id)}
              >
                {t('fleet.enrol.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
