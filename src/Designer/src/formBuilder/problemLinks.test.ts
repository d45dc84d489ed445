import { describe, expect, it } from 'vitest';
import { fromMetadata } from './formDraft';
import { fieldIdForDataPath, fieldIdForProblemPath } from './problemLinks';

const { draft } = fromMetadata({
  key: 'f',
  name: 'F',
  fields: [
    { key: 'amount', type: 'number' },
    { key: 'address', type: 'group', fields: [{ key: 'city', type: 'text' }] },
    { key: 'lines', type: 'repeating', fields: [{ key: 'cost', type: 'number' }] },
  ],
});
const [amount, address, lines] = draft.fields;

describe('linking problems to fields', () => {
  it('finds the deepest field a definition problem path reaches', () => {
    expect(fieldIdForProblemPath(draft.fields, '$.fields[0].min')).toBe(amount!.id);
    expect(fieldIdForProblemPath(draft.fields, '$.fields[1].fields[0].visibleWhen')).toBe(address!.fields[0]!.id);
    expect(fieldIdForProblemPath(draft.fields, '$.fields[1]')).toBe(address!.id);
    expect(fieldIdForProblemPath(draft.fields, '$.validations[0].expression')).toBeNull();
    expect(fieldIdForProblemPath(draft.fields, '$.fields[9].key')).toBeNull();
  });

  it('finds the field an evaluation error names by its data path', () => {
    expect(fieldIdForDataPath(draft.fields, 'amount')).toBe(amount!.id);
    expect(fieldIdForDataPath(draft.fields, 'address.city')).toBe(address!.fields[0]!.id);
    expect(fieldIdForDataPath(draft.fields, 'lines[2].cost')).toBe(lines!.fields[0]!.id);
    expect(fieldIdForDataPath(draft.fields, 'lines[2]')).toBe(lines!.id);
    expect(fieldIdForDataPath(draft.fields, '')).toBeNull();
  });
});
