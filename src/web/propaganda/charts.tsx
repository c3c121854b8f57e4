/**
 * ECharts with only the pieces the propaganda statistics draw (bars, grid, tooltip), so the bundle stays
 * small. The chart is an image for assistive technology (role="img" with a description); the same numbers
 * are in the table below it.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatNumber } from '../platform/format.ts';
import type { ChartOption } from '../platform/ui/EChart.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

type Option = ChartOption;

/** Horizontal bars, one per category, largest first as given. */
export function barOption(p: {
  categories: string[];
  values: number[];
  name: string;
  compact: boolean;
}): Option {
  return {
    aria: { enabled: false },
    textStyle: { fontFamily: 'inherit' },
    animation: false,
    color: ['#0958d9'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => formatNumber(Number(v)),
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: p.categories,
      axisLabel: { width: p.compact ? 110 : 240, overflow: 'truncate', color: '#262626' },
    },
    series: [{ name: p.name, type: 'bar', data: p.values, barMaxWidth: 18 }],
  };
}
