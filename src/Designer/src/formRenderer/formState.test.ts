import { describe, expect, it } from 'vitest';
import { addRow, fieldView, fileIds, fromInputText, getAt, indexEvaluation, initialData, parsePath, removeRow, setAt, toInputText, uploadFieldKey } from './formState';

describe('formState', () => {
  it('parses server paths into keys and row numbers', () => {
    expect(parsePath('lines[2].amount')).toEqual(['lines', 2, 'amount']);
    expect(parsePath('employee.employeeName')).toEqual(['employee', 'employeeName']);
  });

  it('writes a value into a group and a row without touching the original', () => {
    const data = { lines: [{ amount: 1 }] };
    const next = setAt(setAt(data, 'lines[0].amount', 5), 'employee.employeeName', 'Ann');
    expect(getAt(next, 'lines[0].amount')).toBe(5);
    expect(getAt(next, 'employee.employeeName')).toBe('Ann');
    expect(data.lines[0]?.amount).toBe(1);
  });

  it('adds rows with column defaults and removes a row by position', () => {
    const columns = [{ key: 'currency', type: 'select', default: 'EUR' }, { key: 'amount', type: 'number' }];
    const twoRows = addRow(addRow({}, 'lines', columns), 'lines', columns);
    expect(twoRows).toEqual({ lines: [{ currency: 'EUR' }, { currency: 'EUR' }] });
    expect(removeRow(setAt(twoRows, 'lines[1].amount', 3), 'lines', 0)).toEqual({ lines: [{ currency: 'EUR', amount: 3 }] });
  });

  it('sends a number field\'s text as a number when it is one and as typed otherwise', () => {
    expect(fromInputText('number', '12.5')).toBe(12.5);
    expect(fromInputText('integer', 'abc')).toBe('abc');
    expect(fromInputText('text', '  ')).toBeNull();
    expect(toInputText('datetime', '2026-01-31T07:30:00Z')).toBe('2026-01-31T07:30');
  });

  it('hides a conditional field until the server has answered, then follows the server', () => {
    const field = { key: 'destination', type: 'text', visibleWhen: 'isTravel' };
    expect(fieldView(field, 'destination', indexEvaluation(null)).visible).toBe(false);
    const index = indexEvaluation({ valid: true, values: {}, errors: [], fields: [{ path: 'destination', key: 'destination', visible: true, required: true, readonly: false }] });
    expect(fieldView(field, 'destination', index)).toEqual({ visible: true, required: true, readonly: false });
  });

  it('lets a completion\'s problems replace the evaluation\'s errors', () => {
    const index = indexEvaluation({ valid: false, values: {}, fields: [], errors: [{ path: 'a', code: 'required', message: 'A is required.' }] }, [{ path: 'b', code: 'validation', message: 'B is wrong.' }]);
    expect(index.errors.has('a')).toBe(false);
    expect(index.errors.get('b')?.[0]?.message).toBe('B is wrong.');
  });

  it('reads file ids from an id, a file object or a list, and names the upload field without row numbers', () => {
    expect(fileIds('f1')).toEqual(['f1']);
    expect(fileIds([{ id: 'f2', name: 'a.pdf' }, 'f3'])).toEqual(['f2', 'f3']);
    expect(uploadFieldKey('owners[1].passport')).toBe('owners.passport');
  });

  it('starts a form with the prefill, defaults and the rows a table needs at least', () => {
    const form = { key: 'f', name: 'F', fields: [{ key: 'currency', type: 'select', default: 'EUR' }, { key: 'lines', type: 'repeating', minRows: 1, fields: [{ key: 'amount', type: 'number' }] }] };
    expect(initialData(form, { currency: 'USD' })).toEqual({ currency: 'USD', lines: [{}] });
    expect(initialData(form, { lines: [] })).toEqual({ currency: 'EUR', lines: [{}] });
  });
});
