#!/usr/bin/env node
// kiosk-doctor: the technician's checks (reader, printer, cameras, network, disk, all). TypeScript runs through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { runDoctor } = await import('../src/doctor/cli.ts');
process.exitCode = await runDoctor(process.argv.slice(2));
