/**
 * One ECharts chart: created once, updated with each option, resized with its box, disposed on unmount.
 * Each page registers only the chart types and components it draws (`echarts.use` from 'echarts/core', so
 * the bundle stays small). The chart is an image for assistive technology (role="img" with a description);
 * the same numbers are always in a table next to it.
 */
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, label, height }: { option: ChartOption; label: string; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className="chart-box" role="img" aria-label={label}>
      <div ref={ref} style={{ height, width: '100%' }} aria-hidden="true" />
    </div>
  );
}
