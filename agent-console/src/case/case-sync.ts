/**
 * One case's form kept in step with the server: the state it pushes (kept by revision), the agent's
 * drafts on their way (typing throttled per field, the last edit never lost, one revision in flight),
 * conflicts (the typed value is kept and sent again on the current revision, or shown beside the
 * server's when that field itself moved), and the masked fields the agent revealed.
 */
import {
  ErrorCode,
  type AnyField,
  type CaseState,
  type ClientAckData,
  type ClientPayload,
  type FieldValue,
  type Locale,
} from '@rvw/shared';
import { ConsoleErrorCode, errorCodeOf } from '../lib/errors';
import {
  checkDraft,
  isMoving,
  isUnsaved,
  resolveConflict,
  viewOf,
  type DraftRecord,
  type FieldDraft,
  type FieldIssue,
} from './field-drafts';
import { formPhase, isOpen } from './form-status';

/** What a case's sync needs from its store. */
export interface CaseSyncDeps {
  revise(p: ClientPayload<'form:revise'>): Promise<ClientAckData<'form:revise'>>;
  /** Fetches the session's states again (a conflict whose newer push did not come). */
  reload(sessionId: string): void;
  /** The item's field descriptions from the catalogue, when the state does not carry them. */
  fieldsOf(itemCode: string): readonly AnyField[] | undefined;
  locale(): Locale;
  /** Typing is sent at most once per this many ms per field (the first keystroke at once). */
  typingIntervalMs: number;
  /** The clock (ms). */
  now(): number;
  conflictReloadMs: number;
  /** Something changed: publish. */
  changed(): void;
}

/** Failures of the line, not of the value: the draft waits for the next edit or the reconnect. */
const RETRY_LATER: readonly string[] = [ConsoleErrorCode.Timeout, ConsoleErrorCode.Unreachable];

/** The form of one case and the agent's edits to it. */
export class CaseSync {
  state: CaseState;
  /** Problems found when the agent asked for confirmation, by field id (an edit clears its own). */
  problems: Record<string, FieldIssue> = {};
  /**
   * True from a change that voided the resident's confirmation or signature until they are asked
   * again: the server's `voided` lasts one push, the agent must still see it after the next edit.
   */
  voided = false;
  private readonly drafts = new Map<string, DraftRecord>();
  private readonly revealed = new Map<string, { value: string; timer: ReturnType<typeof setTimeout> }>();
  /** When each field was last sent (ms), for the typing interval; outlives the field's drafts. */
  private readonly lastSendAt = new Map<string, number>();
  private inFlight = false;
  private ackRevision: number;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    state: CaseState,
    private readonly deps: CaseSyncDeps,
  ) {
    this.state = state;
    this.voided = state.form.voided;
    this.ackRevision = state.form.revision;
  }

  /** The newest revision the server is known to be at: its push, or a later ack. */
  known(): number {
    return Math.max(this.state.form.revision, this.ackRevision);
  }

  /** Takes a newer state (an older one is ignored, and a closed case is never reopened); true if taken. */
  apply(state: CaseState): boolean {
    const held = this.state;
    if (state.form.revision < held.form.revision) return false;
    if (state.form.revision === held.form.revision && !isOpen(held) && isOpen(state)) return false;
    this.state = state;
    if (state.form.voided) this.voided = true;
    if (formPhase(state.form) !== 'editing') this.voided = false;
    this.settle();
    this.pump();
    return true;
  }

  /**
   * A typed or picked value. Typing is throttled per field: a keystroke after a quiet spell goes at
   * once (the kiosk sees it within a round trip), later ones within `typingIntervalMs` of the last
   * send are gathered and the latest goes when the interval ends. Picks (`immediate`) go at once.
   */
  edit(field: string, value: unknown, immediate = false): void {
    if (!isOpen(this.state)) return;
    const d = this.drafts.get(field) ?? this.newDraft(field, value);
    d.value = value;
    d.seq += 1;
    delete d.serverValue;
    delete this.problems[field];
    this.stopTimer(d);
    const desc = this.fields()?.find((f) => f.id === field);
    const checked = checkDraft(desc, value, { locale: this.deps.locale() });
    d.localProblem = checked.ok ? null : checked.problem;
    d.problem = d.localProblem;
    if (checked.ok) d.sendValue = checked.value;
    // A send in flight settles by its ack; the newer value then takes its turn.
    if (d.phase !== 'sending') d.phase = checked.ok ? 'typing' : 'invalid';
    const wait = (this.lastSendAt.get(field) ?? -Infinity) + this.deps.typingIntervalMs - this.deps.now();
    d.due = checked.ok && (immediate || wait <= 0);
    if (checked.ok && !d.due) {
      d.timer = setTimeout(() => {
        d.timer = null;
        d.due = true;
        this.pump();
      }, wait);
    }
    this.deps.changed();
    this.pump();
  }

  /** Sends one field's typed value now (blur, Enter), or every field's without `field`. */
  flush(field?: string): void {
    for (const [id, d] of this.drafts) if (field === undefined || id === field) this.makeDue(d);
    this.pump();
  }

  /** Sends the agent's value again on the current revision (after a conflict or a refusal). */
  keepMine(field: string): void {
    const d = this.drafts.get(field);
    if (!d || d.localProblem || d.phase === 'sending') return;
    d.phase = 'typing';
    d.problem = null;
    delete d.serverValue;
    d.due = true;
    this.deps.changed();
    this.pump();
  }

  /** Drops one field's draft (the server's value shows again), or all without `field`. */
  drop(field?: string): void {
    for (const [id, d] of this.drafts) {
      if ((field !== undefined && id !== field) || d.phase === 'sending') continue;
      this.stopTimer(d);
      this.drafts.delete(id);
    }
    this.deps.changed();
  }

  /** Shows a masked field's full value for `ms`, then masks it again. */
  reveal(field: string, value: string, ms: number): void {
    this.hide(field);
    this.revealed.set(field, { value, timer: setTimeout(() => this.hide(field), ms) });
    this.deps.changed();
  }

  /** Masks a revealed field again. */
  hide(field: string): void {
    const held = this.revealed.get(field);
    if (!held) return;
    clearTimeout(held.timer);
    this.revealed.delete(field);
    this.deps.changed();
  }

  /** True while the form holds edits the server has not stored. */
  unsaved(): boolean {
    return [...this.drafts.values()].some((d) => isUnsaved(d.phase));
  }

  /** Flushes, then resolves once nothing is on its way (or after `timeoutMs`). */
  settled(subscribe: (listener: () => void) => () => void, timeoutMs: number): Promise<void> {
    this.flush();
    const moving = () => this.inFlight || [...this.drafts.values()].some((d) => isMoving(d.phase));
    if (!moving()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const off = subscribe(() => {
        if (!moving()) done();
      });
    });
  }

  /** Checks every field as the server holds it (masked fields are the server's to check). */
  checkAll(): Record<string, FieldIssue> {
    const out: Record<string, FieldIssue> = {};
    const form = this.state.form;
    for (const f of this.fields() ?? []) {
      if (form.maskedFields.includes(f.id)) continue;
      const r = checkDraft(f, form.values[f.id] ?? null, { locale: this.deps.locale() });
      if (!r.ok) out[f.id] = r.problem;
    }
    this.problems = out;
    this.deps.changed();
    return out;
  }

  /** The drafts and reveals as the screens see them. */
  view(): { drafts: Record<string, FieldDraft>; revealed: Record<string, string> } {
    return {
      drafts: Object.fromEntries([...this.drafts].map(([k, d]) => [k, viewOf(d)])),
      revealed: Object.fromEntries([...this.revealed].map(([k, r]) => [k, r.value])),
    };
  }

  /** Stops every timer (the case is forgotten). */
  dispose(): void {
    for (const d of this.drafts.values()) this.stopTimer(d);
    for (const r of this.revealed.values()) clearTimeout(r.timer);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }

  /** The fields the case was opened with (the state carries them), else the catalogue's. */
  private fields(): readonly AnyField[] | undefined {
    const own = this.state.item.fields;
    return own.length ? own : this.deps.fieldsOf(this.state.item.code);
  }

  private newDraft(field: string, value: unknown): DraftRecord {
    const d: DraftRecord = {
      value,
      phase: 'typing',
      problem: null,
      seq: 0,
      sentSeq: -1,
      sentRevision: -1,
      base: this.known(),
      serverValueAtBase: this.state.form.values[field] ?? null,
      sendValue: value,
      localProblem: null,
      ackedValue: null,
      due: false,
      timer: null,
    };
    this.drafts.set(field, d);
    return d;
  }

  private stopTimer(d: DraftRecord): void {
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
  }

  private makeDue(d: DraftRecord): void {
    // A draft edited while being sent goes right after its ack.
    if (d.phase !== 'typing' && d.phase !== 'sending') return;
    this.stopTimer(d);
    d.due = true;
  }

  /** Sends the next due draft, one revision at a time. */
  private pump(): void {
    if (this.inFlight || !isOpen(this.state)) return;
    const entry = [...this.drafts].find(([, d]) => d.phase === 'typing' && d.due);
    if (!entry) return;
    const [field, d] = entry;
    const base = this.known();
    // What the server holds for the field at `base`: our own stored value if its push is still to come.
    d.serverValueAtBase =
      d.sentRevision > this.state.form.revision
        ? (d.ackedValue as FieldValue)
        : (this.state.form.values[field] ?? null);
    d.phase = 'sending';
    d.due = false;
    this.lastSendAt.set(field, this.deps.now());
    d.sentSeq = d.seq;
    d.base = base;
    this.inFlight = true;
    let retryLater = false;
    const value = d.sendValue as ClientPayload<'form:revise'>['value'];
    this.deps
      .revise({ caseId: this.state.caseId, field, value, baseRevision: base })
      .then(
        ({ revision }) => {
          this.ackRevision = Math.max(this.ackRevision, revision);
          if (this.drafts.get(field) !== d) return;
          d.sentRevision = revision;
          d.ackedValue = value;
          if (d.seq === d.sentSeq) d.phase = 'sent';
          else this.afterEditWhileSending(d);
          this.settle();
        },
        (e: unknown) => {
          if (this.drafts.get(field) !== d) return;
          const code = errorCodeOf(e);
          const problem = { code, message: e instanceof Error ? e.message : code };
          if (code === ErrorCode.Conflict) {
            // Wait for the newer state (its push, or a reload), then send again on it.
            d.phase = d.localProblem ? 'invalid' : 'conflict';
            d.problem = d.localProblem ?? problem;
            this.scheduleReload();
          } else if (RETRY_LATER.includes(code)) {
            retryLater = true;
            this.afterEditWhileSending(d);
          } else if (d.seq !== d.sentSeq) {
            // Refused, but the agent has typed since: the newer value decides.
            this.afterEditWhileSending(d);
          } else {
            d.phase = 'refused';
            d.problem = problem;
          }
        },
      )
      .finally(() => {
        this.inFlight = false;
        this.deps.changed();
        if (!retryLater) this.pump();
      });
    this.deps.changed();
  }

  private afterEditWhileSending(d: DraftRecord): void {
    d.phase = d.localProblem ? 'invalid' : 'typing';
    d.problem = d.localProblem;
    if (!d.localProblem && !d.timer) d.due = true;
  }

  /** Lets drafts follow the state: stored ones go, conflicts resolve, a closed case drops all. */
  private settle(): void {
    if (!isOpen(this.state)) {
      this.drop();
      return;
    }
    const form = this.state.form;
    for (const [field, d] of this.drafts) {
      const now = form.values[field] ?? null;
      if (d.phase === 'sent' && form.revision >= d.sentRevision) {
        const shown = this.revealed.get(field);
        if (shown && typeof d.sendValue === 'string') shown.value = d.sendValue;
        this.drafts.delete(field);
      } else if (d.phase === 'conflict' && form.revision > d.base) {
        const fate = resolveConflict(d, now);
        if (fate === 'drop') this.drafts.delete(field);
        else if (fate === 'resend') {
          d.phase = 'typing';
          d.problem = null;
          d.due = true;
        } else {
          d.phase = 'diverged';
          d.serverValue = now;
        }
      }
    }
  }

  private scheduleReload(): void {
    if (this.reloadTimer) return;
    const seen = this.state.form.revision;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      // The newer state came by push: nothing to reload.
      if (this.state.form.revision <= seen) this.deps.reload(this.state.sessionId);
    }, this.deps.conflictReloadMs);
  }
}
