/**
 * The kiosk stack (host and web host, no reader) as a process of its own, so that the chaos rig
 * can run it inside the kiosk's network namespace: `node --import tsx kiosk-stack-child.ts` with
 * RVW_CHAOS_SERVER_URL and RVW_CHAOS_KIOSK_TOKEN. Prints one JSON line `{"url": …}` on stdout once
 * the page is served; the host's log goes to stderr. SIGTERM closes the stack and exits 0.
 */
import { startKioskStack } from '@rvw/sim/kiosk-stack';

const serverUrl = process.env.RVW_CHAOS_SERVER_URL;
const kioskToken = process.env.RVW_CHAOS_KIOSK_TOKEN;
if (!serverUrl || !kioskToken) {
  process.stderr.write('RVW_CHAOS_SERVER_URL and RVW_CHAOS_KIOSK_TOKEN are required\n');
  process.exit(2);
}

const stamp = () => new Date().toISOString().slice(11, 23);
const line = (level: string) => (message: string) =>
  void process.stderr.write(`${stamp()} ${level} ${message}\n`);
const stack = await startKioskStack({
  serverUrl,
  kioskToken,
  reader: false,
  logger: { info: line('info'), warn: line('warn'), error: line('error') },
});
stack.host.events.on('server:status', (status) => line('status')(JSON.stringify(status)));
process.stdout.write(`${JSON.stringify({ url: stack.url })}\n`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await stack.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
