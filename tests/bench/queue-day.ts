/**
 * The day `npm run bench:queue` replays (issue 11 #5), drawn from a seeded distribution: two
 * partner centres open 08:30–17:00 (Asia/Shanghai), residents arriving as a Poisson process whose
 * rate follows the day (a morning peak, a lunch dip, an afternoon peak), what they need, whether
 * they are 80 or over, say they have a disability or come for an appointment, how long the agent
 * takes (log-normal), and the agents: their centre, skills and breaks. Pure: the same seed gives the
 * same day.
 */
import type { Skill, TicketNeed } from '@rvw/shared';

/** A small, fast, seedable generator (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The day's opening, in seconds after 08:30 local time. */
export const OPEN_S = 0;
/** 17:00: no new residents after this; those waiting are still served. */
export const CLOSE_S = 8.5 * 3600;

export interface CentrePlan {
  id: string;
  name: string;
  region: string;
  partners: string[];
  /** Arrivals per hour at the day's peak. */
  peakPerHour: number;
  /** How many kiosks the centre's committees have (a kiosk holds one resident at a time). */
  kiosks: number;
}

export interface AgentPlan {
  key: string;
  centreId: string;
  skills: Skill[];
  /** Away periods, seconds after opening: [from, to). */
  breaks: Array<[number, number]>;
}

export type PriorityClass = 'plain' | 'age80' | 'disability' | 'appointment';

export interface ArrivalPlan {
  /** Seconds after opening. */
  atS: number;
  centreId: string;
  need: TicketNeed;
  /** The resident's age on the card (80+ for the age80 class). */
  age: number;
  disability: boolean;
  appointment: boolean;
  /** The class a person would file it under (the first reason that applies, else plain). */
  priority: PriorityClass;
  /** How long the agent will take once connected, in seconds. */
  handlingS: number;
}

export interface DayPlan {
  seed: number;
  centres: CentrePlan[];
  agents: AgentPlan[];
  arrivals: ArrivalPlan[];
}

/** The shares of residents with each reason (independent draws). */
export const SHARES = { age80: 0.12, disability: 0.06, appointment: 0.05 } as const;

/** Needs as residents press them (with 8 % "I don't know"). */
const NEEDS: Array<[TicketNeed, number]> = [
  ['elderly-care', 0.24],
  ['medical-insurance', 0.26],
  ['residence', 0.16],
  ['disability', 0.07],
  ['family-planning', 0.06],
  ['consultation', 0.13],
  ['unsure', 0.08],
];

/** Handling time: log-normal with a median of 4 minutes (mean ≈ 4.6 min), 45 s at least. */
export const HANDLING = { medianS: 240, sigma: 0.55, minS: 45, maxS: 3600 } as const;

/** The rate's shape over the day (1 = the peak), by half hour from 08:30. */
const SHAPE = [
  0.5,
  0.8,
  1,
  1,
  0.9,
  0.8, // 08:30–11:30 (the morning peak)
  0.6,
  0.4,
  0.4,
  0.5, // 11:30–13:30 (lunch)
  0.8,
  0.9,
  1,
  0.9,
  0.7,
  0.6,
  0.4, // 13:30–17:00
];

const CENTRES: CentrePlan[] = [
  {
    id: 'xuhui-tianlin',
    name: '徐汇区田林街道社区事务受理服务中心',
    region: '上海市徐汇区',
    partners: ['suzhou-gusu'],
    peakPerHour: 46,
    kiosks: 24,
  },
  {
    id: 'suzhou-gusu',
    name: '苏州市姑苏区政务服务中心',
    region: '江苏省苏州市姑苏区',
    partners: ['xuhui-tianlin'],
    peakPerHour: 26,
    kiosks: 16,
  },
];

/** Agents: centre, skills; a lunch hour (staggered) and a 15-minute break each. */
const AGENTS: Array<Omit<AgentPlan, 'breaks'>> = [
  { key: 'x1', centreId: 'xuhui-tianlin', skills: ['elderly-care', 'disability'] },
  { key: 'x2', centreId: 'xuhui-tianlin', skills: ['elderly-care', 'consultation'] },
  { key: 'x3', centreId: 'xuhui-tianlin', skills: ['medical-insurance'] },
  { key: 'x4', centreId: 'xuhui-tianlin', skills: ['medical-insurance', 'family-planning'] },
  { key: 'x5', centreId: 'xuhui-tianlin', skills: ['residence', 'consultation'] },
  { key: 'x6', centreId: 'xuhui-tianlin', skills: ['residence', 'elderly-care', 'medical-insurance'] },
  { key: 'x7', centreId: 'xuhui-tianlin', skills: ['consultation'] },
  { key: 's1', centreId: 'suzhou-gusu', skills: ['medical-insurance', 'elderly-care'] },
  { key: 's2', centreId: 'suzhou-gusu', skills: ['residence', 'family-planning'] },
  { key: 's3', centreId: 'suzhou-gusu', skills: ['disability', 'consultation'] },
  { key: 's4', centreId: 'suzhou-gusu', skills: ['elderly-care', 'medical-insurance', 'residence'] },
];

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

/** The day for a seed. `scale` multiplies every arrival rate (1 = the plan above). */
export function planDay(seed: number, scale = 1): DayPlan {
  const random = seededRandom(seed);
  const agents = AGENTS.map((a, i): AgentPlan => {
    // Lunch at 11:30, 12:00 or 12:30 (by turns), an hour; a 15-minute break somewhere else.
    const lunch = 3 * 3600 + (i % 3) * 1800;
    const short = random() < 0.5 ? 1.5 * 3600 + random() * 3600 : 5.5 * 3600 + random() * 5400;
    return {
      ...a,
      breaks: [
        [lunch, lunch + 3600],
        [short, short + 900],
      ],
    };
  });
  const arrivals: ArrivalPlan[] = [];
  for (const centre of CENTRES) {
    // A non-homogeneous Poisson process by thinning: candidates at the peak rate, kept with the shape.
    const peakPerS = (centre.peakPerHour * scale) / 3600;
    for (
      let at = OPEN_S - Math.log(1 - random()) / peakPerS;
      at < CLOSE_S;
      at -= Math.log(1 - random()) / peakPerS
    ) {
      if (random() >= SHAPE[Math.min(SHAPE.length - 1, Math.floor(at / 1800))]!) continue;
      arrivals.push(arrival(random, centre.id, at));
    }
  }
  arrivals.sort((a, b) => a.atS - b.atS);
  return { seed, centres: CENTRES, agents, arrivals };
}

function arrival(random: () => number, centreId: string, atS: number): ArrivalPlan {
  const old = random() < SHARES.age80;
  const disability = random() < SHARES.disability;
  const appointment = random() < SHARES.appointment;
  const need = pick(random, NEEDS);
  const handlingS = Math.min(
    HANDLING.maxS,
    Math.max(HANDLING.minS, HANDLING.medianS * Math.exp(HANDLING.sigma * normal(random))),
  );
  const age = old ? 80 + Math.floor(random() * 16) : 20 + Math.floor(random() * 59);
  const priority: PriorityClass = appointment
    ? 'appointment'
    : old
      ? 'age80'
      : disability
        ? 'disability'
        : 'plain';
  return { atS, centreId, need, age, disability, appointment, priority, handlingS: Math.round(handlingS) };
}
