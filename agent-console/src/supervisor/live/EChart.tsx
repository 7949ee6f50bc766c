/**
 * One chart drawn by Apache ECharts (through echarts-for-react) with the SVG renderer, sharp on a
 * projector. Only the parts used are registered; this module is loaded on demand (LiveCharts), so
 * an agent's console never downloads ECharts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { ChartOption } from './chart-options';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** Props of a chart: its option (chart-options.ts). */
export interface EChartProps {
  option: ChartOption;
}

/** The chart, 260 px high, as wide as its box. */
export default function EChart({ option }: EChartProps) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height: 260, width: '100%' }}
    />
  );
}
