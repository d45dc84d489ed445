import { describe, expect, it } from 'vitest';
import { ruleVerdicts, traceEntries } from './decisionTrace';
import { humanize, isOverdue, outcomeLabel } from './format';
import { instanceListVariables } from './InstancesPage';
import { linkToken } from './ExternalTaskPage';
import { unseenCount } from './NotificationBell';
import { taskListRequest } from './TasksPage';

describe('work pages', () => {
  it('explains a decision: the rule that decided first, then rules that fired, then rules that lost and why', () => {
    const trace = JSON.stringify({
      ruleSet: 'expense-routing',
      version: 3,
      entries: [
        { sequence: 1, kind: 'Matched', rule: 'large-claims-go-to-finance', salience: 100, facts: [], detail: null },
        { sequence: 2, kind: 'LostToExclusiveGroup', rule: 'other-route', salience: 10, facts: [], detail: 'large-claims-go-to-finance won (salience 100 > 10)' },
        { sequence: 3, kind: 'Fired', rule: 'large-claims-go-to-finance', salience: 100, facts: [], detail: null },
      ],
    });
    expect(traceEntries(trace)).toHaveLength(3);
    expect(ruleVerdicts({ routedBy: 'large-claims-go-to-finance', firedRules: ['large-claims-go-to-finance', 'flag-unusual'], trace })).toEqual([
      { rule: 'large-claims-go-to-finance', verdict: 'decided', why: 'Its goTo chose the route (salience 100).' },
      { rule: 'flag-unusual', verdict: 'fired', why: 'Fired, but did not decide the route.' },
      { rule: 'other-route', verdict: 'lost', why: 'Matched, but lost to the winning rule: large-claims-go-to-finance won (salience 100 > 10).' },
    ]);
    expect(traceEntries('not json')).toEqual([]);
  });

  it('asks the server for the inbox, or for every visible task with only the filters given', () => {
    const base = { view: 'all', status: 'ACTIVE', group: 'finance', processKey: ' expense-approval ', dueBefore: '', sort: 'DUE_AT' } as const;
    expect(taskListRequest({ ...base, view: 'inbox' }, null).variables).toEqual({ first: 20, after: null });
    expect(taskListRequest(base, 'c1').variables).toEqual({
      filter: { status: ['OPEN', 'CLAIMED'], group: 'finance', processKey: 'expense-approval' },
      orderBy: { field: 'DUE_AT', direction: 'ASC' },
      first: 20,
      after: 'c1',
    });
  });

  it('sends the instance filters that are filled in, and the order', () => {
    expect(instanceListVariables({ processKey: '', status: 'running', businessKey: '', startedBy: 'ann@example.com', startedAfter: '', direction: 'ASC' }, null)).toEqual({
      filter: { status: 'running', startedBy: 'ann@example.com' },
      orderBy: { direction: 'ASC' },
      first: 25,
      after: null,
    });
  });

  it('reads the link token from the fragment', () => {
    expect(linkToken('#token=abc%2Bdef')).toBe('abc+def');
    expect(linkToken('')).toBeNull();
  });

  it('counts notifications newer than the last look', () => {
    const list = [{ createdAt: '2026-03-02T10:00:00Z' }, { createdAt: '2026-03-01T10:00:00Z' }];
    expect(unseenCount(list, null)).toBe(2);
    expect(unseenCount(list, '2026-03-01T12:00:00Z')).toBe(1);
  });

  it('writes keys, outcomes and due dates for people', () => {
    expect(humanize('moreInformation')).toBe('More information');
    expect(humanize('NO_ROUTE')).toBe('No route');
    expect(outcomeLabel('approved')).toBe('Approve');
    expect(isOverdue('2026-03-01T00:00:00Z', new Date('2026-03-02T00:00:00Z'))).toBe(true);
  });
});
