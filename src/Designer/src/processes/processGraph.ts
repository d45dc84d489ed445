import { isStepKind, type ProcessJson, type RuleSetJson, type StepJson, type StepKind } from './definitionTypes';

/** How an edge came to be: a step's own `next`, an outcome's transition, a parallel branch, or a rule's `goTo`. */
export type EdgeKind = 'next' | 'transition' | 'branch' | 'rule';

export interface GraphNode {
  readonly id: string;
  readonly kind: StepKind | 'unknown';
  readonly label: string;
  /** A short line under the label: the form, who works on it, the wait. */
  readonly detail: string | null;
  readonly isStart: boolean;
  readonly step: StepJson;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  /** The outcome of a transition, or the name of the rule that routes. */
  readonly label: string | null;
  /** For a rule edge: the rule, its salience and whether it is switched off (drawn dashed, never routes). */
  readonly rule?: { readonly name: string; readonly salience: number; readonly disabled: boolean };
}

export interface ProcessGraphModel {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Edges that point at a step the process lacks, in words; the graph leaves them out. */
  readonly dangling: readonly string[];
}

/**
 * Maps a process definition (and the rule set that routes it) to the nodes and edges the graph draws. A rule's
 * `goTo` becomes one edge per step it may leave: the steps it is restricted to, or every step that can finish when it
 * names none. Pure, so the editor and the analytics overlay draw the same thing.
 */
export function buildProcessGraph(process: ProcessJson, ruleSet?: RuleSetJson | null): ProcessGraphModel {
  const steps = Array.isArray(process.steps) ? process.steps : [];
  const keys = new Set(steps.map((step) => step.key));
  const start = process.start ?? steps[0]?.key;
  const nodes: GraphNode[] = steps.map((step) => ({
    id: step.key,
    kind: isStepKind(step.type) ? step.type : 'unknown',
    label: step.name && step.name.trim() !== '' ? step.name : step.key,
    detail: stepDetail(step),
    isStart: step.key === start,
    step,
  }));

  const edges: GraphEdge[] = [];
  const dangling: string[] = [];
  const seen = new Set<string>();
  const add = (edge: GraphEdge) => {
    if (!keys.has(edge.target)) {
      dangling.push(`${edge.source} → ${edge.target} (${edge.label ?? edge.kind}): there is no step "${edge.target}".`);
      return;
    }
    if (!seen.has(edge.id)) {
      seen.add(edge.id);
      edges.push(edge);
    }
  };

  for (const step of steps) {
    if (step.next) {
      add({ id: `next:${step.key}->${step.next}`, source: step.key, target: step.next, kind: 'next', label: null });
    }
    for (const [outcome, target] of Object.entries<string>(step.transitions ?? {})) {
      add({ id: `transition:${step.key}:${outcome}->${target}`, source: step.key, target, kind: 'transition', label: outcome });
    }
    for (const target of step.branches ?? []) {
      add({ id: `branch:${step.key}->${target}`, source: step.key, target, kind: 'branch', label: null });
    }
  }

  const finishing = steps.filter((step) => step.type !== 'end' && step.type !== 'parallelSplit').map((step) => step.key);
  for (const rule of ruleSet?.rules ?? []) {
    const goTo = rule.then?.find((action) => action.type === 'goTo');
    if (!goTo?.step) {
      continue;
    }
    const sources = rule.steps && rule.steps.length > 0 ? rule.steps.filter((key) => keys.has(key)) : finishing;
    for (const source of sources) {
      if (source === goTo.step && !(rule.steps ?? []).includes(source)) {
        continue;
      }
      add({
        id: ruleEdgeId(rule.name, source, goTo.step),
        source,
        target: goTo.step,
        kind: 'rule',
        label: rule.name,
        rule: { name: rule.name, salience: rule.salience ?? 0, disabled: rule.disabled === true },
      });
    }
  }

  return { nodes, edges, dangling };
}

export function ruleEdgeId(rule: string, source: string, target: string): string {
  return `rule:${rule}:${source}->${target}`;
}

/** The one line a node shows under its name. */
export function stepDetail(step: StepJson): string | null {
  switch (step.type) {
    case 'formTask':
    case 'approval': {
      const who = step.assignee?.role ?? step.assignee?.user ?? step.assignee?.expression;
      const parts = [step.form ? `form ${step.form}` : null, who ? `by ${who}` : null, step.sla ? `SLA ${step.sla}` : null];
      return parts.filter((part) => part !== null).join(' · ') || null;
    }
    case 'webhook':
      return step.webhook ? `${step.webhook.connection ?? ''}${step.webhook.url ?? ''}` || null : null;
    case 'timer':
      return step.duration ? `waits ${step.duration}` : step.until ? `until ${step.until}` : null;
    case 'signal':
      return step.signal ? `signal ${step.signal}` : null;
    case 'script':
      return step.set && step.set.length > 0 ? `sets ${step.set.map((entry) => entry.path).join(', ')}` : null;
    default:
      return null;
  }
}

/**
 * Which step a validation problem's JSON path points at (`$.steps[2].form` → the third step's key), so the editor can
 * mark the node; null for a problem of the process as a whole.
 */
export function stepOfProblemPath(process: ProcessJson, path: string): string | null {
  const match = /^\$\.steps\[(\d+)\]/.exec(path);
  if (!match) {
    return null;
  }
  return process.steps[Number(match[1])]?.key ?? null;
}
