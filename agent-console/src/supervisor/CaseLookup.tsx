/**
 * Looking a case up by its number (or the number's beginning): the matching cases, newest first,
 * and the chosen one read back whole.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CaseState } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { listCases } from '../lib/api';
import { formatDateTime } from '../ui/time';
import { CaseReadBack } from './CaseReadBack';

/** Props of the lookup; `number` fills and runs the search (a follow-up's case number). */
export interface CaseLookupProps {
  token: string;
  onFailure(error: unknown): string;
  number?: string;
}

/** The case lookup. */
export function CaseLookup({ token, onFailure, number: initial = '' }: CaseLookupProps) {
  const { t, err, locale } = useI18n();
  const [number, setNumber] = useState(initial);
  const [results, setResults] = useState<CaseState[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const search = useCallback(
    async (raw: string) => {
      const q = raw.trim().toUpperCase();
      if (!q) return;
      setSearching(true);
      setErrorCode(null);
      try {
        const found = await listCases(token, { number: q, limit: 50 });
        setResults(found);
        setChosen(found.length === 1 ? found[0]!.caseId : null);
      } catch (e) {
        setErrorCode(onFailure(e));
      } finally {
        setSearching(false);
      }
    },
    [token, onFailure],
  );

  // A number handed in (a follow-up's case) is looked up at once; typed ones on submit.
  useEffect(() => {
    if (initial) void search(initial);
  }, [initial, search]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void search(number);
  }

  return (
    <section className="panel sv-panel" aria-labelledby="lookup-heading" data-testid="case-lookup">
      <div className="panel-head">
        <h2 id="lookup-heading">{t('lookup.heading')}</h2>
      </div>
      <form className="lookup-form" onSubmit={submit}>
        <label className="field">
          <span>{t('lookup.number')}</span>
          <input
            className="mono"
            data-testid="case-lookup-number"
            value={number}
            maxLength={32}
            placeholder="XH-20261207-0042"
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="case-lookup-submit"
          disabled={searching}
        >
          {searching ? t('lookup.searching') : t('lookup.search')}
        </button>
      </form>
      {errorCode && <p className="form-error">{err(errorCode)}</p>}
      {results?.length === 0 && <p className="sv-empty">{t('lookup.none')}</p>}
      {results && results.length > 1 && (
        <ul className="lookup-results">
          {results.map((c) => (
            <li key={c.caseId}>
              <button
                type="button"
                className={`result ${chosen === c.caseId ? 'result-on' : ''}`}
                data-testid="case-lookup-result"
                onClick={() => setChosen(c.caseId)}
              >
                <span className="mono">{c.number}</span>
                <span className="result-name">{local(c.item.name, locale)}</span>
                <span className="result-meta">{formatDateTime(c.openedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && <CaseReadBack key={chosen} token={token} caseId={chosen} onFailure={onFailure} />}
    </section>
  );
}
