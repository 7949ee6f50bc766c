/**
 * The TURN step of `kiosk-doctor network`: a real allocation on the configured TURN server, put in
 * words a technician acts on (zh + en). The credential never appears in the result.
 */
import { allocateRelay } from './turn-allocate';
import type { AllocateFailure, AllocateOptions } from './turn-allocate';
import type { TurnConfig } from './turn-config';

/** The TURN step's outcome: a phrase for the OK line, or the sentence of the failure. */
export type TurnStep =
  | { ok: true; phrase: string; details: Record<string, unknown> }
  | { ok: false; summary: string; details: Record<string, unknown> };

/** The sentence for a failed allocation. */
export function turnFailureSentence(where: string, f: AllocateFailure): string {
  switch (f.kind) {
    case 'unreachable':
      return `TURN 服务器无应答 The TURN server does not answer ${where} (${f.message}): 请检查地址、端口以及防火墙是否放行 UDP/TCP check the address, the port and that the firewall lets UDP/TCP to it through.`;
    case 'credentials':
      return f.given
        ? `TURN 用户名或密码错误 The TURN server refused the username or password at ${where} (401 Unauthorized): 请与服务器的 RVW_ICE_SERVERS 核对 check them against the server's RVW_ICE_SERVERS.`
        : `TURN 服务器要求用户名和密码 The TURN server at ${where} asks for a username and password: 请给出 --turn-username 和 --turn-credential give --turn-username and --turn-credential.`;
    case 'quota':
      return `TURN 分配数已满 The TURN server at ${where} refused: allocation quota reached (486 ${f.error.reason}): 该用户的中继已用完，稍后再试或请管理员提高配额 this user has too many relays open; retry later or ask the administrator to raise the quota.`;
    case 'error':
      return `TURN 服务器拒绝分配 The TURN server at ${where} refused the allocation with error ${f.error.code}${f.error.reason ? ` ${f.error.reason}` : ''}: 请把此信息告知服务器管理员 tell the server's administrator.`;
    case 'protocol':
      return `TURN 服务器应答无效 The answer from ${where} is not the TURN expected (${f.message}): 请检查地址是否指向 TURN 服务器 check the address points at a TURN server.`;
  }
}

/** Allocates and frees a relay on `config`'s server within `timeoutMs` per exchange. */
export async function turnStep(
  config: TurnConfig,
  timeoutMs: number,
  allocate: (o: AllocateOptions) => ReturnType<typeof allocateRelay> = allocateRelay,
): Promise<TurnStep> {
  const where = `${config.url}${config.url.includes('transport=') ? '' : ` (${config.target.transport})`}`;
  const outcome = await allocate({
    target: config.target,
    timeoutMs,
    ...(config.username !== undefined ? { username: config.username } : {}),
    ...(config.credential !== undefined ? { credential: config.credential } : {}),
  });
  const base = { url: config.url, transport: config.target.transport };
  if (!outcome.ok) {
    return {
      ok: false,
      summary: turnFailureSentence(where, outcome.failure),
      details: { ...base, ok: false, failure: outcome.failure },
    };
  }
  const relayed = `${outcome.relayed.address}:${outcome.relayed.port}`;
  return {
    ok: true,
    phrase: `TURN ok: relayed address ${relayed} (${outcome.roundTripMs} ms)${outcome.freed ? '' : ', not freed'}`,
    details: {
      ...base,
      ok: true,
      relayed: outcome.relayed,
      ...(outcome.mapped ? { mapped: outcome.mapped } : {}),
      roundTripMs: outcome.roundTripMs,
      freed: outcome.freed,
    },
  };
}
