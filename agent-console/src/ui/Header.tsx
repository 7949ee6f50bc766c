/**
 * The top bar: the agent's own status (status/, given as `status`), how many are waiting, the
 * connection, tabs, who is signed in, language, sign-out.
 */
import type { ReactNode } from 'react';
import type { Agent } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { ConnectionStatus } from '../app/console-state';
import { LanguageSwitch } from './LanguageSwitch';
import './header.css';
import { liveText } from '../supervisor/live/live-text';
import { aw } from '../appointments/appointment-words';

/** The workbench's pages. */
export type Tab = 'queue' | 'admin' | 'live' | 'appointments' | 'fleet';

/** Props of the header. */
export interface HeaderProps {
  agent: Agent;
  connection: ConnectionStatus;
  waiting: number;
  tab: Tab;
  onTab(tab: Tab): void;
  inCall: boolean;
  onLogout(): void;
  /** The agent's status and its buttons, right after the brand. */
  status?: ReactNode;
}

/** The bar across the top of the workbench. */
export function Header({ agent, connection, waiting, tab, onTab, inCall, onLogout, status }: HeaderProps) {
  const { t, locale } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="brand-mark" aria-hidden="true">
          窗
        </span>
        <span className="brand-name">{t('app.short')}</span>
      </div>
      {status}
      <div className="waiting-badge" data-testid="waiting-count" aria-live="polite">
        {t('queue.waitingCount', { count: waiting })}
      </div>
      <div
        className={`conn conn-${connection}`}
        data-testid="connection-status"
        data-status={connection}
        role="status"
        title={t(`conn.${connection}`)}
      >
        <span className="conn-dot" aria-hidden="true" />
        <span className="conn-label">{t(`conn.${connection}`)}</span>
      </div>
      <nav className="tabs" aria-label={t('nav.admin')}>
        <button
          type="button"
          className={`tab ${tab === 'queue' ? 'tab-active' : ''}`}
          aria-current={tab === 'queue' ? 'page' : undefined}
          data-testid="tab-queue"
          onClick={() => onTab('queue')}
        >
          {inCall ? t('call.heading') : t('nav.queue')}
        </button>
        <button
          type="button"
          className={`tab ${tab === 'appointments' ? 'tab-active' : ''}`}
          aria-current={tab === 'appointments' ? 'page' : undefined}
          data-testid="tab-appointments"
          disabled={inCall}
          onClick={() => onTab('appointments')}
        >
          {aw(locale, 'tab')}
        </button>
        {agent.role === 'admin' && (
          <>
            <button
              type="button"
              className={`tab ${tab === 'admin' ? 'tab-active' : ''}`}
              aria-current={tab === 'admin' ? 'page' : undefined}
              data-testid="tab-admin"
              disabled={inCall}
              onClick={() => onTab('admin')}
            >
              {t('nav.admin')}
            </button>
            <button
              type="button"
              className={`tab ${tab === 'live' ? 'tab-active' : ''}`}
              aria-current={tab === 'live' ? 'page' : undefined}
              data-testid="tab-live"
              disabled={inCall}
              onClick={() => onTab('live')}
            >
              {liveText(locale, 'tab')}
            </button>
            <button
              type="button"
              className={`tab ${tab === 'fleet' ? 'tab-active' : ''}`}
              aria-current={tab === 'fleet' ? 'page' : undefined}
              data-testid="tab-fleet"
              disabled={inCall}
              onClick={() => onTab('fleet')}
            >
              {t('fleet.tab')}
            </button>
          </>
        )}
      </nav>
      <div className="topbar-spacer" />
      <div className="agent-name" data-testid="agent-name">
        {t('nav.signedInAs', { name: agent.displayName, role: t(`role.${agent.role}`) })}
      </div>
      <LanguageSwitch className="btn btn-ghost-dark" />
      <button type="button" className="btn btn-ghost-dark" data-testid="logout" onClick={onLogout}>
        {t('nav.logout')}
      </button>
    </header>
  );
}
