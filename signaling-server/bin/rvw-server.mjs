#!/usr/bin/env node
// rvw-server: runs the TypeScript CLI directly through tsx (the server has no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
