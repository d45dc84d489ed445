import { isContainer, isFieldType, propertyApplies, propertyOrder, type FieldProperty, type FieldType } from './fieldTypes';

/** One field as the builder edits it: `id` is local (React keys, drag and drop, selection) and never saved. */
export interface FieldDraft {
  readonly id: string;
  readonly key: string;
  readonly type: FieldType;
  readonly props: Readonly<Partial<Record<FieldProperty, unknown>>>;
  /** A group's fields or a repeating group's columns; empty for other types. */
  readonly fields: readonly FieldDraft[];
}

export interface ValidationDraft {
  readonly id: string;
  readonly key: string;
  readonly expression: string;
  readonly message: string;
  readonly fields: readonly string[];
}

export interface FormDraft {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly fields: readonly FieldDraft[];
  readonly validations: readonly ValidationDraft[];
}

export type JsonObject = Record<string, unknown>;

let nextId = 0;

/** A fresh local id; ids only need to be unique within one page. */
export function newId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export function emptyForm(key: string, name: string): FormDraft {
  return { key, name, description: '', fields: [], validations: [] };
}

/**
 * The metadata JSON the API takes (docs/metadata.md): defaults left out (no false, empty strings or empty lists),
 * properties in the seed files' order, properties that do not apply to the field's type dropped.
 */
export function toMetadata(draft: FormDraft): JsonObject {
  const result: JsonObject = { key: draft.key, name: draft.name };
  if (draft.description.trim() !== '') {
    result['description'] = draft.description;
  }
  result['fields'] = draft.fields.map(fieldToMetadata);
  if (draft.validations.length > 0) {
    result['validations'] = draft.validations.map((validation) => {
      const entry: JsonObject = { key: validation.key, expression: validation.expression, message: validation.message };
      if (validation.fields.length > 0) {
        entry['fields'] = [...validation.fields];
      }
      return entry;
    });
  }
  return result;
}

function fieldToMetadata(field: FieldDraft): JsonObject {
  const entry: JsonObject = { key: field.key, type: field.type };
  const trailing: JsonObject = {};
  for (const property of propertyOrder) {
    const value = field.props[property];
    if (isDefault(value) || !propertyApplies(property, field.type)) {
      continue;
    }
    // A repeating group's row limits follow its columns, as in the seed files.
    const target = property === 'minRows' || property === 'maxRows' ? trailing : entry;
    target[property] = property === 'options' ? normaliseOptions(value) : value;
  }
  if (isContainer(field.type)) {
    entry['fields'] = field.fields.map(fieldToMetadata);
  }
  return { ...entry, ...trailing };
}

function normaliseOptions(value: unknown): unknown {
  if (!Array.isArray(value)) {
    return value;
  }
  return value.map((option: unknown) => {
    if (!isObject(option)) {
      return option;
    }
    return typeof option['label'] === 'string' && option['label'] !== '' ? { value: option['value'], label: option['label'] } : { value: option['value'] };
  });
}

function isDefault(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Reads stored metadata into a draft; what the builder does not know is reported, never silently dropped. */
export function fromMetadata(body: unknown): { readonly draft: FormDraft; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const object = isObject(body) ? body : {};
  if (!isObject(body)) {
    problems.push('The stored form is not a JSON object.');
  }
  const fields = Array.isArray(object['fields']) ? object['fields'].map((field, index) => fieldFromMetadata(field, `$.fields[${index}]`, problems)) : [];
  const validations = Array.isArray(object['validations'])
    ? object['validations'].filter(isObject).map((validation) => ({
        id: newId('validation'),
        key: asString(validation['key']),
        expression: asString(validation['expression']),
        message: asString(validation['message']),
        fields: Array.isArray(validation['fields']) ? validation['fields'].filter((name): name is string => typeof name === 'string') : [],
      }))
    : [];
  return {
    draft: {
      key: asString(object['key']),
      name: asString(object['name']),
      description: asString(object['description']),
      fields: fields.filter((field): field is FieldDraft => field !== null),
      validations,
    },
    problems,
  };
}

function fieldFromMetadata(value: unknown, path: string, problems: string[]): FieldDraft | null {
  if (!isObject(value)) {
    problems.push(`${path} is not an object and was left out.`);
    return null;
  }
  const type = value['type'];
  if (!isFieldType(type)) {
    problems.push(`${path}.type '${String(type)}' is not a field type and the field was left out.`);
    return null;
  }
  const props: Partial<Record<FieldProperty, unknown>> = {};
  for (const property of propertyOrder) {
    if (value[property] !== undefined) {
      props[property] = value[property];
    }
  }
  for (const name of Object.keys(value)) {
    if (name !== 'key' && name !== 'type' && name !== 'fields' && !(propertyOrder as readonly string[]).includes(name)) {
      problems.push(`${path}.${name} is not a field property the builder knows and was left out.`);
    }
  }
  const nested = Array.isArray(value['fields'])
    ? value['fields'].map((field, index) => fieldFromMetadata(field, `${path}.fields[${index}]`, problems)).filter((field): field is FieldDraft => field !== null)
    : [];
  return { id: newId('field'), key: asString(value['key']), type, props, fields: nested };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
