/**
 * A call under chaos, through the real screens (chaos-stack.ts): the resident calls, the agent
 * accepts and opens a case with a form (长期护理 评估), and the agent edits it. Every edit is kept
 * in a log and checked against the server (it must hold it) before the next. After a fault,
 * checkRecovery() measures how long after the link returned video decoded again on each side,
 * and checks that the session is the same and still open, that the server has every edit, and
 * that the kiosk shows the latest value of each field at the server's latest revision.
 * Vitest-free (the bench uses it): nothing here asserts; the caller judges the result.
 */
import type { Page } from 'playwright-core';
import { framesDecoded } from '@rvw/sim/browser';
import { kioskFieldText, openCase } from '../case-flows';
import { chooseNeed, loginAgent } from '../flows';
import type { ChaosStack } from './chaos-stack';

/**
 * The agent edits two fields on the same page of the kiosk's form (the kiosk shows the page of the
 * last change): 联系人姓名 (a new text each time) and 参加的医疗保险 (the two choices in turn).
 */
const INSURANCE = { employee: '职工基本医疗保险', resident: '城乡居民基本医疗保险' } as const;

export interface Edit {
  n: number;
  field: string;
  value: string;
  /** What the kiosk shows for it. */
  shown: string;
  at: number;
  /** The server held it within the wait (false: the edit was lost on the way). */
  stored: boolean;
}

export interface CallIds {
  sessionId: string;
  ticketId: string;
  caseId: string;
}

export interface Recovery {
  /** ms after the link returned at which framesDecoded rose again; null: not within the limit. */
  kioskBackMs: number | null;
  consoleBackMs: number | null;
  /** ms after the link returned at which the kiosk showed the latest edits at the latest revision. */
  formBackMs: number | null;
  sameSession: boolean;
  sessionOpen: boolean;
  /** Sessions of this ticket (1 when no new session was opened). */
  sessionsOfTicket: number;
  /** Edits the server does not hold (in the revisions or the latest values). */
  lostOnServer: Edit[];
  /** Fields whose latest value the kiosk does not show, and the revisions of both. */
  staleOnKiosk: string[];
  kioskRevision: number | null;
  serverRevision: number;
  /** Problems in words; [] when the call fully recovered. */
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves true once framesDecoded is above 0 and rises over `overMs`; false after `limitMs`. */
export async function framesRising(page: Page, limitMs = 20_000, overMs = 1000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const first = await framesDecoded(page).catch(() => 0);
    await sleep(overMs);
    const second = await framesDecoded(page).catch(() => 0);
    if (first > 0 && second > first) return true;
  }
  return false;
}

/** ms after `since` at which the page's decoded frames rose above their count now; null after `limitMs`. */
export async function framesBackAt(page: Page, since: number, limitMs: number): Promise<number | null> {
  const base = await framesDecoded(page).catch(() => 0);
  while (Date.now() - since < limitMs) {
    const now = await framesDecoded(page).catch(() => 0);
    // Below the base means the old peer was replaced: any frame counted by the new one is back.
    if (now > base || (now > 0 && now < base)) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

/** The call and its form, with the log of edits. */
export class ChaosCall {
  readonly edits: Edit[] = [];
  ids: CallIds | null = null;
  private n = 0;

  constructor(readonly stack: ChaosStack) {}

  /** Kiosk page → call → need → waiting; agent signs in and accepts; video both ways; the case opens. */
  async setUp(): Promise<CallIds> {
    const stack = this.stack;
    const { kioskPage, consolePage } = stack;
    for (let i = 0; ; i++) {
      try {
        await kioskPage.goto(stack.kioskUrl);
        break;
      } catch (e) {
        if (i >= 20) throw e;
        await sleep(250);
      }
    }
    await kioskPage.getByTestId('call-agent').click();
    await chooseNeed(kioskPage);
    await kioskPage.getByTestId('screen-waiting').waitFor();
    await loginAgent(consolePage, stack.serverUrl, stack.agent.username, stack.agent.password);
    await consolePage.getByTestId('accept-button').first().click();
    await kioskPage.getByTestId('screen-call').waitFor();
    for (const [name, page] of [
      ['kiosk', kioskPage],
      ['console', consolePage],
    ] as const)
      if (!(await framesRising(page))) throw new Error(`no video on the ${name} side after the accept`);
    await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
    await kioskPage.getByTestId('kiosk-form').waitFor();
    const { sessions } = await stack.api.listSessions({ query: { limit: 5 } });
    const session = sessions.find((s) => s.endedAt === null);
    if (!session) throw new Error('no open session after the accept');
    const { cases } = await stack.api.listCases({ query: { sessionId: session.id } });
    if (!cases[0]) throw new Error('no case in the session');
    this.ids = { sessionId: session.id, ticketId: session.ticketId, caseId: cases[0].caseId };
    return this.ids;
  }

  /**
   * The agent types the next value into the next field and presses Enter; waits up to `waitMs` for
   * the server to hold it (recorded as not stored otherwise, which the checks count as lost).
   */
  async edit(waitMs = 8000): Promise<Edit> {
    const n = ++this.n;
    const page = this.stack.consolePage;
    let field: string;
    let value: string;
    let shown: string;
    if (n % 2 === 1) {
      field = 'contactName';
      value = shown = `编辑#${n}#`;
      const input = page.getByTestId(`field-${field}`);
      await input.fill(value);
      await input.press('Enter');
    } else {
      field = 'insuranceType';
      const choice = (n / 2) % 2 === 1 ? 'resident' : 'employee';
      value = choice;
      shown = INSURANCE[choice];
      await page.getByTestId(`field-${field}`).selectOption(value);
    }
    const edit: Edit = { n, field, value, shown, at: Date.now(), stored: false };
    this.edits.push(edit);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      const values = await this.serverValues().catch(() => null);
      if (values?.[field] === value) {
        edit.stored = true;
        break;
      }
      await sleep(100);
    }
    return edit;
  }

  /** The case's current values on the server. */
  private async serverValues(): Promise<Record<string, unknown>> {
    const { cases } = await this.stack.api.listCases({ query: { sessionId: this.ids!.sessionId } });
    return cases.find((c) => c.caseId === this.ids!.caseId)?.form.values ?? {};
  }

  /** The latest edit of each field. */
  latest(): Map<string, Edit> {
    const latest = new Map<string, Edit>();
    for (const e of this.edits) latest.set(e.field, e);
    return latest;
  }

  /** The kiosk's form revision on screen, or null when the form is not shown. */
  kioskRevision(): Promise<number | null> {
    return this.stack.kioskPage.evaluate(() => {
      const r = document.querySelector('[data-testid="kiosk-form"]')?.getAttribute('data-revision');
      return r == null ? null : Number(r);
    });
  }

  /** See Recovery; `restoredAt` is when the link (or the server) came back. */
  async checkRecovery(restoredAt: number, limitMs: number): Promise<Recovery> {
    const { kioskPage, consolePage, api } = this.stack;
    const ids = this.ids!;
    const [kioskBackMs, consoleBackMs] = await Promise.all([
      framesBackAt(kioskPage, restoredAt, limitMs),
      framesBackAt(consolePage, restoredAt, limitMs),
    ]);
    const problems: string[] = [];
    if (kioskBackMs === null) problems.push(`kiosk video not back within ${limitMs} ms`);
    if (consoleBackMs === null) problems.push(`console video not back within ${limitMs} ms`);

    // The form on the kiosk: the latest value of each edited field, at the server's latest revision.
    const detail = await api.getCase({ params: { caseId: ids.caseId } });
    const serverRevision = detail.case.form.revision;
    const latest = this.latest();
    let formBackMs: number | null = null;
    let staleOnKiosk: string[] = [];
    let kioskRevision: number | null = null;
    while (Date.now() - restoredAt < limitMs + 5000) {
      kioskRevision = await this.kioskRevision().catch(() => null);
      staleOnKiosk = [];
      for (const [field, e] of latest) {
        const shown = await kioskFieldText(kioskPage, field).catch(() => null);
        if (!shown?.includes(e.shown)) staleOnKiosk.push(field);
      }
      if (staleOnKiosk.length === 0 && kioskRevision === serverRevision) {
        formBackMs = Date.now() - restoredAt;
        break;
      }
      await sleep(100);
    }
    if (formBackMs === null)
      problems.push(
        `kiosk form stale: fields ${staleOnKiosk.join(', ') || 'none'}, revision ${kioskRevision} vs server ${serverRevision}`,
      );

    // Every edit is on the server: each field's edits, in order, among its revisions' new values,
    // and the latest of each field as its value.
    const lostOnServer: Edit[] = [];
    for (const field of latest.keys()) {
      const stored = detail.revisions.filter((r) => r.field === field).map((r) => r.newValue);
      let i = 0;
      for (const e of this.edits.filter((x) => x.field === field)) {
        while (i < stored.length && stored[i] !== e.value) i++;
        if (!e.stored || i >= stored.length) lostOnServer.push(e);
        else i++;
      }
      if (
        detail.case.form.values[field] !== latest.get(field)!.value &&
        !lostOnServer.includes(latest.get(field)!)
      )
        lostOnServer.push(latest.get(field)!);
    }
    if (lostOnServer.length) problems.push(`edits lost: ${lostOnServer.map((e) => `#${e.n}`).join(', ')}`);

    // The same session, still open, and no other session for the ticket.
    const { session } = await api.getSession({ params: { sessionId: ids.sessionId } });
    const ofTicket = (await api.listSessions({ query: { ticketId: ids.ticketId } })).sessions;
    const sameSession = ofTicket.every((s) => s.id === ids.sessionId);
    const sessionOpen = session.endedAt === null;
    if (!sessionOpen) problems.push(`session ${ids.sessionId} ended at ${session.endedAt}`);
    if (!sameSession) problems.push(`${ofTicket.length} sessions for the ticket`);
    return {
      kioskBackMs,
      consoleBackMs,
      formBackMs,
      sameSession,
      sessionOpen,
      sessionsOfTicket: ofTicket.length,
      lostOnServer,
      staleOnKiosk,
      kioskRevision,
      serverRevision,
      problems,
    };
  }
}
