/**
 * Materials from the kiosk's document camera (高拍仪), outside React: the agent's capture requests of
 * each case kept live from `material:state` (asked -> consented -> captured, or declined, cancelled),
 * the actions on them (ask, capture, cancel) and the case's captured materials, read again from the
 * server whenever a request becomes captured.
 */
import {
  ErrorCode,
  type CaseMaterial,
  type ClientAckData,
  type ClientPayload,
  type MaterialRequest,
  type MaterialRequestState,
} from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';
import { CaseViews, type PaperLoad } from './case-views';

/** How the store reaches the server. */
export interface MaterialTransport {
  request(p: ClientPayload<'material:request'>): Promise<ClientAckData<'material:request'>>;
  capture(p: ClientPayload<'material:capture'>): Promise<unknown>;
  cancel(p: ClientPayload<'material:cancel'>): Promise<ClientAckData<'material:cancel'>>;
  /** Oldest first. */
  listMaterials(caseId: string): Promise<CaseMaterial[]>;
}

/** The action awaiting the server. */
export type MaterialAction = 'request' | 'capture' | 'cancel';

/** One case's materials as the panel renders them. */
export interface CaseMaterialsView {
  /** Capture requests of this page's life, oldest first; the last is the one the panel acts on. */
  requests: readonly MaterialRequest[];
  /** Captured materials as the server lists them, oldest first. */
  materials: readonly CaseMaterial[];
  load: PaperLoad;
  loadError: string | null;
  busy: MaterialAction | null;
  /** Why the last action was refused (an error code); cleared by the next action. */
  error: string | null;
  /** The request whose capture was pressed, until it is captured or ends. */
  capturing: string | null;
}

/** The outcome of an action. */
export type MaterialResult = { ok: true } | { ok: false; code: string };

const EMPTY: CaseMaterialsView = {
  requests: [],
  materials: [],
  load: 'idle',
  loadError: null,
  busy: null,
  error: null,
  capturing: null,
};

const ORDER: Readonly<Record<MaterialRequestState, number>> = {
  asked: 0,
  consented: 1,
  captured: 2,
  declined: 2,
  cancelled: 2,
};

/** True once a request can never change again. */
export function isFinalRequest(r: MaterialRequest): boolean {
  return ORDER[r.state] === 2;
}

/** The capture requests and materials of the agent's cases; one per console, reset on sign-out. */
export class MaterialStore extends CaseViews<CaseMaterialsView> {
  /** The newest list call per case: an older answer arriving late is dropped. */
  private readonly loads = new Map<string, number>();

  constructor(private readonly transport: MaterialTransport) {
    super(EMPTY);
  }

  /** `material:state` (or an ack): a request moved; only forward moves count. */
  requestChanged = (next: MaterialRequest): void => {
    const v = this.view(next.caseId);
    const i = v.requests.findIndex((r) => r.requestId === next.requestId);
    const held = i >= 0 ? v.requests[i]! : undefined;
    if (held && (isFinalRequest(held) || ORDER[next.state] <= ORDER[held.state])) return;
    const requests = held ? v.requests.map((r, j) => (j === i ? next : r)) : [...v.requests, next];
    const capturing = v.capturing === next.requestId && next.state !== 'consented' ? null : v.capturing;
    this.set(next.caseId, { requests, capturing });
    const id = next.materialId;
    if (next.state === 'captured' && id && !v.materials.some((m) => m.materialId === id))
      void this.load(next.caseId, true);
  };

  /** Reads a case's captured materials (once, unless `force`). */
  load = async (caseId: string, force = false): Promise<void> => {
    const v = this.view(caseId);
    if (v.load === 'loading' && !force) return;
    if (v.load === 'loaded' && !force) return;
    const epoch = this.epoch;
    const seq = (this.loads.get(caseId) ?? 0) + 1;
    this.loads.set(caseId, seq);
    const current = () => epoch === this.epoch && this.loads.get(caseId) === seq;
    this.set(caseId, { load: 'loading', loadError: null });
    try {
      const materials = await this.transport.listMaterials(caseId);
      if (current()) this.set(caseId, { materials, load: 'loaded' });
    } catch (e) {
      if (current()) this.set(caseId, { load: 'failed', loadError: errorCodeOf(e) });
    }
  };

  /** Asks the resident to put a material under the document camera. */
  ask = (sessionId: string, caseId: string, label: string): Promise<MaterialResult> =>
    this.act(caseId, 'request', async () => {
      const { request } = await this.transport.request({ sessionId, caseId, label: label.trim() });
      this.requestChanged(request);
    });

  /** Takes the picture now (the request must be consented). */
  capture = (caseId: string, requestId: string): Promise<MaterialResult> =>
    this.act(caseId, 'capture', async () => {
      await this.transport.capture({ requestId });
      const held = this.view(caseId).requests.find((r) => r.requestId === requestId);
      // The upload may already have been reported; otherwise wait for it.
      if (held?.state === 'consented') this.set(caseId, { capturing: requestId });
    });

  /** Stops a request not yet captured. */
  cancel = (caseId: string, requestId: string): Promise<MaterialResult> =>
    this.act(caseId, 'cancel', async () => {
      const { request } = await this.transport.cancel({ requestId });
      this.requestChanged(request);
    });

  /** Forgets the cases of a session that ended; returns the ids of their materials. */
  override forget(caseIds: readonly string[]): string[] {
    const gone = caseIds.flatMap((id) => this.view(id).materials.map((m) => m.materialId));
    for (const id of caseIds) this.loads.delete(id);
    super.forget(caseIds);
    return gone;
  }

  /** Forgets everything (sign-out). */
  override reset(): void {
    this.loads.clear();
    super.reset();
  }

  private async act(
    caseId: string,
    busy: MaterialAction,
    call: () => Promise<void>,
  ): Promise<MaterialResult> {
    if (this.view(caseId).busy) return { ok: false, code: ErrorCode.RateLimited };
    const epoch = this.epoch;
    this.set(caseId, { busy, error: null });
    try {
      await call();
      if (epoch === this.epoch) this.set(caseId, { busy: null });
      return { ok: true };
    } catch (e) {
      const code = errorCodeOf(e);
      if (epoch === this.epoch) this.set(caseId, { busy: null, error: code });
      return { ok: false, code };
    }
  }
}
