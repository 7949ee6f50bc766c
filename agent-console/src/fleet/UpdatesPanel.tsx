/**
 * The update channels (issue 12 #8): for stable and beta, the release (one of the versions in the
 * server's updates folder), the staged rollout percentage and the notes. Kiosks install only
 * between residents.
 */
import { useState } from 'react';
import { UpdateChannelName, type UpdateChannel } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime } from '../ui/time';
import type { FleetTransport } from './fleet-transport';
import { useLoad } from './use-load';
import './fleet-panels.css';

/** Props of the panel. */
export interface UpdatesPanelProps {
  transport: FleetTransport;
  onFailure(error: unknown): string;
}

/** One form per channel. */
export function UpdatesPanel({ transport, onFailure }: UpdatesPanelProps) {
  const { t, err } = useI18n();
  const loaded = useLoad(() => transport.updateChannels(), onFailure);
  if (loaded.error && !loaded.value)
    return (
      <p className="fleet-error" role="alert">
        {err(loaded.error)}
      </p>
    );
  if (!loaded.value) return <p className="fleet-muted">{t('fleet.loading')}</p>;
  const { channels, available } = loaded.value;
  return (
    <div className="fleet-panel" data-testid="update-channels">
      <h2>{t('fleet.updates.heading')}</h2>
      <p className="fleet-muted">{t('fleet.updates.note')}</p>
      {!available.length && <p className="fleet-muted">{t('fleet.updates.none')}</p>}
      {UpdateChannelName.options.map((name) => (
        <ChannelForm
          key={name}
          name={name}
          channel={channels.find((c) => c.channel === name) ?? null}
          available={available}
          transport={transport}
          onFailure={onFailure}
          onSaved={(c) =>
            loaded.set({ channels: [...channels.filter((x) => x.channel !== c.channel), c], available })
          }
        />
      ))}
    </div>
  );
}

function ChannelForm({
  name,
  channel,
  available,
  transport,
  onFailure,
  onSaved,
}: {
  name: UpdateChannelName;
  channel: UpdateChannel | null;
  available: string[];
  transport: FleetTransport;
  onFailure(error: unknown): string;
  onSaved(channel: UpdateChannel): void;
}) {
  const { t, err } = useI18n();
  const [version, setVersion] = useState(channel?.version ?? available[0] ?? '');
  const [percent, setPercent] = useState(channel?.rolloutPercent ?? 100);
  const [notes, setNotes] = useState(channel?.releaseNotes ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const label = t(`fleet.updates.channel.${name}`);
  const versions =
    channel && !available.includes(channel.version) ? [channel.version, ...available] : available;

  async function save() {
    setBusy(true);
    try {
      const saved = await transport.setUpdateChannel(name, {
        version,
        rolloutPercent: percent,
        ...(notes.trim() ? { releaseNotes: notes.trim() } : {}),
      });
      onSaved(saved);
      setMessage({
        ok: true,
        text: t('fleet.updates.saved', {
          channel: label,
          version: saved.version,
          percent: saved.rolloutPercent,
        }),
      });
    } catch (caught) {
      setMessage({ ok: false, text: err(onFailure(caught)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="fleet-fieldset fleet-channel" data-testid={`channel-${name}`}>
      <legend>
        {label} ·{' '}
        {channel
          ? `${t('fleet.updates.current', { version: channel.version, percent: channel.rolloutPercent })} · ${formatDateTime(channel.updatedAt)}`
          : t('fleet.updates.unset')}
      </legend>
      {versions.length > 0 && (
        <label className="field fleet-inline">
          <span>{t('fleet.updates.version')}</span>
          <select
            data-testid={`channel-${name}-version`}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field fleet-inline">
        <span>{t('fleet.updates.rollout')}</span>
        <input
          type="number"
          min={0}
          max={100}
          data-testid={`channel-${name}-percent`}
          value={percent}
          onChange={(e) => setPercent(Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))))}
        />
      </label>
      <label className="field">
        <span>{t('fleet.updates.notes')}</span>
        <textarea rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button
        type="button"
        className="btn btn-primary"
        data-testid={`channel-${name}-save`}
        disabled={busy || !version}
        onClick={() => void save()}
      >
        {t('fleet.updates.save')}
      </button>
      {message && (
        <p className={message.ok ? 'fleet-done' : 'fleet-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
