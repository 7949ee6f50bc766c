/** Centres (service centres a server serves) and how each routes its tickets (issue 11). */
import { z } from 'zod';

/** A centre's id: a short slug such as `xuhui-tianlin` or `suzhou-gusu`. */
export const CentreId = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and hyphens');
export type CentreId = z.infer<typeof CentreId>;

/** `pull`: agents pick from their queue; `offer`: the server offers the next ticket to the longest-idle agent. */
export const RoutingMode = z.enum(['pull', 'offer']);
export type RoutingMode = z.infer<typeof RoutingMode>;

/** The routing settings of one centre; every time is in seconds. */
export const RoutingSettings = z.object({
  mode: RoutingMode,
  /** An offer not taken within this time moves to the next agent (and the miss is recorded). */
  offerTimeoutS: z.number().int().min(5).max(300),
  /** A ticket whose skill no agent of the centre has online goes to any agent of the centre after this. */
  anySkillAfterS: z.number().int().min(0).max(3600),
  /** After this wait (or at once when no agent of the centre can serve it) a ticket overflows to the partners. */
  overflowAfterS: z.number().int().min(0).max(7200),
  /** Wrap-up after a session ends by itself after this; the agent is then available again. */
  wrapUpLimitS: z.number().int().min(0).max(3600),
  /** No ticket waits longer than this because of priority: past it, a ticket goes ahead of any priority. */
  maxWaitS: z.number().int().min(60).max(7200),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;

/** The defaults a new centre gets (district targets: a general item waits at most 10 minutes). */
export const DEFAULT_ROUTING: RoutingSettings = {
  mode: 'pull',
  offerTimeoutS: 15,
  anySkillAfterS: 120,
  overflowAfterS: 300,
  wrapUpLimitS: 120,
  maxWaitS: 600,
};

/** A service centre: a street's centre, a district's, or a partner city's in the Delta. */
export const Centre = z.object({
  id: CentreId,
  name: z.string().min(1).max(100),
  /** Where it is, as a person says it (上海市徐汇区, 苏州市姑苏区): shown to agents and in reports. */
  region: z.string().min(1).max(100),
  /** Centres this one's tickets overflow to, in order of preference. */
  partners: z.array(CentreId).max(20),
  routing: RoutingSettings,
});
export type Centre = z.infer<typeof Centre>;

/** Where a resident is, as the agent sees it: centre, committee (the kiosk's location), kiosk. */
export const ResidentPlace = z.object({
  centreId: CentreId,
  centreName: z.string(),
  region: z.string(),
  /** The neighbourhood committee: the kiosk's `location`. */
  committee: z.string(),
  kioskName: z.string(),
  kioskKind: z.enum(['fixed', 'portable']),
});
export type ResidentPlace = z.infer<typeof ResidentPlace>;
