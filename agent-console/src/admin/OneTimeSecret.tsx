/** A secret shown once (a new kiosk's token): copy button, and a warning that it will not be shown again. */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { ConsoleErrorCode } from '../lib/errors';

/** Props: heading, the secret, and what to do when the admin has saved it. */
export interface OneTimeSecretProps {
  title: string;
  secret: string;
  onDone(): void;
}

/** Shows a secret (a new kiosk token) once, with Copy, until the admin confirms they saved it. */
export function OneTimeSecret({ title, secret, onDone }: OneTimeSecretProps) {
  const { t, err } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'denied'>('idle');

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('denied');
    }
  }

  return (
    <div className="secret-box" role="alert" data-testid="kiosk-token-box">
      <h3>{title}</h3>
      <p className="secret-warning">{t('admin.kiosk.tokenWarning')}</p>
      <div className="secret-row">
        <input
          className="secret-value mono"
          data-testid="kiosk-token"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          aria-label={title}
        />
        <button type="button" className="btn btn-primary" data-testid="kiosk-token-copy" onClick={copySecret}>
          {copy === 'copied' ? t('admin.kiosk.copied') : t('admin.kiosk.copy')}
        </button>
      </div>
      {copy === 'denied' && <p className="form-error">{err(ConsoleErrorCode.ClipboardDenied)}</p>}
      <button type="button" className="btn btn-secondary" data-testid="kiosk-token-done" onClick={onDone}>
        {t('admin.kiosk.done')}
      </button>
    </div>
  );
}
