import { useId, type Dispatch } from 'react';
import type { BuilderAction } from './builderState';
import { fieldTypeLabels, fieldTypes, isContainer, propertyApplies, type FieldProperty, type FieldType } from './fieldTypes';
import type { FieldDraft } from './formDraft';
import { ExpressionEditor } from './ExpressionEditor';
import { OptionsEditor } from './OptionsEditor';

export interface PropertyPanelProps {
  readonly field: FieldDraft;
  readonly dispatch: Dispatch<BuilderAction>;
  /** Every field key, for expression checks. */
  readonly names: readonly string[];
  /** Groups and repeating groups the field may be moved into. */
  readonly containers: readonly FieldDraft[];
  readonly parentId: string | null;
  readonly sampleData: Readonly<Record<string, unknown>>;
  /** Server problems on this field, by the property they are about ('' for the field as a whole). */
  readonly problems: ReadonlyMap<string, readonly string[]>;
}

const expressionProperties: readonly { readonly property: FieldProperty; readonly label: string; readonly hint: string }[] = [
  { property: 'computed', label: 'Computed value', hint: 'The value the field shows, e.g. round(amount * 1.2, 2).' },
  { property: 'visibleWhen', label: 'Visible when', hint: 'Shown only while this is true, e.g. isTravel.' },
  { property: 'requiredWhen', label: 'Required when', hint: 'Required while this is true, e.g. total > 1000.' },
  { property: 'readonlyWhen', label: 'Read-only when', hint: 'Read-only while this is true.' },
];

/** Every property of the selected field that applies to its type. */
export function PropertyPanel({ field, dispatch, names, containers, parentId, sampleData, problems }: PropertyPanelProps) {
  const set = (props: Partial<Record<FieldProperty, unknown>>) => dispatch({ type: 'setProperties', id: field.id, props });
  const applies = (property: FieldProperty) => propertyApplies(property, field.type);
  const errorsOf = (property: string) => problems.get(property) ?? [];

  return (
    <section className="panel fb-properties" aria-labelledby="fb-properties-title">
      <h2 className="panel__title" id="fb-properties-title" tabIndex={-1}>
        Properties of {field.key || 'the field'}
      </h2>
      {errorsOf('').map((problem, index) => (
        <p className="field__error" key={index}>
          {problem}
        </p>
      ))}
      <TextProperty label="Key" value={field.key} onChange={(key) => dispatch({ type: 'setKey', id: field.id, key })} hint="The value's name in the data and in expressions." problems={errorsOf('key')} mono />
      <div className="field">
        <label className="field__label" htmlFor={`${field.id}-type`}>
          Type
        </label>
        <select id={`${field.id}-type`} className="select" value={field.type} onChange={(event) => dispatch({ type: 'changeType', id: field.id, fieldType: event.target.value as FieldType })}>
          {fieldTypes.map((type) => (
            <option key={type} value={type}>
              {fieldTypeLabels[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${field.id}-parent`}>
          Place in
        </label>
        <select
          id={`${field.id}-parent`}
          className="select"
          value={parentId ?? ''}
          onChange={(event) => dispatch({ type: 'moveField', id: field.id, parentId: event.target.value === '' ? null : event.target.value, index: Number.MAX_SAFE_INTEGER })}
        >
          <option value="">The form (top level)</option>
          {containers
            .filter((container) => container.id !== field.id)
            .map((container) => (
              <option key={container.id} value={container.id}>
                {fieldTypeLabels[container.type]} {container.key}
              </option>
            ))}
        </select>
      </div>
      <TextProperty label="Label" value={stringOf(field.props.label)} onChange={(label) => set({ label })} problems={errorsOf('label')} />
      <TextProperty label="Help text" value={stringOf(field.props.help)} onChange={(help) => set({ help })} problems={errorsOf('help')} />
      {applies('placeholder') && !isContainer(field.type) && field.type !== 'static' && field.type !== 'computed' && field.type !== 'boolean' ? (
        <TextProperty label="Placeholder" value={stringOf(field.props.placeholder)} onChange={(placeholder) => set({ placeholder })} problems={errorsOf('placeholder')} />
      ) : null}
      {applies('required') ? (
        <div className="fb-check">
          <input id={`${field.id}-required`} type="checkbox" checked={field.props.required === true} onChange={(event) => set({ required: event.target.checked })} />
          <label htmlFor={`${field.id}-required`}>Required</label>
        </div>
      ) : null}
      <fieldset className="fb-constraints">
        <legend>Constraints</legend>
        {applies('min') ? <NumberProperty label="Minimum" value={field.props.min} onChange={(min) => set({ min })} problems={errorsOf('min')} /> : null}
        {applies('max') ? <NumberProperty label="Maximum" value={field.props.max} onChange={(max) => set({ max })} problems={errorsOf('max')} /> : null}
        {applies('minDate') ? <TextProperty label="Earliest date" type="date" value={stringOf(field.props.minDate)} onChange={(minDate) => set({ minDate })} problems={errorsOf('minDate')} /> : null}
        {applies('maxDate') ? <TextProperty label="Latest date" type="date" value={stringOf(field.props.maxDate)} onChange={(maxDate) => set({ maxDate })} problems={errorsOf('maxDate')} /> : null}
        {applies('minLength') ? <NumberProperty label="Fewest characters" value={field.props.minLength} onChange={(minLength) => set({ minLength })} problems={errorsOf('minLength')} /> : null}
        {applies('maxLength') ? <NumberProperty label="Most characters" value={field.props.maxLength} onChange={(maxLength) => set({ maxLength })} problems={errorsOf('maxLength')} /> : null}
        {applies('pattern') ? <TextProperty label="Pattern (regular expression)" value={stringOf(field.props.pattern)} onChange={(pattern) => set({ pattern })} problems={errorsOf('pattern')} mono /> : null}
        {applies('patternMessage') ? <TextProperty label="Message when the pattern does not match" value={stringOf(field.props.patternMessage)} onChange={(patternMessage) => set({ patternMessage })} problems={errorsOf('patternMessage')} /> : null}
        {applies('minRows') ? <NumberProperty label="Fewest rows" value={field.props.minRows} onChange={(minRows) => set({ minRows })} problems={errorsOf('minRows')} /> : null}
        {applies('maxRows') ? <NumberProperty label="Most rows" value={field.props.maxRows} onChange={(maxRows) => set({ maxRows })} problems={errorsOf('maxRows')} /> : null}
        {applies('accept') ? (
          <TextProperty
            label="Accepted file types"
            hint="Comma-separated media types or extensions, e.g. application/pdf, .png"
            value={Array.isArray(field.props.accept) ? (field.props.accept as string[]).join(', ') : ''}
            onChange={(text) => set({ accept: text.split(',').map((part) => part.trim()).filter((part) => part !== '') })}
            problems={errorsOf('accept')}
          />
        ) : null}
        {applies('maxSizeBytes') ? <NumberProperty label="Largest file (bytes)" value={field.props.maxSizeBytes} onChange={(maxSizeBytes) => set({ maxSizeBytes })} problems={errorsOf('maxSizeBytes')} /> : null}
        {applies('default') && field.type !== 'multiselect' ? (
          <TextProperty label="Default value" value={defaultText(field.props.default)} onChange={(text) => set({ default: parseDefault(field.type, text) })} problems={errorsOf('default')} />
        ) : null}
        {!hasConstraints(field.type) ? <p className="muted">This type has no constraints.</p> : null}
      </fieldset>
      {applies('options') ? <OptionsEditor fieldId={field.id} options={field.props.options} onChange={(options) => set({ options })} problems={errorsOf('options')} /> : null}
      {applies('content') ? (
        <TextProperty label="Content (Markdown)" value={stringOf(field.props.content)} onChange={(content) => set({ content })} problems={errorsOf('content')} multiline />
      ) : null}
      {expressionProperties
        .filter(({ property }) => applies(property))
        .map(({ property, label, hint }) => (
          <ExpressionEditor
            key={`${field.id}-${property}`}
            label={label}
            hint={hint}
            value={stringOf(field.props[property])}
            onChange={(text) => set({ [property]: text === '' ? undefined : text })}
            names={names}
            expected={property === 'computed' ? 'ANY' : 'BOOLEAN'}
            sampleData={sampleData}
            problems={errorsOf(property)}
          />
        ))}
      <div className="row">
        <button type="button" className="button button--danger" onClick={() => dispatch({ type: 'removeField', id: field.id })}>
          Delete field {field.key}
        </button>
      </div>
    </section>
  );
}

function hasConstraints(type: FieldType): boolean {
  return (['min', 'minDate', 'minLength', 'minRows', 'accept', 'default'] as const).some((property) => propertyApplies(property, type));
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function defaultText(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** A default is typed as text; numbers and booleans are stored as such, so the validator sees a value the field accepts. */
function parseDefault(type: FieldType, text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  if ((type === 'number' || type === 'integer') && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) {
    return text === 'true';
  }
  return text;
}

export function TextProperty({
  label,
  value,
  onChange,
  hint,
  problems = [],
  mono = false,
  multiline = false,
  type = 'text',
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly problems?: readonly string[];
  readonly mono?: boolean;
  readonly multiline?: boolean;
  readonly type?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': problems.length > 0 ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} className="textarea" rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} className={`input${mono ? ' mono' : ''}`} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {problems.length > 0 ? (
        <p className="field__error" id={`${id}-error`}>
          {problems.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function NumberProperty({ label, value, onChange, problems }: { readonly label: string; readonly value: unknown; readonly onChange: (value: number | undefined) => void; readonly problems: readonly string[] }) {
  return (
    <TextProperty
      label={label}
      type="number"
      value={typeof value === 'number' ? String(value) : ''}
      onChange={(text) => onChange(text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text))}
      problems={problems}
    />
  );
}
