import type { EChartsCoreOption } from 'echarts/core';
import { formatShare, toHours } from './format';
import type { ConformanceReport, ProcessMetrics, ThroughputBucket } from './types';

/** Colours that keep a 3:1 contrast on the page's white panels. */
export const palette = {
  primary: '#2457c5',
  secondary: '#b45309',
  muted: '#6b7280',
  danger: '#b91c1c',
} as const;

const grid = { left: 56, right: 24, top: 40, bottom: 56, containLabel: true };

/** Cycle time p50, p90 and max of the completed instances, in hours. */
export function cycleTimeOption(metrics: ProcessMetrics): EChartsCoreOption {
  const stats = metrics.cycleTime;
  return {
    aria: { enabled: true },
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: ['p50', 'p90', 'max'] },
    yAxis: { type: 'value', name: 'hours' },
    series: [
      {
        type: 'bar',
        name: 'Cycle time',
        itemStyle: { color: palette.primary },
        label: { show: true, position: 'top' },
        data: [toHours(stats.p50Ms), toHours(stats.p90Ms), toHours(stats.maxMs)],
      },
    ],
  };
}

/** Instances completed per day or per ISO week, every bucket of the window (empty ones as zero). */
export function throughputOption(buckets: readonly ThroughputBucket[], unit: 'day' | 'week'): EChartsCoreOption {
  return {
    aria: { enabled: true },
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: buckets.map((b) => b.start), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: unit === 'day' ? 'per day' : 'per week', minInterval: 1 },
    series: [
      {
        type: unit === 'day' ? 'line' : 'bar',
        name: unit === 'day' ? 'Completed per day' : 'Completed per week',
        showSymbol: false,
        itemStyle: { color: palette.primary },
        data: buckets.map((b) => b.completed),
      },
    ],
  };
}

/** Per step: tasks open at the window's end (work in progress) beside SLA breaches and rework. */
export function stepLoadOption(metrics: ProcessMetrics): EChartsCoreOption {
  const steps = metrics.steps;
  return {
    aria: { enabled: true },
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: steps.map((s) => s.stepKey), axisLabel: { rotate: 20, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: 'Work in progress', itemStyle: { color: palette.primary }, data: steps.map((s) => s.workInProgress) },
      { type: 'bar', name: 'SLA breaches', itemStyle: { color: palette.danger }, data: steps.map((s) => s.slaBreaches) },
      { type: 'bar', name: 'Rework', itemStyle: { color: palette.secondary }, data: steps.map((s) => s.rework) },
    ],
  };
}

/** Per step: median waiting and working time, in hours. */
export function stepTimesOption(metrics: ProcessMetrics): EChartsCoreOption {
  const steps = metrics.steps.filter((s) => s.waiting.count > 0 || s.working.count > 0);
  return {
    aria: { enabled: true },
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: steps.map((s) => s.stepKey), axisLabel: { rotate: 20, hideOverlap: true } },
    yAxis: { type: 'value', name: 'hours (p50)' },
    series: [
      { type: 'bar', name: 'Waiting', stack: 'time', itemStyle: { color: palette.secondary }, data: steps.map((s) => toHours(s.waiting.p50Ms)) },
      { type: 'bar', name: 'Working', stack: 'time', itemStyle: { color: palette.primary }, data: steps.map((s) => toHours(s.working.p50Ms)) },
    ],
  };
}

/** The SLA breach rate and each exception code's rate over the instances started in the window, in percent. */
export function ratesOption(metrics: ProcessMetrics): EChartsCoreOption {
  const rows = [
    { name: 'SLA breached', rate: metrics.slaBreachRate, color: palette.danger },
    ...metrics.exceptions.map((e) => ({ name: e.code, rate: e.rate, color: palette.secondary })),
  ];
  return {
    aria: { enabled: true },
    grid: { ...grid, left: 16 },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${String(value)} %` },
    // The axis name sits under the axis: at its end it would be clipped by the chart's right edge.
    xAxis: { type: 'value', name: '% of started', nameLocation: 'middle', nameGap: 28, max: (extent: { max: number }) => Math.max(5, Math.ceil(extent.max)) },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
    series: [
      {
        type: 'bar',
        name: 'Rate',
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value} %` },
        data: rows.map((r) => ({ value: Math.round(r.rate * 1000) / 10, itemStyle: { color: r.color } })),
      },
    ],
  };
}

/** The most frequent paths, as "a → b → c", with their share of the completed instances. */
export function variantsOption(metrics: ProcessMetrics): EChartsCoreOption {
  const variants = metrics.variants;
  return {
    aria: { enabled: true },
    grid: { ...grid, left: 16 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: 'instances', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: variants.map((_, i) => `#${i + 1}`),
    },
    series: [
      {
        type: 'bar',
        name: 'Instances',
        itemStyle: { color: palette.primary },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => formatShare(variants[p.dataIndex]?.share ?? 0) },
        data: variants.map((v) => ({ value: v.instances, name: v.steps.join(' → ') })),
      },
    ],
  };
}

/** Per rule and rule-set version: how often it fired and how often its goTo decided the route. */
export function ruleFiringsOption(report: ConformanceReport): EChartsCoreOption {
  const rows = [...report.ruleFirings].sort((a, b) => b.fired - a.fired || a.rule.localeCompare(b.rule));
  return {
    aria: { enabled: true },
    grid: { ...grid, left: 16 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rule} (v${r.ruleSetVersion})`) },
    series: [
      { type: 'bar', name: 'Fired', itemStyle: { color: palette.muted }, data: rows.map((r) => r.fired) },
      { type: 'bar', name: 'Decided the route', itemStyle: { color: palette.primary }, data: rows.map((r) => r.routed) },
    ],
  };
}
