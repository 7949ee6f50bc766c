/**
 * The live view's charts as ECharts options, pure (tested without a browser): the queue over the day
 * (waiting, longest wait against the 10-minute target), answers per hour with the share within 1
 * minute, and ratings per day. Colours are the Okabe–Ito set (told apart with colour-blindness too)
 * and an ordered green-to-red scale for the five rating levels.
 */
import { RATING_LABELS, RatingLevel, type Locale, type SupervisorCharts } from '@rvw/shared';
import { local } from '../../i18n/local-text';
import { hoursShown } from './live-rules';
import { liveText } from './live-text';

/** Okabe–Ito blue, orange and vermillion. */
export const PALETTE = { waiting: '#0072B2', longest: '#E69F00', target: '#D55E00', share: '#009E73' };

/** Very satisfied (green) to very dissatisfied (red); the middle a neutral grey. */
export const RATING_COLOURS: Record<RatingLevel, string> = {
  'very-satisfied': '#1B7837',
  satisfied: '#5AAE61',
  'basically-satisfied': '#9E9E9E',
  dissatisfied: '#E08214',
  'very-dissatisfied': '#B2182B',
};

/** An ECharts option (kept loose: echarts' own option type is a deep union). */
export type ChartOption = Record<string, unknown>;

/** The console's own font stack: ECharts measures text with it, so labels do not overlap. */
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

const base = {
  animation: false,
  textStyle: { fontFamily: FONT, fontSize: 13 },
  grid: { left: 48, right: 56, top: 36, bottom: 64 },
  tooltip: { trigger: 'axis' },
};

/** The legend under the chart, clear of the axes' names. */
const legend = (data: string[]) => ({
  type: 'scroll',
  bottom: 0,
  itemGap: 16,
  textStyle: { fontFamily: FONT, fontSize: 12 },
  data,
});

/** HH:mm on Shanghai's clock. */
function clockTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** Waiting count (bars) and longest wait in minutes (line, right axis) every 10 minutes. */
export function queueOption(charts: SupervisorCharts, locale: Locale): ChartOption {
  const t = (k: Parameters<typeof liveText>[1]) => liveText(locale, k);
  return {
    ...base,
    legend: legend([t('charts.queue.waiting'), t('charts.queue.longest')]),
    xAxis: { type: 'category', data: charts.queue.map((p) => clockTime(p.at)), axisLabel: { interval: 11 } },
    yAxis: [
      { type: 'value', name: t('charts.queue.waiting'), minInterval: 1 },
      // Up to at least 12 minutes, so that the 10-minute target is always drawn.
      {
        type: 'value',
        name: t('charts.queue.longest'),
        min: 0,
        max: (v: { max: number }) => Math.max(12, Math.ceil(v.max)),
      },
    ],
    series: [
      {
        name: t('charts.queue.waiting'),
        type: 'bar',
        data: charts.queue.map((p) => p.waiting),
        itemStyle: { color: PALETTE.waiting },
      },
      {
        name: t('charts.queue.longest'),
        type: 'line',
        yAxisIndex: 1,
        step: 'end',
        showSymbol: false,
        data: charts.queue.map((p) => Math.round((p.longestWaitS / 60) * 10) / 10),
        itemStyle: { color: PALETTE.longest },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: PALETTE.target, type: 'dashed' },
          label: { formatter: t('charts.queue.target'), position: 'insideStartTop' },
          data: [{ yAxis: 10 }],
        },
      },
    ],
  };
}

/** Answers per hour (bars) and the share within 1 minute in % (line, right axis 0–100). */
export function firstResponseOption(charts: SupervisorCharts, locale: Locale): ChartOption {
  const t = (k: Parameters<typeof liveText>[1], p?: Record<string, string | number>) =>
    liveText(locale, k, p);
  const hours = hoursShown(charts.firstResponse);
  const byHour = new Map(charts.firstResponse.map((h) => [h.hour, h]));
  return {
    ...base,
    legend: legend([t('charts.firstResponse.answered'), t('charts.firstResponse.share')]),
    xAxis: { type: 'category', data: hours.map((hour) => t('charts.hour', { hour })) },
    yAxis: [
      { type: 'value', name: t('charts.firstResponse.answered'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      {
        name: t('charts.firstResponse.answered'),
        type: 'bar',
        data: hours.map((h) => byHour.get(h)?.answered ?? 0),
        itemStyle: { color: PALETTE.waiting },
      },
      {
        name: t('charts.firstResponse.share'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: hours.map((h) => {
          const share = byHour.get(h)?.within1Min;
          return share === null || share === undefined ? null : Math.round(share * 100);
        }),
        itemStyle: { color: PALETTE.share },
      },
    ],
  };
}

/** Ratings per day, stacked by level (very satisfied at the bottom), for the last 14 days. */
export function ratingsOption(charts: SupervisorCharts, locale: Locale): ChartOption {
  return {
    ...base,
    legend: legend(RatingLevel.options.map((l) => local(RATING_LABELS[l], locale))),
    xAxis: { type: 'category', data: charts.ratingsPerDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: RatingLevel.options.map((level) => ({
      name: local(RATING_LABELS[level], locale),
      type: 'bar',
      stack: 'ratings',
      data: charts.ratingsPerDay.map((d) => d.levels[level]),
      itemStyle: { color: RATING_COLOURS[level] },
    })),
  };
}
