import { describe, expect, it } from 'vitest';
import { buildProcessGraph } from '../processes/processGraph';
import type { ProcessJson, RuleSetJson } from '../processes/definitionTypes';
import { buildOverlay, heatColor } from './overlay';
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
  ruleSetKey: 'claims',
  baselineRuleSetVersion: 2,
  edges: [
    { from: 'submit', to: 'managerApproval', count: 9, designed: true, exampleInstances: [], drivers: [] },
    { from: 'submit', to: 'financeReview', count: 1, designed: false, exampleInstances: [], drivers: [{ source: 'rule', rule: 'skip', ruleSetVersion: 2, count: 1 }] },
    { from: 'managerApproval', to: 'done', count: 9, designed: true, exampleInstances: [], drivers: [] },
    { from: 'financeReview', to: 'done', count: 1, designed: true, exampleInstances: [], drivers: [] },
    { from: 'legacyCheck', to: 'done', count: 2, designed: false, exampleInstances: [], drivers: [] },
  ],
  deviations: [
    { from: 'submit', to: 'financeReview', exampleInstances: ['i-7'] },
    { from: 'legacyCheck', to: 'done', exampleInstances: ['i-2'] },
  ],
  deadPaths: [{ from: 'managerApproval', to: 'financeReview', kind: 'transition', detail: 'escalate' }],
  ruleFirings: [],
};

const process: ProcessJson = {
  key: 'claim',
  name: 'Claim',
  start: 'submit',
  steps: [
    { key: 'submit', type: 'formTask', next: 'managerApproval' },
    { key: 'managerApproval', type: 'approval', transitions: { approved: 'done', escalate: 'financeReview' } },
    { key: 'financeReview', type: 'approval', next: 'done' },
    { key: 'done', type: 'end' },
  ],
} as unknown as ProcessJson;

const rules = { key: 'claims', rules: [{ name: 'large', steps: ['managerApproval'], then: [{ type: 'goTo', step: 'done' }] }] } as unknown as RuleSetJson;

const overlayOf = () => buildOverlay(buildProcessGraph(process, rules), metrics, report);

describe('the graph overlay on the designed process graph', () => {
  it('puts a heat strip on steps by median waiting relative to the slowest step, and none on steps without tasks', () => {
    const overlay = overlayOf();
    expect(overlay.steps.get('managerApproval')!.heat).toBe(1);
    expect(overlay.steps.get('submit')!.heat).toBe(0.25);
    expect(overlay.steps.get('done')!.heat).toBeNull();
    expect(overlay.graph.steps.done).toMatchObject({ strip: null, note: null, description: 'no tasks' });
    expect(overlay.graph.steps.managerApproval).toMatchObject({ strip: heatColor(1), note: 'waits 4 s' });
  });

  it('widens designed edges by times taken, counts a pair of steps once and mutes designed edges nobody took', () => {
    const overlay = overlayOf();
    const edges = overlay.graph.edges;
    expect(edges['next:submit->managerApproval']).toMatchObject({ width: 8, muted: false, label: '9' });
    expect(edges['transition:managerApproval:approved->done']).toMatchObject({ width: 8, label: 'approved · 9' });
    expect(edges['rule:large:managerApproval->done']).toMatchObject({ width: 8, label: 'large', muted: false });
    expect(edges['transition:managerApproval:escalate->financeReview']).toMatchObject({ muted: true, width: 1, label: 'escalate', description: 'designed, never taken' });
    expect(overlay.edges.get('transition:managerApproval:escalate->financeReview')!.dead).toBe(true);
  });

  it('adds a transition the design lacks as a dashed extra edge with its count and example instances', () => {
    const overlay = overlayOf();
    expect(overlay.graph.extraEdges).toEqual([
      { id: 'taken:submit->financeReview', source: 'submit', target: 'financeReview', label: 'not designed · 1', width: expect.any(Number), dashed: true, description: '1 times, not in the design' },
    ]);
    expect(overlay.graph.extraEdges[0]!.width).toBeLessThan(8);
    expect(overlay.edges.get('taken:submit->financeReview')).toMatchObject({ designed: false, examples: ['i-7'], drivers: [{ rule: 'skip' }] });
    expect(overlay.workarounds).toBe(2);
  });

  it('lists transitions between steps the design no longer has instead of drawing them', () => {
    const overlay = overlayOf();
    expect(overlay.outside.map((e) => e.id)).toEqual(['taken:legacyCheck->done']);
    expect(overlay.graph.extraEdges.some((e) => e.source === 'legacyCheck')).toBe(false);
  });

  it('gives a step the example instances of the workarounds that touch it', () => {
    expect(overlayOf().steps.get('financeReview')!.examples).toEqual(['i-7']);
  });
});
