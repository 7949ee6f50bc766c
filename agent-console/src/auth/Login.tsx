/** The sign-in screen: username, password and a clear sentence when it fails. */
import { useState, type FormEvent } from 'react';
import { ErrorCode, type LoginResponse } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { login } from '../lib/api';
import { errorCodeOf } from '../lib/errors';
import { Field } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** Props of the login screen; `initialErrorCode` explains an involuntary sign-out. */
export interface LoginProps {
  onSignedIn(auth: LoginResponse): void;
  initialErrorCode?: string | null;
}

/** The username and password form; a failure stays on screen as a sentence. */
export function Login({ onSignedIn, initialErrorCode = null }: LoginProps) {
  const { t, err } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(initialErrorCode);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setErrorCode(ErrorCode.BadPayload);
      return;
    }
    setBusy(true);
    setErrorCode(null);
    try {
      const auth = await login({ username: username.trim(), password });
      onSignedIn(auth);
    } catch (e) {
      const code = errorCodeOf(e);
      console.warn(`[console] login failed: ${code}`);
      setErrorCode(code);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={submit} noValidate>
        <h1 className="login-brand">{t('app.title')}</h1>
        <h2 className="login-heading">{t('login.heading')}</h2>
        <p className="muted">{t('login.hint')}</p>
        <Field label={t('login.username')}>
          <input
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errorCode === ErrorCode.AuthInvalid}
          />
        </Field>
        <Field label={t('login.password')}>
          <input
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errorCode === ErrorCode.AuthInvalid}
          />
        </Field>
        <div className="login-error" role="alert" data-testid="login-error" hidden={!errorCode}>
          {errorCode ? err(errorCode) : ''}
        </div>
        <button
          data-testid="login-submit"
          className="btn btn-primary btn-block"
          type="submit"
          disabled={busy}
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
