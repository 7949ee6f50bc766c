/**
 * The technician's first-run screen (issue 12 #1): "登记本机", the enrolment code in one large field
 * (shown grouped as typed), the server address only when the configuration has none, one big 登记
 * button, and what went wrong in words. Once enrolled it shows where the kiosk now stands.
 */
import { useState } from 'react';
import type { MessageKey } from '../i18n';
import type { EnrolmentView } from './enrolment-model';
import { enrolErrorKey } from './enrolment-speech';
import { codeField, serverUrlValid } from './enrol-form';

/** The gate's view, the words, and the technician's actions. */
export interface EnrolScreenProps {
  view: EnrolmentView;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  onRedeem: (code: string, serverUrl?: string) => void;
  onEdited: () => void;
  onBack: () => void;
  onStart: () => void;
}

/** The first-run screen, or (once enrolled) where the kiosk stands and the way on. */
export function EnrolScreen({ view, tr, onRedeem, onEdited, onBack, onStart }: EnrolScreenProps) {
  const [typed, setTyped] = useState('');
  const [url, setUrl] = useState('');
  if (view.screen === 'enrolled') return <EnrolledScreen view={view} tr={tr} onStart={onStart} />;
  const field = codeField(typed);
  const askUrl = view.serverUrl === null;
  const urlOk = !askUrl || serverUrlValid(url);
  const canSend = field.code !== null && urlOk && !view.sending;
  const submit = () => {
    if (field.code && canSend) onRedeem(field.code, askUrl ? url.trim() : undefined);
  };
  return (
    <section className="screen screen-enrol" data-testid="screen-enrol">
      <h1 className="headline">{tr('enrol.title')}</h1>
      {/* What went wrong takes the hint's place: the first thing read, and the button stays in view. */}
      {view.error ? (
        <p className="notice enrol-error" role="alert" data-testid="enrol-error">
          {tr(enrolErrorKey(view.error))}
        </p>
      ) : (
        <p className="hint enrol-hint">{tr('enrol.hint')}</p>
      )}
      <form
        className="enrol-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="enrol-label" htmlFor="enrol-code">
          {tr('enrol.codeLabel')}
        </label>
        <input
          id="enrol-code"
          className="enrol-input enrol-code"
          data-testid="enrol-code"
          value={field.shown}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7QX-93RM-TD"
          onChange={(e) => {
            setTyped(e.target.value);
            onEdited();
          }}
        />
        <p className="enrol-note" data-testid="enrol-code-note" aria-live="polite">
          {field.badChar ? tr('enrol.codeBadChar') : tr('enrol.codeCount', { n: field.count })}
        </p>
        {askUrl && (
          <>
            <label className="enrol-label" htmlFor="enrol-server">
              {tr('enrol.serverLabel')}
            </label>
            <input
              id="enrol-server"
              className="enrol-input enrol-server"
              data-testid="enrol-server"
              type="url"
              inputMode="url"
              value={url}
              autoComplete="off"
              spellCheck={false}
              placeholder="https://"
              onChange={(e) => {
                setUrl(e.target.value);
                onEdited();
              }}
            />
            {/* Once the address is a good one, its example gives way (the button stays in view). */}
            {!(url.trim() && urlOk) && (
              <p className="enrol-note">{url.trim() ? tr('enrol.serverInvalid') : tr('enrol.serverHint')}</p>
            )}
          </>
        )}
        {view.sending && (
          <p className="lead" role="status" data-testid="enrol-sending">
            {tr('enrol.sending')}
          </p>
        )}
        <div className="enrol-actions">
          {view.fromReEnrol && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid="enrol-back"
              disabled={view.sending}
              onClick={onBack}
            >
              {tr('enrol.back')}
            </button>
          )}
          <button
            type="submit"
            className="btn btn-primary enrol-submit"
            data-testid="enrol-submit"
            data-main-action
            disabled={!canSend}
          >
            {tr('enrol.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EnrolledScreen({ view, tr, onStart }: Pick<EnrolScreenProps, 'view' | 'tr' | 'onStart'>) {
  return (
    <section className="screen screen-enrolled" data-testid="screen-enrolled">
      <div role="status">
        <h1 className="headline">{tr('enrol.done')}</h1>
      </div>
      {view.kiosk && (
        <p className="lead strong" data-testid="enrolled-where">
          {tr('enrol.doneWhere', { name: view.kiosk.name, location: view.kiosk.location })}
        </p>
      )}
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="enrolled-start"
          data-main-action
          onClick={onStart}
        >
          {tr('enrol.start')}
        </button>
      </div>
    </section>
  );
}
