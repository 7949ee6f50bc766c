/**
 * The routing end-to-end tests' rig (issue 11): a server serving the console build with its
 * centres, a kiosk on simulated hardware (the GA 467 simulator) in Chromium, and agents and
 * supervisors each signed in on their own console page — in their own Chromium when they need a
 * camera of their own (a fake camera that plays one colour: fake-video.ts), so that a test can tell
 * whose picture a page shows. Steps a resident takes at the kiosk (card, consent, need, disability)
 * are here too. Playwright's waits only.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  createHttpClient,
  httpRoutes,
  idCheckDigit,
  type HttpClient,
  type RoutingSettings,
  type Skill,
} from '@rvw/shared';
import type { IdCard } from '@rvw/kiosk/idcard';
import {
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { sampleCards } from '@rvw/sim';
import { launchChromium, newProbedContext, writeSolidY4m, type Rgb } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { loginAgent } from './flows';

/** A centre the rig creates ('main' exists already). */
export interface RigCentre {
  id: string;
  name?: string;
  region?: string;
  partners?: string[];
  routing?: Partial<RoutingSettings>;
}

/** An account the rig creates and signs in. */
export interface RigPerson {
  /** The test's name for them ('a', 'b', 'supervisor'). */
  key: string;
  displayName: string;
  role?: 'agent' | 'admin';
  skills?: Skill[];
  centreId?: string;
  /** Their camera plays this colour, in a Chromium of their own. */
  camera?: Rgb;
}

/** A signed-up person with their page and API client. */
export interface Seat {
  id: string;
  username: string;
  password: string;
  displayName: string;
  page: Page;
  api: HttpClient<typeof httpRoutes>;
}

export interface RoutingRig {
  server: TestServer;
  kiosk: KioskStack;
  kioskToken: string;
  kioskPage: Page;
  seats: Record<string, Seat>;
  kioskLog: string[];
  browserLog: string[];
  close(): Promise<void>;
}

/** Starts everything; nobody is signed in yet (signIn). */
export async function startRoutingRig(options: {
  centres?: RigCentre[];
  kioskCentre?: string;
  people: RigPerson[];
  /** The kiosk's camera colour (default: Chromium's own pattern). */
  kioskCamera?: Rgb;
}): Promise<RoutingRig> {
  const server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  const browsers: Browser[] = [];
  let kiosk: KioskStack | undefined;
  const close = async () => {
    for (const b of browsers) await b.close().catch(() => undefined);
    await kiosk?.close();
    await server.close();
  };
  try {
    for (const c of options.centres ?? []) await createTestCentre(server.server, c);
    const { token } = await createTestKiosk(server.server, {
      name: '田林街道 第一居委会',
      location: '上海市徐汇区田林街道 第一居委会',
      ...(options.kioskCentre ? { centreId: options.kioskCentre } : {}),
    });
    const kioskLog: string[] = [];
    const capture = (level: string) => (message: string) => void kioskLog.push(`${level} ${message}`);
    kiosk = await startKioskStack({
      serverUrl: server.url,
      kioskToken: token,
      reader: true,
      logger: { info: capture('info'), warn: capture('warn'), error: capture('error') },
    });
    const browserLog: string[] = [];
    const watch = (name: string, page: Page) => {
      page.on('console', (m) => void browserLog.push(`[${name}] ${m.type()} ${m.text()}`));
      page.on('pageerror', (e) => void browserLog.push(`[${name}] pageerror ${e.message}`));
      return page;
    };
    const launch = async (colour?: Rgb, name?: string) => {
      const b = await launchChromium(colour ? { videoFile: writeSolidY4m(colour, name) } : {});
      browsers.push(b);
      return b;
    };
    const kioskBrowser = await launch(options.kioskCamera, 'kiosk');
    const kioskPage = watch(
      'kiosk',
      await (await newProbedContext(kioskBrowser, new URL(kiosk.url).origin)).newPage(),
    );
    let shared: Browser | undefined;
    const seats: Record<string, Seat> = {};
    for (const p of options.people) {
      const created = await createTestAgent(server.server, {
        displayName: p.displayName,
        role: p.role ?? 'agent',
        ...(p.skills ? { skills: p.skills } : {}),
        ...(p.centreId ? { centreId: p.centreId } : {}),
      });
      const browser = p.camera ? await launch(p.camera, p.key) : (shared ??= await launch());
      const page = watch(p.key, await (await newProbedContext(browser, server.url)).newPage());
      seats[p.key] = {
        id: created.agent.id,
        username: created.agent.username,
        password: created.password,
        displayName: p.displayName,
        page,
        api: createHttpClient(httpRoutes, { baseUrl: server.url, token: created.token }),
      };
    }
    return { server, kiosk, kioskToken: token, kioskPage, seats, kioskLog, browserLog, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Signs the person in on their console and, for an agent, makes them available (空闲). */
export async function signIn(rig: RoutingRig, key: string, { available = true } = {}): Promise<Seat> {
  const seat = rig.seats[key]!;
  await loginAgent(seat.page, rig.server.url, seat.username, seat.password);
  if (available) {
    const current = seat.page.getByTestId('status-current');
    await current.waitFor();
    if ((await current.innerText()).trim() !== '空闲')
      await seat.page.getByTestId('status-available').click();
    await seat.page.getByTestId('status-current').filter({ hasText: '空闲' }).waitFor();
  }
  return seat;
}

/**
 * At the kiosk: the resident places `card`, confirms and consents, presses the need's tile and
 * answers the disability question ("no" unless told); resolves with the ticket number once the
 * waiting screen shows it.
 */
export async function cardToWaiting(
  rig: RoutingRig,
  card: IdCard,
  need: string,
  { disability = false }: { disability?: boolean } = {},
): Promise<string> {
  const { kioskPage, kiosk } = rig;
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('place-card-prompt').waitFor();
  kiosk.sim!.placeCard(card);
  await kioskPage.getByTestId('greeting').waitFor();
  await kioskPage.getByTestId('confirm-identity').click();
  await kioskPage.getByTestId('screen-consent').waitFor();
  await kioskPage.getByTestId('consent-yes').click();
  await kioskPage.getByTestId('screen-need').waitFor();
  await kioskPage.getByTestId(`need-tile-${need}`).click();
  await kioskPage.getByTestId('screen-disability').waitFor();
  await kioskPage.getByTestId(disability ? 'disability-yes' : 'disability-no').click();
  await kioskPage.getByTestId('screen-waiting').waitFor();
  return (await kioskPage.getByTestId('ticket-number').innerText()).trim();
}

/** The queue row of ticket `number` on a console page. */
export function queueRow(page: Page, number: string) {
  return page.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`);
}

/**
 * A resident card of someone born on `birthDate` (an invented person; a valid check digit; the
 * sequence's last digit odd for a man, even for a woman, as on a real number).
 */
export function cardBornOn(birthDate: string, name: string, sequence = '012'): IdCard {
  const first17 = `310104${birthDate.replace(/-/g, '')}${sequence}`;
  return {
    ...sampleCards.resident,
    name,
    gender: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
    birthDate,
    idNumber: `${first17}${idCheckDigit(first17)}`,
    idNumberValid: true,
  };
}
