/** `kiosk-doctor printer` against the in-memory fake printer. */
import { describe, expect, it } from 'vitest';
import { FakePrinterDriver } from '../devices/printer';
import { EXIT, runDoctor } from './cli';
import { cjkFontCandidates, findCjkFont, NO_FONT_MESSAGE } from './test-page';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function doctor(args: string[], driver: FakePrinterDriver, extra: { fonts?: [] } = {}) {
  const c = io();
  const code = await runDoctor(['printer', ...args], c.io, { driver, pollMs: 1, env: {}, ...extra });
  return { code, ...c };
}

describe('kiosk-doctor printer (fake print system)', () => {
  it('lists the printers with their state and marks the one the kiosk uses', async () => {
    const driver = new FakePrinterDriver({ printers: ['Front', 'Back'] });
    driver.setProblem('jammed', 'Back');
    driver.setProblem('stopped', 'Back');
    const r = await doctor(['--printer', 'Front'], driver);
    expect(r.code).toBe(EXIT.Ok);
    expect(r.out.join('\n')).toMatch(/✔ Front .*默认 default.*used by the kiosk.*: idle/);
    expect(r.out.join('\n')).toMatch(/✘ Back .*: stopped — 打印机已停止 The printer is stopped \[paused\]/);
  });

  it('uses RVW_KIOSK_PRINTER when --printer is absent', async () => {
    const driver = new FakePrinterDriver({ printers: ['Front', 'Back'] });
    const c = io();
    const code = await runDoctor(['printer', '--json'], c.io, { driver, env: { RVW_KIOSK_PRINTER: 'Back' } });
    expect(code).toBe(EXIT.Ok);
    expect(JSON.parse(c.out[0])).toMatchObject({ system: 'fake', printer: 'Back' });
  });

  it('--json: one object with the printers', async () => {
    const r = await doctor(['--json'], new FakePrinterDriver());
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0])).toEqual({
      system: 'fake',
      printer: 'RVW_Fake',
      printers: [
        {
          name: 'RVW_Fake',
          isDefault: true,
          condition: 'idle',
          accepting: true,
          reasons: [],
          problem: null,
          message: null,
          makeAndModel: 'In-memory fake printer',
        },
      ],
    });
  });

  it('a printer that does not exist: exit 8 with a sentence', async () => {
    const r = await doctor(['--printer', 'Nope', '--json'], new FakePrinterDriver());
    expect(r.code).toBe(EXIT.NoPrinter);
    expect(r.err.join()).toContain('There is no printer named Nope');
    expect(JSON.parse(r.out[0]).error).toMatchObject({ code: 8 });
    const none = await doctor([], new FakePrinterDriver({ printers: [] }));
    expect(none.code).toBe(EXIT.NoPrinter);
  });

  it('a stopped or refusing printer: exit 9', async () => {
    const driver = new FakePrinterDriver();
    driver.setProblem('not-accepting');
    const r = await doctor([], driver);
    expect(r.code).toBe(EXIT.PrinterProblem);
    expect(r.err.join()).toContain('打印队列不接收任务');
  });

  it('--test-page prints a PDF through printAndWait and says completed', async () => {
    const driver = new FakePrinterDriver();
    const r = await doctor(['--test-page'], driver);
    expect(r.code).toBe(EXIT.Ok);
    expect(r.out.at(-1)).toMatch(/Test page printed: job 1, completed/);
    expect(driver.printed).toHaveLength(1);
    expect(driver.printed[0].bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(driver.printed[0].title).toBe('kiosk-doctor test page');
  });

  it('--test-page --json: the job’s final state; a failure exits 9 with the reason', async () => {
    const driver = new FakePrinterDriver();
    driver.setProblem('out-of-paper');
    const r = await doctor(['--test-page', '--json'], driver);
    expect(r.code).toBe(EXIT.PrinterProblem);
    const json = JSON.parse(r.out[0]);
    expect(json.testPage).toMatchObject({ state: 'failed', reason: 'out-of-paper', jobId: '1' });
    expect(json.error.message).toContain('打印机缺纸 The printer is out of paper');
    expect(driver.printed).toHaveLength(0);
  });

  it('--test-page without a Chinese font: exit 10, says what to install, prints nothing', async () => {
    const driver = new FakePrinterDriver();
    const r = await doctor(['--test-page'], driver, { fonts: [] });
    expect(r.code).toBe(EXIT.NoFont);
    expect(r.err).toEqual([NO_FONT_MESSAGE]);
    expect(driver.jobs).toHaveLength(0);
  });

  it('bad options are usage errors', async () => {
    expect((await doctor(['--timeout', '0'], new FakePrinterDriver())).code).toBe(EXIT.Usage);
    expect((await doctor(['--cups-url', 'not a url'], new FakePrinterDriver())).code).toBe(EXIT.Usage);
    expect((await doctor(['--bogus'], new FakePrinterDriver())).code).toBe(EXIT.Usage);
  });

  it('--help shows the printer command', async () => {
    const c = io();
    expect(await runDoctor(['printer', '--help'], c.io)).toBe(EXIT.Ok);
    expect(c.out.join()).toContain('kiosk-doctor printer [--printer <name>]');
  });
});

describe('Chinese font for the test page', () => {
  it('looks for Noto Sans CJK on Linux and YaHei or SimSun on Windows', () => {
    const linux = cjkFontCandidates('linux');
    expect(linux[0]).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'NotoSansCJKsc-Regular',
    });
    expect(linux.map((f) => f.path)).toContain('/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc');
    const win = cjkFontCandidates('win32', 'D:\\Win');
    expect(win.map((f) => f.family)).toEqual(['MicrosoftYaHei', 'MicrosoftYaHei', 'SimSun']);
    expect(win[0].path).toMatch(/D:\\Win.Fonts.msyh\.ttc$/);
  });

  it('takes the first that exists', () => {
    const c = cjkFontCandidates('win32');
    expect(findCjkFont(c, (p) => p.endsWith('simsun.ttc'))?.family).toBe('SimSun');
    expect(findCjkFont(c, () => false)).toBeNull();
  });
});
