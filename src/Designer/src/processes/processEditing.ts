import type { ProcessJson, StepJson, StepKind } from './definitionTypes';
import type { GraphEdge } from './processGraph';

/** The process editor's state changes: pure, so they are tested without a browser. Each returns a new process. */

export type ConnectionKind = 'next' | 'transition' | 'branch';

/** What a new step of each kind starts with: the properties its kind requires, empty for the person to fill. */
export function blankStep(key: string, kind: StepKind): StepJson {
  switch (kind) {
    case 'formTask':
      return { key, type: kind, form: '', assignee: { role: '' } };
    case 'approval':
      return { key, type: kind, assignee: { role: '' }, outcomes: ['approved', 'rejected'] };
    case 'script':
      return { key, type: kind, set: [{ path: '', expression: '' }] };
    case 'webhook':
      return { key, type: kind, webhook: { connection: '', url: '' } };
    case 'timer':
      return { key, type: kind, duration: 'PT1H' };
    case 'signal':
      return { key, type: kind, signal: key };
    case 'parallelSplit':
      return { key, type: kind, branches: [] };
    default:
      return { key, type: kind };
  }
}

export function stepKeyProblem(process: ProcessJson, key: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) {
    return 'A step key starts with a letter and uses only letters, digits, - and _, e.g. "managerApproval".';
  }
  return process.steps.some((step) => step.key === key) ? `There is already a step "${key}".` : null;
}

/** Adds a step before the first end step, so the list reads in the order work flows. */
export function addStep(process: ProcessJson, step: StepJson): ProcessJson {
  const endIndex = process.steps.findIndex((existing) => existing.type === 'end');
  const steps = [...process.steps];
  steps.splice(endIndex < 0 || step.type === 'end' ? steps.length : endIndex, 0, step);
  return { ...process, steps };
}

export function updateStep(process: ProcessJson, key: string, change: Partial<StepJson>): ProcessJson {
  return { ...process, steps: process.steps.map((step) => (step.key === key ? dropEmpty({ ...step, ...change }) : step)) };
}

/** Removes a step and every way into it (next, transitions, branches, start). */
export function removeStep(process: ProcessJson, key: string): ProcessJson {
  const steps = process.steps
    .filter((step) => step.key !== key)
    .map((step) => {
      let next: StepJson = step;
      if (step.next === key) {
        const { next: _removed, ...rest } = next;
        next = rest;
      }
      if (step.transitions && Object.values(step.transitions).includes(key)) {
        next = { ...next, transitions: Object.fromEntries(Object.entries(step.transitions).filter(([, target]) => target !== key)) };
      }
      if (step.branches?.includes(key)) {
        next = { ...next, branches: step.branches.filter((branch) => branch !== key) };
      }
      return next;
    });
  const { start, ...rest } = process;
  return start === key ? { ...rest, steps } : { ...process, steps };
}

/** Connects two steps: `next`, an outcome's transition (the outcome is added to an approval's outcomes), or a branch. */
export function connect(process: ProcessJson, from: string, to: string, kind: ConnectionKind, outcome?: string): ProcessJson {
  const source = process.steps.find((step) => step.key === from);
  if (!source) {
    return process;
  }
  switch (kind) {
    case 'next':
      return updateStep(process, from, { next: to });
    case 'transition': {
      const name = (outcome ?? '').trim();
      const outcomes = source.type === 'approval' && !(source.outcomes ?? []).includes(name) ? { outcomes: [...(source.outcomes ?? []), name] } : {};
      return updateStep(process, from, { transitions: { ...(source.transitions ?? {}), [name]: to }, ...outcomes });
    }
    case 'branch':
      return updateStep(process, from, { branches: [...new Set([...(source.branches ?? []), to])] });
  }
}

/** Removes the connection an edge of the graph draws; rule edges belong to the rule set and are left alone. */
export function disconnect(process: ProcessJson, edge: GraphEdge): ProcessJson {
  const source = process.steps.find((step) => step.key === edge.source);
  if (!source) {
    return process;
  }
  switch (edge.kind) {
    case 'next': {
      const { next: _removed, ...rest } = source;
      return { ...process, steps: process.steps.map((step) => (step.key === source.key ? rest : step)) };
    }
    case 'transition':
      return updateStep(process, source.key, {
        transitions: Object.fromEntries(Object.entries(source.transitions ?? {}).filter(([outcome]) => outcome !== edge.label)),
      });
    case 'branch':
      return updateStep(process, source.key, { branches: (source.branches ?? []).filter((branch) => branch !== edge.target) });
    default:
      return process;
  }
}

/** Leaves out properties set to nothing, so a draft never carries `"sla": ""` the validator would reject. */
function dropEmpty(step: StepJson): StepJson {
  const entries = Object.entries(step).filter(([name, value]) => {
    if (name === 'key' || name === 'type') {
      return true;
    }
    if (value === '' || value === undefined || value === null) {
      return false;
    }
    return !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0 && name === 'transitions');
  });
  return Object.fromEntries(entries) as unknown as StepJson;
}
