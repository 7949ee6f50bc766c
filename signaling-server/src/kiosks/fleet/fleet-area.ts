/**
 * The fleet (issue 12): heartbeats and device health, levels and alert rules, the live fleet view,
 * remote diagnostics, credential rotation. SCAFFOLD: the handlers answer
 * UNAVAILABLE until the fleet is built here (files beside this one).
 */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../../http/route-registrar';
import type { EventHandlers } from '../../socket/dispatch';
import type { FleetDeps } from './fleet-deps';

type FleetEvents = 'kiosk:heartbeat' | 'diagnostics:result' | 'call:setup' | 'kiosk:credential-saved';
type FleetRoutes =
  | 'listFleet'
  | 'kioskHistory'
  | 'requestDiagnostics'
  | 'listDiagnostics'
  | 'getAlertRules'
  | 'setAlertRules'
  | 'rotateKioskToken';

const notYet = (): never => {
  throw RequestError.unavailable('The fleet is not built yet.');
};

export class FleetArea {
  constructor(private readonly deps: FleetDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, FleetEvents> = {
    'kiosk:heartbeat': async () => notYet(),
    'diagnostics:result': async () => notYet(),
    'call:setup': async () => notYet(),
    'kiosk:credential-saved': async () => notYet(),
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, FleetRoutes> {
    return {
      listFleet: async () => notYet(),
      kioskHistory: async () => notYet(),
      requestDiagnostics: async () => notYet(),
      listDiagnostics: async () => notYet(),
      getAlertRules: async () => notYet(),
      setAlertRules: async () => notYet(),
      rotateKioskToken: async () => notYet(),
    };
  }

  /** A kiosk's socket connected (it counts as seen) or its last socket left. */
  async kioskConnected(_kioskId: string): Promise<void> {}
  async kioskLeft(_kioskId: string): Promise<void> {}

  async start(): Promise<void> {
    void this.deps;
  }
  stop(): void {}
}
