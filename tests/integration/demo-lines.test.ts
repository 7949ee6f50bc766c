/**
 * The demo's printed lines: every demo account with its centre and skills, its password when just
 * created, and for a forgotten one a reset command naming the data folder the demo really uses, so
 * that the command resets the account in that database and not in an empty ./data (issue 8 #16);
 * the two centres with their mode and partners (issue 11).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type Skill } from '@rvw/shared';
import { demoAccounts, demoCentres } from '@rvw/signaling-server';
import { accountLines, centreLines, slotLines } from '../../scripts/demo-lines';

const account = (
  username: string,
  password: string | null,
  skills: Skill[] = [],
  role = 'agent' as const,
) => ({
  username,
  displayName: `${username} 名`,
  role,
  centreId: 'xuhui-tianlin',
  skills,
  credentials: password === null ? null : { username, password },
});

describe('demo account lines', () => {
  it('new accounts: username and password, shown once, with centre and skills', () => {
    const lines = accountLines(
      {
        accounts: [
          { ...account('admin', 'p4ssw0rdp4ssw0rd'), role: 'admin' },
          account('wangfang', 'q4ssw0rdq4ssw0rd', ['elderly-care', 'medical-insurance']),
          account('agent', 'r4ssw0rdr4ssw0rd'),
          { ...account('tech', 's4ssw0rds4ssw0rd'), role: 'technician' },
        ],
      },
      '/srv/rvw',
    );
    expect(lines[0]).toMatch(/^Demo supervisor: +admin \/ p4ssw0rdp4ssw0rd .*xuhui-tianlin.*shown once/);
    expect(lines[1]).toMatch(/^Demo agent: +wangfang \/ q4ssw0rdq4ssw0rd .*养老服务、医疗保障/);
    expect(lines[2]).toContain('no skills');
    expect(lines[3]).toMatch(/^Demo technician: +tech \/ s4ssw0rds4ssw0rd .*the 设备 tab only/);
  });

  it('existing accounts: a reset command with RVW_DATA_DIR set to the folder in use', () => {
    const dataDir = join('/tmp', 'other data');
    const lines = accountLines({ accounts: [account('admin', null), account('agent', null)] }, dataDir);
    expect(lines[0]).toContain(`RVW_DATA_DIR='${dataDir}' npx rvw-server reset-password admin`);
    expect(lines[1]).toContain(`RVW_DATA_DIR='${dataDir}' npx rvw-server reset-password agent`);
    expect(lines.join('\n')).not.toMatch(/ \/ /);
  });

  it('the roster: two supervisors, agents with different skills in both centres, one with none', () => {
    const agents = demoAccounts.filter((a) => a.role === 'agent');
    expect(
      demoAccounts
        .filter((a) => a.role === 'admin')
        .map((a) => a.centreId)
        .sort(),
    ).toEqual(demoCentres.map((c) => c.id).sort());
    expect(new Set(agents.map((a) => a.centreId)).size).toBe(2);
    expect(new Set(agents.map((a) => a.skills.join())).size).toBe(agents.length);
    expect(agents.some((a) => a.skills.length === 0)).toBe(true);
  });
});

describe('demo centre lines', () => {
  it('names each centre, its mode and its partners', () => {
    const lines = centreLines({
      centres: [
        {
          id: 'suzhou-gusu',
          name: '苏州市姑苏区便民服务中心',
          region: '江苏省苏州市',
          partners: ['xuhui-tianlin'],
          routing: { ...DEFAULT_ROUTING, mode: 'offer' },
        },
      ],
    });
    expect(lines).toEqual([
      'Centre:          suzhou-gusu  苏州市姑苏区便民服务中心 (江苏省苏州市; offers tickets to agents; partners: xuhui-tianlin)',
    ]);
  });
});

describe('demo slot lines', () => {
  it('names the centre, skill, item, window in Shanghai time, and the specialist', () => {
    const lines = slotLines({
      slots: [
        {
          centreId: 'xuhui-tianlin',
          skill: 'medical-insurance',
          itemCode: 'medical-record-booklet',
          from: '2026-12-07T02:30:00.000Z',
          to: '2026-12-07T04:30:00.000Z',
          count: 2,
          lengthMin: 60,
          capacity: 2,
          specialist: 'wangfang',
        },
      ],
    });
    expect(lines).toEqual([
      'Appointments:    xuhui-tianlin 医疗保障 (medical-record-booklet) 10:30-12:30, 2 × 60 min, 2 each, specialist wangfang',
    ]);
  });
});
