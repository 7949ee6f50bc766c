// The render worker's entry: plain JavaScript that loads the TypeScript worker through tsx, as
// bin/rvw-server.mjs loads the server (the server has no build step).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
