/**
 * Agent accounts of the supervisor's centre: the list (with skills and centre) and the creation form
 * (with the skills ticked); an agent's skills can be changed in the list.
 */
import { useState, type FormEvent } from 'react';
import { CreateAgentRequest, type Role, type Skill } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { createAgent, listAgents } from '../lib/api';
import { useAdminList } from './use-admin-list';
import { useAdminSubmit } from './use-admin-submit';
import { AdminTable } from './AdminTable';
import { Field } from '../ui/Field';
import { useAdminText } from './admin-text';
import { AgentSkillsCell } from './AgentSkillsCell';
import { useCentreNames } from './centre-names';
import { SkillBoxes } from './SkillBoxes';

/** Props of the agent panel. */
export interface AgentsPanelProps {
  token: string;
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  onFailure(error: unknown): string;
}

const invalidField: Record<string, MessageKey> = {
  username: 'admin.invalid.username',
  displayName: 'admin.invalid.displayName',
  password: 'admin.invalid.password',
};

/** Lists the agent accounts and creates a new one. */
export function AgentsPanel({ token, onFailure }: AgentsPanelProps) {
  const { t } = useI18n();
  const { at } = useAdminText();
  const centres = useCentreNames(token);
  const list = useAdminList(listAgents, token, onFailure);
  const [skills, setSkills] = useState<Skill[]>([]);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const { saving, problem, setProblem, run } = useAdminSubmit(onFailure);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const parsed = CreateAgentRequest.safeParse({
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      role,
      skills,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      setProblem(t(invalidField[field] ?? 'error.BAD_PAYLOAD'));
      return;
    }
    await run(async () => {
      const agent = await createAgent(token, parsed.data);
      setDone(t('admin.agent.created', { username: agent.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRole('agent');
      setSkills([]);
      list.reload();
    });
  }

  return (
    <section className="panel admin-panel" aria-labelledby="agents-heading">
      <div className="panel-head">
        <h2 id="agents-heading">{t('admin.agents')}</h2>
      </div>
      <form className="admin-form" onSubmit={submit} noValidate data-testid="agent-form">
        <Field label={t('admin.agent.username')}>
          <input
            data-testid="agent-username"
            value={username}
            autoComplete="off"
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field label={t('admin.agent.displayName')}>
          <input
            data-testid="agent-display-name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </Field>
        <Field label={t('admin.agent.password')}>
          <input
            data-testid="agent-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field label={t('admin.agent.role')}>
          <select data-testid="agent-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="agent">{t('role.agent')}</option>
            <option value="admin">{t('role.admin')}</option>
            <option value="technician">{t('role.technician')}</option>
          </select>
        </Field>
        <SkillBoxes value={skills} onChange={setSkills} testIdPrefix="agent-skill" disabled={saving} />
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
      <AdminTable
        list={list}
        testId="agent-table"
        emptyText={t('admin.agent.none')}
        columns={[
          { header: t('admin.agent.username'), cell: (a) => a.username, className: 'mono' },
          { header: t('admin.agent.displayName'), cell: (a) => a.displayName },
          { header: t('admin.agent.role'), cell: (a) => t(`role.${a.role}`) },
          {
            header: at('skills'),
            cell: (a) => (
              <AgentSkillsCell agent={a} token={token} onFailure={onFailure} onSaved={list.reload} />
            ),
          },
          { header: at('centre'), cell: (a) => centres.get(a.centreId) ?? a.centreId },
        ]}
      />
    </section>
  );
}
