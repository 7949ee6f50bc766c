/** Transfers over the signed-in line: the socket's transfer events, and the options over HTTP. */
import { ErrorCode } from '@rvw/shared';
import { request, type ConsoleSocket } from '../app/console-socket';
import { asConsoleError, consoleApi } from '../lib/api';
import { ConsoleError } from '../lib/errors';
import type { TransferTransport } from './transfer-store';

/** The signed-in line: the socket and the token, or null while signed out. */
export type TransferLine = () => { socket: ConsoleSocket; token: string } | null;

function lineOf(line: TransferLine) {
  const held = line();
  if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
  return held;
}

/** Whatever socket and token `line` holds at each call; HTTP to `baseUrl` (the page's origin by default). */
export function socketTransferTransport(line: TransferLine, baseUrl?: string): TransferTransport {
  return {
    options: async () => {
      const api = consoleApi({ token: lineOf(line).token, ...(baseUrl ? { baseUrl } : {}) });
      return (await asConsoleError(api.transferOptions())).options;
    },
    start: async ({ sessionId, mode, target, note }) =>
      request(lineOf(line).socket, 'transfer:start', { sessionId, mode, target, ...(note ? { note } : {}) }),
    answer: async (transferId, accept) =>
      request(lineOf(line).socket, 'transfer:answer', { transferId, accept }),
    complete: async (transferId) => request(lineOf(line).socket, 'transfer:complete', { transferId }),
    cancel: async (transferId) => request(lineOf(line).socket, 'transfer:cancel', { transferId }),
    signal: async (transferId, data) => {
      await request(lineOf(line).socket, 'consult:signal', { transferId, data });
    },
  };
}
