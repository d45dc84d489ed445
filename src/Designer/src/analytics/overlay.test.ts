import { describe, expect, it } from 'vitest';
import { buildOverlay, heatColor, overlayOption } from './overlay';
import type { ConformanceReport, ProcessMetrics, StepMetrics } from './types';

const none = { count: 0, p50Ms: null, p90Ms: null, maxMs: null };
const step = (stepKey: string, waitingP50Ms: number | null): StepMetrics => ({
  stepKey,
  tasksCreated: 1,
  tasksCompleted: 1,
  workInProgress: 0,
  waiting: waitingP50Ms === null ? none : { count: 1, p50Ms: waitingP50Ms, p90Ms: waitingP50Ms, maxMs: waitingP50Ms },
  working: none,
  slaBreaches: 0,
  rework: 0,
});

const metrics = {
  steps: [step('submit', 1_000), step('managerApproval', 4_000), step('financeReview', 2_000)],
} as unknown as ProcessMetrics;

const report: ConformanceReport = {
  instances: 10,
  fittingInstances: 9,
  fitness: 0.9,
  edges: [
    { from: 'submit', to: 'managerApproval', count: 9, designed: true, exampleInstances: [], drivers: [] },
    { from: 'submit', to: 'financeReview', count: 1, designed: false, exampleInstances: ['i-7'], drivers: [{ source: 'rule', rule: 'skip', ruleSetVersion: 2, count: 1 }] },
    { from: 'managerApproval', to: 'done', count: 9, designed: true, exampleInstances: [], drivers: [] },
    { from: 'financeReview', to: 'done', count: 1, designed: true, exampleInstances: [], drivers: [] },
  ],
  deadPaths: [{ from: 'managerApproval', to: 'financeReview', kind: 'transition', detail: 'escalate' }],
  ruleFirings: [],
};

describe('the graph overlay', () => {
  it('colours steps by median waiting relative to the slowest step, and leaves steps without tasks grey', () => {
    const overlay = buildOverlay(metrics, report);
    const byId = new Map(overlay.nodes.map((n) => [n.id, n]));
    expect(byId.get('managerApproval')!.heat).toBe(1);
    expect(byId.get('submit')!.heat).toBe(0.25);
    expect(byId.get('done')!.heat).toBeNull();
    expect(byId.get('done')!.color).toBe('#e5e7eb');
    expect(byId.get('managerApproval')!.color).toBe(heatColor(1));
  });

  it('lays steps out in columns by transitions from the start', () => {
    const overlay = buildOverlay(metrics, report);
    const x = Object.fromEntries(overlay.nodes.map((n) => [n.id, n.x]));
    expect(x.submit).toBe(0);
    expect(x.managerApproval).toBe(x.financeReview);
    expect(x.done).toBeGreaterThan(x.managerApproval!);
  });

  it('draws edges by frequency, non-designed ones dashed and labelled with their examples, and dead paths thin', () => {
    const overlay = buildOverlay(metrics, report);
    const workaround = overlay.edges.find((e) => e.to === 'financeReview' && e.from === 'submit')!;
    const busiest = overlay.edges.find((e) => e.from === 'submit' && e.to === 'managerApproval')!;
    const dead = overlay.edges.find((e) => e.dead)!;
    expect(busiest.width).toBe(8);
    expect(workaround.width).toBeLessThan(busiest.width);
    expect(workaround.label).toBe('not designed · 1');
    expect(workaround.examples).toEqual(['i-7']);
    expect(dead).toMatchObject({ from: 'managerApproval', to: 'financeReview', label: 'never taken', width: 1 });

    const option = overlayOption(overlay) as { series: { links: { source: string; target: string; lineStyle: { type: string } }[] }[] };
    const styles = Object.fromEntries(option.series[0]!.links.map((l) => [`${l.source}>${l.target}`, l.lineStyle.type]));
    expect(styles['submit>financeReview']).toBe('dashed');
    expect(styles['submit>managerApproval']).toBe('solid');
  });

  it('gives a step the example instances of the workarounds that touch it', () => {
    const overlay = buildOverlay(metrics, report);
    expect(overlay.nodes.find((n) => n.id === 'financeReview')!.examples).toEqual(['i-7']);
  });
});
