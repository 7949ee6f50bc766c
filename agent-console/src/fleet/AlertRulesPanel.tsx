/**
 * The alert rules (issue 12 #3): offline minutes, opening hours (days, from, to), which problems
 * alert, and the disk threshold. Saving re-evaluates every kiosk on the server.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AlertRules } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { FleetTransport } from './fleet-transport';
import { useLoad } from './use-load';
import './fleet-panels.css';

/** Props of the panel. */
export interface AlertRulesPanelProps {
  transport: FleetTransport;
  onSaved(rules: AlertRules): void;
  onFailure(error: unknown): string;
}

const TOGGLES = ['readerFault', 'printerProblem', 'versionBehind', 'cannotCall'] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The rules form. */
export function AlertRulesPanel({ transport, onSaved, onFailure }: AlertRulesPanelProps) {
  const { t, err } = useI18n();
  const loaded = useLoad(() => transport.alertRules(), onFailure);
  const [rules, setRules] = useState<AlertRules | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (loaded.value) setRules(loaded.value);
  }, [loaded.value]);

  if (loaded.error && !rules)
    return (
      <p className="fleet-error" role="alert">
        {err(loaded.error)}
      </p>
    );
  if (!rules) return <p className="fleet-muted">{t('fleet.loading')}</p>;
  const patch = (p: Partial<AlertRules>) => setRules({ ...rules, ...p });
  const hours = rules.openingHours;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy || !rules) return;
    setBusy(true);
    try {
      const saved = await transport.setAlertRules(rules);
      setRules(saved);
      onSaved(saved);
      setMessage({ ok: true, text: t('fleet.rules.saved') });
    } catch (caught) {
      setMessage({ ok: false, text: err(onFailure(caught)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fleet-panel fleet-form" data-testid="alert-rules" onSubmit={(e) => void save(e)}>
      <h2>{t('fleet.rules.heading')}</h2>
      <label className="field fleet-inline">
        <span>{t('fleet.rules.offline')}</span>
        <input
          type="number"
          data-testid="rules-offline"
          min={1}
          max={1440}
          value={Math.round(rules.offlineAfterS / 60)}
          onChange={(e) =>
            patch({ offlineAfterS: Math.max(60, Math.min(86_400, (Number(e.target.value) || 1) * 60)) })
          }
        />
      </label>
      <fieldset className="fleet-fieldset">
        <legend>{t('fleet.rules.hours')}</legend>
        <div className="fleet-days" role="group" aria-label={t('fleet.rules.days')}>
          {DAYS.map((d) => {
            const on = hours.days.includes(d);
            return (
              <button
                key={d}
                type="button"
                className={`btn fleet-toggle${on ? ' fleet-toggle-on' : ''}`}
                aria-pressed={on}
                data-testid={`rules-day-${d}`}
                onClick={() =>
                  patch({
                    openingHours: {
                      ...hours,
                      days: on ? hours.days.filter((x) => x !== d) : [...hours.days, d].sort(),
                    },
                  })
                }
              >
                <span aria-hidden="true">{on ? '✓ ' : ''}</span>
                {t(`fleet.rules.day.${d}`)}
              </button>
            );
          })}
        </div>
        <label className="field fleet-inline">
          <span>{t('fleet.rules.from')}</span>
          <input
            type="time"
            data-testid="rules-from"
            value={hours.from}
            onChange={(e) => patch({ openingHours: { ...hours, from: e.target.value } })}
          />
        </label>
        <label className="field fleet-inline">
          <span>{t('fleet.rules.to')}</span>
          <input
            type="time"
            data-testid="rules-to"
            value={hours.to}
            onChange={(e) => patch({ openingHours: { ...hours, to: e.target.value } })}
          />
        </label>
        <p className="fleet-muted">{t('fleet.rules.offlineNote')}</p>
      </fieldset>
      <p className="fleet-rules-on">{t('fleet.rules.alertOn')}</p>
      <div className="fleet-days" role="group" aria-label={t('fleet.rules.alertOn')}>
        {TOGGLES.map((key) => (
          <button
            key={key}
            type="button"
            className={`btn fleet-toggle${rules[key] ? ' fleet-toggle-on' : ''}`}
            aria-pressed={rules[key]}
            data-testid={`rules-${key}`}
            onClick={() => patch({ [key]: !rules[key] })}
          >
            <span aria-hidden="true">{rules[key] ? '✓ ' : '✗ '}</span>
            {t(`fleet.rules.${key}`)}
          </button>
        ))}
      </div>
      <label className="field fleet-inline">
        <span>{t('fleet.rules.disk')}</span>
        <input
          type="number"
          data-testid="rules-disk"
          min={0}
          max={90}
          value={rules.diskFreeMinPercent}
          onChange={(e) =>
            patch({ diskFreeMinPercent: Math.max(0, Math.min(90, Number(e.target.value) || 0)) })
          }
        />
      </label>
      <button type="submit" className="btn btn-primary" data-testid="rules-save" disabled={busy}>
        {t('fleet.rules.save')}
      </button>
      {message && (
        <p className={message.ok ? 'fleet-done' : 'fleet-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
