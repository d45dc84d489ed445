/** Every field type a form may hold (docs/metadata.md, "Fields"), in the order the palette offers them. */
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
  'computed',
  'static',
  'group',
  'repeating',
] as const;

export type FieldType = (typeof fieldTypes)[number];

export const fieldTypeLabels: Readonly<Record<FieldType, string>> = {
  text: 'Text',
  textarea: 'Long text',
  email: 'E-mail',
  url: 'Web address',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'Checkbox',
  date: 'Date',
  datetime: 'Date and time',
  select: 'Choice',
  multiselect: 'Several choices',
  file: 'File',
  computed: 'Computed',
  static: 'Static text',
  group: 'Group',
  repeating: 'Repeating group',
};

/** Properties a field may carry besides key, type and its nested fields. */
export type FieldProperty =
  | 'label'
  | 'help'
  | 'placeholder'
  | 'required'
  | 'min'
  | 'max'
  | 'minDate'
  | 'maxDate'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'patternMessage'
  | 'options'
  | 'default'
  | 'visibleWhen'
  | 'requiredWhen'
  | 'readonlyWhen'
  | 'computed'
  | 'minRows'
  | 'maxRows'
  | 'content'
  | 'accept'
  | 'maxSizeBytes';

/** The order properties are written in, so saved metadata reads like the seed files. */
export const propertyOrder: readonly FieldProperty[] = [
  'label',
  'help',
  'placeholder',
  'required',
  'min',
  'max',
  'minDate',
  'maxDate',
  'minLength',
  'maxLength',
  'pattern',
  'patternMessage',
  'options',
  'default',
  'visibleWhen',
  'requiredWhen',
  'readonlyWhen',
  'computed',
  'minRows',
  'maxRows',
  'content',
  'accept',
  'maxSizeBytes',
];

const textual: readonly FieldType[] = ['text', 'textarea', 'email', 'url'];
const holdsInput: readonly FieldType[] = [...textual, 'number', 'integer', 'boolean', 'date', 'datetime', 'select', 'multiselect', 'file'];

/** Which types each property applies to (the validator reports the rest as field.constraintNotApplicable). */
const appliesTo: Readonly<Record<FieldProperty, readonly FieldType[] | 'all'>> = {
  label: 'all',
  help: 'all',
  placeholder: 'all',
  required: [...holdsInput, 'repeating'],
  min: ['number', 'integer'],
  max: ['number', 'integer'],
  minDate: ['date', 'datetime'],
  maxDate: ['date', 'datetime'],
  minLength: textual,
  maxLength: textual,
  pattern: textual,
  patternMessage: textual,
  options: ['select', 'multiselect'],
  default: holdsInput.filter((type) => type !== 'file'),
  visibleWhen: 'all',
  requiredWhen: [...holdsInput, 'repeating'],
  readonlyWhen: 'all',
  computed: ['computed'],
  minRows: ['repeating'],
  maxRows: ['repeating'],
  content: ['static'],
  accept: ['file'],
  maxSizeBytes: ['file'],
};

export function propertyApplies(property: FieldProperty, type: FieldType): boolean {
  const types = appliesTo[property];
  return types === 'all' || types.includes(type);
}

/** Groups and repeating groups hold fields of their own. */
export function isContainer(type: FieldType): boolean {
  return type === 'group' || type === 'repeating';
}

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (fieldTypes as readonly string[]).includes(value);
}
