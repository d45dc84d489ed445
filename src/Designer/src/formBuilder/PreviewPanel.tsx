import { useCallback, useState } from 'react';
import { FormRenderer } from '../formRenderer/FormRenderer';
import { isFormDefinition, setAt, type FormData, type FormDefinition, type FormEvaluation } from '../formRenderer/formState';
import { useFormEvaluation } from '../formRenderer/useFormEvaluation';
import { evaluateDraft } from './formApi';

export interface PreviewPanelProps {
  /** The form as it is on screen, as metadata JSON: what the preview shows and the server judges, saved or not. */
  readonly formJson: string;
  /** Whether the screen differs from the saved draft (said in the hint, so nobody mistakes the preview for what is stored). */
  readonly dirty: boolean;
  readonly data: FormData;
  readonly onData: (data: FormData) => void;
  readonly onSelectPath: (path: string) => void;
}

/**
 * The form as people will see it, with the server's verdict on the sample values typed into it: visibility,
 * required, computed values and every error come from `evaluateFormDraft` on the metadata on screen, never from the
 * browser. Edits and values are sent after a pause in typing; a request that newer edits supersede is cancelled.
 */
export function PreviewPanel({ formJson, dirty, data, onData, onSelectPath }: PreviewPanelProps) {
  // The form the last verdict was given for: the fields shown and the verdict always belong together.
  const [judged, setJudged] = useState<FormDefinition | null>(null);
  // True when the last answer was that the metadata itself cannot be judged (it would not save).
  const [formInvalid, setFormInvalid] = useState(false);
  const evaluate = useCallback(
    async (values: FormData, signal: AbortSignal): Promise<FormEvaluation | { readonly error: string } | null> => {
      const form = JSON.parse(formJson) as unknown;
      const outcome = await evaluateDraft(form, values, signal);
      if (outcome === null || signal.aborted) {
        return null;
      }
      if ('error' in outcome) {
        setFormInvalid(outcome.invalidForm);
        return { error: outcome.error };
      }
      setFormInvalid(false);
      if (isFormDefinition(form)) {
        setJudged(form);
      }
      return outcome;
    },
    [formJson],
  );
  const { evaluation, checking, error } = useFormEvaluation(evaluate, data);

  return (
    <section className="panel fb-preview" aria-labelledby="fb-preview-title" aria-busy={checking}>
      <h2 className="panel__title" id="fb-preview-title">
        Live preview
      </h2>
      <p className="muted fb-preview__hint">{dirty ? 'The form as it is on screen, unsaved changes included. ' : null}Type sample values: the server judges them as a submission would.</p>
      {error !== null && formInvalid ? (
        <div className="fb-notice" role="status">
          <span>
            {judged === null ? 'The preview appears once the server can judge the form' : 'The preview shows the form as it was before your last change, until the server can judge the form again'}:{' '}
            {error}
          </span>
        </div>
      ) : null}
      {judged === null ? (
        <p className="fb-empty" role="status">
          {checking ? 'Asking the server…' : 'No preview yet: give the form a key, a name and fields the server accepts.'}
        </p>
      ) : (
        <FormRenderer form={judged} data={data} evaluation={evaluation} onChange={(path, value) => onData(setAt(data, path, value))} showAllErrors idPrefix="preview" />
      )}
      <div className="fb-verdict" aria-live="polite">
        {error !== null && !formInvalid ? <p className="field__error">The server could not evaluate the preview: {error}</p> : null}
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
