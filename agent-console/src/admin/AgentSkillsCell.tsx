/** An agent's skills in the accounts list, with 修改: tick the skills and save (PUT .../skills). */
import { useState } from 'react';
import type { Agent, Skill } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { asConsoleError, consoleApi } from '../lib/api';
import { useAdminText } from './admin-text';
import { SkillBoxes, skillsText } from './SkillBoxes';
import { useAdminSubmit } from './use-admin-submit';

/** Props: the agent, the token, failures, and what to do once saved (reload the list). */
export interface AgentSkillsCellProps {
  agent: Agent;
  token: string;
  onFailure(error: unknown): string;
  onSaved(): void;
}

/** The skills in words and 修改; while editing, the boxes with 保存 and 取消. */
export function AgentSkillsCell({ agent, token, onFailure, onSaved }: AgentSkillsCellProps) {
  const { locale } = useI18n();
  const { at } = useAdminText();
  const [editing, setEditing] = useState<Skill[] | null>(null);
  const { saving, problem, run } = useAdminSubmit(onFailure);

  if (!editing)
    return (
      <span className="agent-skills" data-testid="agent-skills" data-agent-id={agent.id}>
        {skillsText(agent.skills, locale, at('skillsNone'))}{' '}
        <button
          type="button"
          className="btn btn-small"
          data-testid="agent-skills-edit"
          onClick={() => setEditing([...agent.skills])}
        >
          {at('skillsEdit')}
        </button>
      </span>
    );

  async function save(skills: Skill[]) {
    await run(async () => {
      await asConsoleError(
        consoleApi({ token }).setAgentSkills({ params: { agentId: agent.id }, body: { skills } }),
      );
      setEditing(null);
      onSaved();
    });
  }

  return (
    <div className="agent-skills-edit" data-agent-id={agent.id}>
      <SkillBoxes value={editing} onChange={setEditing} testIdPrefix="agent-skills-box" disabled={saving} />
      <button
        type="button"
        className="btn btn-primary btn-small"
        data-testid="agent-skills-save"
        disabled={saving}
        onClick={() => void save(editing)}
      >
        {at('skillsSave')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
        {at('skillsCancel')}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
