/** The case store's way to the server: the agent's socket for the case events, HTTP for a reload. */
import { ErrorCode, type CaseState } from '@rvw/shared';
import { request, type ConsoleSocket } from '../app/console-socket';
import { listCases } from '../lib/api';
import { ConsoleError } from '../lib/errors';
import type { CaseTransport } from './case-store';

/** The signed-in line: the socket and the token, or null while signed out. */
export type Line = () => { socket: ConsoleSocket; token: string } | null;

function lineOf(line: Line) {
  const held = line();
  if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
  return held;
}

/**
 * A transport over whatever socket and token `line` returns at each call; `list` reads a session's
 * cases over HTTP (default: GET /api/cases on the page's origin).
 */
export function socketCaseTransport(
  line: Line,
  list: (token: string, sessionId: string) => Promise<CaseState[]> = (token, sessionId) =>
    listCases(token, { sessionId }),
): CaseTransport {
  return {
    open: async (p) => request(lineOf(line).socket, 'case:open', p),
    revise: async (p) => request(lineOf(line).socket, 'form:revise', p),
    reveal: async (p) => request(lineOf(line).socket, 'form:reveal', p),
    requestConfirm: async (p) => request(lineOf(line).socket, 'form:request-confirm', p),
    outcome: async (p): Promise<CaseState> => request(lineOf(line).socket, 'case:outcome', p),
    abandon: async (p): Promise<CaseState> => request(lineOf(line).socket, 'case:abandon', p),
    reload: async (sessionId) => list(lineOf(line).token, sessionId),
  };
}
