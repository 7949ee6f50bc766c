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

/**
 * The tabs each role sees: an agent the queue and appointments; an admin (supervisor) also the
 * accounts, the live view and the fleet; a technician only the fleet.
 */
export function tabsOf(role: Agent['role']): Tab[] {
  if (role === 'technician') return ['fleet'];
  return role === 'admin' ? ['queue', 'appointments', 'admin', 'live', 'fleet'] : ['queue', 'appointments'];
}

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
      {agent.role !== 'technician' && (
        <div className="waiting-badge" data-testid="waiting-count" aria-live="polite">
          {t('queue.waitingCount', { count: waiting })}
        </div>
      )}
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
        {tabsOf(agent.role).map((name) => (
          <button
            key={name}
            type="button"
            className={`tab ${tab === name ? 'tab-active' : ''}`}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`tab-${name}`}
            disabled={inCall && name !== 'queue'}
            onClick={() => onTab(name)}
          >
            {name === 'queue'
              ? inCall
                ? t('call.heading')
                : t('nav.queue')
              : name === 'appointments'
                ? aw(locale, 'tab')
                : name === 'admin'
                  ? t('nav.admin')
                  : name === 'live'
                    ? liveText(locale, 'tab')
                    : t('fleet.tab')}
          </button>
        ))}
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
