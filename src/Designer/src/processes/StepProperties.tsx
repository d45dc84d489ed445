import type { ProcessJson, StepJson } from './definitionTypes';
import { stepKindLabels, isStepKind } from './definitionTypes';

interface StepPropertiesProps {
  readonly process: ProcessJson;
  readonly step: StepJson;
  readonly forms: readonly { readonly key: string; readonly name: string }[];
  readonly problems: readonly string[];
  readonly readOnly: boolean;
  readonly onChange: (change: Partial<StepJson>) => void;
  readonly onRemove: () => void;
  readonly onMakeStart: () => void;
}

/** The properties of the selected step, only those its kind uses (docs/metadata.md, "Properties by step type"). */
export function StepProperties({ process, step, forms, problems, readOnly, onChange, onRemove, onMakeStart }: StepPropertiesProps) {
  const kind = step.type;
  const hasForm = kind === 'formTask' || kind === 'approval';
  const hasSla = ['formTask', 'approval', 'webhook', 'signal', 'parallelJoin'].includes(kind);
  const isStart = (process.start ?? process.steps[0]?.key) === step.key;
  return (
    <section className="panel panel--padded stack" aria-label={`Step ${step.key}`}>
      <h2 className="panel__title">
        {isStepKind(kind) ? stepKindLabels[kind] : kind} step {step.key}
      </h2>
      {problems.length > 0 ? (
        <ul className="editor-problems" aria-label={`Problems of step ${step.key}`}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <fieldset className="editor-form" disabled={readOnly}>
        <legend className="visually-hidden">Properties</legend>
        <label>
          Name
          <input className="input" value={step.name ?? ''} onChange={(event) => onChange({ name: event.target.value })} />
        </label>
        {hasForm ? (
          <label>
            Form
            <select className="input" value={step.form ?? ''} onChange={(event) => onChange({ form: event.target.value })}>
              <option value="">{kind === 'approval' ? 'No form' : 'Choose a published form…'}</option>
              {[...forms, ...(step.form && !forms.some((form) => form.key === step.form) ? [{ key: step.form, name: `${step.form} (not published)` }] : [])].map((form) => (
                <option key={form.key} value={form.key}>
                  {form.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {hasForm ? (
          <>
            <label>
              Assignee role
              <input className="input" value={step.assignee?.role ?? ''} onChange={(event) => onChange({ assignee: event.target.value ? { role: event.target.value } : { user: step.assignee?.user ?? '' } })} />
            </label>
            <label>
              or assignee user
              <input className="input" value={step.assignee?.user ?? ''} onChange={(event) => onChange({ assignee: event.target.value ? { user: event.target.value } : { role: step.assignee?.role ?? '' } })} />
            </label>
            <label>
              or assignee expression
              <input className="input mono" value={step.assignee?.expression ?? ''} onChange={(event) => onChange({ assignee: { expression: event.target.value } })} />
            </label>
          </>
        ) : null}
        {kind === 'approval' ? (
          <label>
            Outcomes (comma-separated)
            <input
              className="input"
              value={(step.outcomes ?? []).join(', ')}
              onChange={(event) => onChange({ outcomes: event.target.value.split(',').map((part) => part.trim()).filter((part) => part !== '') })}
            />
          </label>
        ) : null}
        {hasSla ? (
          <label>
            SLA (ISO-8601 duration, e.g. PT48H)
            <input className="input" value={step.sla ?? ''} onChange={(event) => onChange({ sla: event.target.value })} />
          </label>
        ) : null}
        {kind === 'webhook' ? (
          <>
            <label>
              Connection
              <input className="input" value={step.webhook?.connection ?? ''} onChange={(event) => onChange({ webhook: { ...step.webhook, connection: event.target.value } })} />
            </label>
            <label>
              Path or URL
              <input className="input" value={step.webhook?.url ?? ''} onChange={(event) => onChange({ webhook: { ...step.webhook, url: event.target.value } })} />
            </label>
          </>
        ) : null}
        {kind === 'timer' ? (
          <>
            <label>
              Wait for (duration, e.g. PT1H)
              <input className="input" value={step.duration ?? ''} onChange={(event) => onChange(event.target.value ? { duration: event.target.value, until: '' } : { duration: '' })} />
            </label>
            <label>
              or until (expression)
              <input className="input mono" value={step.until ?? ''} onChange={(event) => onChange(event.target.value ? { until: event.target.value, duration: '' } : { until: '' })} />
            </label>
          </>
        ) : null}
        {kind === 'signal' ? (
          <label>
            Signal name
            <input className="input" value={step.signal ?? ''} onChange={(event) => onChange({ signal: event.target.value })} />
          </label>
        ) : null}
        {kind === 'script' ? (
          <label>
            Sets (one per line: path = expression)
            <textarea
              className="input mono"
              rows={3}
              value={(step.set ?? []).map((entry) => `${entry.path} = ${entry.expression}`).join('\n')}
              onChange={(event) =>
                onChange({
                  set: event.target.value
                    .split('\n')
                    .filter((line) => line.includes('='))
                    .map((line) => ({ path: line.slice(0, line.indexOf('=')).trim(), expression: line.slice(line.indexOf('=') + 1).trim() })),
                })
              }
            />
          </label>
        ) : null}
      </fieldset>
      <div className="row">
        <button type="button" className="button" disabled={readOnly || isStart} onClick={onMakeStart}>
          {isStart ? 'This is the start step' : 'Make this the start step'}
        </button>
        <button type="button" className="button" disabled={readOnly} onClick={onRemove}>
          Delete step {step.key}
        </button>
      </div>
    </section>
  );
}
