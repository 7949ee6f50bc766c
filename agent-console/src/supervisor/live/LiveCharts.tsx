/**
 * The three charts of the live view, each with its caption; the drawing (EChart.tsx, Apache ECharts)
 * is loaded when the charts are first shown.
 */
import { lazy, Suspense } from 'react';
import type { SupervisorCharts } from '@rvw/shared';
import { firstResponseOption, queueOption, ratingsOption, type ChartOption } from './chart-options';
import { useLiveText } from './live-text';

const EChart = lazy(() => import('./EChart'));

function Chart({ testId, title, option }: { testId: string; title: string; option: ChartOption }) {
  return (
    <figure className="live-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <Suspense fallback={<div className="live-chart-space" />}>
        <EChart option={option} />
      </Suspense>
    </figure>
  );
}

/** Props of the charts. */
export interface LiveChartsProps {
  charts: SupervisorCharts | null;
}

/** Queue over the day, first responses per hour, ratings per day. */
export function LiveCharts({ charts }: LiveChartsProps) {
  const { locale, lt } = useLiveText();
  if (!charts) return <p className="live-muted">{lt('loading')}</p>;
  return (
    <div className="live-charts">
      <Chart testId="chart-queue" title={lt('charts.queue')} option={queueOption(charts, locale)} />
      <Chart
        testId="chart-first-response"
        title={lt('charts.firstResponse')}
        option={firstResponseOption(charts, locale)}
      />
      <Chart testId="chart-ratings" title={lt('charts.ratings')} option={ratingsOption(charts, locale)} />
    </div>
  );
}
