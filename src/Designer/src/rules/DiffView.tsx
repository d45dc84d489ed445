import type { Diff } from './ruleSetApi';

function show(value: unknown): string {
  return value === undefined || value === null ? '—' : JSON.stringify(value);
}

/** The changes between two versions, one line per JSON path: added green, removed red, changed yellow. */
export function DiffView({ diff, fromLabel, toLabel }: { readonly diff: Diff; readonly fromLabel: string; readonly toLabel: string }) {
  if (diff.problems.length > 0) {
    return (
      <p className="state state--error" role="alert">
        {diff.problems.map((problem) => problem.message).join(' ')}
      </p>
    );
  }
  if (diff.changes.length === 0) {
    return (
      <p className="muted" role="status">
        No differences between {fromLabel} and {toLabel}.
      </p>
    );
  }
  return (
    <ul className="diff-list" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
      {diff.changes.map((change) => (
        <li key={`${change.path}:${change.change}`} className={`diff--${change.change}`}>
          <strong>{change.change.toLowerCase()}</strong> {change.path}
          {change.change === 'CHANGED' ? `: ${show(change.before)} → ${show(change.after)}` : change.change === 'ADDED' ? `: ${show(change.after)}` : `: ${show(change.before)}`}
        </li>
      ))}
    </ul>
  );
}
