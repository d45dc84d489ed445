import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** What a click on a chart element carries: the series data item as the option built it. */
export interface ChartClick {
  readonly dataType?: string;
  readonly data: unknown;
}

/**
 * One ECharts chart in a sized box. The chart describes itself to screen readers through `label` (role img) and
 * ECharts' aria description; `onClick` receives the clicked data item.
 */
export function EChart({
  option,
  label,
  height = 280,
  onClick,
}: {
  readonly option: EChartsCoreOption;
  readonly label: string;
  readonly height?: number;
  readonly onClick?: (click: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) {
      return undefined;
    }
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params as unknown as ChartClick));
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="analytics-chart" role="img" aria-label={label} style={{ height }} />;
}
