/**
 * `rvw-server report daily [--date YYYY-MM-DD] [--centre ID] [--out FILE]`: the daily report CSV
 * (the same bytes as the console's 下载日报) of one centre, or of every centre one after the other.
 * Written to FILE, or to stdout. The date defaults to today (Asia/Shanghai).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CentreId } from '@rvw/shared';
import type { Db } from '../db/database';
import { shanghaiDay } from '../queue/queue-rules';
import { isCalendarDay } from './day-facts';
import { allCentreIds, dailyReportCsv } from './daily-report';

/** The usage lines of the report command, for the CLI's help. */
export const reportUsage = `  report daily [--date YYYY-MM-DD] [--centre ID] [--out FILE]
                                           the daily report as CSV (UTF-8 with BOM) of one centre
                                           or of every centre; to FILE or stdout; default today
`;

/** Where the command writes: text to stdout/stderr. */
export interface ReportIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Runs `report ...`; `open` opens the existing database. Returns the exit code. */
export async function reportCommand(
  args: string[],
  io: ReportIo,
  open: () => Promise<Db>,
  now: Date = new Date(),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { date: { type: 'string' }, centre: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0] !== 'daily') {
    io.err.write('report needs the report kind, e.g. rvw-server report daily --date 2026-11-22\n');
    return 64;
  }
  const day = values.date ?? shanghaiDay(now);
  if (!isCalendarDay(day)) {
    io.err.write(`--date must be a calendar day as YYYY-MM-DD, e.g. 2026-11-22 (got "${day}")\n`);
    return 64;
  }
  if (values.centre !== undefined && !CentreId.safeParse(values.centre).success) {
    io.err.write('--centre must be a centre id (lower-case letters, digits and hyphens)\n');
    return 64;
  }
  const db = await open();
  try {
    const all = await allCentreIds(db);
    if (values.centre !== undefined && !all.includes(values.centre)) {
      io.err.write(`There is no centre "${values.centre}"; the centres are: ${all.join(', ')}\n`);
      return 1;
    }
    const centreIds = values.centre !== undefined ? [values.centre] : all;
    const bytes = await dailyReportCsv(db, { day, centreIds, now });
    if (values.out) {
      writeFileSync(values.out, bytes);
      io.out.write(
        `Wrote the daily report of ${day} (${centreIds.length} centre${centreIds.length === 1 ? '' : 's'}) to ${values.out}\n`,
      );
    } else {
      io.out.write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
