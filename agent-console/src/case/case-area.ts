/**
 * The console's case area for one page: the catalogue items fetched, the case store and the paper
 * area (documents, printing, materials), on the signed-in line.
 */
import { getCatalogueItem } from '../lib/api';
import { ConsoleError } from '../lib/errors';
import { ErrorCode } from '@rvw/shared';
import { PaperArea, type PaperAreaDeps } from '../paper/paper-area';
import { CaseStore, type CaseTransport } from './case-store';
import { CatalogueCache } from './catalogue-cache';
import { socketCaseTransport, type Line } from './socket-transport';

/** The catalogue cache and the case store, both reaching the server through whatever `line` holds at each call. */
export function createCaseArea(
  line: Line,
  /** The case store's way to the server; default the socket's case events, HTTP for a reload. */
  transport: (line: Line) => CaseTransport = socketCaseTransport,
  /** The paper area's parts; default the socket's paper events, HTTP for lists and files. */
  paperDeps: PaperAreaDeps = {},
): { catalogue: CatalogueCache; cases: CaseStore; paper: PaperArea } {
  const catalogue = new CatalogueCache((code) => {
    const held = line();
    if (!held) return Promise.reject(new ConsoleError(ErrorCode.AuthMissing, 'Not signed in.'));
    return getCatalogueItem(held.token, code);
  });
  const cases = new CaseStore({ transport: transport(line), fieldsOf: catalogue.fieldsOf });
  const paper = new PaperArea(line, paperDeps);
  // A case forgotten (its session ended) takes its documents and materials' images with it.
  cases.subscribe(paper.follow(() => new Set(cases.getSnapshot().cases.map((c) => c.state.caseId))));
  return { catalogue, cases, paper };
}
