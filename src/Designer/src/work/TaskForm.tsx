import { useCallback, useMemo, useState } from 'react';
import { FormRenderer, type UploadOutcome } from '../formRenderer/FormRenderer';
import { initialData, setAt, type FieldError, type FormData, type FormDefinition } from '../formRenderer/formState';
import { useFormEvaluation, type Evaluate } from '../formRenderer/useFormEvaluation';
import { outcomeLabel } from './format';

/** What a completion attempt gave back. */
export type CompletionOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly problems: readonly FieldError[] };

export interface TaskFormProps {
  readonly taskId: string;
  readonly form: FormDefinition | null;
  readonly prefill: unknown;
  /** The outcomes of an approval (a button each); empty for a form task (one Submit button). */
  readonly outcomes: readonly string[];
  readonly evaluate: Evaluate;
  readonly complete: (data: FormData, outcome: string | null) => Promise<CompletionOutcome>;
  readonly upload?: (field: string, file: File) => Promise<UploadOutcome>;
  /** Why the person cannot complete the task, when they cannot (the buttons are disabled and say so). */
  readonly disabledReason?: string | null;
}

/**
 * A task's form with its completion buttons: the server evaluates the data while the person types, and a failed
 * completion shows every problem at its field.
 */
export function TaskForm({ taskId, form, prefill, outcomes, evaluate, complete, upload, disabledReason = null }: TaskFormProps) {
  const [data, setData] = useState<FormData>(() => (form ? initialData(form, prefill) : {}));
  const [problems, setProblems] = useState<readonly FieldError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const noForm = useCallback<Evaluate>(async () => ({ valid: true, values: {}, fields: [], errors: [] }), []);
  const { evaluation, checking, error: evaluationError } = useFormEvaluation(form ? evaluate : noForm, data);

  const onChange = useCallback((path: string, value: unknown) => {
    setData((current) => setAt(current, path, value));
    setProblems(null);
  }, []);

  const submit = async (outcome: string | null) => {
    setSubmitting(outcome ?? 'submit');
    setFailure(null);
    const result = await complete(data, outcome);
    setSubmitting(null);
    if (!result.ok) {
      setAttempted(true);
      setProblems(result.problems.length > 0 ? result.problems : null);
      setFailure(result.message);
    }
  };

  const errorCount = (problems ?? evaluation?.errors ?? []).length;
  const statusId = `task-${taskId}-status`;
  const reasonId = `task-${taskId}-denied`;
  const buttons = outcomes.length > 0 ? outcomes : [null];
  const describedBy = disabledReason ? reasonId : undefined;
  const status = useMemo(() => {
    if (!form) {
      return null;
    }
    if (evaluationError) {
      return `The form could not be checked as you type (${evaluationError}); it is checked again when you submit.`;
    }
    if (checking && !evaluation) {
      return 'Checking the form…';
    }
    return errorCount === 0 ? 'Everything needed is filled in.' : `${errorCount} ${errorCount === 1 ? 'thing needs' : 'things need'} attention before you can complete the task.`;
  }, [form, evaluationError, checking, evaluation, errorCount]);

  return (
    <form
      className="task-form"
      noValidate
      aria-label={form ? form.name : 'Decision'}
      onSubmit={(event) => {
        event.preventDefault();
        if (outcomes.length === 0) {
          void submit(null);
        }
      }}
    >
      {failure ? (
        <div className="task-form__failure" role="alert">
          <p className="task-form__failure-title">The task was not completed.</p>
          <p>{failure}</p>
        </div>
      ) : null}
      {form ? (
        <FormRenderer
          form={form}
          data={data}
          evaluation={evaluation}
          errors={problems}
          onChange={onChange}
          showAllErrors={attempted}
          idPrefix={`task-${taskId}`}
          {...(upload ? { upload } : {})}
        />
      ) : (
        <p className="muted">This step has no form: choose an outcome.</p>
      )}
      {status ? (
        <p className="task-form__status muted" id={statusId} role="status" aria-live="polite">
          {status}
        </p>
      ) : null}
      <div className="task-form__actions">
        {buttons.map((outcome) => (
          <button
            key={outcome ?? 'submit'}
            type={outcome === null ? 'submit' : 'button'}
            className={`button ${outcome === 'rejected' ? '' : 'button--primary'}`}
            disabled={submitting !== null || disabledReason !== null}
            aria-describedby={describedBy}
            onClick={outcome === null ? undefined : () => void submit(outcome)}
          >
            {submitting === (outcome ?? 'submit') ? 'Completing…' : outcome === null ? 'Complete task' : outcomeLabel(outcome)}
          </button>
        ))}
        {disabledReason ? (
          <p className="muted" id={reasonId}>
            {disabledReason}
          </p>
        ) : null}
      </div>
    </form>
  );
}
