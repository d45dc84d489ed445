import { useEffect, useState } from 'react';
import { StateMessage } from '../components/StateMessage';
import { useQuery } from '../app/useQuery';
import { historyQuery, type HistoryEntry } from './formApi';
import { diffQuery } from '../rules/ruleSetApi';

function versionName(entry: HistoryEntry): string {
  return entry.version === 0 ? 'Draft' : `Version ${entry.version} (${entry.status.toLowerCase()})`;
}

interface DiffChange {
  readonly path: string;
  readonly change: 'ADDED' | 'REMOVED' | 'CHANGED';
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Every stored version of the form, and what changed between any two of them, as the server's `diffDefinitions`
 * reports it (fields matched by key, not by position).
 */
export function HistoryPanel({ formKey, refreshKey }: { readonly formKey: string; readonly refreshKey: string }) {
  const { state, refetch } = useQuery<{ readonly definitionHistory: readonly HistoryEntry[] }>(historyQuery, { key: formKey });
  useEffect(refetch, [refreshKey, refetch]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const entries = state.status === 'ready' ? state.data.definitionHistory : [];
  const toEntry = entries.find((entry) => entry.version === to) ?? entries[0];
  const fromEntry = entries.find((entry) => entry.version === from) ?? entries[1];
  const diff = useQuery<{ readonly diffDefinitions: { readonly changes: readonly DiffChange[] } }>(
    diffQuery,
    { kind: 'FORM', key: formKey, from: fromEntry?.version ?? 0, to: toEntry?.version ?? 0 },
    { skip: !fromEntry || !toEntry || fromEntry.version === toEntry.version },
  );
  const changes = diff.state.status === 'ready' && fromEntry?.version !== toEntry?.version ? diff.state.data.diffDefinitions.changes : [];

  return (
    <section className="panel fb-history" aria-labelledby="fb-history-title">
      <div className="fb-history__head">
        <h2 className="panel__title" id="fb-history-title">
          Version history
        </h2>
        <button type="button" className="button button--quiet" onClick={refetch}>
          Refresh
        </button>
      </div>
      {state.status === 'loading' ? <p role="status">Loading the history…</p> : null}
      {state.status === 'error' ? (
        <StateMessage tone="error" title="Could not load the history" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
          <p>{state.message}</p>
        </StateMessage>
      ) : null}
      {state.status === 'ready' && entries.length === 0 ? <p className="fb-empty">Nothing stored yet: save the draft first.</p> : null}
      {entries.length > 0 ? (
        <>
          <div className="table-wrap">
          <table className="table fb-history__table">
            <caption className="visually-hidden">Stored versions of {formKey}</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">By</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.version}>
                  <td>{versionName(entry)}</td>
                  <td>{entry.updatedBy}</td>
                  <td>{new Date(entry.publishedAt ?? entry.updatedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {entries.length > 1 && fromEntry && toEntry ? (
            <>
              <div className="row fb-history__pick">
                <label className="field">
                  <span className="field__label">Compare</span>
                  <select className="select" value={fromEntry.version} onChange={(event) => setFrom(Number(event.target.value))}>
                    {entries.map((entry) => (
                      <option key={entry.version} value={entry.version}>
                        {versionName(entry)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field__label">with</span>
                  <select className="select" value={toEntry.version} onChange={(event) => setTo(Number(event.target.value))}>
                    {entries.map((entry) => (
                      <option key={entry.version} value={entry.version}>
                        {versionName(entry)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {diff.state.status === 'error' ? (
                <p className="field__error">The differences could not be loaded: {diff.state.message}</p>
              ) : changes.length === 0 ? (
                <p className="muted">No differences.</p>
              ) : (
                <ul className="fb-diff" aria-label={`Changes from ${versionName(fromEntry)} to ${versionName(toEntry)}`}>
                  {changes.map((change) => (
                    <li key={`${change.path}-${change.change}`} className={`fb-diff__item fb-diff__item--${change.change.toLowerCase()}`}>
                      <span className="mono">{change.path}</span> {change.change.toLowerCase()}
                      {change.change !== 'ADDED' ? <span className="fb-diff__before"> from <code>{JSON.stringify(change.before)}</code></span> : null}
                      {change.change !== 'REMOVED' ? <span className="fb-diff__after"> to <code>{JSON.stringify(change.after)}</code></span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
