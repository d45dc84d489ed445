import type { ActionJson, ConditionJson, RuleJson, RuleSetJson } from '../processes/definitionTypes';

/** The state changes of the rule editor: pure, so they are tested without a browser. Each returns a new rule set. */

export const ruleEvents = ['taskCompleted', 'instanceStarted', 'slaBreached', 'validationFailed', 'webhookFailed', 'signalReceived', 'exceptionRaised'] as const;
export const conditionFacts = ['data', 'task', 'instance', 'event', 'exception'] as const;
export const operators = ['==', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith', 'in', 'notIn', 'between', 'matches', 'isEmpty', 'isNotEmpty'] as const;
export const actionTypes = ['goTo', 'setData', 'raiseException', 'resolveException', 'assign', 'notify'] as const;

export function rulesOf(ruleSet: RuleSetJson): readonly RuleJson[] {
  return ruleSet.rules ?? [];
}

function withRules(ruleSet: RuleSetJson, rules: readonly RuleJson[]): RuleSetJson {
  return { ...ruleSet, rules };
}

/** A new rule with a name not yet taken ("new-rule", "new-rule-2", ...), routing nowhere until given an action. */
export function addRule(ruleSet: RuleSetJson): { readonly ruleSet: RuleSetJson; readonly index: number } {
  const names = new Set(rulesOf(ruleSet).map((rule) => rule.name));
  let name = 'new-rule';
  for (let n = 2; names.has(name); n++) {
    name = `new-rule-${n}`;
  }
  const rule: RuleJson = { name, salience: 0, when: [{ path: '', op: '==', value: '' }], then: [{ type: 'goTo', step: '' }] };
  return { ruleSet: withRules(ruleSet, [...rulesOf(ruleSet), rule]), index: rulesOf(ruleSet).length };
}

export function updateRule(ruleSet: RuleSetJson, index: number, change: Partial<RuleJson>): RuleSetJson {
  return withRules(
    ruleSet,
    rulesOf(ruleSet).map((rule, i) => (i === index ? cleanRule({ ...rule, ...change }) : rule)),
  );
}

export function removeRule(ruleSet: RuleSetJson, index: number): RuleSetJson {
  return withRules(
    ruleSet,
    rulesOf(ruleSet).filter((_, i) => i !== index),
  );
}

/** Switches a rule on or off; an enabled rule leaves `disabled` out, as the seed files do. */
export function setEnabled(ruleSet: RuleSetJson, index: number, enabled: boolean): RuleSetJson {
  return updateRule(ruleSet, index, { disabled: !enabled });
}

export function setCondition(ruleSet: RuleSetJson, ruleIndex: number, conditionIndex: number, condition: ConditionJson): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  if (!rule) {
    return ruleSet;
  }
  const when = (rule.when ?? []).map((existing, i) => (i === conditionIndex ? condition : existing));
  return updateRule(ruleSet, ruleIndex, { when });
}

export function addCondition(ruleSet: RuleSetJson, ruleIndex: number, condition: ConditionJson = { path: '', op: '==', value: '' }): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  return rule ? updateRule(ruleSet, ruleIndex, { when: [...(rule.when ?? []), condition] }) : ruleSet;
}

export function removeCondition(ruleSet: RuleSetJson, ruleIndex: number, conditionIndex: number): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  return rule ? updateRule(ruleSet, ruleIndex, { when: (rule.when ?? []).filter((_, i) => i !== conditionIndex) }) : ruleSet;
}

export function setAction(ruleSet: RuleSetJson, ruleIndex: number, actionIndex: number, action: ActionJson): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  return rule ? updateRule(ruleSet, ruleIndex, { then: rule.then.map((existing, i) => (i === actionIndex ? action : existing)) }) : ruleSet;
}

export function addAction(ruleSet: RuleSetJson, ruleIndex: number, action: ActionJson): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  return rule ? updateRule(ruleSet, ruleIndex, { then: [...rule.then, action] }) : ruleSet;
}

export function removeAction(ruleSet: RuleSetJson, ruleIndex: number, actionIndex: number): RuleSetJson {
  const rule = rulesOf(ruleSet)[ruleIndex];
  return rule ? updateRule(ruleSet, ruleIndex, { then: rule.then.filter((_, i) => i !== actionIndex) }) : ruleSet;
}

/** Drops the properties that say nothing (`disabled: false`, an empty `steps`), so a saved draft diffs cleanly. */
function cleanRule(rule: RuleJson): RuleJson {
  const { disabled, steps, ...rest } = rule;
  return { ...rest, ...(disabled ? { disabled: true } : {}), ...(steps && steps.length > 0 ? { steps } : {}) };
}

export function isStructured(condition: ConditionJson): boolean {
  return condition.expression === undefined && condition.not === undefined && condition.exists === undefined;
}

/**
 * The expression a structured test means, to start expression mode from what the person already built
 * (`total > 1000`, `task.outcome == "approved"`); null for operators an expression spells differently.
 */
export function structuredToExpression(condition: ConditionJson): string | null {
  if (!condition.path || !condition.op) {
    return '';
  }
  // A condition expression sees the data's fields and `event` (type, step, outcome), which carries the task's outcome too.
  const fact = condition.fact ?? 'data';
  if (fact !== 'data' && fact !== 'task' && fact !== 'event') {
    return null;
  }
  const subject = fact === 'data' ? condition.path : `event.${condition.path}`;
  const value = JSON.stringify(condition.value ?? null);
  switch (condition.op) {
    case '==':
      return `${subject} === ${value}`;
    case '!=':
      return `${subject} !== ${value}`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `${subject} ${condition.op} ${value}`;
    case 'contains':
      return `${subject}.includes(${value})`;
    case 'startsWith':
      return `${subject}.startsWith(${value})`;
    case 'in':
      return `${value}.includes(${subject})`;
    default:
      return null;
  }
}

/**
 * What a person typed in a condition's value box, as the JSON the rule stores: a number or boolean when it reads as
 * one, a list for `in`/`notIn`/`between` (comma-separated), else the text.
 */
export function parseConditionValue(op: string, text: string): unknown {
  if (op === 'in' || op === 'notIn' || op === 'between') {
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => scalar(part));
  }
  return op === 'matches' ? text : scalar(text.trim());
}

function scalar(text: string): unknown {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  if (text !== '' && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  return text;
}

export function formatConditionValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => String(item)).join(', ');
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Which rule a problem path (`$.rules[2].when[0].op`) belongs to; null for the rule set as a whole. */
export function ruleIndexOfPath(path: string): number | null {
  const match = /^\$\.rules\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
}

/** The step a rule routes to, if it routes. */
export function goToOf(rule: RuleJson): string | null {
  return rule.then.find((action) => action.type === 'goTo')?.step ?? null;
}
