/**
 * The ID-card reader's reason codes: every `reason` a reader status may carry across the bridge.
 * A status is offline or fault because of a driver error (its code is the reason), or for one of
 * the few reasons that are not errors. The values are stable: logs, tests and screens use them.
 */
import { z } from 'zod';

/** Stable codes of the ID-card reader's errors; each may also be the reason of a status. */
export const IdCardErrorCode = {
  /** SW3 80: no card on the reader. */
  NoCard: 'IDCARD_NO_CARD',
  /** SW3 81: the card could not be selected. */
  SelectFailed: 'IDCARD_SELECT_FAILED',
  /** SW3 91: the card has no content for this item (e.g. no appended address). */
  NoContent: 'IDCARD_NO_CONTENT',
  /** SW3 10: the reader received a request with a bad checksum. */
  ReaderChecksum: 'IDCARD_READER_CHECKSUM',
  /** SW3 11: the reader received a request with a bad length. */
  ReaderLength: 'IDCARD_READER_LENGTH',
  /** SW3 21: the reader did not know the command. */
  CommandError: 'IDCARD_COMMAND_ERROR',
  /** SW3 23: the operation is not permitted. */
  NotPermitted: 'IDCARD_NOT_PERMITTED',
  /** SW3 24: the reader reported an unrecognised error. */
  ReaderError: 'IDCARD_READER_ERROR',
  /** SW3 31: the card failed to authenticate the SAM. */
  CardRejectedSam: 'IDCARD_CARD_REJECTED_SAM',
  /** SW3 32: the SAM failed to authenticate the card. */
  SamRejectedCard: 'IDCARD_SAM_REJECTED_CARD',
  /** SW3 33: information verification failed. */
  VerifyFailed: 'IDCARD_VERIFY_FAILED',
  /** SW3 37: fingerprint verification error. */
  FingerprintError: 'IDCARD_FINGERPRINT_ERROR',
  /** SW3 3F: information length error. */
  InfoLength: 'IDCARD_INFO_LENGTH',
  /** SW3 40: unrecognised card type. */
  UnknownCardType: 'IDCARD_UNKNOWN_CARD_TYPE',
  /** SW3 41: reading the card failed. */
  ReadFailed: 'IDCARD_READ_FAILED',
  /** SW3 47: get-random failed. */
  RandomFailed: 'IDCARD_RANDOM_FAILED',
  /** SW3 60: the SAM's self-test failed; it accepts no commands (status `fault`). */
  SamSelfTestFailed: 'IDCARD_SAM_SELFTEST_FAILED',
  /** SW3 66: the SAM is not authorised (status `fault`). */
  SamNotAuthorised: 'IDCARD_SAM_NOT_AUTHORISED',
  /** An SW3 this driver does not know. */
  UnknownStatus: 'IDCARD_UNKNOWN_STATUS',
  /** No (whole) response within the command's timeout; as a reason: the reader hangs. */
  Timeout: 'IDCARD_TIMEOUT',
  /** The response arrived with a bad checksum. */
  Checksum: 'IDCARD_CHECKSUM',
  /** The response was not shaped as the command's response must be. */
  BadFrame: 'IDCARD_BAD_FRAME',
  /** The card's text block could not be decoded. */
  BadCardData: 'IDCARD_BAD_CARD_DATA',
  /** The serial line went away (unplugged, or the port was closed). */
  Disconnected: 'IDCARD_DISCONNECTED',
  /** The serial port could not be opened (missing, busy, or no permission). */
  PortOpenFailed: 'IDCARD_PORT_OPEN_FAILED',
} as const;
/** One of the stable ID-card error codes. */
export type IdCardErrorCode = (typeof IdCardErrorCode)[keyof typeof IdCardErrorCode];

/** Reasons of reader statuses that are not driver errors. */
export const ReaderStatusReason = {
  /** The reader service has not been started (status `offline`). */
  NotStarted: 'IDCARD_NOT_STARTED',
  /** The reader service was stopped (status `disabled`). */
  Stopped: 'IDCARD_STOPPED',
  /** No reader port is configured, RVW_IDCARD_PORT (status `disabled`, set by the kiosk host). */
  NoPort: 'NO_PORT',
  /** The reader service's start() rejected (status `fault`, set by the kiosk host). */
  StartFailed: 'START_FAILED',
  /** The screen has not heard from the host yet (the renderer's initial status; never sent). */
  Unknown: 'UNKNOWN',
} as const;
/** One of the non-error status reasons. */
export type ReaderStatusReason = (typeof ReaderStatusReason)[keyof typeof ReaderStatusReason];

const reasons = [...Object.values(IdCardErrorCode), ...Object.values(ReaderStatusReason)] as [
  IdCardErrorCode | ReaderStatusReason,
  ...(IdCardErrorCode | ReaderStatusReason)[],
];

/** Every reason a reader status may carry: the error codes and the non-error reasons. */
export const ReaderReason = z.enum(reasons);
/** One reader status reason. */
export type ReaderReason = z.infer<typeof ReaderReason>;
