/**
 * Paper in and out (issue 10), composed for server.ts: documents archived when a case closes, print
 * jobs at the session's kiosk, materials from the document camera. It hands the server its socket
 * handlers and routes, its part in a member's resync and in a session's end, and its retention.
 */
import type { HttpRoutes } from '@rvw/shared';
import type { Logger } from 'pino';
import type { CaseRecord, CaseVault } from '../cases/case-record';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RouteHandlers } from '../http/route-registrar';
import type { IdentityCipher } from '../identity/identity-crypto';
import { MaterialsArea } from '../materials/material-area';
import { purgeMaterialImages } from '../materials/material-retention';
import { materialRouteHandlers } from '../materials/material-routes';
import { PrintArea } from '../print/print-area';
import { printRouteHandlers } from '../print/print-routes';
import type { ResumeExtras } from '../sessions/resume';
import type { SessionsArea } from '../sessions/sessions-area';
import type { EventHandlers } from '../socket/dispatch';
import type { RvwServer, RvwSocket } from '../socket/types';
import { purgeDocumentSources } from './archive-input';
import { DocumentArchiver, type RenderFn } from './archiver';
import { documentRouteHandlers } from './document-routes';
import { PaperVault } from './paper-vault';
import { sharedRenderPool } from './render-pool';
import { demoExternalRecords, type ExternalRecords, type RenderedDocument } from './render';

/** What can be chosen besides the configuration (tests, a deployment with a real records system). */
export interface PaperOptions {
  /** Where item notices read other systems' results; default the demo records. */
  records?: ExternalRecords;
  /** The document renderer; default the PDF renderer in the process's render worker (render-pool.ts). */
  render?: RenderFn;
  /** Wait before an archiving's one retry, in ms; default 1000. */
  retryDelayMs?: number;
}

/** What the paper area needs. */
export interface PaperAreaDeps extends PaperOptions {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  cipher: IdentityCipher;
  vault: CaseVault;
  sessions: SessionsArea;
  /** Printed at the top of every document (RVW_CENTRE_NAME). */
  centreName: string;
  /** Days a closed case keeps its identity data (RVW_CASE_IDENTITY_RETENTION_DAYS). */
  retentionDays: number;
}

type PaperRoutes =
  | 'listCaseDocuments'
  | 'downloadDocument'
  | 'documentDownloads'
  | 'listCasePrintJobs'
  | 'kioskPrintFile'
  | 'uploadMaterial'
  | 'listCaseMaterials'
  | 'materialImage';

/** Documents, printing and materials. */
export class PaperArea {
  /** Archives closed cases' documents; `regenerate` renders one again. */
  readonly archiver: DocumentArchiver;
  private readonly paper: PaperVault;
  private readonly print: PrintArea;
  private readonly materials: MaterialsArea;

  constructor(private readonly deps: PaperAreaDeps) {
    const { io, db, clock, log, sessions } = deps;
    this.paper = new PaperVault(deps.cipher);
    const pool = deps.render ? null : sharedRenderPool();
    this.archiver = new DocumentArchiver({
      io,
      db,
      clock,
      log,
      vault: deps.vault,
      cipher: deps.cipher,
      paper: this.paper,
      centreName: deps.centreName,
      records: deps.records ?? demoExternalRecords(),
      render: deps.render ?? ((entry, input, records) => pool!.render(entry, input, records)),
      ...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
    });
    this.print = new PrintArea({ io, db, clock, log, sessions });
    this.materials = new MaterialsArea({ io, db, clock, log, sessions });
  }

  /** Socket handlers of printing and the document camera. */
  get handlers(): Pick<EventHandlers, keyof PrintArea['handlers'] | keyof MaterialsArea['handlers']> {
    return { ...this.print.handlers, ...this.materials.handlers };
  }

  /** HTTP routes of documents, print jobs and materials. */
  routes(): Pick<RouteHandlers<HttpRoutes>, PaperRoutes> {
    const { io, db, clock } = this.deps;
    const paper = this.paper;
    return {
      ...documentRouteHandlers({ db, clock, paper }),
      ...printRouteHandlers({ db, clock, paper }),
      ...materialRouteHandlers({ io, db, clock, paper }),
    };
  }

  /**
   * Renders an archived document again from its case and the case's document source: the same
   * digest as archived while the case keeps its identity data (see archiver.ts). NOT_FOUND for an
   * unknown document.
   */
  regenerateDocument(documentId: string): Promise<RenderedDocument> {
    return this.archiver.regenerate(documentId);
  }

  /** A case got its outcome: archive its documents after the ack (see archiver.ts). */
  caseClosed(rec: CaseRecord): void {
    this.archiver.caseClosed(rec);
  }

  /** What a resuming member is sent: the cases' extras, then this area's resync. */
  resumeExtras(cases: ResumeExtras): ResumeExtras {
    return {
      sendEntitlements: (ticketId, only) => cases.sendEntitlements(ticketId, only),
      resync: async (socket, sessionId) => {
        await cases.resync(socket, sessionId);
        await this.resync(socket, sessionId);
      },
    };
  }

  /** A (re)joining member: open print jobs (and offers) and capture requests again. */
  async resync(socket: RvwSocket, sessionId: string): Promise<void> {
    await this.print.resync(socket, sessionId);
    await this.materials.resync(socket, sessionId);
  }

  /** Inside a session's end: offered jobs declined, open capture requests cancelled; tells after the commit. */
  async ending(trx: Db, sessionId: string): Promise<() => void> {
    const printed = await this.print.ending(trx, sessionId);
    const captured = await this.materials.ending(trx, sessionId);
    return () => {
      printed();
      captured();
    };
  }

  /** Retention (with the cases'): material images removed, document sources keep a masked number. */
  async purge(now: Date): Promise<void> {
    const days = this.deps.retentionDays;
    const images = await purgeMaterialImages(this.deps.db, now, days);
    const sources = await purgeDocumentSources({ db: this.deps.db, paper: this.paper }, now, days);
    if (images || sources)
      this.deps.log.info({ images, sources }, 'paper identity data past its retention purged');
  }

  /** At start: archives closed cases that a stop left without documents. */
  async start(): Promise<void> {
    await this.archiver.archiveMissing();
  }

  /** Resolves when archiving in progress has finished. */
  idle(): Promise<void> {
    return this.archiver.idle();
  }

  /** The server stops: archiving in progress is dropped (archived again at the next start). */
  close(): void {
    this.archiver.stop();
  }
}
