/**
 * The cases of the agent's calls, outside React: each case's form kept in step with the server
 * (case-sync.ts), which case is shown, the actions on a case (open, reveal, request confirmation,
 * outcome, abandon) and the entitlements (免申即享) per ticket. One store per console; reset on sign-out.
 */
import {
  ErrorCode,
  type AbandonRecord,
  type AnyField,
  type CaseState,
  type ClientAckData,
  type ClientPayload,
  type Entitlement,
  type Locale,
  type OutcomeRecord,
} from '@rvw/shared';
import { ConsoleErrorCode, errorCodeOf } from '../lib/errors';
import { REVEAL_MS } from '../resident/reveal';
import { CaseSync } from './case-sync';
import type { FieldDraft, FieldIssue } from './field-drafts';
import { emptyOutcomeDraft, type OutcomeDraft } from './outcome-rules';
import { isOpen } from './form-status';

/** How the store reaches the server (the socket's acknowledged requests; a fake in tests). */
export interface CaseTransport {
  open(p: ClientPayload<'case:open'>): Promise<ClientAckData<'case:open'>>;
  revise(p: ClientPayload<'form:revise'>): Promise<ClientAckData<'form:revise'>>;
  reveal(p: ClientPayload<'form:reveal'>): Promise<ClientAckData<'form:reveal'>>;
  requestConfirm(p: ClientPayload<'form:request-confirm'>): Promise<unknown>;
  outcome(p: ClientPayload<'case:outcome'>): Promise<CaseState>;
  abandon(p: ClientPayload<'case:abandon'>): Promise<CaseState>;
  /** The session's cases as the server holds them now (after a conflict whose push did not come). */
  reload(sessionId: string): Promise<CaseState[]>;
}

/** Dependencies of the store. */
export interface CaseStoreDeps {
  transport: CaseTransport;
  /** An item's field descriptions once loaded (validation as the agent types); undefined before. */
  fieldsOf(itemCode: string): readonly AnyField[] | undefined;
  /** The language of validation sentences; default zh-CN. */
  locale?(): Locale;
  /** A typed field is sent at most once per this many ms; default {@link TYPING_INTERVAL_MS}. */
  typingIntervalMs?: number;
  /** The clock (ms); default Date.now. */
  now?(): number;
  /** How long a conflict waits for the newer state's push before reloading; default 1 s. */
  conflictReloadMs?: number;
  /** How long a revealed number stays shown; default {@link REVEAL_MS}. */
  revealMs?: number;
}

/**
 * Typing is sent at most once per 200 ms per field: the first keystroke after a pause at once, the
 * ones that follow gathered, the latest sent when the interval ends (so the last edit is never lost).
 */
export const TYPING_INTERVAL_MS = 200;
/** Longest wait for pending sends before confirm or outcome gives up waiting (5 s). */
const SETTLE_TIMEOUT_MS = 5_000;

/** One case as the screens see it. */
export interface CaseEntry {
  state: CaseState;
  /** The agent's unsaved or unacknowledged edits by field id. */
  drafts: Readonly<Record<string, FieldDraft>>;
  /** Full values of masked fields the agent revealed, until hidden again. */
  revealed: Readonly<Record<string, string>>;
  /** Problems found when the agent asked for confirmation, by field id (cleared by an edit). */
  problems: Readonly<Record<string, FieldIssue>>;
  /** The action awaiting the server, if any. */
  busy: 'confirm' | 'outcome' | 'abandon' | null;
  /** A change voided the resident's confirmation or signature, and they were not asked again yet. */
  voided: boolean;
  /** What the agent typed in the outcome panel (kept while they look at another case). */
  outcomeDraft: OutcomeDraft;
}

/** Everything the case screens render. */
export interface CaseStoreSnapshot {
  /** Every known case, in the order opened. */
  cases: readonly CaseEntry[];
  /** The case shown; null shows the item finder ("another matter"). */
  selected: string | null;
  /** 免申即享 notes by ticket id. */
  entitlements: Readonly<Record<string, readonly Entitlement[]>>;
  /** True while a case:open awaits the server. */
  opening: boolean;
}

/** The outcome of an action: done (with the new state if the server sent one), or refused with a code. */
export type CaseActionResult = { ok: true; state?: CaseState } | { ok: false; code: string };

/** The agent's cases; one store per console. */
export class CaseStore {
  private readonly cases = new Map<
    string,
    { sync: CaseSync; busy: CaseEntry['busy']; outcome: OutcomeDraft }
  >();
  private entitlements: Record<string, readonly Entitlement[]> = {};
  private selected: string | null = null;
  private choseFinder = false;
  private opening = false;
  private snapshot: CaseStoreSnapshot = { cases: [], selected: null, entitlements: {}, opening: false };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CaseStoreDeps) {}

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): CaseStoreSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A pushed or acknowledged state: kept unless older than the one held. */
  applyState = (state: CaseState): void => {
    const held = this.cases.get(state.caseId);
    if (held) {
      if (held.sync.apply(state)) this.publish();
      return;
    }
    const sync = new CaseSync(state, {
      revise: (p) => this.deps.transport.revise(p),
      reload: (sessionId) => {
        this.deps.transport.reload(sessionId).then(
          (states) => states.forEach(this.applyState),
          () => undefined,
        );
      },
      fieldsOf: this.deps.fieldsOf,
      locale: () => this.deps.locale?.() ?? 'zh-CN',
      typingIntervalMs: this.deps.typingIntervalMs ?? TYPING_INTERVAL_MS,
      now: this.deps.now ?? Date.now,
      conflictReloadMs: this.deps.conflictReloadMs ?? 1000,
      changed: () => this.publish(),
    });
    this.cases.set(state.caseId, { sync, busy: null, outcome: emptyOutcomeDraft });
    // After a reload the first open case comes back into view, unless the agent chose the finder.
    if (this.selected === null && !this.choseFinder && isOpen(state)) this.selected = state.caseId;
    this.publish();
  };

  /** The 免申即享 notes for a ticket (they come with the session and after consent). */
  setEntitlements(ticketId: string, list: readonly Entitlement[]): void {
    this.entitlements = { ...this.entitlements, [ticketId]: list };
    this.publish();
  }

  /** Shows a case, or the item finder (null). */
  select = (caseId: string | null): void => {
    this.selected = caseId;
    this.choseFinder = caseId === null;
    this.publish();
  };

  /** Opens a case for an item in the session and shows it. */
  open = async (sessionId: string, itemCode: string): Promise<CaseActionResult> => {
    if (this.opening) return { ok: false, code: ErrorCode.RateLimited };
    this.opening = true;
    this.publish();
    try {
      const state = await this.deps.transport.open({ sessionId, itemCode });
      this.applyState(state);
      this.select(state.caseId);
      return { ok: true, state };
    } catch (e) {
      return { ok: false, code: errorCodeOf(e) };
    } finally {
      this.opening = false;
      this.publish();
    }
  };

  /** The agent changed a field (typing is throttled); `immediate` for a pick (choice, yes/no, a group entry added or removed). */
  edit = (caseId: string, field: string, value: unknown, options: { immediate?: boolean } = {}): void =>
    this.cases.get(caseId)?.sync.edit(field, value, options.immediate);

  /** Sends a field's typed value now (blur, Enter). */
  commit = (caseId: string, field: string): void => this.cases.get(caseId)?.sync.flush(field);

  /** Sends every typed value of every case now (leaving the screen, signing out, reconnected). */
  flushAll = (): void => {
    for (const { sync } of this.cases.values()) sync.flush();
  };

  /** After a conflict or a refusal: send the agent's value again on the current revision. */
  keepMine = (caseId: string, field: string): void => this.cases.get(caseId)?.sync.keepMine(field);

  /** Drops a field's draft: the server's value shows again. */
  dropDraft = (caseId: string, field: string): void => this.cases.get(caseId)?.sync.drop(field);

  /** Drops every unsaved draft of a case (e.g. before recording 办不成). */
  discardDrafts = (caseId: string): void => this.cases.get(caseId)?.sync.drop();

  /** The agent typed in the outcome panel. */
  setOutcomeDraft = (caseId: string, patch: Partial<OutcomeDraft>): void => {
    const held = this.cases.get(caseId);
    if (!held) return;
    held.outcome = { ...held.outcome, ...patch };
    this.publish();
  };

  /** Reads a masked field in full (the server records it); masked again after a while. */
  reveal = async (caseId: string, field: string): Promise<CaseActionResult> => {
    const held = this.cases.get(caseId);
    if (!held) return { ok: false, code: ErrorCode.NotFound };
    try {
      const { value } = await this.deps.transport.reveal({ caseId, field });
      held.sync.reveal(field, value, this.deps.revealMs ?? REVEAL_MS);
      return { ok: true };
    } catch (e) {
      return { ok: false, code: errorCodeOf(e) };
    }
  };

  /** Masks a revealed field again. */
  hide = (caseId: string, field: string): void => this.cases.get(caseId)?.sync.hide(field);

  /**
   * Asks the resident to confirm the form as it is. Typed values are sent first; the form must then
   * hold no unsaved draft (FORM_UNSAVED) and pass validation (FORM_INCOMPLETE, problems per field).
   */
  requestConfirm = async (caseId: string): Promise<CaseActionResult> => {
    const held = this.cases.get(caseId);
    if (!held) return { ok: false, code: ErrorCode.NotFound };
    const { sync } = held;
    await sync.settled(this.subscribe, SETTLE_TIMEOUT_MS);
    if (!isOpen(sync.state)) return { ok: false, code: ErrorCode.CaseClosed };
    if (sync.unsaved()) return { ok: false, code: ConsoleErrorCode.FormUnsaved };
    if (Object.keys(sync.checkAll()).length) return { ok: false, code: ConsoleErrorCode.FormIncomplete };
    return this.act(caseId, 'confirm', async () => {
      await this.deps.transport.requestConfirm({ caseId, revision: sync.known() });
      return undefined;
    });
  };

  /** Records the outcome once the typed values are stored (FORM_UNSAVED while any is not). */
  recordOutcome = async (caseId: string, record: OutcomeRecord): Promise<CaseActionResult> => {
    const held = this.cases.get(caseId);
    if (!held) return { ok: false, code: ErrorCode.NotFound };
    await held.sync.settled(this.subscribe, SETTLE_TIMEOUT_MS);
    if (held.sync.unsaved()) return { ok: false, code: ConsoleErrorCode.FormUnsaved };
    return this.act(caseId, 'outcome', () => this.deps.transport.outcome({ caseId, record }));
  };

  /** Gives the case up with a reason (its drafts no longer matter). */
  abandon = (caseId: string, record: AbandonRecord): Promise<CaseActionResult> =>
    this.act(caseId, 'abandon', () => this.deps.transport.abandon({ caseId, record }));

  /** True while a case holds edits the server has not stored. */
  hasUnsaved(caseId: string): boolean {
    return this.cases.get(caseId)?.sync.unsaved() ?? false;
  }

  /** The session's cases that still need an outcome. */
  openCasesOf(sessionId: string): CaseState[] {
    return [...this.cases.values()]
      .map(({ sync }) => sync.state)
      .filter((s) => s.sessionId === sessionId && isOpen(s));
  }

  /** Forgets a session's cases once it ended. */
  forgetSession(sessionId: string): void {
    for (const [id, { sync }] of this.cases) {
      if (sync.state.sessionId !== sessionId) continue;
      sync.dispose();
      this.cases.delete(id);
    }
    this.choseFinder = false;
    this.publish();
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    for (const { sync } of this.cases.values()) sync.dispose();
    this.cases.clear();
    this.entitlements = {};
    this.selected = null;
    this.choseFinder = false;
    this.opening = false;
    this.publish();
  }

  private async act(
    caseId: string,
    busy: NonNullable<CaseEntry['busy']>,
    call: () => Promise<CaseState | undefined>,
  ): Promise<CaseActionResult> {
    const held = this.cases.get(caseId);
    if (!held) return { ok: false, code: ErrorCode.NotFound };
    if (held.busy) return { ok: false, code: ErrorCode.RateLimited };
    held.busy = busy;
    this.publish();
    try {
      const state = await call();
      if (state) this.applyState(state);
      return state ? { ok: true, state } : { ok: true };
    } catch (e) {
      return { ok: false, code: errorCodeOf(e) };
    } finally {
      held.busy = null;
      this.publish();
    }
  }

  private publish(): void {
    const cases = [...this.cases.values()].map(({ sync, busy, outcome }): CaseEntry => ({
      state: sync.state,
      ...sync.view(),
      problems: { ...sync.problems },
      busy,
      voided: sync.voided,
      outcomeDraft: outcome,
    }));
    const selected = this.selected && this.cases.has(this.selected) ? this.selected : null;
    this.snapshot = { cases, selected, entitlements: this.entitlements, opening: this.opening };
    for (const l of this.listeners) l();
  }
}
