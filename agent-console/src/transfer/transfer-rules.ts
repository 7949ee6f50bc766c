/**
 * What the transfer views decide, as pure functions: which options may be chosen for a mode, and the
 * line that says where a transfer is (for the agent who started it, and for the one it went to).
 */
import { skillName, type Locale, type Transfer, type TransferMode, type TransferOption } from '@rvw/shared';
import type { TransferTextKey } from './transfer-text';

/** The option's key in the dialog (agent id or skill). */
export function optionId(o: TransferOption): string {
  return o.kind === 'agent' ? o.agentId : o.skill;
}

/** Whether an option may be chosen: an agent only when online and available; a skill group only blind. */
export function selectable(o: TransferOption, mode: TransferMode): boolean {
  return o.kind === 'agent' ? o.online && o.status === 'available' : mode === 'blind';
}

/** The status word's key for an agent option (offline shows as offline, whatever was recorded). */
export function statusKey(o: Extract<TransferOption, { kind: 'agent' }>): TransferTextKey {
  return o.online ? `transfer.status.${o.status}` : 'transfer.status.offline';
}

/** A line to show: its words' key and their values. */
export interface TransferLine {
  key: TransferTextKey;
  params: Record<string, string>;
}

/** The name of whoever a transfer went to: who took it, else the agent chosen (from the options), else the skill group. */
export function targetName(t: Transfer, options: readonly TransferOption[] | null, locale: Locale): string {
  if (t.to) return t.to.displayName;
  if (t.target.kind === 'skill') {
    const name = skillName(t.target.skill);
    return locale === 'en' ? name.en : name.zh;
  }
  const { agentId } = t.target;
  const found = options?.find((o) => o.kind === 'agent' && o.agentId === agentId);
  return found?.kind === 'agent' ? found.displayName : agentId;
}

/** The status line for the agent who started `t`. */
export function outgoingLine(
  t: Transfer,
  options: readonly TransferOption[] | null,
  locale: Locale,
): TransferLine {
  const name = targetName(t, options, locale);
  const number = t.ticketNumber;
  switch (t.phase) {
    case 'inviting':
      return { key: 'transfer.out.inviting', params: { name } };
    case 'consulting':
      return { key: 'transfer.out.consulting', params: { name } };
    case 'queued':
      return { key: 'transfer.out.queued', params: { number, target: name } };
    case 'completed':
      return { key: 'transfer.out.completed', params: { number, name } };
    case 'cancelled':
      return { key: `transfer.out.cancelled.${t.reason ?? 'withdrawn'}`, params: { name } };
  }
}

/** The line for the agent `t` was offered to (or who took it). */
export function incomingLine(t: Transfer): TransferLine {
  const params = { name: t.from.displayName, number: t.ticketNumber };
  switch (t.phase) {
    case 'inviting':
      return { key: 'transfer.in.inviting', params };
    case 'consulting':
      return { key: 'transfer.in.consulting', params };
    case 'queued':
      return { key: 'transfer.in.queued', params };
    case 'completed':
      return { key: 'transfer.in.completed', params };
    case 'cancelled':
      return { key: 'transfer.in.cancelled', params };
  }
}
