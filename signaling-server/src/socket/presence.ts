/**
 * Whether a kiosk or agent has a socket connected, asked through the socket.io adapter
 * (`fetchSockets()` on the member's room), so that the answer covers every node once an adapter
 * such as Redis joins them, not only this process's rooms.
 */
import { AGENTS_ROOM, memberRoom, type MemberKind, type RvwServer } from './types';

/** Presence of members across the nodes the adapter knows. */
export class Presence {
  constructor(private readonly io: RvwServer) {}

  /** True when the member has at least one socket connected on any node. */
  async isPresent(kind: MemberKind, id: string): Promise<boolean> {
    const sockets = await this.io.in(memberRoom(kind, id)).fetchSockets();
    return sockets.length > 0;
  }

  /** The agents (accounts) with at least one console socket connected on any node. */
  async onlineAgents(): Promise<Set<string>> {
    const sockets = await this.io.in(AGENTS_ROOM).fetchSockets();
    const ids = new Set<string>();
    for (const s of sockets) if (s.data.kind === 'agent') ids.add(s.data.agentId);
    return ids;
  }
}
