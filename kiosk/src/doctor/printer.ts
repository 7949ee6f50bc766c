/**
 * `kiosk-doctor printer [--printer NAME] [--cups-url URL] [--test-page] [--timeout S] [--json]`:
 * lists the printers and their state; --test-page prints a page with Chinese text through the
 * kiosk's own printer module (printAndWait) and tells the job's final state.
 * Defaults come from the kiosk's settings: RVW_KIOSK_PRINTER, RVW_KIOSK_CUPS_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PRINT_FAILURE_TEXT } from '@rvw/shared';
import type { PrintFailureReason } from '@rvw/shared';
import {
  createPrinterDriver,
  DEFAULT_CUPS_URL,
  isPrinterError,
  printAndWait,
  PrinterErrorCode,
} from '../devices/printer';
import type { PrinterDriver, PrinterInfo, PrintProgress } from '../devices/printer';
import { cjkFontCandidates, findCjkFont, NO_FONT_MESSAGE, writeTestPage } from './test-page';
import type { CjkFont } from './test-page';

/** Exit codes of `kiosk-doctor printer` (added to kiosk-doctor's EXIT). */
export const PRINTER_EXIT = {
  Ok: 0,
  /** No print system, no printer, or the named printer does not exist. */
  NoPrinter: 8,
  /** The printer is stopped or refuses jobs, or the test page did not print. */
  PrinterProblem: 9,
  /** No Chinese font for the test page. */
  NoFont: 10,
} as const;

/** What the printer command can be given instead of the real machine (tests). */
export interface PrinterDoctorDeps {
  driver?: PrinterDriver;
  fonts?: CjkFont[];
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export class PrinterUsageError extends Error {}

function problemText(reason: PrintFailureReason): string {
  const t = PRINT_FAILURE_TEXT[reason];
  return `${t.zh} ${t.en}`;
}

function printerLine(p: PrinterInfo, chosen: boolean): string {
  const ok = p.accepting && p.condition !== 'stopped' && p.problem === null;
  const flags = [p.isDefault ? '默认 default' : null, chosen ? '← 本机使用 used by the kiosk' : null]
    .filter(Boolean)
    .join(', ');
  const state = `${p.condition}${p.accepting ? '' : ', 不接收任务 not accepting'}`;
  const problem = p.problem ? ` — ${problemText(p.problem)}` : '';
  const reasons = p.reasons.length ? ` [${p.reasons.join(', ')}]` : '';
  const message = p.message ? ` “${p.message}”` : '';
  const model = p.makeAndModel ? ` (${p.makeAndModel})` : '';
  return `${ok ? '✔' : '✘'} ${p.name}${model}${flags ? ` (${flags})` : ''}: ${state}${problem}${reasons}${message}`;
}

/** Runs `kiosk-doctor printer`; resolves to the exit code. */
export async function printerCommand(args: string[], io: Io, deps: PrinterDoctorDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      printer: { type: 'string' },
      'cups-url': { type: 'string' },
      'test-page': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '120' },
      json: { type: 'boolean', default: false },
    },
  });
  const env = deps.env ?? process.env;
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new PrinterUsageError(`--timeout must be a positive number of seconds, got "${values.timeout}".`);
  }
  const cupsUrl = values['cups-url'] ?? env.RVW_KIOSK_CUPS_URL ?? DEFAULT_CUPS_URL;
  if (!/^https?:\/\/[^\s/]+\/?$/.test(cupsUrl)) {
    throw new PrinterUsageError(`--cups-url must look like http://host:port, got "${cupsUrl}".`);
  }
  const wanted = values.printer ?? (env.RVW_KIOSK_PRINTER || undefined);
  const driver = deps.driver ?? createPrinterDriver({ platform: process.platform, cupsUrl });
  const report: Record<string, unknown> = {
    system: driver.kind,
    ...(driver.kind === 'cups' ? { cupsUrl } : {}),
  };
  const finish = (code: number, sentence?: string): number => {
    if (sentence) {
      io.err(sentence);
      report.error = { code, message: sentence };
    }
    if (values.json) io.out(JSON.stringify(report));
    return code;
  };

  let printers: PrinterInfo[] = [];
  let chosen: PrinterInfo;
  try {
    printers = await driver.list();
    report.printers = printers;
    chosen = await driver.describe(wanted);
  } catch (err) {
    const sentence = isPrinterError(err)
      ? err.code === PrinterErrorCode.NoPrinter
        ? `${err.bilingual} 请在系统中添加打印机，或用 --printer 指定。 Add a printer to the system or name one with --printer.`
        : `${err.bilingual} 请确认打印服务已启动（Linux: cups；Windows: 打印后台处理程序）。 Check that the print service is running (Linux: cups; Windows: Print Spooler).`
      : `内部错误 Internal error: ${String(err)}`;
    report.printer = null;
    if (!values.json) for (const p of printers) io.out(printerLine(p, false));
    return finish(PRINTER_EXIT.NoPrinter, sentence);
  }
  report.printer = chosen.name;
  if (!values.json) {
    io.out(`打印系统 Print system: ${driver.kind}${driver.kind === 'cups' ? ` ${cupsUrl}` : ''}`);
    for (const p of printers) io.out(printerLine(p, p.name === chosen.name));
  }

  if (!values['test-page']) {
    if (!chosen.accepting || chosen.condition === 'stopped') {
      const why = problemText(!chosen.accepting ? 'not-accepting' : (chosen.problem ?? 'stopped'));
      return finish(PRINTER_EXIT.PrinterProblem, `打印机 ${chosen.name} 现在不能打印：${why}`);
    }
    return finish(PRINTER_EXIT.Ok);
  }

  const font = findCjkFont(deps.fonts ?? cjkFontCandidates(process.platform, env.WINDIR ?? env.windir));
  if (!font) return finish(PRINTER_EXIT.NoFont, NO_FONT_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'rvw-doctor-'));
  try {
    const file = join(dir, 'test-page.pdf');
    await writeTestPage(file, font, chosen.name);
    if (!values.json) io.out(`正在打印测试页（字体 ${font.family}）… Printing the test page…`);
    const result: PrintProgress = await printAndWait(driver, file, {
      printer: chosen.name,
      title: 'kiosk-doctor test page',
      timeoutMs: seconds * 1000,
      ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
      onProgress: (p) => {
        if (!values.json && p.state === 'printing')
          io.out(`任务 Job ${p.jobId} 已提交 submitted to ${p.printer}`);
      },
    });
    report.testPage = result;
    if (result.state === 'done') {
      if (!values.json) io.out(`✔ 测试页已打印 Test page printed: job ${result.jobId}, completed.`);
      return finish(PRINTER_EXIT.Ok);
    }
    if (result.state !== 'failed') return finish(PRINTER_EXIT.PrinterProblem, 'Unexpected print state.');
    const detail = result.detail ? ` “${result.detail}”` : '';
    const job = result.jobId ? ` (job ${result.jobId})` : '';
    return finish(
      PRINTER_EXIT.PrinterProblem,
      `✘ 测试页未打印 The test page did not print${job}: ${problemText(result.reason)} [${result.reason}]${detail}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
