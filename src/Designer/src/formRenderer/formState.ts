/**
 * The pure half of the form renderer: the shapes of a form definition and of the server's `evaluateForm` verdict,
 * and the path arithmetic that reads and writes values in the form's data. Paths are the server's:
 * `amount`, `employee.employeeName` (a field of a group), `lines[2].amount` (a column of the third row).
 */

/** Every field type the forms runtime knows (docs/metadata.md, "Fields"). */
export const fieldTypes = [
  'text',
  'textarea',
  'email',
  'url',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'file',
  'group',
  'repeating',
  'computed',
  'static',
] as const;

export type FieldType = (typeof fieldTypes)[number];

export interface FieldOption {
  readonly value: string | number;
  readonly label?: string;
}

/** One field as the form definition's JSON (`Form.body`) holds it. */
export interface FieldDefinition {
  readonly key: string;
  readonly type: string;
  readonly label?: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly visibleWhen?: string;
  readonly requiredWhen?: string;
  readonly readonlyWhen?: string;
  readonly min?: number;
  readonly max?: number;
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly options?: readonly FieldOption[];
  readonly fields?: readonly FieldDefinition[];
  readonly minRows?: number;
  readonly maxRows?: number;
  readonly content?: string;
  readonly accept?: readonly string[];
  readonly maxSizeBytes?: number;
  readonly default?: unknown;
}

/** A form definition (`Form.body`, or `LinkedTask.form.body`). */
export interface FormDefinition {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly FieldDefinition[];
}

/** One field as `evaluateForm` left it (`FormFieldState`). */
export interface FieldState {
  readonly path: string;
  readonly key: string;
  readonly visible: boolean;
  readonly required: boolean;
  readonly readonly: boolean;
  readonly value?: unknown;
}

/** One error, at a field path (`FormError`, or a `RuntimeProblem` of a completion); the empty path is the form. */
export interface FieldError {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The server's verdict on the data (`FormEvaluation`). */
export interface FormEvaluation {
  readonly valid: boolean;
  readonly values: unknown;
  readonly fields: readonly FieldState[];
  readonly errors: readonly FieldError[];
}

/** A file as `POST /files` describes it. */
export interface UploadedFile {
  readonly id: string;
  readonly name: string;
  readonly contentType?: string;
  readonly size?: number;
}

export type FormData = Readonly<Record<string, unknown>>;

type Segment = string | number;

/** `lines[2].amount` as `['lines', 2, 'amount']`. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) {
      segments.push(match[1]);
    }
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      segments.push(Number(index[1]));
    }
  }
  return segments;
}

/** The path of a field inside a parent path: `childPath('employee', 'employeeName')` is `employee.employeeName`. */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of one row of a repeating group: `rowPath('lines', 2)` is `lines[2]`. */
export function rowPath(table: string, index: number): string {
  return `${table}[${index}]`;
}

/** The value at `path` in `data`, or undefined. */
export function getAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of parsePath(path)) {
    if (current === null || current === undefined || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `data` with `value` at `path`, creating the groups and rows on the way. */
export function setAt(data: FormData | null | undefined, path: string, value: unknown): FormData {
  const segments = parsePath(path);
  return setSegments(data ?? {}, segments, value) as FormData;
}

function setSegments(container: unknown, segments: readonly Segment[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return value;
  }
  if (typeof head === 'number') {
    const list = Array.isArray(container) ? [...(container as unknown[])] : [];
    while (list.length < head) {
      list.push({});
    }
    list[head] = setSegments(list[head], rest, value);
    return list;
  }
  const record = container !== null && typeof container === 'object' && !Array.isArray(container) ? { ...(container as Record<string, unknown>) } : {};
  record[head] = setSegments(record[head], rest, value);
  return record;
}

/** The rows of a repeating group as stored in the data (anything that is not a list reads as no rows). */
export function rowsAt(data: unknown, path: string): readonly Record<string, unknown>[] {
  const value = getAt(data, path);
  return Array.isArray(value) ? value.map((row) => (row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {})) : [];
}

/** A new row for a table: each column's default where it has one. */
export function newRow(columns: readonly FieldDefinition[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.default !== undefined) {
      row[column.key] = column.default;
    }
  }
  return row;
}

/** The data with a row added at the end of the table at `path`. */
export function addRow(data: FormData, path: string, columns: readonly FieldDefinition[]): FormData {
  return setAt(data, path, [...rowsAt(data, path), newRow(columns)]);
}

/** The data without row `index` of the table at `path`. */
export function removeRow(data: FormData, path: string, index: number): FormData {
  return setAt(
    data,
    path,
    rowsAt(data, path).filter((_, position) => position !== index),
  );
}

/** What the renderer needs to know about every path, from the server's evaluation. */
export interface EvaluationIndex {
  readonly states: ReadonlyMap<string, FieldState>;
  readonly errors: ReadonlyMap<string, readonly FieldError[]>;
}

/** Indexes an evaluation (and any extra errors, such as a completion's problems, which replace the evaluation's). */
export function indexEvaluation(evaluation: FormEvaluation | null | undefined, extraErrors?: readonly FieldError[] | null): EvaluationIndex {
  const states = new Map<string, FieldState>();
  for (const state of evaluation?.fields ?? []) {
    states.set(state.path, state);
  }
  const errors = new Map<string, FieldError[]>();
  for (const error of extraErrors ?? evaluation?.errors ?? []) {
    const list = errors.get(error.path) ?? [];
    if (!list.some((existing) => existing.message === error.message)) {
      list.push(error);
    }
    errors.set(error.path, list);
  }
  return { states, errors };
}

/** How one field is shown: visible, required and read-only as the server said, else as the definition says. */
export interface FieldView {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readonly: boolean;
}

/**
 * A field's view. Before the server has answered, a field with a condition is hidden (showing it and then hiding it
 * would flicker); a computed field is always read-only.
 */
export function fieldView(field: FieldDefinition, path: string, index: EvaluationIndex, formReadOnly = false): FieldView {
  const state = index.states.get(path);
  const computed = field.type === 'computed';
  if (!state) {
    return {
      visible: field.visibleWhen === undefined || index.states.size > 0,
      required: field.required === true,
      readonly: formReadOnly || computed,
    };
  }
  return { visible: state.visible, required: state.required, readonly: formReadOnly || computed || state.readonly };
}

/** The value a field shows: a computed field's from the evaluation, any other from the data. */
export function displayValue(field: FieldDefinition, path: string, data: unknown, index: EvaluationIndex): unknown {
  if (field.type === 'computed') {
    return index.states.get(path)?.value ?? getAt(data, path);
  }
  return getAt(data, path);
}

/** The text an input shows for a value. */
export function toInputText(type: string, value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (type === 'datetime' && typeof value === 'string') {
    // datetime-local takes "YYYY-MM-DDTHH:mm"; the server stores UTC text.
    return value.replace(/Z$/, '').slice(0, 16);
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * The value an input's text stands for: empty is null; a number field's text that is a number becomes a number,
 * anything else is sent as typed so the server can say what is wrong with it.
 */
export function fromInputText(type: string, text: string): unknown {
  if (text.trim() === '') {
    return null;
  }
  if (type === 'number' || type === 'integer') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/** The file ids a file field holds (an id, a file object, or a list of them). */
export function fileIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list
    .map((item) => (typeof item === 'string' ? item : item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null))
    .filter((id): id is string => id !== null);
}

/** The field key `POST /files` expects: the path without row numbers (`beneficialOwners.identityDocument`). */
export function uploadFieldKey(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

/** A DOM id for a field path (paths hold dots and brackets). */
export function domId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '_') || 'form'}`;
}

/** Bytes as people read them. */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) {
    return '';
  }
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The initial data for a form: the prefill, with each top-level default where the data does not mention the field. */
export function initialData(form: FormDefinition, prefill: unknown): FormData {
  const data: Record<string, unknown> = prefill !== null && typeof prefill === 'object' && !Array.isArray(prefill) ? { ...(prefill as Record<string, unknown>) } : {};
  const apply = (fields: readonly FieldDefinition[], target: Record<string, unknown>) => {
    for (const field of fields) {
      if (field.type === 'group') {
        const inner = target[field.key];
        const group = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? { ...(inner as Record<string, unknown>) } : {};
        apply(field.fields ?? [], group);
        target[field.key] = group;
      } else if (field.type === 'repeating') {
        // A table that needs rows starts with them, so the person sees its columns at once.
        const rows = rowsAt(target, field.key);
        if (rows.length < (field.minRows ?? 0)) {
          target[field.key] = [...rows, ...Array.from({ length: (field.minRows ?? 0) - rows.length }, () => newRow(field.fields ?? []))];
        }
      } else if (field.default !== undefined && !(field.key in target)) {
        target[field.key] = field.default;
      }
    }
  };
  apply(form.fields, data);
  return data;
}

/** Whether a value is a form definition the renderer can show (it has a list of fields). */
export function isFormDefinition(value: unknown): value is FormDefinition {
  return value !== null && typeof value === 'object' && Array.isArray((value as { fields?: unknown }).fields);
}
