/**
 * The daily report (日报) a supervisor files: one row per centre and need, then the centre's total,
 * as CSV that Excel and WPS open with the Chinese intact (UTF-8 with a byte-order mark, CRLF line
 * ends, fields quoted where needed by csv-stringify). The same bytes come from the route and from
 * `rvw-server report daily`. Waits and handling times are whole seconds; shares are percentages
 * with one decimal, empty when there is nothing to divide by.
 */
import { stringify } from 'csv-stringify/sync';
import { NEED_TILES, RatingLevel, skillName, type TicketNeed } from '@rvw/shared';
import type { Db } from '../db/database';
import { loadDayFacts, missedOffers, type DayFacts } from './day-facts';
import { answeredOn, dayFigures, issuedOn, onTime, outcomeCounts, ratingCounts } from './figures';
import { centreInfo } from './live-snapshot';

/** The report's columns, as the header row names them. */
export const REPORT_HEADER = [
  '日期',
  '中心编号',
  '中心',
  '事项类别',
  '取号',
  '应答',
  '1分钟内应答',
  '1分钟内应答率',
  '最长等候(秒)',
  '派单未接',
  '办结',
  '受理',
  '咨询',
  '转办',
  '办不成',
  '办结受理占比',
  '平均办理时长(秒)',
  '非常满意',
  '满意',
  '基本满意',
  '不满意',
  '非常不满意',
  '未评价',
  '跨中心',
  '上门办',
] as const;

/** The row label of the centre's total. */
export const TOTAL_LABEL = '合计';

const NEED_LABEL = (need: TicketNeed) =>
  need === 'unsure' ? '未分类（直接问工作人员）' : skillName(need).zh;
const percent = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

/** One row of the report: a need of a centre, or (need null) the centre's total. */
export function reportRow(
  facts: DayFacts,
  centreName: string,
  need: TicketNeed | null,
  missed: ReadonlyMap<string, number>,
  now: number,
): Array<string | number> {
  const figures = dayFigures(facts, need);
  const answered = answeredOn(facts, need);
  const { issued, longestWaitS } = issuedOn(facts, now, need);
  const outcomes = outcomeCounts(facts, need);
  const { levels, notRated } = ratingCounts(facts.ratings, need);
  const missedCount =
    need === null ? [...missed.values()].reduce((a, b) => a + b, 0) : (missed.get(need) ?? 0);
  return [
    facts.day,
    facts.centreId,
    centreName,
    need === null ? TOTAL_LABEL : NEED_LABEL(need),
    issued,
    answered.length,
    answered.filter(onTime).length,
    percent(figures.firstResponseWithin1Min),
    longestWaitS,
    missedCount,
    outcomes.completed,
    outcomes.accepted,
    outcomes.consultation,
    outcomes.transferred,
    outcomes['not-done'],
    percent(figures.resolvedShare),
    figures.meanHandlingS ?? '',
    ...RatingLevel.options.map((l) => levels[l]),
    notRated,
    figures.crossCentre,
    figures.portable,
  ];
}

/** Every row of one centre's day: one per need (the kiosk's tile order), then the total. */
export async function centreRows(
  db: Db,
  centreId: string,
  day: string,
  now: Date,
): Promise<Array<Array<string | number>>> {
  const centre = await centreInfo(db, centreId);
  const facts = await loadDayFacts(db, centreId, day);
  const missed = await missedOffers(db, centreId, day);
  const name = centre?.name ?? centreId;
  return [
    ...NEED_TILES.map(({ need }) => reportRow(facts, name, need, missed, now.getTime())),
    reportRow(facts, name, null, missed, now.getTime()),
  ];
}

/** The report of `day` for the given centres (in that order) as CSV bytes: BOM, header, CRLF rows. */
export async function dailyReportCsv(
  db: Db,
  opts: { day: string; centreIds: readonly string[]; now: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  const rows: Array<Array<string | number>> = [[...REPORT_HEADER]];
  for (const id of opts.centreIds) rows.push(...(await centreRows(db, id, opts.day, opts.now)));
  const text = stringify(rows, { bom: true, record_delimiter: 'windows' });
  return new TextEncoder().encode(text);
}

/** Every centre's id, in name order (the CLI's report without --centre). */
export async function allCentreIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('centres').select('id').orderBy('name').orderBy('id').execute();
  return rows.map((r) => r.id);
}
