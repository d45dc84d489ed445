import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { deniedReason } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate } from '../app/useQuery';
import { dryRunQuery, publishLiveMutation, type DryRun, type PayloadResult } from './ruleSetApi';

interface DryRunPanelProps {
  readonly ruleSetKey: string;
  /** Processes that route with this rule set; their recorded decisions are what a dry run replays. */
  readonly processKeys: readonly string[];
  /** The etag of the saved draft; null when there is no draft. */
  readonly draftEtag: string | null;
  /** True while the editor holds changes not saved as the draft. */
  readonly dirty: boolean;
  readonly onPublished: (version: number) => void;
}

/** Why "Publish live" is not available yet, in the order a person fixes it; null when it is. */
export function publishBlocker(options: {
  readonly denied: string | null;
  readonly draftEtag: string | null;
  readonly dirty: boolean;
  readonly dryRun: { readonly dryRunId: string | null; readonly etag: string | null } | null;
}): string | null {
  if (options.denied) {
    return options.denied;
  }
  if (options.draftEtag === null) {
    return 'There is no draft to publish: change a rule and save the draft first.';
  }
  if (options.dirty) {
    return 'Save the draft, then dry-run it: unsaved changes cannot go live.';
  }
  if (!options.dryRun || options.dryRun.dryRunId === null) {
    return 'Dry-run the saved draft against recorded history first.';
  }
  if (options.dryRun.etag !== options.draftEtag) {
    return 'The draft changed since the dry run: dry-run it again.';
  }
  return null;
}

/**
 * Dry run of the saved draft against a process's recorded decisions (how many change, with examples that link to
 * their instances), and Publish live behind it: admins only, and only for the exact draft that was dry-run.
 */
export function DryRunPanel({ ruleSetKey, processKeys, draftEtag, dirty, onPublished }: DryRunPanelProps) {
  const id = useId();
  const viewer = useViewer();
  const [processKey, setProcessKey] = useState(processKeys[0] ?? '');
  const [running, setRunning] = useState(false);
  const [dryRun, setDryRun] = useState<(DryRun & { readonly etag: string | null }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<string | null>(null);

  useEffect(() => {
    if (processKey === '' && processKeys[0]) {
      setProcessKey(processKeys[0]);
    }
  }, [processKey, processKeys]);

  const denied = deniedReason(viewer, ['ADMIN'], 'Publishing live');
  const blocker = publishBlocker({ denied, draftEtag, dirty, dryRun });

  const run = async () => {
    setRunning(true);
    setError(null);
    setPublished(null);
    const etag = draftEtag;
    const answer = await mutate<{ dryRunRuleSet: DryRun }>(dryRunQuery, { processKey, key: ruleSetKey });
    setRunning(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setDryRun({ ...answer.data.dryRunRuleSet, etag });
  };

  const publish = async () => {
    if (!dryRun?.dryRunId) {
      return;
    }
    setPublishing(true);
    setError(null);
    const answer = await mutate<{ publishRuleSet: PayloadResult }>(publishLiveMutation, { key: ruleSetKey, dryRunId: dryRun.dryRunId });
    setPublishing(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    const payload = answer.data.publishRuleSet;
    if (payload.error || !payload.definition) {
      setError([payload.error?.message, ...payload.problems.map((problem) => problem.message)].filter(Boolean).join(' '));
      return;
    }
    setPublished(`Version ${payload.definition.version} is live: the next decision of every running instance uses it.`);
    setDryRun(null);
    onPublished(payload.definition.version);
  };

  return (
    <section className="panel panel--padded stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Dry run and publish live
      </h2>
      {processKeys.length === 0 ? (
        <p className="muted">No process routes with this rule set yet, so there is no history to replay.</p>
      ) : (
        <div className="editor-form">
          <label>
            Replay the decisions of process
            <select className="input" value={processKey} onChange={(event) => setProcessKey(event.target.value)}>
              {processKeys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void run()} disabled={running || dirty || draftEtag === null} aria-describedby={`${id}-dry-hint`}>
            {running ? 'Running…' : 'Dry run the saved draft'}
          </button>
          <p id={`${id}-dry-hint`} className="muted">
            {draftEtag === null ? 'Save a draft to dry-run it.' : dirty ? 'Save your changes first: the dry run replays the saved draft.' : 'Replays the most recent recorded decisions with the draft; nothing changes.'}
          </p>
        </div>
      )}
      {error ? (
        <p className="state state--error" role="alert">
          {error}
        </p>
      ) : null}
      {dryRun ? <DryRunResult dryRun={dryRun} /> : null}
      <div className="stack">
        <button
          type="button"
          className="button button--primary"
          disabled={blocker !== null || publishing}
          aria-describedby={`${id}-publish-reason`}
          title={blocker ?? undefined}
          onClick={() => void publish()}
        >
          {publishing ? 'Publishing…' : 'Publish live'}
        </button>
        <p id={`${id}-publish-reason`} className="muted" role="note">
          {blocker ?? `Publishes the dry-run draft as the next version of ${ruleSetKey}; running instances route with it from their next decision.`}
        </p>
        {published ? (
          <p className="state state--info" role="status">
            {published}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function DryRunResult({ dryRun }: { readonly dryRun: DryRun }) {
  if (dryRun.problems.length > 0) {
    return (
      <div role="alert">
        <ul className="editor-problems" aria-label="Dry run problems">
          {dryRun.problems.map((problem) => (
            <li key={problem.path + problem.code}>
              {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="region" aria-label="Dry run result" className="stack">
      <p>
        <strong>
          {dryRun.changed} of {dryRun.replayed} decisions change
        </strong>
        {dryRun.failed > 0 ? `, ${dryRun.failed} fail` : ''}
        {dryRun.skipped > 0 ? `, ${dryRun.skipped} skipped (erased instances)` : ''}.
      </p>
      {dryRun.examples.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Decisions the draft changes</caption>
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Step</th>
                <th scope="col">Went to</th>
                <th scope="col">Would go to</th>
              </tr>
            </thead>
            <tbody>
              {dryRun.examples.map((example) => (
                <tr key={example.sequence}>
                  <td>
                    <Link to={`/instances/${encodeURIComponent(example.instanceId)}`}>{example.instanceId}</Link>
                  </td>
                  <td>
                    {example.step}
                    {example.outcome ? ` (${example.outcome})` : ''}
                  </td>
                  <td>
                    {example.oldTarget ?? 'nowhere'} {example.oldRules.length > 0 ? <span className="muted">by {example.oldRules.join(', ')}</span> : null}
                  </td>
                  <td>
                    {example.error ? `fails: ${example.error}` : example.newTarget ?? 'nowhere'}{' '}
                    {example.newRules.length > 0 ? <span className="muted">by {example.newRules.join(', ')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
