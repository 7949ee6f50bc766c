/**
 * The console's paper area for one page: the print and material stores and the material images, on
 * the signed-in line (the agent's socket for the events, HTTP with its token for lists and files),
 * and the binding of the server's paper pushes to them.
 */
import { ErrorCode, serverEvents } from '@rvw/shared';
import { request, type ConsoleSocket } from '../app/console-socket';
import type { Line } from '../case/socket-transport';
import { ConsoleError } from '../lib/errors';
import { BlobCache } from './blob-cache';
import { MaterialStore, type MaterialTransport } from './material-store';
import {
  downloadDocument,
  listCaseDocuments,
  listCaseMaterials,
  listCasePrintJobs,
  materialImage,
  type ApiTarget,
} from './paper-api';
import { PrintStore, type PrintTransport } from './print-store';

function lineOf(line: Line) {
  const held = line();
  if (!held) throw new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.');
  return held;
}

/** Printing over whatever socket and token `line` returns at each call (HTTP to `target`). */
export function socketPrintTransport(line: Line, target: ApiTarget = {}): PrintTransport {
  return {
    print: async (p) => request(lineOf(line).socket, 'print:request', p),
    listDocuments: async (caseId) => listCaseDocuments(lineOf(line).token, caseId, target),
    listPrintJobs: async (caseId) => listCasePrintJobs(lineOf(line).token, caseId, target),
  };
}

/** Capture requests over whatever socket and token `line` returns at each call (HTTP to `target`). */
export function socketMaterialTransport(line: Line, target: ApiTarget = {}): MaterialTransport {
  return {
    request: async (p) => request(lineOf(line).socket, 'material:request', p),
    capture: async (p) => request(lineOf(line).socket, 'material:capture', p),
    cancel: async (p) => request(lineOf(line).socket, 'material:cancel', p),
    listMaterials: async (caseId) => listCaseMaterials(lineOf(line).token, caseId, target),
  };
}

/** Replaceable parts, for tests. */
export interface PaperAreaDeps {
  print?: PrintTransport;
  materials?: MaterialTransport;
  /** A material's image by id; default GET /api/materials/:id/file. */
  image?: (materialId: string) => Promise<Blob>;
  /** A document's PDF by id; default GET /api/documents/:id/file. */
  document?: (documentId: string) => Promise<Blob>;
  /** Where the default HTTP calls go; the page's origin by default. */
  target?: ApiTarget;
}

/** Printing, materials and their images for one signed-in page. */
export class PaperArea {
  readonly prints: PrintStore;
  readonly materials: MaterialStore;
  /** Material images by material id (each fetched once: the server records every view). */
  readonly images: BlobCache;
  /** Fetches a document's PDF (the server records the download). */
  readonly fetchDocument: (documentId: string) => Promise<Blob>;

  constructor(line: Line, deps: PaperAreaDeps = {}) {
    const target = deps.target ?? {};
    this.prints = new PrintStore(deps.print ?? socketPrintTransport(line, target));
    this.materials = new MaterialStore(deps.materials ?? socketMaterialTransport(line, target));
    this.images = new BlobCache(deps.image ?? (async (id) => materialImage(lineOf(line).token, id, target)));
    this.fetchDocument = deps.document ?? (async (id) => downloadDocument(lineOf(line).token, id, target));
  }

  /** Listens to the server's paper pushes on a signed-in socket; `current` says it is still this page's line. */
  bind(socket: ConsoleSocket, current: () => boolean = () => true): void {
    // Back after a loss: what changed meanwhile is read again (the first connect has nothing to read).
    socket.on('connect', () => {
      if (!current()) return;
      this.prints.resync();
      this.materials.resync();
    });
    socket.on('print:state', (payload) => {
      const parsed = serverEvents['print:state'].safeParse(payload);
      if (parsed.success && current()) this.prints.jobChanged(parsed.data);
    });
    socket.on('case:documents', (payload) => {
      const parsed = serverEvents['case:documents'].safeParse(payload);
      if (parsed.success && current())
        this.prints.documentsArchived(parsed.data.caseId, parsed.data.documents);
    });
    socket.on('material:state', (payload) => {
      const parsed = serverEvents['material:state'].safeParse(payload);
      if (parsed.success && current()) this.materials.requestChanged(parsed.data);
    });
  }

  /**
   * Follows the case store: once a case it showed is gone (its session ended), its documents, jobs
   * and materials are forgotten and the images' URLs revoked, so no picture of the resident's papers
   * stays in the page after the call. A case never shown is kept (its pushes may come first).
   */
  follow(caseIds: () => ReadonlySet<string>): () => void {
    const seen = new Set<string>();
    return () => {
      const now = caseIds();
      const gone = [...seen].filter((id) => !now.has(id));
      for (const id of now) seen.add(id);
      if (!gone.length) return;
      for (const id of gone) seen.delete(id);
      this.prints.forget(gone);
      this.images.drop(this.materials.forget(gone));
    };
  }

  /** Forgets everything and revokes the images (sign-out). */
  reset(): void {
    this.prints.reset();
    this.materials.reset();
    this.images.clear();
  }
}
