import { describe, expect, it } from 'vitest';
import { diffJson } from './jsonDiff';

describe('diffJson', () => {
  it('names fields by key, so an inserted field is one addition', () => {
    const before = { name: 'Claim', fields: [{ key: 'a', type: 'text' }, { key: 'b', type: 'number', min: 1 }] };
    const after = { name: 'Claim form', fields: [{ key: 'x', type: 'date' }, { key: 'a', type: 'text', label: 'A' }, { key: 'b', type: 'number' }] };

    expect(diffJson(before, after)).toEqual([
      { path: '$.name', change: 'changed', before: 'Claim', after: 'Claim form' },
      { path: '$.fields[a].label', change: 'added', after: 'A' },
      { path: '$.fields[b].min', change: 'removed', before: 1 },
      { path: '$.fields[x]', change: 'added', after: { key: 'x', type: 'date' } },
    ]);
  });

  it('reports a reorder once, and nothing for equal values', () => {
    const fields = [{ key: 'a' }, { key: 'b' }];

    expect(diffJson({ fields }, { fields: [...fields].reverse() })).toEqual([{ path: '$.fields (order)', change: 'changed', before: ['a', 'b'], after: ['b', 'a'] }]);
    expect(diffJson({ fields }, { fields })).toEqual([]);
  });

  it('compares lists without keys by position', () => {
    expect(diffJson({ accept: ['.pdf'] }, { accept: ['.pdf', '.png'] })).toEqual([{ path: '$.accept[1]', change: 'added', after: '.png' }]);
  });
});
