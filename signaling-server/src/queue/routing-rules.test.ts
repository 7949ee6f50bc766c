import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it('makes a skill nobody online in the centre has wait anySkillAfterS too, then gives it to anyone', () => {
    // Nobody at home has medical insurance: not "anyone at once", the same wait as busy skilled agents.
    const views = centreViews(settings, [eli, sue]);
    expect(canServe(eli, ticket(), views)).toEqual({ ok: false });
    expect(canServe(eli, ticket({ waitedS: 119 }), views)).toEqual({ ok: false });
    expect(canServe(eli, ticket({ waitedS: 120 }), views)).toEqual({ ok: true, overflow: false });
    expect(canServe(eli, ticket(), centreViews(settings, [eli]))).toEqual({ ok: false });
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
    // Nobody at the partner has the skill: its others still wait anySkillAfterS from the overflow.
    const noSkillThere = centreViews(settings, [mia, sam]);
    expect(canServe(sam, ticket({ waitedS: 300 }), noSkillThere)).toEqual({ ok: false });
    expect(canServe(sam, ticket({ waitedS: 420 }), noSkillThere)).toEqual({ ok: true, overflow: true });
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

const SKILLS: Skill[] = [
  'elderly-care',
  'medical-insurance',
  'disability',
  'residence',
  'family-planning',
  'consultation',
];
const CENTRE_IDS = ['c-home', 'c-p1', 'c-p2', 'c-far'];

/** Random centres (home with up to two partners), online agents, and a waiting ticket of home. */
const world = fc
  .record({
    anySkillAfterS: fc.integer({ min: 0, max: 600 }),
    overflowAfterS: fc.integer({ min: 0, max: 900 }),
    partners: fc.subarray(['c-p1', 'c-p2']),
    agents: fc.array(
      fc.record({ centreId: fc.constantFrom(...CENTRE_IDS), skills: fc.subarray(SKILLS, { maxLength: 3 }) }),
      { maxLength: 8 },
    ),
    need: fc.constantFrom<RoutingTicket['need']>('unsure', ...SKILLS),
    routeSkill: fc.option(fc.constantFrom(...SKILLS)),
    target: fc.option(fc.integer({ min: 0, max: 9 })),
    waitedS: fc.integer({ min: 0, max: 3000 }),
  })
  .map((w) => {
    const r = { ...DEFAULT_ROUTING, anySkillAfterS: w.anySkillAfterS, overflowAfterS: w.overflowAfterS };
    const agents = w.agents.map((a, i) => agent(`a${i}`, a.centreId, a.skills));
    const views = centreViews(
      CENTRE_IDS.map((id) => ({ id, partners: id === 'c-home' ? w.partners : [], routing: r })),
      agents,
    );
    const t: RoutingTicket = {
      centreId: 'c-home',
      need: w.need,
      routeSkill: w.routeSkill,
      targetAgentId: w.target === null ? null : `a${w.target}`,
      waitedS: w.waitedS,
    };
    return { agents, views, ticket: t, routing: r, partners: w.partners };
  });

describe('canServe: properties', () => {
  it('never shows a ticket to a partner before overflowAfterS while an online agent at home has its skill', () => {
    fc.assert(
      fc.property(world, ({ agents, views, ticket: t, routing: r }) => {
        const need = t.routeSkill ?? t.need;
        const home = agents.filter((a) => a.centreId === 'c-home');
        const skilledHome = home.some((a) => need === 'unsure' || a.skills.includes(need));
        fc.pre(skilledHome && t.waitedS < r.overflowAfterS);
        for (const a of agents.filter((x) => x.centreId !== 'c-home' && x.agentId !== t.targetAgentId))
          expect(canServe(a, t, views).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('lets someone online serve every ticket once it has waited max(anySkillAfterS, overflowAfterS) (twice anySkillAfterS for one kept for an agent)', () => {
    fc.assert(
      fc.property(world, ({ agents, views, ticket: t, routing: r, partners }) => {
        const reachable = agents.filter((a) => a.centreId === 'c-home' || partners.includes(a.centreId));
        fc.pre(reachable.length > 0);
        // Kept for one agent: that agent alone for anySkillAfterS, then the skill rule's own wait.
        const anySkillS = (t.targetAgentId ? 2 : 1) * r.anySkillAfterS;
        const waited = { ...t, waitedS: Math.max(anySkillS, r.overflowAfterS) + (t.waitedS % 60) };
        expect(ticketVisibleTo(agents, waited, views).length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('only grows the set of agents who may serve a ticket as it waits', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 1200 }), ({ agents, views, ticket: t }, more) => {
        const before = ticketVisibleTo(agents, t, views).map((v) => v.agent.agentId);
        const after = ticketVisibleTo(agents, { ...t, waitedS: t.waitedS + more }, views).map(
          (v) => v.agent.agentId,
        );
        expect(after).toEqual(expect.arrayContaining(before));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a ticket within its centre and partners (except its target), and flags exactly the others as overflow', () => {
    fc.assert(
      fc.property(world, ({ agents, views, ticket: t, partners }) => {
        for (const { agent: a, overflow } of ticketVisibleTo(agents, t, views)) {
          expect(overflow).toBe(a.centreId !== 'c-home');
          if (a.agentId !== t.targetAgentId) expect(['c-home', ...partners]).toContain(a.centreId);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never gives a skill ticket to an agent of its centre without the skill before anySkillAfterS', () => {
    fc.assert(
      fc.property(world, ({ agents, views, ticket: t, routing: r }) => {
        const need = t.routeSkill ?? t.need;
        fc.pre(need !== 'unsure' && t.waitedS < r.anySkillAfterS);
        for (const a of agents.filter(
          (x) => x.centreId === 'c-home' && !x.skills.includes(need) && x.agentId !== t.targetAgentId,
        ))
          expect(canServe(a, t, views).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a ticket for one agent with that agent alone until anySkillAfterS', () => {
    fc.assert(
      fc.property(world, ({ agents, views, ticket: t, routing: r }) => {
        fc.pre(!!t.targetAgentId && t.waitedS < r.anySkillAfterS);
        const who = ticketVisibleTo(agents, t, views).map((v) => v.agent.agentId);
        expect(who.filter((id) => id !== t.targetAgentId)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
