/**
 * The driver's rules that both the reader service and kiosk-doctor follow, so that the technician's
 * check judges a reader and a card exactly as the kiosk does: the SAM check, and which failed reads
 * of a placed card are worth another try.
 */
import type { Ga467Client } from './commands';
import { IdCardErrorCode, isIdCardError } from './errors';
import type { IdCardError } from './errors';

/** Reads tried on one placement before giving up until the card is lifted; the service's default. */
export const DEFAULT_MAX_READ_ATTEMPTS = 3;

/** True when `err` says the line or the reader is gone or hung (reopen the port), not the card. */
export function isLineFailure(err: unknown): err is IdCardError {
  return isIdCardError(err) && (err.disconnected || err.code === IdCardErrorCode.Timeout);
}

/** True when a failed read is about the card on the reader (place it again), not about the line. */
export function isCardReadFailure(err: unknown): err is IdCardError {
  return isIdCardError(err) && !isLineFailure(err);
}

/** True when the reader's security module is faulty: the reader reports `fault`, not `offline`. */
export function isSamFault(err: IdCardError): boolean {
  return err.code === IdCardErrorCode.SamSelfTestFailed || err.code === IdCardErrorCode.SamNotAuthorised;
}

/**
 * Checks the SAM and returns its ID: its status, with one reset and a second look when its
 * self-test failed (`onReset` hears of that reset). Throws the IdCardError that stopped it.
 */
export async function checkSam(client: Ga467Client, onReset?: (err: IdCardError) => void): Promise<string> {
  try {
    await client.samStatus();
  } catch (err) {
    if (!isIdCardError(err, IdCardErrorCode.SamSelfTestFailed)) throw err;
    onReset?.(err);
    await client.resetSam();
    await client.samStatus();
  }
  return client.readSamId();
}
