/** Process entry: `tsx signaling-server/src/main.ts [command]`; SIGINT/SIGTERM close the server gracefully. */
import { runCli } from './cli';
import { sharedRenderPool } from './documents/render-pool';

const argv = process.argv.slice(2);
// A signal that arrives while the server is still starting (or the moment it has printed its address)
// is kept, and the server it started is then closed gracefully, rather than killed by the signal.
// The other commands (create-admin, report, ...) keep the default: a signal ends them at once.
const serving = argv.length === 0 || argv[0] === 'serve' || argv[0]!.startsWith('-');
let early: NodeJS.Signals | null = null;
const keep = (signal: NodeJS.Signals) => (early ??= signal);
if (serving) {
  process.on('SIGINT', keep);
  process.on('SIGTERM', keep);
}

const result = await runCli(argv, {
  env: process.env,
  out: process.stdout,
  err: process.stderr,
});
process.off('SIGINT', keep);
process.off('SIGTERM', keep);
if ('exitCode' in result) {
  process.exitCode = result.exitCode;
} else {
  const { server } = result;
  // The document renderer's thread, started now rather than when the first case closes.
  sharedRenderPool().warm();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.log.info({ signal }, 'shutting down');
    // A hung close must not keep a supervisor waiting forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (early) stop(early);
}
