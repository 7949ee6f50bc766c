/**
 * How the fleet view reaches the server over HTTP (the live changes come on the console's socket):
 * the fleet, a kiosk's history and diagnostics, rotate and revoke, enrolment codes, alert rules and
 * the update channels. Every failure is a ConsoleError with the server's code.
 */
import {
  ErrorCode,
  type AlertRules,
  type CreateEnrolmentCodeRequest,
  type CreateEnrolmentCodeResponse,
  type DiagnosticKind,
  type DiagnosticRequest,
  type EnrolmentCodeInfo,
  type FleetResponse,
  type HealthHistoryPoint,
  type RevokeKioskResponse,
  type RotateKioskResponse,
  type SetUpdateChannelRequest,
  type UpdateChannel,
  type UpdateChannelName,
} from '@rvw/shared';
import { asConsoleError, consoleApi } from '../lib/api';
import { ConsoleError } from '../lib/errors';

/** The fleet's calls; tests pass a fake. */
export interface FleetTransport {
  fleet(): Promise<FleetResponse>;
  history(kioskId: string, hours?: number): Promise<HealthHistoryPoint[]>;
  diagnostics(kioskId: string): Promise<DiagnosticRequest[]>;
  requestDiagnostics(kioskId: string, kind: DiagnosticKind): Promise<DiagnosticRequest>;
  rotate(kioskId: string): Promise<RotateKioskResponse>;
  revoke(kioskId: string): Promise<RevokeKioskResponse>;
  enrolmentCodes(): Promise<EnrolmentCodeInfo[]>;
  createEnrolmentCode(request: CreateEnrolmentCodeRequest): Promise<CreateEnrolmentCodeResponse>;
  revokeEnrolmentCode(codeId: string): Promise<EnrolmentCodeInfo>;
  alertRules(): Promise<AlertRules>;
  setAlertRules(rules: AlertRules): Promise<AlertRules>;
  updateChannels(): Promise<{ channels: UpdateChannel[]; available: string[] }>;
  setUpdateChannel(channel: UpdateChannelName, request: SetUpdateChannelRequest): Promise<UpdateChannel>;
}

/** Over HTTP with whatever token `token` returns at each call (to the page's origin unless `baseUrl`). */
export function httpFleetTransport(token: () => string | null, baseUrl?: string): FleetTransport {
  const api = () => {
    const held = token();
    if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
    return consoleApi({ token: held, ...(baseUrl ? { baseUrl } : {}) });
  };
  const kiosk = (kioskId: string) => ({ params: { kioskId } });
  return {
    fleet: () => asConsoleError(api().listFleet({ query: {} })),
    history: async (kioskId, hours = 24) =>
      (await asConsoleError(api().kioskHistory({ ...kiosk(kioskId), query: { hours } }))).points,
    diagnostics: async (kioskId) => (await asConsoleError(api().listDiagnostics(kiosk(kioskId)))).requests,
    requestDiagnostics: async (kioskId, kind) =>
      (await asConsoleError(api().requestDiagnostics({ ...kiosk(kioskId), body: { kind } }))).request,
    rotate: (kioskId) => asConsoleError(api().rotateKioskToken(kiosk(kioskId))),
    revoke: (kioskId) => asConsoleError(api().revokeKiosk(kiosk(kioskId))),
    enrolmentCodes: async () => (await asConsoleError(api().listEnrolmentCodes())).codes,
    createEnrolmentCode: (body) => asConsoleError(api().createEnrolmentCode({ body })),
    revokeEnrolmentCode: async (codeId) =>
      (await asConsoleError(api().revokeEnrolmentCode({ params: { codeId } }))).enrolmentCode,
    alertRules: async () => (await asConsoleError(api().getAlertRules())).rules,
    setAlertRules: async (rules) => (await asConsoleError(api().setAlertRules({ body: rules }))).rules,
    updateChannels: () => asConsoleError(api().listUpdateChannels()),
    setUpdateChannel: async (channel, body) =>
      (await asConsoleError(api().setUpdateChannel({ params: { channel }, body }))).channel,
  };
}
