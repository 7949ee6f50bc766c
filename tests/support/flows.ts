/** Steps that several end-to-end tests and the benchmark take through the real screens. */
import { expect } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { framesDecoded } from '@rvw/sim/browser';

/** Opens the console and signs in; resolves when the queue is shown. */
export async function loginAgent(
  page: Page,
  serverUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${serverUrl}/console/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-table').or(page.getByTestId('queue-empty')).first().waitFor();
}

/** Asserts that framesDecoded is above zero and rises between two samples taken 1 s apart. */
export async function expectFramesRising(page: Page): Promise<void> {
  await expect.poll(() => framesDecoded(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await framesDecoded(page);
  await page.waitForTimeout(1000);
  const second = await framesDecoded(page);
  expect(second).toBeGreaterThan(first);
}

/**
 * The resident answers what they need (issue 11): the need's tile (default 我不知道, which any agent
 * of the centre serves), then "no" to the optional disability question; the kiosk then takes the
 * number.
 */
export async function chooseNeed(kioskPage: Page | FrameLocator, need = 'unsure'): Promise<void> {
  await kioskPage.getByTestId('screen-need').waitFor();
  await kioskPage.getByTestId(`need-tile-${need}`).click();
  await kioskPage.getByTestId('screen-disability').waitFor();
  await kioskPage.getByTestId('disability-no').click();
}

/**
 * The kiosk (reader down, so calling is its main button) asks for an agent, the agent signs in and
 * accepts the first ticket, and video flows both ways: where the recovery tests start from.
 */
export async function callAndAccept(
  kioskPage: Page,
  consolePage: Page,
  serverUrl: string,
  agent: { username: string; password: string },
): Promise<void> {
  await kioskPage.getByTestId('call-agent').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-waiting').waitFor();
  await loginAgent(consolePage, serverUrl, agent.username, agent.password);
  await consolePage.getByTestId('accept-button').first().click();
  await kioskPage.getByTestId('screen-call').waitFor();
  await expectFramesRising(kioskPage);
  await expectFramesRising(consolePage);
}

/**
 * After a call someone chose to end, the kiosk asks for the rating (issue 9): the resident taps a
 * level, then "done" on the thanks screen, and the kiosk is back on welcome.
 */
export async function rateAndGoHome(kioskPage: Page, level = 'satisfied'): Promise<void> {
  await kioskPage.getByTestId('screen-rating').waitFor({ timeout: 30_000 });
  await kioskPage.getByTestId(`rating-${level}`).click();
  await kioskPage.getByTestId('screen-thanks').waitFor();
  await kioskPage.getByTestId('thanks-done').click();
  await kioskPage.getByTestId('screen-welcome').waitFor({ timeout: 30_000 });
}
