/** Process entry: `tsx signaling-server/src/main.ts [command]`; SIGINT/SIGTERM close the server gracefully. */
import { runCli } from './cli';
import { sharedRenderPool } from './documents/render-pool';

const result = await runCli(process.argv.slice(2), {
  env: process.env,
  out: process.stdout,
  err: process.stderr,
});
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
}
