import { describe, expect, it } from 'vitest';
import { builderReducer, flatten, initialState, type BuilderAction, type BuilderState } from './builderState';
import { fieldTypes } from './fieldTypes';
import { emptyForm, toMetadata } from './formDraft';

function run(...actions: BuilderAction[]): BuilderState {
  return actions.reduce(builderReducer, initialState(emptyForm('claim', 'Claim')));
}

function keys(state: BuilderState): string[] {
  return flatten(state.present.fields).map(({ field, depth }) => `${'>'.repeat(depth)}${field.key}`);
}

function idOf(state: BuilderState, key: string): string {
  return flatten(state.present.fields).find(({ field }) => field.key === key)!.field.id;
}

describe('the form builder state', () => {
  it('adds a field of every type with a unique key and selects it', () => {
    const state = run(...fieldTypes.map((fieldType): BuilderAction => ({ type: 'addField', fieldType })), { type: 'addField', fieldType: 'text' });

    expect(keys(state)).toEqual([...fieldTypes.map((type) => `${type}1`), 'text2']);
    expect(state.selectedId).toBe(idOf(state, 'text2'));
    const metadata = toMetadata(state.present) as { fields: Record<string, unknown>[] };
    expect(metadata.fields.find((field) => field['type'] === 'select')).toMatchObject({ options: [{ value: 'option1', label: 'Option 1' }, { value: 'option2', label: 'Option 2' }] });
    expect(metadata.fields.find((field) => field['type'] === 'computed')).toMatchObject({ computed: '0' });
    expect(metadata.fields.find((field) => field['type'] === 'group')).toMatchObject({ fields: [] });
  });

  it('reorders a field by moving it up and down, and stops at the ends', () => {
    let state = run({ type: 'addField', fieldType: 'text' }, { type: 'addField', fieldType: 'number' }, { type: 'addField', fieldType: 'date' });

    state = builderReducer(state, { type: 'moveBy', id: idOf(state, 'date1'), offset: -1 });
    expect(keys(state)).toEqual(['text1', 'date1', 'number1']);
    const unchanged = builderReducer(state, { type: 'moveBy', id: idOf(state, 'text1'), offset: -1 });
    expect(unchanged).toBe(state);
  });

  it('nests fields into groups and repeating groups and takes them out again', () => {
    let state = run({ type: 'addField', fieldType: 'group' }, { type: 'addField', fieldType: 'repeating' }, { type: 'addField', fieldType: 'text' }, { type: 'addField', fieldType: 'number' });

    state = builderReducer(state, { type: 'moveField', id: idOf(state, 'text1'), parentId: idOf(state, 'group1'), index: 0 });
    state = builderReducer(state, { type: 'moveField', id: idOf(state, 'number1'), parentId: idOf(state, 'repeating1'), index: 0 });
    state = builderReducer(state, { type: 'addField', fieldType: 'email', parentId: idOf(state, 'group1') });
    expect(keys(state)).toEqual(['group1', '>text1', '>email1', 'repeating1', '>number1']);
    expect(toMetadata(state.present)['fields']).toEqual([
      { key: 'group1', type: 'group', label: 'Group 1', fields: [{ key: 'text1', type: 'text', label: 'Text 1' }, { key: 'email1', type: 'email', label: 'E-mail 1' }] },
      { key: 'repeating1', type: 'repeating', label: 'Repeating group 1', fields: [{ key: 'number1', type: 'number', label: 'Number 1' }] },
    ]);

    state = builderReducer(state, { type: 'moveField', id: idOf(state, 'email1'), parentId: null, index: 0 });
    expect(keys(state)).toEqual(['email1', 'group1', '>text1', 'repeating1', '>number1']);
  });

  it('refuses to nest a group into itself, its own fields or a field that is not a group', () => {
    let state = run({ type: 'addField', fieldType: 'group' }, { type: 'addField', fieldType: 'group' }, { type: 'addField', fieldType: 'text' });
    state = builderReducer(state, { type: 'moveField', id: idOf(state, 'group2'), parentId: idOf(state, 'group1'), index: 0 });

    expect(builderReducer(state, { type: 'moveField', id: idOf(state, 'group1'), parentId: idOf(state, 'group1'), index: 0 })).toBe(state);
    expect(builderReducer(state, { type: 'moveField', id: idOf(state, 'group1'), parentId: idOf(state, 'group2'), index: 0 })).toBe(state);
    expect(builderReducer(state, { type: 'moveField', id: idOf(state, 'group1'), parentId: idOf(state, 'text1'), index: 0 })).toBe(state);
  });

  it('deletes a field with its nested fields and clears the selection', () => {
    let state = run({ type: 'addField', fieldType: 'group' }, { type: 'addField', fieldType: 'text' });
    state = builderReducer(state, { type: 'addField', fieldType: 'number', parentId: idOf(state, 'group1') });

    state = builderReducer(state, { type: 'removeField', id: idOf(state, 'group1') });

    expect(keys(state)).toEqual(['text1']);
    expect(state.selectedId).toBeNull();
  });

  it('updates properties, removes one set to undefined, and drops what a new type does not take', () => {
    let state = run({ type: 'addField', fieldType: 'number' });
    const id = idOf(state, 'number1');
    state = builderReducer(state, { type: 'setKey', id, key: 'amount' });
    state = builderReducer(state, { type: 'setProperties', id, props: { min: 1, max: 10, required: true, visibleWhen: 'isTravel' } });
    state = builderReducer(state, { type: 'setProperties', id, props: { max: undefined } });

    expect(toMetadata(state.present)['fields']).toEqual([{ key: 'amount', type: 'number', label: 'Number 1', required: true, min: 1, visibleWhen: 'isTravel' }]);

    state = builderReducer(state, { type: 'changeType', id, fieldType: 'text' });
    expect(toMetadata(state.present)['fields']).toEqual([{ key: 'amount', type: 'text', label: 'Number 1', required: true, visibleWhen: 'isTravel' }]);
  });

  it('undoes and redoes every change, typing into one property counting as one step', () => {
    let state = run({ type: 'addField', fieldType: 'text' });
    const id = idOf(state, 'text1');
    for (const label of ['N', 'Na', 'Nam', 'Name']) {
      state = builderReducer(state, { type: 'setProperties', id, props: { label } });
    }
    state = builderReducer(state, { type: 'addField', fieldType: 'number' });

    state = builderReducer(state, { type: 'undo' });
    expect(keys(state)).toEqual(['text1']);
    expect(state.present.fields[0]!.props['label']).toBe('Name');
    state = builderReducer(state, { type: 'undo' });
    expect(state.present.fields[0]!.props['label']).toBe('Text 1');
    state = builderReducer(state, { type: 'undo' });
    expect(keys(state)).toEqual([]);
    expect(builderReducer(state, { type: 'undo' })).toBe(state);

    state = builderReducer(builderReducer(state, { type: 'redo' }), { type: 'redo' });
    expect(state.present.fields[0]!.props['label']).toBe('Name');
    state = builderReducer(state, { type: 'redo' });
    expect(keys(state)).toEqual(['text1', 'number1']);
    expect(builderReducer(state, { type: 'redo' })).toBe(state);
  });

  it('forgets the redo steps once a new change is made', () => {
    let state = run({ type: 'addField', fieldType: 'text' }, { type: 'addField', fieldType: 'number' }, { type: 'undo' });
    state = builderReducer(state, { type: 'addField', fieldType: 'date' });

    expect(builderReducer(state, { type: 'redo' })).toBe(state);
    expect(keys(state)).toEqual(['text1', 'date1']);
  });

  it('adds, edits and removes cross-field validations', () => {
    let state = run({ type: 'addValidation' });
    const id = state.present.validations[0]!.id;
    state = builderReducer(state, { type: 'updateValidation', id, patch: { expression: 'a < b', message: 'A before B.', fields: ['b'] } });

    expect(toMetadata(state.present)['validations']).toEqual([{ key: 'check1', expression: 'a < b', message: 'A before B.', fields: ['b'] }]);
    state = builderReducer(state, { type: 'removeValidation', id });
    expect(toMetadata(state.present)['validations']).toBeUndefined();
  });

  it('takes a whole other version as one step that undo gives back', () => {
    let state = run({ type: 'addField', fieldType: 'text' });
    const mine = state.present;
    state = builderReducer(state, { type: 'replace', draft: { ...emptyForm('claim', 'Theirs') } });

    expect(state.present.name).toBe('Theirs');
    expect(builderReducer(state, { type: 'undo' }).present).toBe(mine);
  });
});
