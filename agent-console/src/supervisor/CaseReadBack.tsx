/**
 * One case read back whole for a supervisor: who, where and when; the form's values; every change
 * (who, when, old and new value); the confirmation and the signature as drawn; the outcome; the
 * session's rating; the consent ledger's entries; and the case's documents (with their downloads) and
 * captured materials. The server records the read.
 */
import { useEffect, useState } from 'react';
import {
  LOW_RATING_REASON_LABELS,
  OUTCOME_LABELS,
  RATING_LABELS,
  type CaseDetail,
  type ConsentEntry,
} from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { caseConsents, getCase } from '../lib/api';
import { formatDateTime } from '../ui/time';
import { CaseBadges } from '../case/CaseView';
import { PaperReadBack } from '../paper/PaperReadBack';
import { TransferRecord } from '../transfer/TransferRecord';
import { readBackValue } from './case-values';
import { SignatureImage } from './SignatureImage';
import { useDirectory } from './use-directory';

/** Props of the read-back. */
export interface CaseReadBackProps {
  token: string;
  caseId: string;
  onFailure(error: unknown): string;
}

type Loaded = { detail: CaseDetail; consents: ConsentEntry[] };

/** The case whole. */
export function CaseReadBack({ token, caseId, onFailure }: CaseReadBackProps) {
  const { t, err, locale } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [showIds, setShowIds] = useState(false);
  const names = useDirectory(token);
  useEffect(() => {
    let cancelled = false;
    Promise.all([getCase(token, caseId), caseConsents(token, caseId)]).then(
      ([detail, consents]) => !cancelled && setLoaded({ detail, consents }),
      (e: unknown) => !cancelled && setErrorCode(onFailure(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [token, caseId, onFailure]);

  if (errorCode) return <p className="form-error">{t('admin.loadFailed', { reason: err(errorCode) })}</p>;
  if (!loaded) return <p className="muted">{t('guide.loading')}</p>;
  const { detail, consents } = loaded;
  const c = detail.case;
  const fields = c.item.fields;
  const value = (id: string, v: unknown) => readBackValue(fields, id, v, locale, showIds);
  const labelOf = (id: string) => {
    const f = fields.find((x) => x.id === id);
    return f ? local(f.label, locale) : id;
  };
  const hasIds = fields.some((f) => f.kind === 'idNumber');

  return (
    <article className="readback" data-testid="case-readback" data-case-id={c.caseId}>
      <header className="rb-head">
        <span className="case-number mono">{c.number}</span>
        <h3>
          {local(c.item.name, locale)}{' '}
          <span className="muted">{t('readBack.version', { v: c.item.version })}</span>
        </h3>
        <CaseBadges state={c} />
      </header>
      <p className="rb-recorded">{t('readBack.recorded')}</p>
      <dl className="rb-facts">
        <dt>{t('readBack.opened')}</dt>
        <dd>{formatDateTime(c.openedAt)}</dd>
        <dt>{t('readBack.closed')}</dt>
        <dd>{c.closedAt ? formatDateTime(c.closedAt) : '—'}</dd>
        <dt>{t('readBack.agent')}</dt>
        <dd>{names.agent(detail.agentId)}</dd>
        <dt>{t('readBack.kiosk')}</dt>
        <dd>{names.kiosk(detail.kioskId)}</dd>
      </dl>
      <TransferRecord transfers={detail.transfers} agentName={names.agent} />

      <section>
        <h4>{t('readBack.outcome')}</h4>
        {c.outcome ? (
          <div data-testid="readback-outcome" data-outcome={c.outcome.outcome}>
            <strong>{local(OUTCOME_LABELS[c.outcome.outcome], locale)}</strong> ·{' '}
            {formatDateTime(c.outcome.at)}
            {c.outcome.reason && <p>{t('case.reasonWas', { text: c.outcome.reason })}</p>}
            {c.outcome.nextStep && <p>{t('case.nextStepWas', { text: c.outcome.nextStep })}</p>}
            {detail.outcomeNote && (
              <p className="muted">{t('readBack.note', { note: detail.outcomeNote })}</p>
            )}
          </div>
        ) : c.abandonReason ? (
          <p>{t('case.abandonedWith', { reason: c.abandonReason })}</p>
        ) : (
          <p className="muted">{t('readBack.noOutcome')}</p>
        )}
      </section>

      <section>
        <div className="rb-section-head">
          <h4>{t('readBack.values', { revision: c.form.revision })}</h4>
          {hasIds && (
            <button type="button" className="btn btn-ghost" onClick={() => setShowIds((s) => !s)}>
              {showIds ? t('readBack.hideIds') : t('readBack.showIds')}
            </button>
          )}
        </div>
        <dl className="rb-values">
          {fields.map((f) => (
            <div key={f.id} className="rb-value">
              <dt>{local(f.label, locale)}</dt>
              <dd className="pre">{value(f.id, c.form.values[f.id])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section>
        <h4>{t('readBack.signature')}</h4>
        {detail.signature ? (
          <div className="rb-signature">
            <SignatureImage strokes={detail.signature.strokes} label={t('readBack.signatureLabel')} />
            <p>
              {t('readBack.signed', {
                revision: detail.signature.revision,
                when: formatDateTime(detail.signature.signedAt),
              })}
              <br />
              <span className="mono rb-hash">{detail.signature.hash}</span>
              {detail.signature.revision !== c.form.revision && (
                <strong className="rb-void"> {t('readBack.signatureOld')}</strong>
              )}
            </p>
          </div>
        ) : (
          <p className="muted">{t('readBack.noSignature')}</p>
        )}
      </section>

      <PaperReadBack
        token={token}
        caseId={c.caseId}
        expectDocuments={c.outcome !== null}
        nameOf={(id, role) => (role === 'kiosk' ? names.kiosk(id) : names.agent(id))}
      />

      <section>
        <h4>{t('readBack.rating')}</h4>
        {detail.rating?.rated && detail.rating.level ? (
          <p data-testid="readback-rating" data-level={detail.rating.level}>
            <strong>{local(RATING_LABELS[detail.rating.level], locale)}</strong>
            {detail.rating.reasons.length > 0 &&
              ` · ${detail.rating.reasons.map((r) => local(LOW_RATING_REASON_LABELS[r], locale)).join('、')}`}
            {detail.rating.staffNote && ` · ${detail.rating.staffNote}`}
          </p>
        ) : (
          <p className="muted">{detail.rating ? t('readBack.notRated') : t('readBack.noRating')}</p>
        )}
      </section>

      <section>
        <h4>{t('readBack.revisions', { count: detail.revisions.length })}</h4>
        <table className="admin-table rb-table" data-testid="readback-revisions">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('readBack.field')}</th>
              <th>{t('readBack.change')}</th>
              <th>{t('readBack.by')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.revisions.map((r) => (
              <tr key={r.revision}>
                <td className="mono">{r.revision}</td>
                <td>{labelOf(r.field)}</td>
                <td className="pre">
                  {value(r.field, r.oldValue)} → {value(r.field, r.newValue)}
                </td>
                <td>
                  {names.agent(r.by)} · {formatDateTime(r.at)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h4>{t('readBack.consents', { count: consents.length })}</h4>
        <ul className="rb-consents" data-testid="readback-consents">
          {consents.map((e) => (
            <li key={e.id}>
              <strong>{t(`consent.${e.kind}`)}</strong> · {formatDateTime(e.at)}
              {e.revision !== null && ` · ${t('readBack.atRevision', { revision: e.revision })}`}
              <p className="rb-consent-text">{e.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
