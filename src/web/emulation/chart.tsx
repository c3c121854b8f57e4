/**
 * The ranking's bar chart: ECharts with only bars, a grid and a tooltip (imported piecewise, so the bundle
 * stays small). An image for assistive technology (role="img" with a description); the same numbers are in
 * the ranking table next to it.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../platform/ui/EChart.tsx';
import { formatPoints } from './helpers.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

/** Horizontal bars of the units' scores (of 100), best first; `lines` marks the award levels' minimum scores. */
export function ScoreChart({
  rows,
  label,
  lines,
  compact,
}: {
  rows: { name: string; score: number }[];
  label: string;
  lines: { name: string; value: number }[];
  compact: boolean;
}) {
  const height = Math.max(160, rows.length * 28 + 48);

  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: false },
      textStyle: { fontFamily: 'inherit' },
      animation: false,
      color: ['#0958d9'],
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatPoints(Number(v)),
      },
      grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatPoints(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: compact ? 120 : 260, overflow: 'truncate', color: '#262626' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.score),
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatPoints(p.value),
          },
          markLine: lines.length
            ? {
                symbol: 'none',
                label: { formatter: (p: { name: string }) => p.name, position: 'end', rotate: 0 },
                lineStyle: { color: '#d46b08', type: 'dashed' },
                data: lines.map((l) => ({ name: l.name, xAxis: l.value })),
              }
            : undefined,
        },
      ],
    }),
    [rows, lines, compact],
  );

  return <EChart option={option} label={label} height={height} />;
}
