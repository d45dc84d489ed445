import { useState } from 'react';
import type { Viewer } from '../app/permissions';
import { mutate } from '../app/useQuery';
import { claimTaskMutation, releaseTaskMutation, type TaskPayload, type TaskSummary } from './workApi';

/** Claim (an open task of one of the viewer's groups) or Release (a task the viewer claimed); nothing otherwise. */
export function TaskClaimButton({ task, viewer, onDone }: { readonly task: TaskSummary; readonly viewer: Viewer; readonly onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const canClaim = task.status === 'OPEN' && !task.assigneeUser && task.assigneeRole !== null && viewer.groups.includes(task.assigneeRole);
  const canRelease = task.status === 'CLAIMED' && task.assigneeUser === viewer.id && task.assigneeRole !== null;
  if (!canClaim && !canRelease) {
    return null;
  }
  const name = task.stepName ?? task.stepKey;
  const run = async () => {
    setBusy(true);
    setMessage(null);
    const result = await mutate<{ claimTask?: TaskPayload; releaseTask?: TaskPayload }>(canClaim ? claimTaskMutation : releaseTaskMutation, { id: task.id });
    setBusy(false);
    const payload = result.ok ? (result.data.claimTask ?? result.data.releaseTask) : null;
    if (!result.ok) {
      setMessage(result.message);
    } else if (payload?.error) {
      setMessage(payload.error.message);
    } else {
      onDone();
    }
  };
  return (
    <span className="claim">
      <button type="button" className="button" disabled={busy} onClick={() => void run()} aria-label={`${canClaim ? 'Claim' : 'Release'} ${name}`}>
        {canClaim ? 'Claim' : 'Release'}
      </button>
      {message ? (
        <span className="claim__error" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}
