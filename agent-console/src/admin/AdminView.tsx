/**
 * Administration (admins only): kiosks and agent accounts, the follow-ups of low ratings, and the
 * case lookup, each a section of its own.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { KiosksPanel } from './KiosksPanel';
import { AgentsPanel } from './AgentsPanel';
import { FollowUpsPanel } from '../supervisor/FollowUpsPanel';
import { CaseLookup } from '../supervisor/CaseLookup';
import '../supervisor/supervisor.css';

/** Props of the admin view. */
export interface AdminViewProps {
  token: string;
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  onFailure(error: unknown): string;
}

/** The sections of the admin page. */
export type AdminSection = 'setup' | 'follow-ups' | 'cases';

/** The admin page: a section switch, then kiosks and accounts side by side, or one supervisor panel. */
export function AdminView({ token, onFailure }: AdminViewProps) {
  const { t } = useI18n();
  const [section, setSection] = useState<AdminSection>('setup');
  const [lookup, setLookup] = useState<{ number: string; seq: number }>({ number: '', seq: 0 });

  return (
    <div className="admin-page">
      <h1 className="sr-only">{t('admin.heading')}</h1>
      <nav className="admin-sections" aria-label={t('admin.sections')}>
        {(['setup', 'follow-ups', 'cases'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`section-tab ${section === s ? 'section-tab-on' : ''}`}
            aria-current={section === s ? 'page' : undefined}
            data-testid={`admin-section-${s}`}
            onClick={() => setSection(s)}
          >
            {t(`admin.section.${s}`)}
          </button>
        ))}
      </nav>
      {section === 'setup' && (
        <div className="admin" data-testid="admin-view">
          <KiosksPanel token={token} onFailure={onFailure} />
          <AgentsPanel token={token} onFailure={onFailure} />
        </div>
      )}
      {section === 'follow-ups' && (
        <FollowUpsPanel
          token={token}
          onFailure={onFailure}
          onOpenCase={(number) => {
            setLookup((l) => ({ number, seq: l.seq + 1 }));
            setSection('cases');
          }}
        />
      )}
      {section === 'cases' && (
        <CaseLookup key={lookup.seq} token={token} onFailure={onFailure} number={lookup.number} />
      )}
    </div>
  );
}
