import { useId, useState, type FormEvent } from 'react';
import { operators, parseConditionValue } from '../rules/ruleSetEditing';
import type { ConnectionKind } from './processEditing';

export interface RoutingRuleInput {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly salience: number;
  readonly path: string;
  readonly op: string;
  readonly value: unknown;
}

interface ConnectFormProps {
  readonly steps: readonly string[];
  readonly fields: readonly string[];
  readonly disabled: boolean;
  readonly onConnect: (from: string, to: string, kind: ConnectionKind, outcome: string) => void;
  readonly onRoutingRule: (rule: RoutingRuleInput) => void;
}

/** Connects two steps without the mouse: by next, by an outcome, as a branch, or by a routing rule with its condition. */
export function ConnectForm({ steps, fields, disabled, onConnect, onRoutingRule }: ConnectFormProps) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<ConnectionKind | 'rule'>('next');
  const [outcome, setOutcome] = useState('');
  const [name, setName] = useState('');
  const [salience, setSalience] = useState('10');
  const [path, setPath] = useState('');
  const [op, setOp] = useState('>');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) {
      setError('Choose the step to connect from and the step to go to.');
      return;
    }
    if (kind === 'transition' && outcome.trim() === '') {
      setError('Name the outcome this transition follows, e.g. "rejected".');
      return;
    }
    if (kind === 'rule') {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) {
        setError('Name the rule in lower case with dashes, e.g. "large-orders-go-to-review".');
        return;
      }
      if (path.trim() === '') {
        setError('Choose the field the rule tests.');
        return;
      }
      setError(null);
      onRoutingRule({ name, from, to, salience: Number(salience) || 0, path: path.trim(), op, value: parseConditionValue(op, value) });
      return;
    }
    setError(null);
    onConnect(from, to, kind, outcome);
  };

  return (
    <form className="panel panel--padded editor-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className="panel__title">
        Connect steps
      </h2>
      <fieldset className="editor-form" disabled={disabled}>
        <legend className="visually-hidden">Connection</legend>
        <label>
          From step
          <select className="input" value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">Choose…</option>
            {steps.map((step) => (
              <option key={step} value={step}>
                {step}
              </option>
            ))}
          </select>
        </label>
        <label>
          To step
          <select className="input" value={to} onChange={(event) => setTo(event.target.value)}>
            <option value="">Choose…</option>
            {steps.map((step) => (
              <option key={step} value={step}>
                {step}
              </option>
            ))}
          </select>
        </label>
        <label>
          How
          <select className="input" value={kind} onChange={(event) => setKind(event.target.value as ConnectionKind | 'rule')}>
            <option value="next">Next (always)</option>
            <option value="transition">When an outcome is chosen</option>
            <option value="branch">Parallel branch</option>
            <option value="rule">By a routing rule</option>
          </select>
        </label>
        {kind === 'transition' ? (
          <label>
            Outcome
            <input className="input" value={outcome} onChange={(event) => setOutcome(event.target.value)} />
          </label>
        ) : null}
        {kind === 'rule' ? (
          <>
            <label>
              Rule name
              <input className="input" value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label>
              Salience
              <input className="input" type="number" value={salience} onChange={(event) => setSalience(event.target.value)} />
            </label>
            <label>
              When field
              <input className="input" list={`${id}-fields`} value={path} onChange={(event) => setPath(event.target.value)} />
              <datalist id={`${id}-fields`}>
                {fields.map((field) => (
                  <option key={field} value={field} />
                ))}
              </datalist>
            </label>
            <label>
              Operator
              <select className="input" value={op} onChange={(event) => setOp(event.target.value)}>
                {operators.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Value
              <input className="input" value={value} onChange={(event) => setValue(event.target.value)} />
            </label>
          </>
        ) : null}
        <button type="submit" className="button">
          Connect
        </button>
      </fieldset>
      {error ? (
        <p className="editor-problems" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
