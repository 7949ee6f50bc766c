/**
 * Errors of the ID-card reader. Each has a stable `code`, a sentence in Chinese and in English,
 * and flags callers test (`retryable`, `disconnected`). No error ever carries card data.
 */

import { IdCardErrorCode } from '@rvw/shared';

// The codes live in shared: a reader status carries them across the bridge as its reason.
export { IdCardErrorCode };

/** Extra facts about an error. */
export interface IdCardErrorOptions {
  /** The SW3 status byte, when the reader answered. */
  sw3?: number;
  /** The command that failed, by name (e.g. 'findCard'). */
  command?: string;
  /** Worth trying again at once (a transmission fault, not a verdict about the card). */
  retryable?: boolean;
  /** The serial line is gone: reopen before trying again. */
  disconnected?: boolean;
  cause?: unknown;
}

/** Base error of the ID-card reader: a stable `code`, a Chinese and an English sentence. */
export class IdCardError extends Error {
  /** Sentence in Chinese for people. */
  readonly messageZh: string;
  /** Sentence in English for people (also `message`). */
  readonly messageEn: string;
  readonly sw3?: number;
  readonly command?: string;
  readonly retryable: boolean;
  readonly disconnected: boolean;

  constructor(
    readonly code: IdCardErrorCode,
    messageZh: string,
    messageEn: string,
    options: IdCardErrorOptions = {},
  ) {
    super(messageEn, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IdCardError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.sw3 = options.sw3;
    this.command = options.command;
    this.retryable = options.retryable ?? false;
    this.disconnected = options.disconnected ?? false;
  }

  /** Both sentences on one line, for technicians: `中文。 English.` */
  get bilingual(): string {
    return `${this.messageZh} ${this.messageEn}`;
  }

  /** No whole response to `command` within `ms`. */
  static timeout(command: string, ms: number): IdCardError {
    return new IdCardError(
      IdCardErrorCode.Timeout,
      `读卡器在 ${ms} 毫秒内没有应答（${command}）。`,
      `The reader did not answer ${command} within ${ms} ms.`,
      { command },
    );
  }

  /** A response frame with a bad checksum. */
  static checksum(command?: string): IdCardError {
    return new IdCardError(
      IdCardErrorCode.Checksum,
      '读卡器的应答校验错误。',
      'The reader’s response had a bad checksum.',
      { command, retryable: true },
    );
  }

  /** A frame or response that is not shaped as it must be; `detail` says how (never card data). */
  static badFrame(detail: string, command?: string): IdCardError {
    return new IdCardError(
      IdCardErrorCode.BadFrame,
      `读卡器的应答格式不对：${detail}。`,
      `The reader’s response is malformed: ${detail}.`,
      { command, retryable: true },
    );
  }

  /** The card's text block could not be decoded; `field` names the field (never its value). */
  static badCardData(field: string): IdCardError {
    return new IdCardError(
      IdCardErrorCode.BadCardData,
      `证件信息无法解析（${field}）。`,
      `The card’s data could not be decoded (${field}).`,
    );
  }

  /** The serial line went away. */
  static disconnected(cause?: unknown): IdCardError {
    return new IdCardError(
      IdCardErrorCode.Disconnected,
      '读卡器连接已断开，请检查数据线。',
      'The reader is disconnected; check its cable.',
      { disconnected: true, cause },
    );
  }

  /** The port could not be opened. */
  static portOpenFailed(path: string, cause?: unknown): IdCardError {
    const why = cause instanceof Error ? ` (${cause.message})` : '';
    return new IdCardError(
      IdCardErrorCode.PortOpenFailed,
      `无法打开串口 ${path}，请检查读卡器是否接好、端口名是否正确。`,
      `Cannot open serial port ${path}${why}; check the reader is plugged in and the port name is right.`,
      { disconnected: true, cause },
    );
  }

  /** The error for a reader status byte (SW3) that is not the command's success value. */
  static fromStatus(sw3: number, command?: string): IdCardError {
    const known = STATUS[sw3];
    if (!known) {
      const hex = sw3.toString(16).toUpperCase().padStart(2, '0');
      return new IdCardError(
        IdCardErrorCode.UnknownStatus,
        `读卡器返回未知状态 ${hex}。`,
        `The reader returned an unknown status ${hex}.`,
        { sw3, command },
      );
    }
    const [code, zh, en, retryable] = known;
    return new IdCardError(code, zh, en, { sw3, command, retryable });
  }
}

/** SW3 -> [code, Chinese, English, retryable]. */
const STATUS: Record<number, [IdCardErrorCode, string, string, boolean]> = {
  0x10: [
    IdCardErrorCode.ReaderChecksum,
    '读卡器收到的命令校验错误。',
    'The reader received a command with a bad checksum.',
    true,
  ],
  0x11: [
    IdCardErrorCode.ReaderLength,
    '读卡器收到的命令长度错误。',
    'The reader received a command with a bad length.',
    true,
  ],
  0x21: [IdCardErrorCode.CommandError, '读卡器不支持该命令。', 'The reader rejected the command.', false],
  0x23: [
    IdCardErrorCode.NotPermitted,
    '读卡器不允许该操作。',
    'The reader does not permit this operation.',
    false,
  ],
  0x24: [
    IdCardErrorCode.ReaderError,
    '读卡器发生无法识别的错误。',
    'The reader reported an unrecognised error.',
    false,
  ],
  0x31: [
    IdCardErrorCode.CardRejectedSam,
    '证件认证安全模块失败，请重新放置证件。',
    'The card failed to authenticate the security module; place the card again.',
    false,
  ],
  0x32: [
    IdCardErrorCode.SamRejectedCard,
    '安全模块认证证件失败，请重新放置证件。',
    'The security module failed to authenticate the card; place the card again.',
    false,
  ],
  0x33: [
    IdCardErrorCode.VerifyFailed,
    '证件信息验证失败。',
    'The card’s information failed verification.',
    false,
  ],
  0x37: [
    IdCardErrorCode.FingerprintError,
    '指纹信息验证错误。',
    'The fingerprint data failed verification.',
    false,
  ],
  0x3f: [IdCardErrorCode.InfoLength, '证件信息长度错误。', 'The card’s information has a bad length.', false],
  0x40: [IdCardErrorCode.UnknownCardType, '无法识别的证件类型。', 'The card type is not recognised.', false],
  0x41: [
    IdCardErrorCode.ReadFailed,
    '读取证件失败，请重新放置证件。',
    'Reading the card failed; place the card again.',
    false,
  ],
  0x47: [
    IdCardErrorCode.RandomFailed,
    '取随机数失败，请重新放置证件。',
    'Getting a random number from the card failed; place the card again.',
    false,
  ],
  0x60: [
    IdCardErrorCode.SamSelfTestFailed,
    '读卡器安全模块自检失败，请联系维修。',
    'The reader’s security module failed its self-test; call for service.',
    false,
  ],
  0x66: [
    IdCardErrorCode.SamNotAuthorised,
    '读卡器安全模块未经授权，请联系维修。',
    'The reader’s security module is not authorised; call for service.',
    false,
  ],
  0x80: [IdCardErrorCode.NoCard, '读卡器上没有证件。', 'There is no card on the reader.', false],
  0x81: [
    IdCardErrorCode.SelectFailed,
    '选卡失败，请重新放置证件。',
    'Selecting the card failed; place the card again.',
    false,
  ],
  0x91: [IdCardErrorCode.NoContent, '证件没有该项信息。', 'The card has no data for this item.', false],
};

/** True when `err` is an IdCardError with the given code. */
export function isIdCardError(err: unknown, code?: IdCardErrorCode): err is IdCardError {
  return err instanceof IdCardError && (code === undefined || err.code === code);
}
