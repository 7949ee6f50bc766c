import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type Skill } from '@rvw/shared';
import {
  canServe,
  centreViews,
  ticketVisibleTo,
  type RoutingAgent,
  type RoutingTicket,
} from './routing-rules';

const routing = { ...DEFAULT_ROUTING, anySkillAfterS: 120, overflowAfterS: 300 };
const agent = (agentId: string, centreId: string, skills: Skill[]): RoutingAgent => ({
  agentId,
  centreId,
  skills,
});
const ticket = (extra: Partial<RoutingTicket> = {}): RoutingTicket => ({
  centreId: 'xuhui',
  need: 'medical-insurance',
  waitedS: 0,
  ...extra,
});

const mia = agent('mia', 'xuhui', ['medical-insurance']);
const eli = agent('eli', 'xuhui', ['elderly-care']);
const sue = agent('sue', 'suzhou', ['medical-insurance']);
const sam = agent('sam', 'suzhou', ['residence']);
const far = agent('far', 'hefei', ['medical-insurance']);
const settings = [
  { id: 'xuhui', partners: ['suzhou'], routing },
  { id: 'suzhou', partners: [], routing },
  { id: 'hefei', partners: [], routing },
];
const allOnline = centreViews(settings, [mia, eli, sue, sam, far]);

describe('canServe: own centre', () => {
  it('lets any agent of the centre serve "unsure"', () => {
    expect(canServe(eli, ticket({ need: 'unsure' }), allOnline)).toEqual({ ok: true, overflow: false });
  });

  it('lets the skilled agent serve at once, the others only after anySkillAfterS', () => {
    expect(canServe(mia, ticket(), allOnline)).toEqual({ ok: true, overflow: false });
    expect(canServe(eli, ticket({ waitedS: 119 }), allOnline)).toEqual({ ok: false });
    expect(canServe(eli, ticket({ waitedS: 120 }), allOnline)).toEqual({ ok: true, overflow: false });
  });

  it('lets any agent serve at once when nobody online in the centre has the skill', () => {
    const views = centreViews(settings, [eli, sue]);
    expect(canServe(eli, ticket(), views)).toEqual({ ok: true, overflow: false });
  });

  it('routes a blind transfer by its routeSkill instead of the need', () => {
    const t = ticket({ need: 'medical-insurance', routeSkill: 'elderly-care' });
    expect(canServe(eli, t, allOnline)).toEqual({ ok: true, overflow: false });
    expect(canServe(mia, t, allOnline)).toEqual({ ok: false });
  });

  it('keeps a transfer to one agent for that agent, then the skill, then anyone: never forever', () => {
    const t = (waitedS: number) => ticket({ targetAgentId: 'eli', waitedS });
    expect(canServe(eli, t(0), allOnline)).toEqual({ ok: true, overflow: false });
    expect(canServe(mia, t(119), allOnline)).toEqual({ ok: false });
    expect(canServe(mia, t(120), allOnline)).toEqual({ ok: true, overflow: false });
    const toMia = (waitedS: number) => ticket({ targetAgentId: 'mia', waitedS });
    expect(canServe(eli, toMia(239), allOnline)).toEqual({ ok: false });
    expect(canServe(eli, toMia(240), allOnline)).toEqual({ ok: true, overflow: false });
  });
});

describe('canServe: partner centres', () => {
  it('keeps the ticket home before overflowAfterS while its centre has the skill online', () => {
    expect(canServe(sue, ticket({ waitedS: 299 }), allOnline)).toEqual({ ok: false });
    expect(canServe(sue, ticket({ waitedS: 300 }), allOnline)).toEqual({ ok: true, overflow: true });
  });

  it('overflows at once when nobody online at home has the skill, or nobody is online at home', () => {
    expect(canServe(sue, ticket(), centreViews(settings, [eli, sue]))).toEqual({ ok: true, overflow: true });
    expect(canServe(sue, ticket({ need: 'unsure' }), centreViews(settings, [sue]))).toEqual({
      ok: true,
      overflow: true,
    });
    expect(canServe(sue, ticket({ need: 'unsure' }), allOnline)).toEqual({ ok: false });
  });

  it('applies the skill rule at the partner, its clock starting at the overflow', () => {
    expect(canServe(sam, ticket({ waitedS: 300 }), allOnline)).toEqual({ ok: false });
    expect(canServe(sam, ticket({ waitedS: 419 }), allOnline)).toEqual({ ok: false });
    expect(canServe(sam, ticket({ waitedS: 420 }), allOnline)).toEqual({ ok: true, overflow: true });
    expect(canServe(sam, ticket({ waitedS: 300 }), centreViews(settings, [mia, sam]))).toEqual({
      ok: true,
      overflow: true,
    });
    // Overflowed at once (nobody at home has the skill): the partner's clock is the ticket's wait.
    expect(canServe(sam, ticket({ waitedS: 119 }), centreViews(settings, [eli, sue, sam]))).toEqual({
      ok: false,
    });
    expect(canServe(sam, ticket({ waitedS: 120 }), centreViews(settings, [eli, sue, sam]))).toEqual({
      ok: true,
      overflow: true,
    });
  });

  it('never goes to a centre that is not a partner', () => {
    expect(canServe(far, ticket({ waitedS: 10_000 }), centreViews(settings, [far]))).toEqual({ ok: false });
  });

  it('lets the target of a transfer in another centre take it, as overflow', () => {
    expect(canServe(far, ticket({ targetAgentId: 'far' }), allOnline)).toEqual({ ok: true, overflow: true });
  });
});

describe('ticketVisibleTo and centreViews', () => {
  it('lists the agents who may serve the ticket now', () => {
    const got = ticketVisibleTo([mia, eli, sue, sam, far], ticket({ waitedS: 300 }), allOnline);
    expect(got.map((v) => [v.agent.agentId, v.overflow])).toEqual([
      ['mia', false],
      ['eli', false],
      ['sue', true],
    ]);
  });

  it("counts each centre's online agents and their skills, ignoring unknown centres", () => {
    const views = centreViews(settings, [mia, eli, agent('x', 'nowhere', ['residence'])]);
    expect(views.get('xuhui')).toMatchObject({ onlineAgents: 2 });
    expect([...views.get('xuhui')!.onlineSkills].sort()).toEqual(['elderly-care', 'medical-insurance']);
    expect(views.get('suzhou')).toMatchObject({ onlineAgents: 0 });
    expect(views.has('nowhere')).toBe(false);
  });
});
