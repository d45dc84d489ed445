import type { Dispatch } from 'react';
import type { BuilderAction } from './builderState';
import { ExpressionEditor } from './ExpressionEditor';
import type { FormDraft } from './formDraft';
import { TextProperty } from './PropertyPanel';

export interface FormSettingsProps {
  readonly draft: FormDraft;
  readonly dispatch: Dispatch<BuilderAction>;
  /** Set while creating a form: the key is chosen once, before the first save. */
  readonly onKeyChange: ((key: string) => void) | null;
  readonly names: readonly string[];
  readonly sampleData: Readonly<Record<string, unknown>>;
  /** Server problems about the form itself and its validations, by JSON path. */
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** The form's own properties and its cross-field validations (what only the server can judge on the whole form). */
export function FormSettings({ draft, dispatch, onKeyChange, names, sampleData, problems }: FormSettingsProps) {
  const at = (prefix: string) => problems.filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`)).map((problem) => problem.message);
  return (
    <section className="panel fb-properties" aria-labelledby="fb-settings-title">
      <h2 className="panel__title" id="fb-settings-title" tabIndex={-1}>
        Form settings
      </h2>
      {onKeyChange ? (
        <TextProperty label="Form key" value={draft.key} onChange={onKeyChange} hint="2-64 lower-case letters, digits and -, starting with a letter; processes refer to it." problems={at('$.key')} mono />
      ) : null}
      <TextProperty label="Form name" value={draft.name} onChange={(name) => dispatch({ type: 'setForm', name })} problems={at('$.name')} />
      <TextProperty label="Description" value={draft.description} onChange={(description) => dispatch({ type: 'setForm', description })} problems={at('$.description')} multiline />
      <h3 className="fb-subtitle">Cross-field validations</h3>
      {draft.validations.length === 0 ? <p className="muted">No validations. A validation is an expression that must be true, with the message people see when it is not.</p> : null}
      {draft.validations.map((validation, index) => (
        <fieldset className="fb-validation" key={validation.id}>
          <legend>Validation {validation.key || index + 1}</legend>
          <TextProperty label="Validation key" value={validation.key} onChange={(key) => dispatch({ type: 'updateValidation', id: validation.id, patch: { key } })} problems={at(`$.validations[${index}].key`)} mono />
          <ExpressionEditor
            label="Must be true"
            hint="e.g. endDate >= startDate"
            value={validation.expression}
            onChange={(expression) => dispatch({ type: 'updateValidation', id: validation.id, patch: { expression } })}
            names={names}
            expected="BOOLEAN"
            sampleData={sampleData}
            problems={at(`$.validations[${index}].expression`)}
          />
          <TextProperty label="Message" value={validation.message} onChange={(message) => dispatch({ type: 'updateValidation', id: validation.id, patch: { message } })} problems={at(`$.validations[${index}].message`)} />
          <TextProperty
            label="Shown on fields"
            hint="Comma-separated field keys; the form as a whole when empty."
            value={validation.fields.join(', ')}
            onChange={(text) => dispatch({ type: 'updateValidation', id: validation.id, patch: { fields: text.split(',').map((part) => part.trim()).filter((part) => part !== '') } })}
            problems={at(`$.validations[${index}].fields`)}
          />
          <button type="button" className="button button--danger" onClick={() => dispatch({ type: 'removeValidation', id: validation.id })}>
            Delete validation {validation.key}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => dispatch({ type: 'addValidation' })}>
        Add validation
      </button>
    </section>
  );
}
