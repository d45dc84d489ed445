/** The process and rule set JSON as the definitions API stores it (docs/metadata.md); only what the designer reads. */

export type StepKind = 'formTask' | 'approval' | 'script' | 'webhook' | 'timer' | 'signal' | 'parallelSplit' | 'parallelJoin' | 'end';

export const stepKinds: readonly StepKind[] = ['formTask', 'approval', 'script', 'webhook', 'timer', 'signal', 'parallelSplit', 'parallelJoin', 'end'];

export const stepKindLabels: Readonly<Record<StepKind, string>> = {
  formTask: 'Form task',
  approval: 'Approval',
  script: 'Script',
  webhook: 'Webhook',
  timer: 'Timer',
  signal: 'Signal',
  parallelSplit: 'Parallel split',
  parallelJoin: 'Parallel join',
  end: 'End',
};

export interface AssigneeJson {
  readonly role?: string;
  readonly user?: string;
  readonly expression?: string;
}

export interface StepJson {
  readonly key: string;
  readonly type: string;
  readonly name?: string;
  readonly form?: string;
  readonly assignee?: AssigneeJson;
  readonly sla?: string;
  readonly next?: string;
  readonly transitions?: Readonly<Record<string, string>>;
  readonly outcomes?: readonly string[];
  readonly branches?: readonly string[];
  readonly webhook?: { readonly connection?: string; readonly url?: string; readonly method?: string; readonly retries?: number };
  readonly duration?: string;
  readonly until?: string;
  readonly signal?: string;
  readonly set?: readonly { readonly path: string; readonly expression: string }[];
}

export interface ProcessJson {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly start?: string;
  readonly steps: readonly StepJson[];
  readonly ruleSet?: string;
  readonly sla?: string;
}

export interface ConditionJson {
  readonly fact?: string;
  readonly path?: string;
  readonly op?: string;
  readonly value?: unknown;
  readonly expression?: string;
  readonly not?: unknown;
  readonly exists?: unknown;
}

export interface ActionJson {
  readonly type: string;
  readonly step?: string;
  readonly path?: string;
  readonly value?: unknown;
  readonly expression?: string;
  readonly code?: string;
  readonly message?: string;
  readonly severity?: string;
  readonly assignee?: AssigneeJson;
}

export interface RuleJson {
  readonly name: string;
  readonly description?: string;
  readonly salience?: number;
  readonly on?: string;
  readonly steps?: readonly string[];
  readonly when?: readonly ConditionJson[];
  readonly then: readonly ActionJson[];
  readonly disabled?: boolean;
}

export interface RuleSetJson {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly rules?: readonly RuleJson[];
}

export function isStepKind(value: string): value is StepKind {
  return (stepKinds as readonly string[]).includes(value);
}
