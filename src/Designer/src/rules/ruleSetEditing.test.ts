import { describe, expect, it } from 'vitest';
import type { RuleSetJson } from '../processes/definitionTypes';
import {
  addAction,
  addCondition,
  addRule,
  parseConditionValue,
  removeCondition,
  removeRule,
  ruleIndexOfPath,
  setCondition,
  setEnabled,
  structuredToExpression,
  updateRule,
} from './ruleSetEditing';

const base: RuleSetJson = {
  key: 'routing',
  name: 'Routing',
  rules: [
    { name: 'large', salience: 100, steps: ['review'], when: [{ path: 'total', op: '>', value: 1000 }], then: [{ type: 'goTo', step: 'finance' }] },
    { name: 'other', salience: 50, then: [{ type: 'goTo', step: 'pay' }] },
  ],
};

describe('rule set editing', () => {
  it('adds a rule with a fresh name at the end and removes one', () => {
    const first = addRule(base);
    const second = addRule(first.ruleSet);

    expect(first.index).toBe(2);
    expect(second.ruleSet.rules!.map((rule) => rule.name)).toEqual(['large', 'other', 'new-rule', 'new-rule-2']);
    expect(removeRule(second.ruleSet, 0).rules!.map((rule) => rule.name)).toEqual(['other', 'new-rule', 'new-rule-2']);
  });

  it('disables a rule with disabled: true and enables it by leaving the property out', () => {
    const off = setEnabled(base, 1, false);
    const on = setEnabled(off, 1, true);

    expect(off.rules![1]!.disabled).toBe(true);
    expect('disabled' in on.rules![1]!).toBe(false);
  });

  it('changes salience without touching the other rules or the input', () => {
    const changed = updateRule(base, 0, { salience: 10 });

    expect(changed.rules![0]!.salience).toBe(10);
    expect(base.rules![0]!.salience).toBe(100);
    expect(changed.rules![1]).toBe(base.rules![1]);
  });

  it('edits, adds and removes conditions and actions', () => {
    let ruleSet = setCondition(base, 0, 0, { path: 'total', op: '>', value: 500 });
    ruleSet = addCondition(ruleSet, 0, { expression: "country === 'DE'" });
    ruleSet = addAction(ruleSet, 0, { type: 'setData', path: 'level', value: 'finance' });

    expect(ruleSet.rules![0]!.when).toEqual([{ path: 'total', op: '>', value: 500 }, { expression: "country === 'DE'" }]);
    expect(ruleSet.rules![0]!.then.map((action) => action.type)).toEqual(['goTo', 'setData']);
    expect(removeCondition(ruleSet, 0, 0).rules![0]!.when).toEqual([{ expression: "country === 'DE'" }]);
  });

  it('reads typed values as numbers, booleans, lists or text', () => {
    expect(parseConditionValue('>', '1000')).toBe(1000);
    expect(parseConditionValue('==', 'true')).toBe(true);
    expect(parseConditionValue('==', 'approved')).toBe('approved');
    expect(parseConditionValue('in', 'PA, KY')).toEqual(['PA', 'KY']);
    expect(parseConditionValue('between', '100, 500')).toEqual([100, 500]);
  });

  it('turns a structured test into the expression it means', () => {
    expect(structuredToExpression({ path: 'total', op: '>', value: 1000 })).toBe('total > 1000');
    expect(structuredToExpression({ fact: 'task', path: 'outcome', op: '==', value: 'approved' })).toBe('event.outcome === "approved"');
    expect(structuredToExpression({ path: 'code', op: 'matches', value: '^A' })).toBeNull();
  });

  it('finds the rule a problem path points at', () => {
    expect(ruleIndexOfPath('$.rules[3].when[0].op')).toBe(3);
    expect(ruleIndexOfPath('$.key')).toBeNull();
  });
});
