import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatUpdatedAt, statusLabel, versionLabel } from '../api/definitions';
import { allows } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate, useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import type { PayloadResult } from './ruleSetApi';

interface ListItem {
  readonly key: string;
  readonly name: string;
  readonly version: number;
  readonly status: string;
  readonly updatedAt: string;
}

export interface DefinitionListCopy {
  readonly kind: 'PROCESS' | 'RULE_SET';
  /** The list's root field: processes or ruleSets. */
  readonly field: 'processes' | 'ruleSets';
  readonly plural: string;
  readonly singular: string;
  /** The editor route, e.g. /rules. */
  readonly basePath: string;
  readonly emptyHint: string;
  /** The smallest valid definition a new one starts from. */
  readonly blank: (key: string, name: string) => unknown;
}

const keyPattern = /^[a-z][a-z0-9-]*$/;

/** A list of processes or rule sets that opens each in its editor, with a form to create a new one. */
export function DefinitionListPage({ copy }: { readonly copy: DefinitionListCopy }) {
  const id = useId();
  const viewer = useViewer();
  const navigate = useNavigate();
  const { state, refetch } = useQuery<Record<string, readonly ListItem[]>>(`query { ${copy.field} { key name version status updatedAt } }`);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canCreate = allows(viewer, ['DESIGNER']);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!keyPattern.test(key)) {
      setError('The key must start with a lower-case letter and use only a-z, 0-9 and -, e.g. "purchase-routing".');
      return;
    }
    const answer = await mutate<{ saveDraft: PayloadResult }>(
      `mutation($kind: DefinitionKind!, $key: ID!, $definition: JSON!) { saveDraft(kind: $kind, key: $key, definition: $definition) { definition { version } error { kind message } problems { path message } } }`,
      { kind: copy.kind, key, definition: copy.blank(key, name || key) },
    );
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    const payload = answer.data.saveDraft;
    if (payload.error) {
      setError([payload.error.message, ...payload.problems.map((problem) => `${problem.path}: ${problem.message}`)].join(' '));
      return;
    }
    navigate(`${copy.basePath}/${encodeURIComponent(key)}`);
  };

  return (
    <div className="stack">
      {canCreate ? (
        <form className="panel panel--padded editor-form" aria-labelledby={`${id}-new`} onSubmit={(event) => void create(event)}>
          <h2 id={`${id}-new`} className="panel__title">
            New {copy.singular}
          </h2>
          <div className="row">
            <label>
              Key
              <input className="input" value={key} onChange={(event) => setKey(event.target.value)} required aria-describedby={`${id}-key-hint`} />
            </label>
            <label>
              Name
              <input className="input" value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <button type="submit" className="button button--primary">
              Create {copy.singular}
            </button>
          </div>
          <p id={`${id}-key-hint`} className="muted">
            Lower-case letters, digits and dashes; it cannot change later.
          </p>
          {error ? (
            <p className="state state--error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
      <section className="panel" aria-label={`${copy.plural} list`} aria-busy={state.status === 'loading'}>
        {state.status === 'loading' ? (
          <div className="skeleton" role="status">
            <span className="visually-hidden">Loading {copy.plural}…</span>
            <div className="skeleton__row" />
            <div className="skeleton__row" />
          </div>
        ) : null}
        {state.status === 'error' ? (
          <StateMessage tone="error" title={`Could not load ${copy.plural}`} action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
            <p>{state.message}</p>
          </StateMessage>
        ) : null}
        {state.status === 'ready' && (state.data[copy.field] ?? []).length === 0 ? (
          <StateMessage tone="neutral" title={`No ${copy.plural} yet`}>
            <p>{copy.emptyHint}</p>
          </StateMessage>
        ) : null}
        {state.status === 'ready' && (state.data[copy.field] ?? []).length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">All {copy.plural}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="num">
                    Version
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Last updated</th>
                </tr>
              </thead>
              <tbody>
                {state.data[copy.field]!.map((item) => (
                  <tr key={item.key}>
                    <td>
                      <Link className="cell-title" to={`${copy.basePath}/${encodeURIComponent(item.key)}`}>
                        {item.name || item.key}
                      </Link>
                      <span className="cell-sub mono">{item.key}</span>
                    </td>
                    <td className="num">{versionLabel(item.version)}</td>
                    <td>{statusLabel(item.status)}</td>
                    <td>{formatUpdatedAt(item.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}

export const ruleSetListCopy: DefinitionListCopy = {
  kind: 'RULE_SET',
  field: 'ruleSets',
  plural: 'rule sets',
  singular: 'rule set',
  basePath: '/rules',
  emptyHint: 'Create a rule set, then name it in a process as its ruleSet to route it.',
  blank: (key, name) => ({ key, name, rules: [] }),
};

export const processListCopy: DefinitionListCopy = {
  kind: 'PROCESS',
  field: 'processes',
  plural: 'processes',
  singular: 'process',
  basePath: '/processes',
  emptyHint: 'Create a process, then add its steps on the graph.',
  blank: (key, name) => ({ key, name, steps: [{ key: 'done', type: 'end', name: 'Done' }] }),
};
