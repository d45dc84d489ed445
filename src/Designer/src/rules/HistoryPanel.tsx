import { useId, useState } from 'react';
import { deniedReason } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate } from '../app/useQuery';
import { DiffView } from './DiffView';
import { diffQuery, dryRunQuery, rollbackMutation, type Diff, type DryRun, type HistoryEntry, type PayloadResult } from './ruleSetApi';

type Kind = 'FORM' | 'PROCESS' | 'RULE_SET';

interface HistoryPanelProps {
  readonly kind: Kind;
  readonly definitionKey: string;
  readonly history: readonly HistoryEntry[];
  /** For a rule set: the process whose decisions a rollback's dry run replays; rollback is offered only then. */
  readonly rollbackProcess?: string | null;
  readonly onRolledBack?: (version: number) => void;
}

function label(version: number): string {
  return version === 0 ? 'the draft' : `v${version}`;
}

/** Every version, a diff of each against the one before it (or the draft against the newest), and for rule sets a rollback behind a dry run. */
export function HistoryPanel({ kind, definitionKey, history, rollbackProcess, onRolledBack }: HistoryPanelProps) {
  const id = useId();
  const viewer = useViewer();
  const [diff, setDiff] = useState<{ readonly diff: Diff; readonly from: number; readonly to: number } | null>(null);
  const [message, setMessage] = useState<{ readonly tone: 'info' | 'error'; readonly text: string } | null>(null);
  const [rollback, setRollback] = useState<{ readonly version: number; readonly dryRun: DryRun } | null>(null);
  const published = history.filter((entry) => entry.version > 0).map((entry) => entry.version);
  const newest = published.length > 0 ? Math.max(...published) : 0;
  const rollbackDenied = deniedReason(viewer, ['ADMIN'], 'Rolling back');

  const showDiff = async (from: number, to: number) => {
    setMessage(null);
    const answer = await mutate<{ diffDefinitions: Diff }>(diffQuery, { kind, key: definitionKey, from, to: to === 0 ? null : to });
    if (!answer.ok) {
      setMessage({ tone: 'error', text: answer.message });
      return;
    }
    setDiff({ diff: answer.data.diffDefinitions, from, to });
  };

  const prepareRollback = async (version: number) => {
    if (!rollbackProcess) {
      return;
    }
    setMessage(null);
    const answer = await mutate<{ dryRunRuleSet: DryRun }>(dryRunQuery, { processKey: rollbackProcess, key: definitionKey, version });
    if (!answer.ok) {
      setMessage({ tone: 'error', text: answer.message });
      return;
    }
    setRollback({ version, dryRun: answer.data.dryRunRuleSet });
  };

  const confirmRollback = async () => {
    if (!rollback?.dryRun.dryRunId) {
      return;
    }
    const answer = await mutate<{ rollbackRuleSet: PayloadResult }>(rollbackMutation, { key: definitionKey, toVersion: rollback.version, dryRunId: rollback.dryRun.dryRunId });
    setRollback(null);
    if (!answer.ok) {
      setMessage({ tone: 'error', text: answer.message });
      return;
    }
    const payload = answer.data.rollbackRuleSet;
    if (payload.error || !payload.definition) {
      setMessage({ tone: 'error', text: [payload.error?.message, ...payload.problems.map((p) => p.message)].filter(Boolean).join(' ') });
      return;
    }
    setMessage({ tone: 'info', text: `Rolled back: v${payload.definition.version} is live with the rules of v${rollback.version}.` });
    onRolledBack?.(payload.definition.version);
  };

  return (
    <section className="panel panel--padded stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        History
      </h2>
      {history.length === 0 ? <p className="muted">Nothing saved yet.</p> : null}
      <ul className="history-list">
        {history.map((entry) => {
          const previous = entry.version === 0 ? newest : entry.version - 1;
          return (
            <li key={entry.version}>
              <span>
                <strong>{entry.version === 0 ? 'Draft' : `v${entry.version}`}</strong> {entry.status.toLowerCase()} · {entry.updatedBy} · {new Date(entry.updatedAt).toLocaleString('en', { timeZone: 'UTC' })} UTC
              </span>
              <span className="row">
                {previous > 0 ? (
                  <button type="button" className="button" onClick={() => void showDiff(previous, entry.version)}>
                    Diff {label(entry.version)} with v{previous}
                  </button>
                ) : null}
                {kind === 'RULE_SET' && rollbackProcess && entry.version > 0 && entry.version !== newest ? (
                  <button
                    type="button"
                    className="button"
                    disabled={rollbackDenied !== null}
                    title={rollbackDenied ?? undefined}
                    onClick={() => void prepareRollback(entry.version)}
                  >
                    Roll back to v{entry.version}
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {kind === 'RULE_SET' && rollbackDenied && published.length > 1 ? <p className="muted">{rollbackDenied}</p> : null}
      {message ? (
        <p className={`state state--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {rollback ? (
        <div role="dialog" aria-modal="false" aria-label={`Roll back to v${rollback.version}`} className="panel panel--padded stack">
          {rollback.dryRun.problems.length > 0 ? (
            <p className="state state--error" role="alert">
              {rollback.dryRun.problems.map((p) => p.message).join(' ')}
            </p>
          ) : (
            <p>
              Dry run of v{rollback.version}: {rollback.dryRun.changed} of {rollback.dryRun.replayed} recorded decisions would change.
            </p>
          )}
          <div className="row">
            <button type="button" className="button button--primary" disabled={!rollback.dryRun.dryRunId} onClick={() => void confirmRollback()}>
              Roll back live to v{rollback.version}
            </button>
            <button type="button" className="button" onClick={() => setRollback(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {diff ? <DiffView diff={diff.diff} fromLabel={label(diff.from)} toLabel={label(diff.to)} /> : null}
    </section>
  );
}
