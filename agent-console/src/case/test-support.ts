/**
 * For the case tests: a catalogue item parsed with the shared schema, and an in-memory server that
 * keeps a case's form by the shared revision rule (applyRevision: CONFLICT on a stale base, field
 * codes on bad values), acknowledges like the socket does and pushes `case:state` after each change.
 * Pushes can be held back, to play an ack that overtakes its push or a push that is lost.
 */
import {
  CatalogueItem,
  ErrorCode,
  applyRevision,
  initialFormState,
  type CaseState,
  type ClientPayload,
  type FormState,
} from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import type { CaseTransport } from './case-store';

const t = (zh: string, en: string) => ({ zh, en });

/** A small item with a field of most kinds, one prefilled from the card and one masked. */
export const testItem: CatalogueItem = CatalogueItem.parse({
  code: 'test-item',
  version: 3,
  name: t('测试事项', 'Test item'),
  category: 'elderly-care',
  skillGroup: 'general',
  materials: [{ name: t('身份证', 'ID card') }],
  nextSteps: [t('等电话', 'Wait for the call')],
  form: {
    fields: [
      { id: 'name', kind: 'text', label: t('姓名', 'Name'), required: true, prefill: 'name' },
      { id: 'idNumber', kind: 'idNumber', label: t('身份证号', 'ID number'), prefill: 'idNumber' },
      { id: 'phone', kind: 'phone', label: t('电话', 'Phone'), required: true },
      { id: 'note', kind: 'text', label: t('备注', 'Note') },
      { id: 'alone', kind: 'yesNo', label: t('独居', 'Lives alone') },
    ],
  },
});

/** A full ID number with a right check digit (never shown in test output). */
export const FULL_ID = '11010519491231002X';
const MASKED_ID = '110***********002X';

/** The live state of a case of `testItem` built from a form state. */
export function stateOf(form: FormState, extra: Partial<CaseState> = {}): CaseState {
  const values = { ...form.values };
  if (typeof values.idNumber === 'string') values.idNumber = MASKED_ID;
  return {
    caseId: 'c1',
    number: 'XH-20260101-0001',
    sessionId: 's1',
    item: {
      code: testItem.code,
      version: testItem.version,
      name: testItem.name,
      fields: testItem.form.fields,
    },
    status: 'open',
    form: {
      revision: form.revision,
      values,
      hash: String(form.revision).padStart(64, '0'),
      fromCard: ['name', 'idNumber'],
      maskedFields: typeof form.values.idNumber === 'string' ? ['idNumber'] : [],
      lastChanged: null,
      flags: [],
      confirmRequested: null,
      confirmation: null,
      signature: null,
      voided: false,
    },
    outcome: null,
    abandonReason: null,
    openedAt: '2026-01-01T08:00:00.000Z',
    closedAt: null,
    ...extra,
  };
}

/** The server side of the store's tests. */
export class FakeCaseServer implements CaseTransport {
  form: FormState = initialFormState(testItem.form.fields, { name: '李秀英', idNumber: FULL_ID });
  extra: Partial<CaseState> = {};
  /** Every revise the store sent, in order. */
  readonly revises: ClientPayload<'form:revise'>[] = [];
  readonly confirmRequests: ClientPayload<'form:request-confirm'>[] = [];
  /** Where pushes go (the store's applyState). */
  push: (state: CaseState) => void = () => undefined;
  /** True: pushes wait in `held` until released (or are dropped with `dropHeld`). */
  holdPushes = false;
  held: CaseState[] = [];
  /** A code the next revise fails with (e.g. TIMEOUT), once. */
  failNextRevise: string | null = null;
  reloads = 0;

  state(): CaseState {
    return stateOf(this.form, this.extra);
  }

  /** Another tab (or a kiosk flag) changes the case: the revision moves on. */
  otherEdit(field: string, value: unknown): void {
    const r = applyRevision(
      this.form,
      { field, value, baseRevision: this.form.revision },
      { fields: testItem.form.fields, by: 'other' },
    );
    if (!r.ok) throw new Error(r.code);
    this.form = r.state;
    this.emit();
  }

  releasePushes(): void {
    this.holdPushes = false;
    for (const s of this.held.splice(0)) this.push(s);
  }

  emit(): void {
    const s = this.state();
    if (this.holdPushes) this.held.push(s);
    else this.push(s);
  }

  async open(p: ClientPayload<'case:open'>): Promise<CaseState> {
    await Promise.resolve();
    if (p.itemCode !== testItem.code) throw new ConsoleError(ErrorCode.NotFound, 'no such item');
    return this.state();
  }

  async revise(p: ClientPayload<'form:revise'>): Promise<{ revision: number }> {
    this.revises.push(p);
    await Promise.resolve();
    if (this.failNextRevise) {
      const code = this.failNextRevise;
      this.failNextRevise = null;
      throw new ConsoleError(code, 'failed');
    }
    if (this.extra.status && this.extra.status !== 'open')
      throw new ConsoleError(ErrorCode.CaseClosed, 'closed');
    const r = applyRevision(
      this.form,
      { field: p.field, value: p.value, baseRevision: p.baseRevision },
      { fields: testItem.form.fields, by: 'agent' },
    );
    if (!r.ok) throw new ConsoleError(r.code, r.message);
    this.form = r.state;
    if (r.revision) this.emit();
    return { revision: r.state.revision };
  }

  async reveal(p: ClientPayload<'form:reveal'>): Promise<{ value: string }> {
    await Promise.resolve();
    return { value: String(this.form.values[p.field]) };
  }

  async requestConfirm(p: ClientPayload<'form:request-confirm'>): Promise<object> {
    this.confirmRequests.push(p);
    await Promise.resolve();
    if (p.revision !== this.form.revision) throw new ConsoleError(ErrorCode.Conflict, 'stale');
    this.extra = { ...this.extra };
    this.emit();
    return {};
  }

  async outcome(p: ClientPayload<'case:outcome'>): Promise<CaseState> {
    await Promise.resolve();
    this.extra = {
      status: 'closed',
      outcome: { outcome: p.record.outcome, reason: null, nextStep: null, at: '2026-01-01T08:10:00Z' },
    };
    return this.state();
  }

  async abandon(p: ClientPayload<'case:abandon'>): Promise<CaseState> {
    await Promise.resolve();
    this.extra = { status: 'abandoned', abandonReason: p.record.reason };
    return this.state();
  }

  async reload(): Promise<CaseState[]> {
    this.reloads += 1;
    await Promise.resolve();
    return [this.state()];
  }
}
