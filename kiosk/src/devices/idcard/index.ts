/** The GA 467 ID-card reader driver: codec, commands, decoding, transports and the reader service. */
export type { IdCard, CardRead, ReaderService, ReaderServiceEvents, ReaderServiceOptions } from './types';
export {
  PREAMBLE,
  FRAME_OVERHEAD,
  DEFAULT_MAX_LEN,
  MIN_LEN,
  FrameParser,
  checksum,
  encodeFrame,
  encodeRequest,
  encodeResponse,
  decodeFrame,
  parseRequest,
  parseResponse,
} from './codec';
export type { Frame, Request, Response, ParserEvent, FrameParserOptions } from './codec';
export { IdCardError, IdCardErrorCode, isIdCardError } from './errors';
export type { IdCardErrorOptions } from './errors';
export { Ga467Client, COMMANDS, SW3, DEFAULT_TIMEOUTS, BAUD_PARA, formatSamId } from './commands';
export type { CommandSpec, CommandTimeouts, Ga467ClientOptions, TextRead, TimeoutClass } from './commands';
export {
  decodeCardText,
  decodeAppendedAddress,
  decodeGender,
  decodeDate,
  decodeValidTo,
  cardTypeOf,
  field,
  rawField,
  CARD_TYPE_BY_CHAR,
  CARD_TYPE_OFFSET,
  TEXT_BLOCK_LENGTH,
  APPENDED_ADDRESS_LENGTH,
  LONG_TERM,
} from './decode';
export { NATIONS, nationName, nationCode } from './nations';
export type { Transport, TransportEvents, TransportFactory } from './transport';
export { SerialTransport, serialTransportFactory, SUPPORTED_BAUD_RATES } from './serial-transport';
export { FakeTransport } from './fake-transport';
export type { FakeReply, FakeTransportOptions } from './fake-transport';
export { DefaultReconnectPolicy, DEFAULT_RECONNECT_DELAYS } from './reconnect';
export type { ReconnectPolicy, ReconnectContext, DefaultReconnectPolicyOptions } from './reconnect';
export { IdCardReaderService, createIdCardReader } from './service';
export { DEFAULT_MAX_READ_ATTEMPTS, checkSam, isCardReadFailure, isLineFailure, isSamFault } from './rules';
export type { IdCardReaderOptions, ReaderLogEntry, ReaderLogger } from './service';
