import { useCallback } from 'react';
import { FormRenderer } from '../formRenderer/FormRenderer';
import { isFormDefinition, setAt, type FormData, type FormEvaluation } from '../formRenderer/formState';
import { useFormEvaluation } from '../formRenderer/useFormEvaluation';
import { evaluateSaved } from './formApi';

export interface PreviewPanelProps {
  readonly formKey: string;
  /** The version the preview evaluates: 0 for the saved draft, null for the latest published one. */
  readonly version: 0 | null;
  /** The stored body of that version: what the server evaluates, so what is shown and what is judged agree. */
  readonly body: unknown;
  /** Changes whenever a save stores a new version, so the preview asks again. */
  readonly etag: string | null;
  readonly dirty: boolean;
  readonly data: FormData;
  readonly onData: (data: FormData) => void;
  readonly onSelectPath: (path: string) => void;
  readonly onSave: () => void;
  readonly canSave: boolean;
}

/**
 * The form as people will see it, with the server's verdict on the sample values typed into it: visibility,
 * required, computed values and every error come from `evaluateForm`, never from the browser.
 */
export function PreviewPanel({ formKey, version, body, etag, dirty, data, onData, onSelectPath, onSave, canSave }: PreviewPanelProps) {
  const evaluate = useCallback(
    async (values: FormData) => (await evaluateSaved(formKey, version, values)) as FormEvaluation | { readonly error: string } | null,
    // The etag is part of the identity: each save is a new form to evaluate against.
    [formKey, version, etag],
  );
  const { evaluation, checking, error } = useFormEvaluation(evaluate, data);

  if (!isFormDefinition(body)) {
    return (
      <section className="panel fb-preview" aria-labelledby="fb-preview-title">
        <h2 className="panel__title" id="fb-preview-title">
          Live preview
        </h2>
        <p className="fb-empty" role="status">
          Save the draft to preview it: the preview is the server's own evaluation of the saved form.
        </p>
      </section>
    );
  }
  return (
    <section className="panel fb-preview" aria-labelledby="fb-preview-title" aria-busy={checking}>
      <h2 className="panel__title" id="fb-preview-title">
        Live preview
      </h2>
      {dirty ? (
        <div className="fb-notice" role="status">
          <span>The preview shows the saved draft; your latest changes are not in it yet.</span>
          <button type="button" className="button" onClick={onSave} disabled={!canSave}>
            Save to preview
          </button>
        </div>
      ) : null}
      <p className="muted fb-preview__hint">Type sample values: the server judges them as a submission would.</p>
      <FormRenderer form={body} data={data} evaluation={evaluation} onChange={(path, value) => onData(setAt(data, path, value))} showAllErrors idPrefix="preview" />
      <div className="fb-verdict" aria-live="polite">
        {error ? <p className="field__error">The server could not evaluate the preview: {error}</p> : null}
        {evaluation === null ? (
          <p className="muted">{checking ? 'Asking the server…' : 'No verdict yet.'}</p>
        ) : evaluation.valid ? (
          <p className="fb-verdict__ok">The server accepts these values.</p>
        ) : (
          <>
            <p className="fb-verdict__title">
              The server would refuse these values ({evaluation.errors.length} {evaluation.errors.length === 1 ? 'error' : 'errors'}):
            </p>
            <ul className="fb-verdict__list">
              {evaluation.errors.map((entry, index) => (
                <li key={index}>
                  <button type="button" className="fb-link" onClick={() => onSelectPath(entry.path)}>
                    {entry.path === '' ? 'Form' : entry.path}
                  </button>
                  : {entry.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
