/** Agent accounts: the list and the creation form. */
import { useState, type FormEvent } from 'react';
import { CreateAgentRequest, type Role } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { createAgent, listAgents } from '../lib/api';
import { errorCodeOf, isAuthLost } from '../lib/errors';
import { useAdminList } from '../hooks/use-admin-list';

/** Props of the agent panel. */
export interface AgentsPanelProps {
  token: string;
  onAuthLost(code: string): void;
}

const invalidField: Record<string, MessageKey> = {
  username: 'admin.invalid.username',
  displayName: 'admin.invalid.displayName',
  password: 'admin.invalid.password',
};

/** The agent panel. */
export function AgentsPanel({ token, onAuthLost }: AgentsPanelProps) {
  const { t, err } = useI18n();
  const list = useAdminList(listAgents, token, onAuthLost);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const parsed = CreateAgentRequest.safeParse({
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      role,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      setProblem(t(invalidField[field] ?? 'error.BAD_PAYLOAD'));
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const agent = await createAgent(token, parsed.data);
      setDone(t('admin.agent.created', { username: agent.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRole('agent');
      list.reload();
    } catch (e) {
      const code = errorCodeOf(e);
      if (isAuthLost(code)) onAuthLost(code);
      setProblem(err(code));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel admin-panel" aria-labelledby="agents-heading">
      <div className="panel-head">
        <h2 id="agents-heading">{t('admin.agents')}</h2>
      </div>
      <form className="admin-form" onSubmit={submit} noValidate data-testid="agent-form">
        <label className="field">
          <span>{t('admin.agent.username')}</span>
          <input
            data-testid="agent-username"
            value={username}
            autoComplete="off"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.agent.displayName')}</span>
          <input
            data-testid="agent-display-name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.agent.password')}</span>
          <input
            data-testid="agent-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('admin.agent.role')}</span>
          <select data-testid="agent-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="agent">{t('role.agent')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary" data-testid="agent-submit" disabled={saving}>
          {saving ? t('admin.saving') : t('admin.agent.create')}
        </button>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {done && (
          <p className="form-ok" role="status">
            {done}
          </p>
        )}
      </form>
      {list.errorCode && (
        <p className="form-error">{t('admin.loadFailed', { reason: err(list.errorCode) })}</p>
      )}
      {list.items && list.items.length === 0 && <p className="muted">{t('admin.agent.none')}</p>}
      {list.items && list.items.length > 0 && (
        <table className="admin-table" data-testid="agent-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.agent.username')}</th>
              <th scope="col">{t('admin.agent.displayName')}</th>
              <th scope="col">{t('admin.agent.role')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <td className="mono">{a.username}</td>
                <td>{a.displayName}</td>
                <td>{t(`role.${a.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
