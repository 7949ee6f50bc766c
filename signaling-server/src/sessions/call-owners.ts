/**
 * Which of an agent's console tabs runs a session's call (issue 8 #4). Two tabs of one agent that
 * both start the call send two offers to one kiosk and neither connects; so one tab (one socket,
 * known by the `tabId` it keeps across its own reloads) owns the call, the kiosk's signals go to
 * that socket only, and another tab must take it over explicitly.
 *
 * Kept in this process's memory: a restart forgets it, and the first tab to join after the restart
 * owns the call, which is what a reconnecting console needs.
 */

/** The socket (and its tab, once it said) that owns one session's call. */
interface Owner {
  socketId: string;
  tabId: string | null;
}

/** Owners of the open sessions' calls; `isConnected` asks whether a socket is still here. */
export class CallOwners {
  private readonly owners = new Map<string, Owner>();

  constructor(private readonly isConnected: (socketId: string) => boolean) {}

  /** The accepting socket owns the new session's call (its tab id follows with `session:join`). */
  claim(sessionId: string, socketId: string): void {
    this.owners.set(sessionId, { socketId, tabId: null });
  }

  /**
   * A tab asks to run the call: it becomes (or stays) the owner when it is the owner's socket or
   * tab, or when the owner's socket is gone; true when it owns the call afterwards.
   */
  join(sessionId: string, socketId: string, tabId: string): boolean {
    const owner = this.owners.get(sessionId);
    const mine =
      !owner ||
      owner.socketId === socketId ||
      (owner.tabId !== null && owner.tabId === tabId) ||
      !this.isConnected(owner.socketId);
    if (mine) this.owners.set(sessionId, { socketId, tabId });
    return mine;
  }

  /** The asking tab takes the call; returns the socket that owned it before, if another one did. */
  takeOver(sessionId: string, socketId: string, tabId: string): string | null {
    const before = this.owners.get(sessionId);
    this.owners.set(sessionId, { socketId, tabId });
    return before && before.socketId !== socketId ? before.socketId : null;
  }

  /** The socket that owns the call, if any is connected; null: relay to every socket of the agent. */
  ownerSocket(sessionId: string): string | null {
    const owner = this.owners.get(sessionId);
    return owner && this.isConnected(owner.socketId) ? owner.socketId : null;
  }

  /** The session ended. */
  forget(sessionId: string): void {
    this.owners.delete(sessionId);
  }
}
