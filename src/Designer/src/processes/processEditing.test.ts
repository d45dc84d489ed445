import { describe, expect, it } from 'vitest';
import type { ProcessJson } from './definitionTypes';
import { addStep, blankStep, connect, disconnect, removeStep, stepKeyProblem, updateStep } from './processEditing';
import { buildProcessGraph } from './processGraph';

const process: ProcessJson = {
  key: 'p',
  name: 'P',
  steps: [
    { key: 'submit', type: 'formTask', form: 'claim', assignee: { role: 'employee' }, next: 'review' },
    { key: 'review', type: 'approval', assignee: { role: 'manager' }, outcomes: ['approved'], transitions: { approved: 'done' } },
    { key: 'done', type: 'end' },
  ],
};

describe('process editing', () => {
  it('adds a step before the end step with what its kind requires', () => {
    const added = addStep(process, blankStep('pay', 'webhook'));

    expect(added.steps.map((step) => step.key)).toEqual(['submit', 'review', 'pay', 'done']);
    expect(added.steps[2]).toEqual({ key: 'pay', type: 'webhook', webhook: { connection: '', url: '' } });
  });

  it('rejects a key that is taken or not an identifier', () => {
    expect(stepKeyProblem(process, 'review')).toBe('There is already a step "review".');
    expect(stepKeyProblem(process, '1st')).toContain('starts with a letter');
    expect(stepKeyProblem(process, 'pay')).toBeNull();
  });

  it('connects by next, by an outcome (added to the approval) and by branch, and disconnects an edge', () => {
    let edited = connect(process, 'review', 'submit', 'transition', 'rejected');
    edited = connect(edited, 'submit', 'done', 'next');

    expect(edited.steps[1]).toMatchObject({ outcomes: ['approved', 'rejected'], transitions: { approved: 'done', rejected: 'submit' } });
    expect(edited.steps[0]!.next).toBe('done');
    const rejected = buildProcessGraph(edited).edges.find((edge) => edge.label === 'rejected')!;
    expect(disconnect(edited, rejected).steps[1]!.transitions).toEqual({ approved: 'done' });
  });

  it('removes a step with every way into it and drops emptied properties', () => {
    const removed = removeStep(process, 'review');

    expect(removed.steps.map((step) => step.key)).toEqual(['submit', 'done']);
    expect('next' in removed.steps[0]!).toBe(false);
    expect(updateStep(process, 'submit', { sla: '' }).steps[0]).not.toHaveProperty('sla');
  });
});
