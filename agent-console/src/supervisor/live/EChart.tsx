/**
 * One chart drawn by Apache ECharts (through echarts-for-react) with the SVG renderer, sharp on a
 * projector. Only the parts used are registered; this module is loaded on demand (LiveCharts), so
 * an agent's console never downloads ECharts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import type { ChartOption } from './chart-options';

// The package's core entry is CommonJS (exports.default): the bundler hands some builds the module
// object instead of the class; take the class either way.
const ReactEChartsCore =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ??
  ReactEChartsCoreModule;

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
