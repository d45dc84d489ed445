import { describe, expect, it } from 'vitest';
import { cycleTimeOption, ratesOption, ruleFiringsOption, stepTimesOption, throughputOption, variantsOption } from './chartOptions';
import { formatDuration } from './format';
import type { ConformanceReport, ProcessMetrics } from './types';

const hour = 3_600_000;
const metrics = {
  timeZone: 'Europe/Berlin',
  started: 10,
  completed: 8,
  workInProgress: 2,
  cycleTime: { count: 8, p50Ms: 5 * hour, p90Ms: 9 * hour, maxMs: 12 * hour },
  throughputPerDay: [
    { start: '2026-03-02', completed: 3 },
    { start: '2026-03-03', completed: 0 },
  ],
  throughputPerWeek: [{ start: '2026-03-02', completed: 3 }],
  slaBreachedInstances: 1,
  slaBreachRate: 0.1,
  exceptions: [{ code: 'LINE_OVER_POLICY_LIMIT', raised: 3, instances: 2, rate: 0.2 }],
  reworkInstances: 1,
  steps: [
    { stepKey: 'review', tasksCreated: 5, tasksCompleted: 4, workInProgress: 1, waiting: { count: 4, p50Ms: 2 * hour, p90Ms: 3 * hour, maxMs: 3 * hour }, working: { count: 3, p50Ms: hour / 2, p90Ms: hour, maxMs: hour }, slaBreaches: 1, rework: 1 },
    { stepKey: 'script', tasksCreated: 0, tasksCompleted: 0, workInProgress: 0, waiting: { count: 0, p50Ms: null, p90Ms: null, maxMs: null }, working: { count: 0, p50Ms: null, p90Ms: null, maxMs: null }, slaBreaches: 0, rework: 0 },
  ],
  variants: [{ steps: ['submit', 'review', 'done'], instances: 6, share: 0.75, medianCycleTimeMs: 5 * hour }],
} satisfies ProcessMetrics;

type Series = { type: string; data: unknown[]; stack?: string };
const series = (option: object) => (option as { series: Series[] }).series;
const axis = (option: object, name: 'xAxis' | 'yAxis') => (option as Record<string, { data: unknown[] }>)[name]!.data;

describe('chart options', () => {
  it('plots cycle time percentiles in hours', () => {
    expect(series(cycleTimeOption(metrics))[0]!.data).toEqual([5, 9, 12]);
  });

  it('keeps every throughput bucket, empty ones as zero, days as a line and weeks as bars', () => {
    const days = throughputOption(metrics.throughputPerDay, 'day');
    expect(axis(days, 'xAxis')).toEqual(['2026-03-02', '2026-03-03']);
    expect(series(days)[0]).toMatchObject({ type: 'line', data: [3, 0] });
    expect(series(throughputOption(metrics.throughputPerWeek, 'week'))[0]!.type).toBe('bar');
  });

  it('stacks median waiting and working per step and leaves out steps without tasks', () => {
    const option = stepTimesOption(metrics);
    expect(axis(option, 'xAxis')).toEqual(['review']);
    expect(series(option).map((s) => s.data)).toEqual([[2], [0.5]]);
  });

  it('shows the SLA breach rate first, then each exception code, in percent of started', () => {
    const option = ratesOption(metrics);
    expect(axis(option, 'yAxis')).toEqual(['SLA breached', 'LINE_OVER_POLICY_LIMIT']);
    expect(series(option)[0]!.data.map((d) => (d as { value: number }).value)).toEqual([10, 20]);
  });

  it('names each variant by its path', () => {
    expect(series(variantsOption(metrics))[0]!.data).toEqual([{ value: 6, name: 'submit → review → done' }]);
  });

  it('orders rule firings by how often they fired', () => {
    const report = { ruleFirings: [{ ruleSetVersion: 1, rule: 'a', fired: 1, routed: 0 }, { ruleSetVersion: 2, rule: 'b', fired: 4, routed: 3 }] } as unknown as ConformanceReport;
    const option = ruleFiringsOption(report);
    expect(axis(option, 'yAxis')).toEqual(['b (v2)', 'a (v1)']);
    expect(series(option).map((s) => s.data)).toEqual([[4, 1], [3, 0]]);
  });

  it('formats durations the way people read them', () => {
    expect([formatDuration(null), formatDuration(45_000), formatDuration(200 * 60_000), formatDuration(52 * hour)]).toEqual(['—', '45 s', '3 h 20 min', '2 d 4 h']);
  });
});
