/**
 * ECharts, with only the pieces the statistics page draws (bars and a heatmap), so the bundle stays small.
 * Each chart is an image for assistive technology (role="img" with a description); the same numbers are
 * always in the table below it.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatNumber } from '../platform/format.ts';
import type { ChartOption } from '../platform/ui/EChart.tsx';

echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

type Option = ChartOption;

const FONT = 'inherit';
const CURRENT = '#0958d9';
const PREVIOUS = '#8c8c8c';

/** Horizontal bars: this period against the same period last year, one pair per category. */
export function barOption(p: {
  categories: string[];
  current: number[];
  previous: number[];
  currentName: string;
  previousName: string;
  compact: boolean;
}): Option {
  return {
    aria: { enabled: false },
    textStyle: { fontFamily: FONT },
    animation: false,
    color: [CURRENT, PREVIOUS],
    legend: { top: 0, data: [p.currentName, p.previousName] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => formatNumber(Number(v)),
    },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: p.categories,
      axisLabel: { width: p.compact ? 110 : 220, overflow: 'truncate', color: '#262626' },
    },
    series: [
      { name: p.currentName, type: 'bar', data: p.current, barMaxWidth: 16 },
      { name: p.previousName, type: 'bar', data: p.previous, barMaxWidth: 16 },
    ],
  };
}

/** Crashes by hour of day (columns) and day of week (rows). */
export function heatmapOption(p: {
  hours: string[];
  days: string[];
  /** [hourIndex, dayIndex, value] */
  data: [number, number, number][];
  valueName: string;
}): Option {
  const max = Math.max(1, ...p.data.map((d) => d[2]));
  return {
    aria: { enabled: false },
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: {
      position: 'top',
      formatter: (x: { value: [number, number, number] }) =>
        `${p.days[x.value[1]]}, ${p.hours[x.value[0]]}: ${formatNumber(x.value[2])} ${p.valueName}`,
    },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: p.hours, splitArea: { show: true } },
    yAxis: { type: 'category', data: p.days, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#fff7e6', '#ffa940', '#d4380d', '#820014'] },
      formatter: (v: number) => formatNumber(Math.round(v)),
    },
    series: [
      { type: 'heatmap', data: p.data, name: p.valueName, emphasis: { itemStyle: { borderColor: '#000' } } },
    ],
  };
}
