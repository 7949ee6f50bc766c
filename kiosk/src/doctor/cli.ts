/**
 * kiosk-doctor: the technician's check of the kiosk's reader, printer, cameras, network and disk.
 *   kiosk-doctor ports [--probe <path>]… [--baud <n>] [--json]
 *   kiosk-doctor idcard --port <path> [--baud <n>] [--timeout <seconds>] [--json] [--show]
 *   kiosk-doctor printer [--printer <name>] [--cups-url <url>] [--test-page] [--timeout <s>] [--json]
 *   kiosk-doctor cameras | network --server <url> | disk [--path <dir>] | all [...] [--json]
 *   kiosk-doctor enrol CODE --server <url> [--config <path>] [--force] [--json]
 * Exit codes: see EXIT below and docs/deployment.md.
 */
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { IdCardError, IdCardErrorCode, isIdCardError } from '../devices/idcard/errors';
import { allCommand } from './all';
import { CAMERAS_EXIT } from './cameras';
import { DoctorUsageError } from './check';
import type { SystemDeps } from './check';
import { DISK_EXIT } from './disk';
import { ENROL_EXIT, enrolCommand } from './enrol';
import { cardJson, cardLines } from './format';
import { NETWORK_EXIT } from './network';
import { PRINTER_EXIT, printerCommand, PrinterUsageError } from './printer';
import type { PrinterDoctorDeps } from './printer';
import { probePort, readOneCard, withClient } from './probe';
import { camerasCommand, diskCommand, networkCommand } from './system-commands';

/** Exit codes of kiosk-doctor. */
export const EXIT = {
  /** All went well. */
  Ok: 0,
  /** An unexpected internal error. */
  Internal: 1,
  /** Bad command line. */
  Usage: 2,
  /** The serial port could not be opened (missing, busy, no permission) or was lost. */
  PortUnavailable: 3,
  /** Nothing on the port answered as a GA 467 reader (wrong port, wrong baud, reader off). */
  NoReader: 4,
  /** The reader's security module (SAM) is faulty or not authorised. */
  SamFault: 5,
  /** No card was placed within --timeout. */
  NoCard: 6,
  /** A card was placed but could not be read. */
  ReadFailed: 7,
  /** printer: no print system, no printer, or the named one does not exist. */
  NoPrinter: PRINTER_EXIT.NoPrinter,
  /** printer: the printer is stopped or refuses jobs, or the test page did not print. */
  PrinterProblem: PRINTER_EXIT.PrinterProblem,
  /** printer --test-page: no Chinese font found for the page. */
  NoFont: PRINTER_EXIT.NoFont,
  /** cameras: no camera or no microphone found. */
  NoCaptureDevice: CAMERAS_EXIT.NoCaptureDevice,
  /** cameras: not checked on this operating system (Windows, macOS). */
  CamerasNotChecked: CAMERAS_EXIT.NotChecked,
  /** network: the server does not answer GET /api/health. */
  ServerUnreachable: NETWORK_EXIT.ServerUnreachable,
  /** network: the WebSocket upgrade to socket.io failed. */
  WebSocketFailed: NETWORK_EXIT.WebSocketFailed,
  /** network: the clock differs from the server's by more than --max-skew seconds. */
  ClockSkew: NETWORK_EXIT.ClockSkew,
  /** network --turn: no relay from the TURN server (unreachable, credentials, quota, error). */
  TurnFailed: NETWORK_EXIT.TurnFailed,
  /** disk: free space under the threshold. */
  DiskLow: DISK_EXIT.DiskLow,
  /** disk: the data folder's file system could not be read. */
  DiskUnreadable: DISK_EXIT.DiskUnreadable,
  /** enrol: the server refused the enrolment code (mistyped, expired, used or withdrawn). */
  EnrolCodeInvalid: ENROL_EXIT.CodeInvalid,
  /** enrol: too many attempts from this address; wait a minute. */
  EnrolRateLimited: ENROL_EXIT.RateLimited,
  /** enrol: the kiosk already has a token, stored or in its file (nothing changed; --force replaces it). */
  EnrolConfigExists: ENROL_EXIT.ConfigExists,
  /** enrol: the configuration file could not be read or written. */
  EnrolConfigUnwritable: ENROL_EXIT.ConfigUnwritable,
} as const;

/** Where kiosk-doctor writes (replaceable in tests). */
export interface DoctorIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: DoctorIo = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
};

/** What `kiosk-doctor --help` prints, in Chinese and English. */
export const USAGE = `kiosk-doctor — 自助终端检测 / the kiosk technician's checks

用法 Usage:
  kiosk-doctor ports [--probe <path>]... [--baud <n>] [--json]
      列出串口并检测每个口上是否有 GA 467 读卡器应答。
      Lists serial ports and says on which a GA 467 reader (its SAM) answers.
      --probe adds paths the system does not list (e.g. /dev/pts/3, /tmp/ttyA).
  kiosk-doctor idcard --port <path> [--baud <n>] [--timeout <seconds>] [--json] [--show]
      检查安全模块，等待放卡，读卡并显示（默认隐藏个人信息）。
      Checks the SAM, waits for a card, reads and prints it (identity masked unless --show).
  kiosk-doctor printer [--printer <name>] [--cups-url <url>] [--test-page] [--timeout <s>] [--json]
      列出打印机及其状态；--test-page 打印一张中文测试页并显示任务的最终状态。
      Lists the printers and their state; --test-page prints a page with Chinese text through
      the kiosk's printer module and shows the job's final state. Defaults: RVW_KIOSK_PRINTER
      (else the system default printer), RVW_KIOSK_CUPS_URL (else http://localhost:631; Linux).
  kiosk-doctor cameras [--json]
      列出摄像头和麦克风（Linux: /dev/video* 与 ALSA 录音设备）。
      Lists the cameras (/dev/video*) and microphones (ALSA capture); not checked on Windows/macOS.
  kiosk-doctor network [--server <url>] [--max-skew <s>] [--timeout <s>] [--json]
                       [--turn turn:host[:port][?transport=udp|tcp] --turn-username <u> --turn-credential <p>]
      服务器可达、WebSocket 可用、时钟同步、TURN 可分配中继。 The server answers /api/health, a
      WebSocket upgrade works, the clock is within --max-skew seconds (default 5), and with --turn
      (or a turn: URL in RVW_ICE_SERVERS) a TURN relay is allocated and freed. Default server:
      RVW_SERVER_URL.
  kiosk-doctor disk [--path <dir>] [--min-free-gib <n>] [--min-free-percent <n>] [--json]
      数据目录所在磁盘的剩余空间。 Free space of the kiosk's data folder; warns under 1 GiB or 5 %.
  kiosk-doctor all [--port <path>] [--server <url>] [--printer <name>] [--cups-url <url>]
                   [--test-page] [--timeout <s>] [--path <dir>] [--turn <url> ...] [--json]
      运行所有能运行的检测并列表。 Runs every check that can run with what is configured (idcard
      needs --port or RVW_IDCARD_PORT, network --server or RVW_SERVER_URL) and prints one line per
      check: OK / WARN / FAIL / SKIPPED and why. Its exit code is the worst check's: the exit code
      of the first FAIL, else of the first WARN, else 0 (SKIPPED does not count).
  kiosk-doctor enrol CODE [--server <url>] [--config <path>] [--force] [--json]
      用登记码登记本终端，凭据与配置文件权限 0600。 Redeems a one-time enrolment code from the
      centre, stores the kiosk's token in its credential file (kiosk-credential in the data folder,
      RVW_KIOSK_DATA_DIR; mode 0600, not encrypted: the kiosk app encrypts it with safeStorage) and
      writes serverUrl and kioskId to its configuration file (default kiosk.json in the data
      folder), mode 0600. An existing token is kept (exit 21) unless --force. The token is never
      printed. Default server: RVW_SERVER_URL.
  kiosk-doctor --help

选项 Options:
  --baud <n>         波特率 baud rate, default 115200 (57600, 38400, 19200, 9600)
  --timeout <s>      等待放卡的秒数 seconds to wait for a card, default 30
                     (printer: 等待打印完成的秒数 seconds to wait for the test page, default 120)
  --json             输出一个 JSON 对象 print one JSON object
  --show             显示完整信息 reveal the identity fields (handle with care: personal data)

退出码 Exit codes: 0 ok, 2 usage, 3 port unavailable, 4 no reader answered, 5 SAM fault,
  6 no card placed in time, 7 card read failed, 8 no printer (or print system not running),
  9 printer stopped / not accepting / test page not printed, 10 no Chinese font, 11 no camera or
  no microphone, 12 cameras not checked on this system, 13 server unreachable, 14 WebSocket
  upgrade failed, 15 clock out of sync, 16 TURN gave no relay, 17 disk almost full, 18 disk
  unreadable, 19 enrolment code refused, 20 too many enrolment attempts, 21 a kiosk token is
  already configured, 22 configuration file not writable, 1 internal error.`;

/** Maps an error to its exit code. */
export function exitCodeOf(err: IdCardError): number {
  switch (err.code) {
    case IdCardErrorCode.PortOpenFailed:
    case IdCardErrorCode.Disconnected:
      return EXIT.PortUnavailable;
    case IdCardErrorCode.Timeout:
    case IdCardErrorCode.Checksum:
    case IdCardErrorCode.BadFrame:
    case IdCardErrorCode.CommandError:
    case IdCardErrorCode.ReaderChecksum:
    case IdCardErrorCode.ReaderLength:
    case IdCardErrorCode.UnknownStatus:
      return EXIT.NoReader;
    case IdCardErrorCode.SamSelfTestFailed:
    case IdCardErrorCode.SamNotAuthorised:
      return EXIT.SamFault;
    case IdCardErrorCode.NoCard:
      return EXIT.NoCard;
    default:
      return EXIT.ReadFailed;
  }
}

class UsageError extends Error {}

function parseBaud(v: string | undefined): number {
  const n = Number(v ?? '115200');
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--baud must be a positive integer, got "${v}".`);
  return n;
}

/** Runs kiosk-doctor with `argv` (without node and script); resolves to the exit code. */
export async function runDoctor(
  argv: string[],
  io: DoctorIo = defaultIo,
  printerDeps: PrinterDoctorDeps = {},
  systemDeps: SystemDeps = {},
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.Ok : EXIT.Usage;
    }
    if (command === 'ports') return await ports(rest, io);
    if (command === 'idcard') return await idcard(rest, io);
    if (command === 'printer') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(USAGE);
        return EXIT.Ok;
      }
      return await printerCommand(rest, io, printerDeps);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return EXIT.Ok;
    }
    if (command === 'cameras') return await camerasCommand(rest, io, systemDeps);
    if (command === 'network') return await networkCommand(rest, io, systemDeps);
    if (command === 'disk') return await diskCommand(rest, io, systemDeps);
    if (command === 'enrol') return await enrolCommand(rest, io, systemDeps);
    if (command === 'all') {
      return await allCommand(
        rest,
        io,
        (argv, sub) => runDoctor(argv, sub, printerDeps, systemDeps),
        systemDeps,
      );
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof PrinterUsageError ||
      err instanceof DoctorUsageError ||
      (err instanceof TypeError && 'code' in err)
    ) {
      io.err(`用法错误 Usage error: ${err.message}`);
      io.err('运行 kiosk-doctor --help 查看用法。 Run kiosk-doctor --help for usage.');
      return EXIT.Usage;
    }
    io.err(`内部错误 Internal error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.Internal;
  }
}

/** One line of `ports`. */
interface PortResult {
  path: string;
  manufacturer?: string;
  /** False for a path given with --probe that the system does not list. */
  listed: boolean;
  ga467: boolean;
  samId?: string;
  error?: string;
}

async function ports(args: string[], io: DoctorIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      probe: { type: 'string', multiple: true, default: [] },
      baud: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT.Ok;
  }
  const baud = parseBaud(values.baud);
  const listed: { path: string; manufacturer?: string }[] = await SerialPort.list().catch(() => []);
  const entries = [
    ...listed.map((p) => ({ path: p.path, manufacturer: p.manufacturer, listed: true })),
    ...values.probe
      .filter((p) => !listed.some((l) => l.path === p))
      .map((p) => ({ path: p, manufacturer: undefined, listed: false })),
  ];
  const results: PortResult[] = [];
  for (const e of entries) {
    const r = await probePort(e.path, baud);
    const result: PortResult = { path: e.path, listed: e.listed, ga467: 'samId' in r };
    if (e.manufacturer) result.manufacturer = e.manufacturer;
    if ('samId' in r) result.samId = r.samId;
    else result.error = r.error.code;
    results.push(result);
  }
  const found = results.filter((r) => r.ga467);
  if (values.json) io.out(JSON.stringify({ baudRate: baud, ports: results }));
  else {
    if (results.length === 0) io.out('没有找到串口。 No serial ports found.');
    for (const r of results) {
      const what = r.ga467
        ? `✔ GA 467 读卡器应答 reader answers — SAM ID ${r.samId}`
        : `✘ 无 GA 467 应答 no GA 467 answer (${r.error})`;
      io.out(
        `${r.path}${r.manufacturer ? ` [${r.manufacturer}]` : ''}${r.listed ? '' : ' (probed)'}  ${what}`,
      );
    }
  }
  if (found.length > 0) return EXIT.Ok;
  io.err(
    `没有串口上有读卡器应答（波特率 ${baud}）：请检查读卡器电源、数据线和端口。 No GA 467 reader answered on any port at ${baud} baud: check the reader's power, cable and port.`,
  );
  return EXIT.NoReader;
}

async function idcard(args: string[], io: DoctorIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      timeout: { type: 'string', default: '30' },
      json: { type: 'boolean', default: false },
      show: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT.Ok;
  }
  if (!values.port) throw new UsageError('idcard needs --port <path>.');
  const baud = parseBaud(values.baud);
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}".`);
  }
  try {
    const read = await withClient(values.port, baud, (client) =>
      readOneCard(client, seconds * 1000, 300, () => {
        if (!values.json) io.err('安全模块正常，请把证件放在读卡器上… SAM OK; place a card on the reader…');
      }),
    );
    if (values.json) io.out(JSON.stringify(cardJson(read, values.show)));
    else for (const line of cardLines(read, values.show)) io.out(line);
    return EXIT.Ok;
  } catch (err) {
    const e = isIdCardError(err) ? err : IdCardError.portOpenFailed(values.port, err);
    const sentence = explain(e, values.port, baud, seconds);
    io.err(sentence);
    if (values.json) io.out(JSON.stringify({ error: { code: e.code, message: sentence } }));
    return exitCodeOf(e);
  }
}

/** One clear sentence (zh + en) for a failed `idcard` check. */
function explain(e: IdCardError, port: string, baud: number, seconds: number): string {
  switch (exitCodeOf(e)) {
    case EXIT.PortUnavailable:
      return `无法打开串口 ${port}：请检查读卡器已接好、端口名正确且有权限（dialout 组）。 Cannot open serial port ${port}: check the reader is plugged in, the port name is right and you may use it (dialout group).`;
    case EXIT.NoReader:
      return `串口 ${port} 上没有读卡器应答（波特率 ${baud}）：请检查读卡器电源、端口和波特率。 No GA 467 reader answered on ${port} at ${baud} baud: check the reader's power, the port and the baud rate. [${e.code}]`;
    case EXIT.SamFault:
      return `读卡器安全模块故障（${e.code}）：请断电重启读卡器，仍不行请报修。 The reader's security module (SAM) is faulty (${e.code}): power-cycle the reader, and call for service if it stays.`;
    case EXIT.NoCard:
      return `${seconds} 秒内没有放上证件。 No card was placed on the reader within ${seconds} s.`;
    default:
      return `读卡失败：${e.messageZh} Reading the card failed: ${e.messageEn} [${e.code}]`;
  }
}
