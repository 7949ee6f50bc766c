/** The part of @sealsystems/ipp (plain JavaScript, no typings) that the CUPS driver uses. */
declare module '@sealsystems/ipp' {
  /** A parsed IPP response: groups by tag name, each an object (or an array of them). */
  export interface IppResponse {
    version?: string;
    statusCode: string;
    id?: number;
    'operation-attributes-tag'?: Record<string, unknown>;
    'printer-attributes-tag'?: Record<string, unknown> | Record<string, unknown>[];
    'job-attributes-tag'?: Record<string, unknown> | Record<string, unknown>[];
    'unsupported-attributes-tag'?: Record<string, unknown>;
  }
  export interface IppMessage {
    'operation-attributes-tag': Record<string, unknown>;
    'job-attributes-tag'?: Record<string, unknown>;
    data?: Buffer | NodeJS.ReadableStream;
  }
  export interface PrinterOptions {
    version?: string;
    uri?: string;
    charset?: string;
    language?: string;
    timeout?: number;
  }
  export interface IppPrinter {
    execute(
      operation: string,
      msg: IppMessage | null,
      cb: (err: Error | null, res: IppResponse) => void,
    ): void;
  }
  const ipp: {
    Printer: (url: string, opts?: PrinterOptions) => IppPrinter;
  };
  export default ipp;
}
