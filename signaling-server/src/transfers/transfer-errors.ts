/** The transfer area's refusals: each code always with the same sentence (never personal data). */
import { AppError, ErrorCode } from '@rvw/shared';

/** Refusals of transfer:start / answer / complete / cancel and consult:signal. */
export class TransferError extends AppError {
  /** The session already has a transfer that is not finished. */
  static alreadyOpen(): TransferError {
    return new TransferError(
      ErrorCode.Conflict,
      'This session is already being transferred; finish or cancel that transfer first.',
    );
  }
  /** A consulted transfer needs one agent to talk to. */
  static consultedNeedsAgent(): TransferError {
    return new TransferError(
      ErrorCode.BadPayload,
      'The message is malformed: target: a consulted transfer goes to one agent, not a skill group.',
    );
  }
  /** An agent cannot transfer to themself. */
  static toSelf(): TransferError {
    return new TransferError(ErrorCode.BadPayload, 'The message is malformed: target: that is you.');
  }
  /** The transfer is past the step asked for (`what` says which step it is at). */
  static wrongPhase(what: string): TransferError {
    return new TransferError(ErrorCode.WrongState, what);
  }
  /** Only the agent a transfer was offered to may answer it. */
  static notInvited(): TransferError {
    return new TransferError(ErrorCode.Forbidden, 'This transfer was not offered to you.');
  }
  /** Only the first agent of a transfer may complete or cancel it. */
  static notYours(): TransferError {
    return new TransferError(
      ErrorCode.NotSessionMember,
      'Only the agent who started this transfer may complete or cancel it.',
    );
  }
  /** Consult signals are for the two agents of a transfer in its hand-over call. */
  static notInConsult(): TransferError {
    return new TransferError(ErrorCode.NotSessionMember, 'You are not in this hand-over call.');
  }
  /** A blind transfer was taken by another agent before the cancel arrived. */
  static alreadyTaken(): TransferError {
    return new TransferError(
      ErrorCode.Conflict,
      'Another agent has already taken this resident; the transfer cannot be cancelled.',
    );
  }
  /** The first agent started another session meanwhile, so a blind transfer cannot come back. */
  static busyElsewhere(): TransferError {
    return new TransferError(
      ErrorCode.AgentBusy,
      'You are serving another session now; the transfer cannot come back to you.',
    );
  }
}
