/**
 * The HTTP API as the console uses it: thin functions over the client derived from `httpRoutes`.
 * Every failure becomes a ConsoleError with a stable code: the server's own code from its error
 * body, or UNREACHABLE / BAD_RESPONSE from this side.
 */
import {
  createHttpClient,
  httpRoutes,
  HttpClientError,
  type Agent,
  type CaseDetail,
  type CaseState,
  type CatalogueItem,
  type CatalogueItemSummary,
  type CatalogueQuery,
  type ConsentEntry,
  type CreateAgentRequest,
  type FollowUp,
  type ListCasesQuery,
  type CreateKioskRequest,
  type CreateKioskResponse,
  type HttpClient,
  type HttpClientOptions,
  type Kiosk,
  type LoginRequest,
  type LoginResponse,
} from '@rvw/shared';
import { ConsoleError } from './errors';

/** The typed client of the whole HTTP API (same origin unless `baseUrl` says otherwise). */
export function consoleApi(options: HttpClientOptions = {}): HttpClient<typeof httpRoutes> {
  return createHttpClient(httpRoutes, options);
}

/** Runs a call and turns its HttpClientError into the console's ConsoleError (same code and status). */
export async function asConsoleError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof HttpClientError) throw new ConsoleError(err.code, err.message, err.status);
    throw err;
  }
}

/** POST /api/auth/login. */
export async function login(request: LoginRequest): Promise<LoginResponse> {
  return asConsoleError(consoleApi().login({ body: request }));
}

/** POST /api/auth/logout; failures are ignored by callers (the token is dropped locally anyway). */
export async function logout(token: string): Promise<void> {
  await asConsoleError(consoleApi({ token }).logout({ body: {} }));
}

/** GET /api/me: the signed-in account. */
export async function fetchMe(token: string): Promise<Agent> {
  return (await asConsoleError(consoleApi({ token }).me())).agent;
}

/** GET /api/admin/kiosks. */
export async function listKiosks(token: string): Promise<Kiosk[]> {
  return (await asConsoleError(consoleApi({ token }).listKiosks())).kiosks;
}

/** POST /api/admin/kiosks: the secret token is in this answer only. */
export async function createKiosk(token: string, request: CreateKioskRequest): Promise<CreateKioskResponse> {
  return asConsoleError(consoleApi({ token }).createKiosk({ body: request }));
}

/** GET /api/admin/agents. */
export async function listAgents(token: string): Promise<Agent[]> {
  return (await asConsoleError(consoleApi({ token }).listAgents())).agents;
}

/** POST /api/admin/agents. */
export async function createAgent(token: string, request: CreateAgentRequest): Promise<Agent> {
  return (await asConsoleError(consoleApi({ token }).createAgent({ body: request }))).agent;
}

/** GET /api/catalogue: the items matching the filters, best first (the server ranks them). */
export async function listCatalogue(token: string, query: CatalogueQuery): Promise<CatalogueItemSummary[]> {
  return (await asConsoleError(consoleApi({ token }).listCatalogue({ query }))).items;
}

/** GET /api/catalogue/:code: one item whole (guide and form). */
export async function getCatalogueItem(token: string, code: string): Promise<CatalogueItem> {
  return (await asConsoleError(consoleApi({ token }).getCatalogueItem({ params: { code } }))).item;
}

/** GET /api/cases: cases, newest first, by session, status or number prefix. */
export async function listCases(token: string, query: ListCasesQuery): Promise<CaseState[]> {
  return (await asConsoleError(consoleApi({ token }).listCases({ query }))).cases;
}

/** GET /api/cases/:caseId: one case whole (the server records the read). */
export async function getCase(token: string, caseId: string): Promise<CaseDetail> {
  return asConsoleError(consoleApi({ token }).getCase({ params: { caseId } }));
}

/** GET /api/cases/:caseId/consents: the consent ledger's entries for a case, oldest first. */
export async function caseConsents(token: string, caseId: string): Promise<ConsentEntry[]> {
  return (await asConsoleError(consoleApi({ token }).caseConsents({ params: { caseId } }))).entries;
}

/** GET /api/admin/follow-ups: follow-ups of low ratings, open ones first. */
export async function listFollowUps(
  token: string,
  status: 'open' | 'closed' | 'all' = 'open',
): Promise<FollowUp[]> {
  return (await asConsoleError(consoleApi({ token }).listFollowUps({ query: { status } }))).followUps;
}

/** POST /api/admin/follow-ups/:id/close: a supervisor closes a follow-up with what was done. */
export async function closeFollowUp(token: string, followUpId: string, note: string): Promise<FollowUp> {
  return (
    await asConsoleError(consoleApi({ token }).closeFollowUp({ params: { followUpId }, body: { note } }))
  ).followUp;
}
