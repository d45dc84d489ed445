import { describe, expect, it } from 'vitest';
import type { ProcessJson, RuleSetJson } from './definitionTypes';
import { layoutGraph } from './layoutGraph';
import { buildProcessGraph, stepOfProblemPath } from './processGraph';

const process: ProcessJson = {
  key: 'expense-approval',
  name: 'Expense approval',
  start: 'submit',
  ruleSet: 'expense-routing',
  steps: [
    { key: 'submit', type: 'formTask', form: 'expense-claim', assignee: { role: 'employee' }, next: 'managerApproval' },
    { key: 'managerApproval', type: 'approval', assignee: { expression: 'managerEmail' }, sla: 'PT48H', transitions: { rejected: 'rework' }, outcomes: ['approved', 'rejected'] },
    { key: 'financeReview', type: 'approval', assignee: { role: 'finance' }, transitions: { approved: 'payment', rejected: 'rework' } },
    { key: 'rework', type: 'formTask', form: 'expense-claim', next: 'managerApproval' },
    { key: 'payment', type: 'webhook', webhook: { connection: 'erp', url: '/pay' }, next: 'done' },
    { key: 'done', type: 'end' },
  ],
};

const rules: RuleSetJson = {
  key: 'expense-routing',
  name: 'Routing',
  rules: [
    { name: 'large-claims-go-to-finance', salience: 100, steps: ['managerApproval'], then: [{ type: 'setData', path: 'level', value: 'x' }, { type: 'goTo', step: 'financeReview' }] },
    { name: 'other-claims-go-to-payment', salience: 50, steps: ['managerApproval'], disabled: true, then: [{ type: 'goTo', step: 'payment' }] },
    { name: 'escalate', on: 'slaBreached', then: [{ type: 'raiseException', code: 'LATE', message: 'Late' }] },
  ],
};

describe('buildProcessGraph', () => {
  it('makes a node per step with its kind, the start marked and a detail line', () => {
    const graph = buildProcessGraph(process);

    expect(graph.nodes.map((node) => node.id)).toEqual(['submit', 'managerApproval', 'financeReview', 'rework', 'payment', 'done']);
    expect(graph.nodes[0]).toMatchObject({ kind: 'formTask', isStart: true, detail: 'form expense-claim · by employee' });
    expect(graph.nodes[1]).toMatchObject({ kind: 'approval', isStart: false, detail: 'by managerEmail · SLA PT48H' });
    expect(graph.nodes[4]!.detail).toBe('erp/pay');
  });

  it('draws next, transitions labelled with their outcome, and branches', () => {
    const split: ProcessJson = {
      key: 'p',
      name: 'P',
      steps: [
        { key: 'split', type: 'parallelSplit', branches: ['a', 'b'] },
        { key: 'a', type: 'formTask', next: 'join' },
        { key: 'b', type: 'formTask', next: 'join' },
        { key: 'join', type: 'parallelJoin', next: 'end' },
        { key: 'end', type: 'end' },
      ],
    };

    const graph = buildProcessGraph(split);

    expect(graph.edges.filter((edge) => edge.kind === 'branch').map((edge) => edge.target)).toEqual(['a', 'b']);
    expect(graph.edges.filter((edge) => edge.kind === 'next')).toHaveLength(3);
    const transitions = buildProcessGraph(process).edges.filter((edge) => edge.kind === 'transition');
    expect(transitions.map((edge) => `${edge.source}:${edge.label}->${edge.target}`)).toEqual([
      'managerApproval:rejected->rework',
      'financeReview:approved->payment',
      'financeReview:rejected->rework',
    ]);
  });

  it('draws each goTo rule as an edge from the steps it is restricted to, labelled with the rule name', () => {
    const graph = buildProcessGraph(process, rules);
    const ruleEdges = graph.edges.filter((edge) => edge.kind === 'rule');

    expect(ruleEdges.map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      ['managerApproval', 'financeReview', 'large-claims-go-to-finance'],
      ['managerApproval', 'payment', 'other-claims-go-to-payment'],
    ]);
    expect(ruleEdges[1]!.rule).toEqual({ name: 'other-claims-go-to-payment', salience: 50, disabled: true });
  });

  it('leaves an unrestricted goTo leaving every step that can finish, and reports edges to missing steps', () => {
    const graph = buildProcessGraph(process, {
      key: 'r',
      name: 'R',
      rules: [{ name: 'anywhere-to-done', then: [{ type: 'goTo', step: 'done' }] }, { name: 'nowhere', steps: ['submit'], then: [{ type: 'goTo', step: 'missing' }] }],
    });

    expect(graph.edges.filter((edge) => edge.kind === 'rule').map((edge) => edge.source)).toEqual(['submit', 'managerApproval', 'financeReview', 'rework', 'payment']);
    expect(graph.dangling).toEqual(['submit → missing (nowhere): there is no step "missing".']);
  });

  it('finds the step a validation problem path points at', () => {
    expect(stepOfProblemPath(process, '$.steps[2].assignee')).toBe('financeReview');
    expect(stepOfProblemPath(process, '$.start')).toBeNull();
  });
});

describe('layoutGraph', () => {
  it('places every step, the start to the left of what follows it', async () => {
    const positions = await layoutGraph(buildProcessGraph(process, rules));

    expect(Object.keys(positions).sort()).toEqual(['done', 'financeReview', 'managerApproval', 'payment', 'rework', 'submit']);
    expect(positions['submit']!.x).toBeLessThan(positions['managerApproval']!.x);
    expect(positions['payment']!.x).toBeLessThan(positions['done']!.x);
  });
});
