import { describe, expect, it } from 'vitest';
import { fromMetadata } from './formDraft';
import { indexProblems, propertyOf } from './problemIndex';

describe('indexing definition problems', () => {
  it('names the property a field problem is about', () => {
    expect(propertyOf('$.fields[2].options[1].value')).toBe('options');
    expect(propertyOf('$.fields[1].fields[0].visibleWhen')).toBe('visibleWhen');
    expect(propertyOf('$.fields[2]')).toBe('');
    expect(propertyOf('$.validations[0].expression')).toBe('');
  });

  it('puts each problem on its field, and the rest on the form', () => {
    const { draft } = fromMetadata({ key: 'f', name: 'F', fields: [{ key: 'a', type: 'number' }, { key: 'b', type: 'text' }] });
    const index = indexProblems(draft.fields, [
      { path: '$.fields[1].visibleWhen', message: "'x' is not a field.", code: 'expression.unknownName' },
      { path: '$.fields[1].min', message: 'min does not apply.', code: 'field.constraintNotApplicable' },
      { path: '$.validations[0].expression', message: 'Empty.', code: 'expression.empty' },
    ]);

    expect(index.counts.get(draft.fields[1]!.id)).toBe(2);
    expect(index.byField.get(draft.fields[1]!.id)?.get('visibleWhen')).toEqual(["'x' is not a field."]);
    expect(index.form.map((problem) => problem.path)).toEqual(['$.validations[0].expression']);
  });
});
