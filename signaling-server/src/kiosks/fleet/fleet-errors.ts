/** The fleet area's reasoned errors (existing codes, fleet sentences). */
import { AppError, ErrorCode } from '@rvw/shared';

/** Errors of heartbeats, diagnostics and rotations. */
export class FleetError extends AppError {
  /** The kiosk has no socket connected: nothing can be asked of it now. */
  static kioskOffline(): FleetError {
    return new FleetError(ErrorCode.KioskOffline, 'The kiosk is not connected; try again when it is online.');
  }
  /** A heartbeat larger than MAX_HEARTBEAT_BYTES as JSON. */
  static heartbeatTooLarge(maxBytes: number): FleetError {
    return new FleetError(ErrorCode.PayloadTooLarge, `A heartbeat may be at most ${maxBytes} bytes as JSON.`);
  }
  /** The diagnostic request is finished already (answered or expired). */
  static finished(): FleetError {
    return new FleetError(ErrorCode.WrongState, 'This diagnostic request is already finished.');
  }
  /** The kiosk did not confirm its new credential in time. */
  static noAnswer(what: string): FleetError {
    return new FleetError(ErrorCode.Unavailable, `${what}: the kiosk did not answer in time; try again.`);
  }
}
