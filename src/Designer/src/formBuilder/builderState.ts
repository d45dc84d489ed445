import { fieldTypeLabels, isContainer, propertyApplies, type FieldProperty, type FieldType } from './fieldTypes';
import { newId, type FieldDraft, type FormDraft, type ValidationDraft } from './formDraft';

/** The builder's state: the draft with its undo and redo stacks, and the selected field (not undoable). */
export interface BuilderState {
  readonly past: readonly FormDraft[];
  readonly present: FormDraft;
  readonly future: readonly FormDraft[];
  readonly selectedId: string | null;
  /** Edits with the same tag in a row (typing into one property) undo as one step. */
  readonly lastTag: string | null;
}

export type PropertyPatch = Readonly<Partial<Record<FieldProperty, unknown>>>;

export type BuilderAction =
  | { readonly type: 'load'; readonly draft: FormDraft }
  /** Replaces the whole draft as one undoable step (taking someone else's version after a conflict). */
  | { readonly type: 'replace'; readonly draft: FormDraft }
  | { readonly type: 'addField'; readonly fieldType: FieldType; readonly parentId?: string | null; readonly index?: number }
  | { readonly type: 'moveField'; readonly id: string; readonly parentId: string | null; readonly index: number }
  | { readonly type: 'moveBy'; readonly id: string; readonly offset: -1 | 1 }
  | { readonly type: 'removeField'; readonly id: string }
  | { readonly type: 'setKey'; readonly id: string; readonly key: string }
  | { readonly type: 'setProperties'; readonly id: string; readonly props: PropertyPatch }
  | { readonly type: 'changeType'; readonly id: string; readonly fieldType: FieldType }
  | { readonly type: 'setForm'; readonly key?: string; readonly name?: string; readonly description?: string }
  | { readonly type: 'addValidation' }
  | { readonly type: 'updateValidation'; readonly id: string; readonly patch: Partial<Omit<ValidationDraft, 'id'>> }
  | { readonly type: 'removeValidation'; readonly id: string }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** How many steps undo keeps. */
export const historyLimit = 100;

export function initialState(draft: FormDraft): BuilderState {
  return { past: [], present: draft, future: [], selectedId: null, lastTag: null };
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'load':
      return initialState(action.draft);
    case 'replace':
      return { ...commit(state, action.draft, null), selectedId: keepSelection(action.draft, state.selectedId) };
    case 'select':
      return { ...state, selectedId: action.id, lastTag: null };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) {
        return state;
      }
      return { ...state, past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastTag: null, selectedId: keepSelection(previous, state.selectedId) };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) {
        return state;
      }
      return { ...state, past: [...state.past, state.present], present: next, future: state.future.slice(1), lastTag: null, selectedId: keepSelection(next, state.selectedId) };
    }
    case 'addField': {
      const field = newField(action.fieldType, state.present);
      const fields = insertField(state.present.fields, field, action.parentId ?? null, action.index);
      return { ...commit(state, { ...state.present, fields }, null), selectedId: field.id };
    }
    case 'moveField': {
      if (action.parentId === action.id || (action.parentId !== null && isDescendant(state.present.fields, action.id, action.parentId))) {
        return state;
      }
      const parent = action.parentId === null ? null : findField(state.present.fields, action.parentId);
      if (action.parentId !== null && (!parent || !isContainer(parent.type))) {
        return state;
      }
      const { fields: without, removed } = removeField(state.present.fields, action.id);
      if (!removed) {
        return state;
      }
      return commit(state, { ...state.present, fields: insertField(without, removed, action.parentId, action.index) }, null);
    }
    case 'moveBy': {
      const location = locate(state.present.fields, action.id, null);
      if (!location) {
        return state;
      }
      const target = location.index + action.offset;
      if (target < 0 || target >= location.siblings.length) {
        return state;
      }
      return builderReducer(state, { type: 'moveField', id: action.id, parentId: location.parentId, index: target });
    }
    case 'removeField': {
      const { fields, removed } = removeField(state.present.fields, action.id);
      if (!removed) {
        return state;
      }
      const selectedId = state.selectedId !== null && findField(fields, state.selectedId) ? state.selectedId : null;
      return { ...commit(state, { ...state.present, fields }, null), selectedId };
    }
    case 'setKey':
      return commit(state, updateField(state.present, action.id, (field) => ({ ...field, key: action.key })), `key:${action.id}`);
    case 'setProperties': {
      const tag = `props:${action.id}:${Object.keys(action.props).sort().join(',')}`;
      return commit(
        state,
        updateField(state.present, action.id, (field) => {
          const props: Partial<Record<FieldProperty, unknown>> = { ...field.props };
          for (const [name, value] of Object.entries(action.props) as [FieldProperty, unknown][]) {
            if (value === undefined) {
              delete props[name];
            } else {
              props[name] = value;
            }
          }
          return { ...field, props };
        }),
        tag,
      );
    }
    case 'changeType':
      return commit(
        state,
        updateField(state.present, action.id, (field) => retype(field, action.fieldType)),
        null,
      );
    case 'setForm':
      return commit(
        state,
        {
          ...state.present,
          ...(action.key !== undefined ? { key: action.key } : {}),
          ...(action.name !== undefined ? { name: action.name } : {}),
          ...(action.description !== undefined ? { description: action.description } : {}),
        },
        `form:${Object.keys(action).sort().join(',')}`,
      );
    case 'addValidation': {
      const keys = new Set(state.present.validations.map((validation) => validation.key));
      let number = state.present.validations.length + 1;
      while (keys.has(`check${number}`)) {
        number += 1;
      }
      const validation: ValidationDraft = { id: newId('validation'), key: `check${number}`, expression: '', message: '', fields: [] };
      return commit(state, { ...state.present, validations: [...state.present.validations, validation] }, null);
    }
    case 'updateValidation':
      return commit(
        state,
        { ...state.present, validations: state.present.validations.map((validation) => (validation.id === action.id ? { ...validation, ...action.patch } : validation)) },
        `validation:${action.id}:${Object.keys(action.patch).sort().join(',')}`,
      );
    case 'removeValidation':
      return commit(state, { ...state.present, validations: state.present.validations.filter((validation) => validation.id !== action.id) }, null);
  }
}

function commit(state: BuilderState, present: FormDraft, tag: string | null): BuilderState {
  if (present === state.present) {
    return state;
  }
  if (tag !== null && tag === state.lastTag) {
    return { ...state, present, future: [], lastTag: tag };
  }
  const past = [...state.past, state.present].slice(-historyLimit);
  return { ...state, past, present, future: [], lastTag: tag };
}

function keepSelection(draft: FormDraft, selectedId: string | null): string | null {
  return selectedId !== null && findField(draft.fields, selectedId) ? selectedId : null;
}

/** Every key in the form, at any depth (keys must be unique within the data they write to; keeping them unique everywhere is simplest). */
export function allKeys(fields: readonly FieldDraft[]): Set<string> {
  const keys = new Set<string>();
  const visit = (list: readonly FieldDraft[]) => {
    for (const field of list) {
      keys.add(field.key);
      visit(field.fields);
    }
  };
  visit(fields);
  return keys;
}

function newField(type: FieldType, draft: FormDraft): FieldDraft {
  const keys = allKeys(draft.fields);
  let number = 1;
  while (keys.has(`${type}${number}`)) {
    number += 1;
  }
  const label = `${fieldTypeLabels[type]} ${number}`;
  const props: Partial<Record<FieldProperty, unknown>> = { label };
  if (type === 'select' || type === 'multiselect') {
    props.options = [
      { value: 'option1', label: 'Option 1' },
      { value: 'option2', label: 'Option 2' },
    ];
  }
  if (type === 'computed') {
    props.computed = '0';
  }
  if (type === 'static') {
    props.content = 'Text shown on the form.';
  }
  return { id: newId('field'), key: `${type}${number}`, type, props, fields: [] };
}

function retype(field: FieldDraft, type: FieldType): FieldDraft {
  const props: Partial<Record<FieldProperty, unknown>> = {};
  for (const [name, value] of Object.entries(field.props) as [FieldProperty, unknown][]) {
    if (propertyApplies(name, type)) {
      props[name] = value;
    }
  }
  if ((type === 'select' || type === 'multiselect') && props.options === undefined) {
    props.options = [{ value: 'option1', label: 'Option 1' }];
  }
  if (type === 'computed' && props.computed === undefined) {
    props.computed = '0';
  }
  if (type === 'static' && props.content === undefined) {
    props.content = 'Text shown on the form.';
  }
  return { ...field, type, props, fields: isContainer(type) ? field.fields : [] };
}

export function findField(fields: readonly FieldDraft[], id: string): FieldDraft | null {
  for (const field of fields) {
    if (field.id === id) {
      return field;
    }
    const nested = findField(field.fields, id);
    if (nested) {
      return nested;
    }
  }
  return null;
}

/** Where a field sits: its parent (null for the top level), its siblings and its index among them. */
export function locate(
  fields: readonly FieldDraft[],
  id: string,
  parentId: string | null,
): { readonly parentId: string | null; readonly siblings: readonly FieldDraft[]; readonly index: number } | null {
  const index = fields.findIndex((field) => field.id === id);
  if (index >= 0) {
    return { parentId, siblings: fields, index };
  }
  for (const field of fields) {
    const found = locate(field.fields, id, field.id);
    if (found) {
      return found;
    }
  }
  return null;
}

function isDescendant(fields: readonly FieldDraft[], ancestorId: string, id: string): boolean {
  const ancestor = findField(fields, ancestorId);
  return ancestor !== null && findField(ancestor.fields, id) !== null;
}

function removeField(fields: readonly FieldDraft[], id: string): { readonly fields: readonly FieldDraft[]; readonly removed: FieldDraft | null } {
  let removed: FieldDraft | null = null;
  const walk = (list: readonly FieldDraft[]): readonly FieldDraft[] => {
    const result: FieldDraft[] = [];
    for (const field of list) {
      if (field.id === id) {
        removed = field;
        continue;
      }
      const nested = walk(field.fields);
      result.push(nested === field.fields ? field : { ...field, fields: nested });
    }
    return removed === null ? list : result;
  };
  const next = walk(fields);
  return { fields: next, removed };
}

function insertField(fields: readonly FieldDraft[], field: FieldDraft, parentId: string | null, index: number | undefined): readonly FieldDraft[] {
  const place = (list: readonly FieldDraft[]) => {
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, at), field, ...list.slice(at)];
  };
  if (parentId === null) {
    return place(fields);
  }
  const walk = (list: readonly FieldDraft[]): readonly FieldDraft[] =>
    list.map((candidate) => {
      if (candidate.id === parentId) {
        return { ...candidate, fields: place(candidate.fields) };
      }
      const nested = walk(candidate.fields);
      return nested === candidate.fields ? candidate : { ...candidate, fields: nested };
    });
  return walk(fields);
}

function updateField(draft: FormDraft, id: string, change: (field: FieldDraft) => FieldDraft): FormDraft {
  let changed = false;
  const walk = (list: readonly FieldDraft[]): readonly FieldDraft[] =>
    list.map((field) => {
      if (field.id === id) {
        changed = true;
        return change(field);
      }
      const nested = walk(field.fields);
      return nested === field.fields ? field : { ...field, fields: nested };
    });
  const fields = walk(draft.fields);
  return changed ? { ...draft, fields } : draft;
}

/** The fields in document order with their depth, as the field list shows them. */
export function flatten(fields: readonly FieldDraft[], depth = 0, parentId: string | null = null): { readonly field: FieldDraft; readonly depth: number; readonly parentId: string | null }[] {
  return fields.flatMap((field) => [{ field, depth, parentId }, ...flatten(field.fields, depth + 1, field.id)]);
}
