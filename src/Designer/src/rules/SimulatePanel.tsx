import { useId, useState } from 'react';
import { mutate } from '../app/useQuery';
import type { RuleSetJson } from '../processes/definitionTypes';
import type { FieldChoice } from './fieldPaths';
import { simulateQuery, type Problem, type Simulation } from './ruleSetApi';
import { ruleEvents } from './ruleSetEditing';

function sampleFor(fields: readonly FieldChoice[]): string {
  const sample: Record<string, unknown> = {};
  for (const field of fields.slice(0, 6)) {
    if (!field.path.includes('.')) {
      sample[field.path] = null;
    }
  }
  return JSON.stringify(sample, null, 2);
}

/**
 * Runs the rules as edited (saved or not) on sample data through the server's simulateRuleSet: where it routes, which
 * rules matched, fired, and lost on salience, with the trace.
 */
export function SimulatePanel({
  ruleSetKey,
  ruleSet,
  steps,
  fields,
  onProblems,
}: {
  readonly ruleSetKey: string;
  readonly ruleSet: RuleSetJson;
  readonly steps: readonly string[];
  readonly fields: readonly FieldChoice[];
  /** The problems the server found in the rules as edited, so the editor marks the rules they belong to. */
  readonly onProblems?: (problems: readonly Problem[]) => void;
}) {
  const id = useId();
  const [step, setStep] = useState(steps[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [eventType, setEventType] = useState('taskCompleted');
  const [data, setData] = useState(() => sampleFor(fields));
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Simulation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch (problem) {
      setError(`The sample data is not JSON: ${problem instanceof Error ? problem.message : String(problem)}`);
      return;
    }
    setRunning(true);
    const answer = await mutate<{ simulateRuleSet: Simulation }>(simulateQuery, {
      key: ruleSetKey,
      ruleSet: JSON.stringify(ruleSet),
      step,
      outcome: outcome === '' ? null : outcome,
      event: eventType,
      data: parsed,
    });
    setRunning(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setResult(answer.data.simulateRuleSet);
    onProblems?.(answer.data.simulateRuleSet.problems.filter((problem) => problem.path.startsWith('$')));
  };

  const statusOf = (rule: string): string => {
    if (!result) {
      return '';
    }
    if (result.routedBy === rule) {
      return 'fired and routed';
    }
    if (result.lostRules.includes(rule)) {
      return 'matched, lost on salience';
    }
    if (result.firedRules.includes(rule)) {
      return 'fired';
    }
    return result.matchedRules.includes(rule) ? 'matched' : 'did not match';
  };

  return (
    <section className="panel panel--padded stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Simulate
      </h2>
      <p className="muted">Runs the rules as you see them here, saved or not, on sample data. Nothing is written.</p>
      <div className="editor-form">
        <label>
          Leaving step
          <input className="input" list={`${id}-steps`} value={step} onChange={(event) => setStep(event.target.value)} />
          <datalist id={`${id}-steps`}>
            {steps.map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
        </label>
        <label>
          Outcome
          <input className="input" value={outcome} onChange={(event) => setOutcome(event.target.value)} placeholder="approved" />
        </label>
        <label>
          Event
          <select className="input" value={eventType} onChange={(event) => setEventType(event.target.value)}>
            {ruleEvents.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sample data (JSON)
          <textarea className="input mono" rows={6} value={data} onChange={(event) => setData(event.target.value)} />
        </label>
        <button type="button" className="button button--primary" onClick={() => void run()} disabled={running || step === ''}>
          {running ? 'Simulating…' : 'Simulate'}
        </button>
      </div>
      {error ? (
        <p className="state state--error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div role="region" aria-label="Simulation result" className="stack">
          {result.problems.length > 0 ? (
            <div role="alert">
              <ul className="editor-problems" aria-label="Simulation problems">
                {result.problems.map((problem) => (
                  <li key={problem.path + problem.code}>
                    {problem.path}: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              <strong>Routes to: {result.target ?? 'no rule routes (the step’s own next or transitions decide)'}</strong>
              {result.routedBy ? ` — by ${result.routedBy}` : ''}
            </p>
          )}
          {result.problems.length === 0 ? (
            <table className="table">
              <caption className="visually-hidden">What each rule did with the sample</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Salience</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {(ruleSet.rules ?? []).map((rule) => (
                  <tr key={rule.name}>
                    <td>{rule.name}</td>
                    <td className="num">{rule.salience ?? 0}</td>
                    <td>{rule.disabled ? 'disabled' : statusOf(rule.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.trace.length > 0 ? (
            <details>
              <summary>Decision trace ({result.trace.length} entries)</summary>
              <ol className="diff-list">
                {result.trace.map((entry, index) => (
                  <li key={index}>
                    {entry.kind.toLowerCase().replace(/_/g, ' ')} {entry.rule} ({entry.salience}){entry.detail ? ` — ${entry.detail}` : ''}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
