/**
 * Who hears the fleet's pushes (`fleet:update`, `fleet:diagnostics`): the admins and the technicians
 * of the kiosk's centre, in a room of their own (technicians are not in the supervisors' room, which
 * carries the live view of agents and residents).
 */
import type { Db } from '../../db/database';
import { centreOfAgent } from '../../supervision/centre-scope';
import type { RvwSocket } from '../../socket/types';

/** The room of a centre's fleet watchers. */
export const fleetRoom = (centreId: string): string => `fleet:${centreId}`;

/** An admin's or technician's console socket joins its centre's fleet room; others are ignored. */
export async function admitToFleet(db: Db, socket: RvwSocket): Promise<void> {
  const data = socket.data;
  if (data.kind !== 'agent' || (data.role !== 'admin' && data.role !== 'technician')) return;
  const centreId = await centreOfAgent(db, data.agentId);
  if (centreId && socket.connected) await socket.join(fleetRoom(centreId));
}
