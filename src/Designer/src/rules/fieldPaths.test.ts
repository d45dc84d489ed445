import { describe, expect, it } from 'vitest';
import { fieldChoices } from './fieldPaths';

describe('fieldChoices', () => {
  it('offers the fields of every form the processes show, groups as dotted paths, lists left out', () => {
    const forms = new Map<string, unknown>([
      ['claim', { fields: [{ key: 'total', type: 'number', label: 'Total' }, { key: 'employee', type: 'group', fields: [{ key: 'email', type: 'email' }] }, { key: 'lines', type: 'repeatingGroup', fields: [{ key: 'amount', type: 'number' }] }] }],
      ['review', { fields: [{ key: 'total', type: 'number', label: 'Other' }, { key: 'comment', type: 'textarea' }] }],
    ]);
    const processes = [{ key: 'p', name: 'P', steps: [{ key: 'a', type: 'formTask', form: 'claim' }, { key: 'b', type: 'approval', form: 'review' }, { key: 'c', type: 'end' }] }];

    expect(fieldChoices(processes, forms)).toEqual([
      { path: 'total', label: 'Total', form: 'claim' },
      { path: 'employee.email', label: 'email', form: 'claim' },
      { path: 'lines', label: 'lines', form: 'claim' },
      { path: 'comment', label: 'comment', form: 'review' },
    ]);
  });
});
