import type { DefinitionKind } from '../api/definitions';

export interface DefinitionPageCopy {
  readonly kind: DefinitionKind;
  readonly singular: string;
  readonly plural: string;
  readonly emptyHint: string;
}

export const definitionPageCopy: Readonly<Record<DefinitionKind, DefinitionPageCopy>> = {
  form: {
    kind: 'form',
    singular: 'form',
    plural: 'forms',
    emptyHint: 'Forms collect the data a process step needs. Seed apps and published forms appear here.',
  },
  process: {
    kind: 'process',
    singular: 'process',
    plural: 'processes',
    emptyHint: 'Processes chain form tasks, approvals, automatic steps and timers. Published processes appear here.',
  },
  ruleSet: {
    kind: 'ruleSet',
    singular: 'rule set',
    plural: 'rule sets',
    emptyHint: 'Rule sets decide routing and react to exceptions. Published rule sets take effect live.',
  },
};
