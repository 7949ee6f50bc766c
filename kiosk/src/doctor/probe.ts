/**
 * The checks behind kiosk-doctor: does a GA 467 SAM answer on a port, and read one card. The SAM
 * check and the read-retry rule are the driver's own, so the doctor judges as the kiosk does.
 */
import { Ga467Client } from '../devices/idcard/commands';
import { IdCardError, IdCardErrorCode, isIdCardError } from '../devices/idcard/errors';
import { DEFAULT_MAX_READ_ATTEMPTS, checkSam, isCardReadFailure } from '../devices/idcard/rules';
import { SerialTransport } from '../devices/idcard/serial-transport';
import type { Transport } from '../devices/idcard/transport';
import type { CardRead } from '../devices/idcard/types';

/** Opens a port, runs `fn` with a client, always closes. */
export async function withClient<T>(
  path: string,
  baudRate: number,
  fn: (client: Ga467Client) => Promise<T>,
  makeTransport: (path: string, baudRate: number) => Transport = (p, b) => new SerialTransport(p, b),
): Promise<T> {
  const transport = makeTransport(path, baudRate);
  await transport.open();
  const client = new Ga467Client(transport, { retries: 1 });
  try {
    return await fn(client);
  } finally {
    client.dispose();
    await transport.close();
  }
}

/** The SAM ID when a GA 467 reader answers on `path`, else the error. */
export async function probePort(
  path: string,
  baudRate: number,
): Promise<{ samId: string } | { error: IdCardError }> {
  try {
    return { samId: await withClient(path, baudRate, checkSam) };
  } catch (err) {
    return { error: isIdCardError(err) ? err : IdCardError.portOpenFailed(path, err) };
  }
}

/** Error for "no card was placed in time". */
export function noCardInTime(seconds: number): IdCardError {
  return new IdCardError(
    IdCardErrorCode.NoCard,
    `${seconds} 秒内没有放上证件。`,
    `No card was placed on the reader within ${seconds} s.`,
  );
}

/**
 * Checks the SAM, waits up to `timeoutMs` for a card (polling every `pollMs`), reads it. A failed
 * read of a placed card is tried again as the kiosk would, up to its attempts per placement; the
 * last failure is thrown then, or at the deadline.
 */
export async function readOneCard(
  client: Ga467Client,
  timeoutMs: number,
  pollMs = 300,
  onWaiting?: () => void,
): Promise<CardRead> {
  const samId = await checkSam(client);
  onWaiting?.();
  const deadline = Date.now() + timeoutMs;
  let lastReadError: IdCardError | null = null;
  let failedReads = 0;
  for (;;) {
    if (await client.findCard()) {
      try {
        return { card: await client.readCard(), samId };
      } catch (err) {
        if (!isCardReadFailure(err)) throw err;
        lastReadError = err;
        if (++failedReads >= DEFAULT_MAX_READ_ATTEMPTS) throw err;
      }
    }
    if (Date.now() >= deadline) throw lastReadError ?? noCardInTime(Math.round(timeoutMs / 1000));
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
