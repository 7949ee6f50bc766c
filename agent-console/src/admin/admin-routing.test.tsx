/** The admin page's issue-11 parts: skills ticked per agent, the centre, the kiosk's kind; both languages. */
import { describe, expect, it } from 'vitest';
import type { Agent } from '@rvw/shared';
import { placeholdersOf } from '../i18n/translate';
import { all, html, one } from '../queue/test-render';
import { adminMessages } from './admin-text';
import { AgentSkillsCell } from './AgentSkillsCell';
import { AgentsPanel } from './AgentsPanel';
import { KiosksPanel } from './KiosksPanel';
import { SkillBoxes, SKILLS } from './SkillBoxes';

const agent: Agent = {
  id: 'a1',
  username: 'zhang',
  displayName: '张 坐席',
  role: 'agent',
  centreId: 'main',
  skills: ['elderly-care', 'consultation'],
};
const none = () => 'X';

describe('skills', () => {
  it('offers one box per skill in the tiles’ order, ticked as given, named in the console’s language', () => {
    const markup = html(<SkillBoxes value={['residence']} onChange={() => undefined} testIdPrefix="s" />);
    expect(SKILLS).toEqual([
      'elderly-care',
      'medical-insurance',
      'disability',
      'residence',
      'family-planning',
      'consultation',
    ]);
    const boxes = SKILLS.map((skill) => one(markup, `s-${skill}`)!);
    expect(boxes.map((b) => b.tag.includes('checked'))).toEqual([false, false, false, true, false, false]);
    expect(markup).toContain('养老服务');
    expect(html(<SkillBoxes value={[]} onChange={() => undefined} testIdPrefix="s" />, 'en')).toContain(
      'Elderly care',
    );
  });

  it('shows an agent’s skills in words with 修改, and "ask staff" only when none', () => {
    const cell = one(
      html(<AgentSkillsCell agent={agent} token="t" onFailure={none} onSaved={() => undefined} />),
      'agent-skills',
    )!;
    expect(cell.text).toBe('养老服务、政策咨询 修改');
    expect(cell.attr('data-agent-id')).toBe('a1');
    const bare = html(
      <AgentSkillsCell
        agent={{ ...agent, skills: [] }}
        token="t"
        onFailure={none}
        onSaved={() => undefined}
      />,
      'en',
    );
    expect(one(bare, 'agent-skills')!.text).toBe('"Ask staff" only Change');
  });

  it('puts the skill boxes in the new account form, and the kind in the kiosk form', () => {
    const agents = html(<AgentsPanel token="t" onFailure={none} />);
    expect(all(agents, 'agent-skill-elderly-care')).toHaveLength(1);
    expect(agents).toContain('业务技能');
    const kiosks = one(html(<KiosksPanel token="t" onFailure={none} />), 'kiosk-kind')!;
    expect(kiosks.text).toBe('固定终端上门办（便携）');
    expect(one(html(<KiosksPanel token="t" onFailure={none} />, 'en'), 'kiosk-kind')!.text).toBe(
      'Fixed kioskDoor-to-door (portable)',
    );
  });

  it('has every word in both languages with the same placeholders', () => {
    const zh = adminMessages['zh-CN'];
    for (const key of Object.keys(zh) as Array<keyof typeof zh>)
      expect([key, placeholdersOf(adminMessages.en[key])]).toEqual([key, placeholdersOf(zh[key])]);
  });
});
