import { describe, expect, it } from 'vitest';
import { fieldTypes } from './fieldTypes';
import { emptyForm, fromMetadata, toMetadata } from './formDraft';

const expenseClaim = {
  key: 'expense-claim',
  name: 'Expense claim',
  fields: [
    { key: 'isTravel', type: 'boolean', label: 'Business trip' },
    { key: 'destination', type: 'text', label: 'Destination', visibleWhen: 'isTravel', requiredWhen: 'isTravel' },
    {
      key: 'lines',
      type: 'repeating',
      label: 'Expense lines',
      fields: [
        { key: 'category', type: 'select', required: true, options: [{ value: 'travel', label: 'Travel' }, { value: 'meals' }] },
        { key: 'amount', type: 'number', required: true, min: 0.01 },
      ],
      minRows: 1,
      maxRows: 50,
    },
    { key: 'total', type: 'computed', label: 'Total', computed: "round(sum(lines, 'amount'), 2)" },
  ],
  validations: [{ key: 'totalIsPositive', expression: 'total > 0', message: 'Add a line.', fields: ['lines'] }],
};

describe('form drafts', () => {
  it('round-trips canonical metadata unchanged', () => {
    const { draft, problems } = fromMetadata(expenseClaim);

    expect(problems).toEqual([]);
    expect(JSON.stringify(toMetadata(draft))).toBe(JSON.stringify(expenseClaim));
  });

  it('leaves defaults and properties that do not apply to the type out of the metadata', () => {
    const { draft } = fromMetadata({ key: 'f', name: 'F', fields: [{ key: 'a', type: 'text' }] });
    const field = { ...draft.fields[0]!, props: { label: '', required: false, min: 3, maxLength: 10, options: [] } };

    expect(toMetadata({ ...draft, fields: [field] })).toEqual({ key: 'f', name: 'F', fields: [{ key: 'a', type: 'text', maxLength: 10 }] });
  });

  it('reports what it cannot read instead of dropping it silently', () => {
    const { draft, problems } = fromMetadata({ key: 'f', name: 'F', fields: [{ key: 'a', type: 'slider' }, { key: 'b', type: 'text', colour: 'red' }] });

    expect(draft.fields.map((field) => field.key)).toEqual(['b']);
    expect(problems).toEqual(["$.fields[0].type 'slider' is not a field type and the field was left out.", '$.fields[1].colour is not a field property the builder knows and was left out.']);
  });

  it('writes an empty form with its key and name', () => {
    expect(toMetadata(emptyForm('leave', 'Leave'))).toEqual({ key: 'leave', name: 'Leave', fields: [] });
  });

  it('offers all sixteen field types of the metadata reference', () => {
    expect(fieldTypes).toHaveLength(16);
  });
});
