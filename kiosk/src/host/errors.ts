/**
 * Start-up errors of the kiosk host (a bad configuration). Errors of bridge calls are BridgeErrors
 * from the bridge boundary's registry (shared/src/bridge/errors.ts).
 */
import { RvwError } from '@rvw/shared';

/** Codes of the host's start-up errors. */
export const KioskErrorCode = {
  /** The kiosk configuration is missing or wrong. */
  ConfigInvalid: 'CONFIG_INVALID',
} as const;
/** One of the kiosk host's start-up error codes. */
export type KioskErrorCode = (typeof KioskErrorCode)[keyof typeof KioskErrorCode];

/** A start-up error of the kiosk host: a code and a sentence, never any card data or the token. */
export class KioskError extends RvwError<KioskErrorCode> {
  constructor(code: KioskErrorCode, message: string) {
    super(code, message);
    this.name = 'KioskError';
  }

  /** A configuration value is missing or wrong; `detail` names it. */
  static configInvalid(detail: string): KioskError {
    return new KioskError(KioskErrorCode.ConfigInvalid, `The kiosk configuration is invalid: ${detail}.`);
  }
}
