/**
 * `kiosk-doctor all`: every check that can run with what is configured (ports; idcard with --port
 * or RVW_IDCARD_PORT; printer unless RVW_KIOSK_PRINTER=none; cameras; network with --server or
 * RVW_SERVER_URL; disk), a table a technician reads on site, and the worst check's exit code.
 */
import { parseArgs } from 'node:util';
import { camerasCheck } from './cameras';
import { positive, summaryTable, worstExit } from './check';
import type { CheckIo, CheckResult, SystemDeps } from './check';
import { defaultDataDir, diskCheck } from './disk';
import { networkCheck } from './network';
import { serverUrl } from './system-commands';
import { TURN_ARG_OPTIONS, turnConfig } from './turn/turn-config';

/** Runs one existing kiosk-doctor command (ports, idcard, printer) with its own argv. */
export type RunCommand = (argv: string[], io: CheckIo) => Promise<number>;

async function captured(run: RunCommand, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(out.at(-1) ?? '{}') as Record<string, unknown>;
  } catch {
    // A command that failed before printing its object: its sentence is on stderr.
  }
  const sentence = ((json.error as { message?: string } | undefined)?.message ?? err.join(' ')).trim();
  return { exit, json, sentence };
}

async function portsCheck(run: RunCommand, port: string | undefined, baud: string | undefined) {
  const r = await captured(run, [
    'ports',
    '--json',
    ...(port ? ['--probe', port] : []),
    ...(baud ? ['--baud', baud] : []),
  ]);
  const ports = (r.json.ports ?? []) as { path: string; ga467: boolean; samId?: string }[];
  const found = ports.filter((p) => p.ga467);
  const summary = found.length
    ? `读卡器应答 GA 467 reader answers on ${found.map((p) => `${p.path} (SAM ${p.samId})`).join(', ')}`
    : r.sentence || `没有读卡器应答 No reader answered (${ports.length} ports tried)`;
  return result('ports', r.exit, summary, { ports });
}

async function idcardCheck(run: RunCommand, port: string, baud: string | undefined, timeout: string) {
  const r = await captured(run, [
    'idcard',
    '--json',
    '--port',
    port,
    '--timeout',
    timeout,
    ...(baud ? ['--baud', baud] : []),
  ]);
  // Only the card type and SAM ID go into the summary and JSON: the card stays masked and off the table.
  const summary =
    r.exit === 0
      ? `读卡成功 Card read on ${port}: ${String(r.json.cardType)}, SAM ${String(r.json.samId)}`
      : r.sentence;
  return result('idcard', r.exit, summary, {
    port,
    ...(r.exit === 0 ? { cardType: r.json.cardType, samId: r.json.samId } : { error: r.json.error }),
  });
}

async function printerCheck(run: RunCommand, args: string[]) {
  const r = await captured(run, ['printer', '--json', ...args]);
  const printers = (r.json.printers ?? []) as { name: string; condition: string; accepting: boolean }[];
  const chosen = printers.find((p) => p.name === r.json.printer);
  const printed =
    (r.json.testPage as { state?: string } | undefined)?.state === 'done' ? ', test page printed' : '';
  const summary =
    r.exit === 0 && chosen ? `打印机正常 Printer ${chosen.name}: ${chosen.condition}${printed}` : r.sentence;
  return result('printer', r.exit, summary, r.json);
}

function result(check: string, exit: number, summary: string, details: Record<string, unknown>): CheckResult {
  return { check, status: exit === 0 ? 'ok' : 'fail', exit, summary, details };
}

function skipped(check: string, summary: string): CheckResult {
  return { check, status: 'skipped', exit: 0, summary };
}

/** Runs `kiosk-doctor all`; resolves to the worst check's exit code (see worstExit). */
export async function allCommand(
  args: string[],
  io: CheckIo,
  run: RunCommand,
  deps: SystemDeps = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      timeout: { type: 'string', default: '30' },
      server: { type: 'string' },
      printer: { type: 'string' },
      'cups-url': { type: 'string' },
      'test-page': { type: 'boolean', default: false },
      path: { type: 'string' },
      'min-free-gib': { type: 'string' },
      'min-free-percent': { type: 'string' },
      'max-skew': { type: 'string' },
      ...TURN_ARG_OPTIONS,
      json: { type: 'boolean', default: false },
    },
  });
  const env = deps.env ?? process.env;
  const platform = deps.platform ?? process.platform;
  const port = values.port ?? (env.RVW_IDCARD_PORT || undefined);
  const server = values.server ?? (env.RVW_SERVER_URL || undefined);
  const baud = values.baud ?? (env.RVW_IDCARD_BAUD || undefined);
  // Bad options are refused before any check runs.
  positive('timeout', values.timeout, 30);
  const diskOptions = {
    path: values.path ?? defaultDataDir(platform, env),
    minFreeGiB: positive('min-free-gib', values['min-free-gib'], 1),
    minFreePercent: positive('min-free-percent', values['min-free-percent'], 5),
    ...(deps.statfs ? { statfs: deps.statfs } : {}),
  };
  const maxSkewS = positive('max-skew', values['max-skew'], 5);
  if (server) serverUrl(server);
  const turn = turnConfig(values, env);

  const results: CheckResult[] = [];
  const step = async (r: Promise<CheckResult>) => {
    const done = await r;
    results.push(done);
    if (!values.json) io.err(`… ${done.check}: ${done.status}`);
  };
  await step(portsCheck(run, port, baud));
  await step(
    port
      ? idcardCheck(run, port, baud, values.timeout)
      : Promise.resolve(
          skipped('idcard', '未配置读卡器端口 No reader port configured (--port or RVW_IDCARD_PORT)'),
        ),
  );
  const noPrinter = !values.printer && env.RVW_KIOSK_PRINTER?.trim().toLowerCase() === 'none';
  await step(
    noPrinter
      ? Promise.resolve(
          skipped('printer', '本机不配打印机 This kiosk has no printer (RVW_KIOSK_PRINTER=none)'),
        )
      : printerCheck(run, [
          ...(values.printer ? ['--printer', values.printer] : []),
          ...(values['cups-url'] ? ['--cups-url', values['cups-url']] : []),
          ...(values['test-page'] ? ['--test-page'] : []),
        ]),
  );
  await step(camerasCheck(platform, deps.root ?? '/'));
  await step(
    server
      ? networkCheck({ server, maxSkewS, turn })
      : Promise.resolve(skipped('network', '未配置服务器 No server configured (--server or RVW_SERVER_URL)')),
  );
  await step(diskCheck(diskOptions));

  const exit = worstExit(results);
  if (values.json) io.out(JSON.stringify({ exit, results }));
  else for (const line of summaryTable(results)) io.out(line);
  return exit;
}
