/**
 * The dashboard's one chart: crashes by month, this year (bars) against last year (a line). ECharts is
 * imported piece by piece (bars, a line, grid, tooltip, legend) so the page stays light. A month's bar opens
 * that month's crash list. For assistive technology the chart is an image with a description; the same
 * numbers are in the table below it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumberVi } from '../../domain/crashes/comparison.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const CURRENT = '#0958d9';
const PREVIOUS = '#8c8c8c';

export interface TrendChartProps {
  months: string[];
  current: (number | null)[];
  previous: number[];
  currentName: string;
  previousName: string;
  label: string;
  /** a bar (or a month's label) was clicked */
  onMonth?: (index: number) => void;
  height?: number;
}

export function TrendChart({
  months,
  current,
  previous,
  currentName,
  previousName,
  label,
  onMonth,
  height = 260,
}: TrendChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onMonth);
  click.current = onMonth;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') click.current?.(p.dataIndex);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        aria: { enabled: false },
        textStyle: { fontFamily: 'inherit' },
        animation: false,
        color: [CURRENT, PREVIOUS],
        legend: { top: 0, data: [currentName, previousName] },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (v == null ? '—' : formatNumberVi(Number(v))),
        },
        grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months, axisLabel: { color: '#262626' } },
        yAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { formatter: (v: number) => formatNumberVi(v), color: '#262626' },
        },
        series: [
          { name: currentName, type: 'bar', data: current, barMaxWidth: 22, cursor: 'pointer' },
          {
            name: previousName,
            type: 'line',
            data: previous,
            symbolSize: 6,
            lineStyle: { width: 2, type: 'dashed' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [months, current, previous, currentName, previousName]);

  return (
    <div className="chart-box" role="img" aria-label={label}>
      <div ref={ref} style={{ height, width: '100%' }} aria-hidden="true" />
    </div>
  );
}
