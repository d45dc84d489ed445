import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/pageTitle';
import { deniedReason } from '../app/permissions';
import { useViewer } from '../app/session';
import { useSubscription } from '../app/subscriptions';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { DataView } from './DataView';
import { ruleVerdicts } from './decisionTrace';
import { formatDateTime, humanize, taskHolder, taskName } from './format';
import { RepairDialog, repairTitles } from './RepairDialog';
import { instanceChangedSubscription, instanceQuery, type InstanceDetail, type RepairOperation, type RouteDecision, type TimelineEvent } from './workApi';
import './work.css';

/** One instance: where it is, why it went there, what happened, and the repairs an admin may make. */
export function InstancePage() {
  const { id = '' } = useParams();
  return <InstanceView key={id} id={id} />;
}

function InstanceView({ id }: { readonly id: string }) {
  const result = useQuery<{ instance: InstanceDetail | null }>(instanceQuery, { id });
  const [live, setLive] = useState<string | null>(null);
  const refetch = result.refetch;
  // Live updates: each committed change of this instance (from any node on PostgreSQL) reloads it.
  useSubscription(instanceChangedSubscription, { id }, refetch, { onError: (message) => setLive(message) });
  const instance = result.state.status === 'ready' ? result.state.data.instance : null;
  usePageTitle(instance ? `${humanize(instance.processKey)} ${instance.businessKey ?? instance.id.slice(0, 8)}` : null);

  if (result.state.status === 'loading') {
    return (
      <div className="panel panel--padded" role="status">
        <p className="muted">Loading the instance…</p>
      </div>
    );
  }
  if (result.state.status === 'error') {
    return (
      <section className="panel panel--padded">
        <StateMessage tone="error" title="The instance could not be opened" action={<button type="button" className="button" onClick={refetch}>Try again</button>}>
          <p>{result.state.message}</p>
        </StateMessage>
      </section>
    );
  }
  if (!instance) {
    return (
      <section className="panel panel--padded">
        <StateMessage tone="info" title="There is no such instance" action={<Link to="/instances">All instances</Link>}>
          <p>It may have been erased, or the link is wrong.</p>
        </StateMessage>
      </section>
    );
  }
  return <InstanceDetails instance={instance} onChanged={refetch} liveProblem={live} />;
}

function InstanceDetails({ instance, onChanged, liveProblem }: { readonly instance: InstanceDetail; readonly onChanged: () => void; readonly liveProblem: string | null }) {
  const viewer = useViewer();
  const [repair, setRepair] = useState<{ operation: RepairOperation; code?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const denied = deniedReason(viewer, ['ADMIN'], 'Repairing an instance');
  const running = instance.status === 'running';
  const hasError = instance.exceptions.some((exception) => exception.severity === 'error');
  const stoppedWithoutRoute = instance.exceptions.some((exception) => exception.code === 'NO_ROUTE');
  const unavailable: Readonly<Record<RepairOperation, string | null>> = {
    cancel: running ? null : 'Only a running instance can be cancelled.',
    retry: running && hasError ? null : 'There is no step with an open error to retry.',
    resolve: instance.exceptions.length > 0 ? null : 'There is no open exception.',
    move: running ? null : 'Only a running instance can be moved.',
    reroute: running && stoppedWithoutRoute ? null : 'Only an instance stopped at NO_ROUTE can be re-routed.',
  };
  const done = useCallback(
    (message: string) => {
      setNotice(message);
      onChanged();
    },
    [onChanged],
  );

  return (
    <div className="stack">
      <section className="panel panel--padded" aria-label="Summary">
        <dl className="facts">
          <div>
            <dt>Process</dt>
            <dd>
              {humanize(instance.processKey)} v{instance.processVersion}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`pill pill--${instance.status}`}>{humanize(instance.status)}</span>
            </dd>
          </div>
          <div>
            <dt>Waiting at</dt>
            <dd>{instance.positions.length > 0 ? instance.positions.map(humanize).join(', ') : '—'}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>
              {formatDateTime(instance.startedAt)} by {instance.startedBy}
            </dd>
          </div>
          {instance.businessKey ? (
            <div>
              <dt>Business key</dt>
              <dd>{instance.businessKey}</dd>
            </div>
          ) : null}
          {instance.dueAt ? (
            <div>
              <dt>Due</dt>
              <dd>{formatDateTime(instance.dueAt)}</dd>
            </div>
          ) : null}
        </dl>
        {liveProblem ? <p className="muted">Live updates are not available here ({liveProblem}); the page reloads after your own changes.</p> : null}
        {notice ? (
          <p role="status" className="muted">
            {notice}
          </p>
        ) : null}
      </section>

      <section className="panel panel--padded" aria-labelledby="repair-heading">
        <h2 className="panel__title" id="repair-heading">
          Repair
        </h2>
        <div className="row">
          {(Object.keys(repairTitles) as RepairOperation[]).map((operation) => {
            const why = denied ?? unavailable[operation];
            return (
              <button key={operation} type="button" className="button" disabled={why !== null} title={why ?? undefined} aria-describedby={why ? 'repair-denied' : undefined} onClick={() => setRepair({ operation })}>
                {repairTitles[operation]}
              </button>
            );
          })}
        </div>
        {denied ? (
          <p className="muted" id="repair-denied">
            {denied}
          </p>
        ) : (
          <p className="visually-hidden" id="repair-denied">
            Some repairs do not apply to this instance now; hover a button to see why.
          </p>
        )}
      </section>

      <section className="panel panel--padded" aria-labelledby="exceptions-heading">
        <h2 className="panel__title" id="exceptions-heading">
          Open exceptions
        </h2>
        {instance.exceptions.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="timeline">
            {instance.exceptions.map((exception) => (
              <li key={exception.code} className="timeline__event">
                <p className="timeline__title">
                  <span className={`pill pill--${exception.severity}`}>{exception.severity}</span> {exception.code}
                </p>
                <p>{exception.message}</p>
                <p className="timeline__meta">
                  {exception.step ? `At ${humanize(exception.step)} · ` : ''}
                  {exception.raisedBy ? `raised by the rule ${exception.raisedBy}` : 'raised by the engine'} · {formatDateTime(exception.raisedAt)}
                </p>
                <button type="button" className="button" disabled={denied !== null} title={denied ?? undefined} onClick={() => setRepair({ operation: 'resolve', code: exception.code })}>
                  Resolve {exception.code}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel panel--padded" aria-labelledby="tasks-heading">
        <h2 className="panel__title" id="tasks-heading">
          Current tasks
        </h2>
        {instance.openTasks.length === 0 ? (
          <p className="muted">No open task.</p>
        ) : (
          <ul>
            {instance.openTasks.map((task) => (
              <li key={task.id}>
                <Link to={`/tasks/${task.id}`}>{taskName(task)}</Link> <span className="muted">with {taskHolder(task)}</span>
                {task.dueAt ? <span className="muted"> · due {formatDateTime(task.dueAt)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel panel--padded" aria-labelledby="decisions-heading">
        <h2 className="panel__title" id="decisions-heading">
          Why this route
        </h2>
        {instance.decisions.length === 0 ? <p className="muted">No routing decision yet.</p> : instance.decisions.map((decision) => <Decision key={decision.sequence} decision={decision} />)}
      </section>

      <section className="panel panel--padded" aria-labelledby="timeline-heading">
        <h2 className="panel__title" id="timeline-heading">
          Timeline
        </h2>
        <ol className="timeline" aria-label="Timeline">
          {instance.timeline.map((event) => (
            <TimelineItem key={event.sequence} event={event} />
          ))}
        </ol>
      </section>

      <section className="panel panel--padded" aria-labelledby="data-heading">
        <h2 className="panel__title" id="data-heading">
          Data
        </h2>
        <DataView data={instance.data} label="Instance data" />
      </section>

      {repair ? <RepairDialog operation={repair.operation} instance={instance} {...(repair.code ? { code: repair.code } : {})} onClose={() => setRepair(null)} onDone={done} /> : null}
    </div>
  );
}

function Decision({ decision }: { readonly decision: RouteDecision }) {
  const verdicts = ruleVerdicts(decision);
  return (
    <article className="decision" aria-label={`Decision after ${humanize(decision.step)}`}>
      <p>
        <strong>
          After {humanize(decision.step)}
          {decision.outcome ? ` (${decision.outcome})` : ''} → {decision.target ? humanize(decision.target) : 'stopped: no route'}
        </strong>
      </p>
      <p className="timeline__meta">
        {decision.source === 'rule' ? 'Decided by a rule' : decision.source === 'transition' ? 'Followed the step’s transition for this outcome' : decision.source === 'next' ? 'Followed the step’s next step' : 'No rule or transition gave a route'}
        {decision.ruleSetKey ? (
          <>
            {' '}
            · rule set{' '}
            <Link to={`/rules/${encodeURIComponent(decision.ruleSetKey)}`}>
              {decision.ruleSetKey} version {decision.ruleSetVersion ?? '?'}
            </Link>
          </>
        ) : null}{' '}
        · {formatDateTime(decision.decidedAt)}
      </p>
      {verdicts.length > 0 ? (
        <ul className="decision__rules" aria-label="Rules">
          {verdicts.map((verdict) => (
            <li key={verdict.rule} className={verdict.verdict === 'decided' ? 'rule--won' : verdict.verdict === 'lost' ? 'rule--lost' : ''}>
              {verdict.rule}
              {verdict.verdict === 'decided' ? ' (decided the route)' : ''}: {verdict.why}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No rule fired.</p>
      )}
    </article>
  );
}

function TimelineItem({ event }: { readonly event: TimelineEvent }) {
  const payload = event.payload !== null && typeof event.payload === 'object' ? (event.payload as Record<string, unknown>) : {};
  const reason = typeof payload['reason'] === 'string' ? payload['reason'] : null;
  return (
    <li className="timeline__event">
      <p className="timeline__title">
        {humanize(event.type)}
        {event.stepKey ? ` · ${humanize(event.stepKey)}` : ''}
        {event.actor ? ` · by ${event.actor}` : ''}
      </p>
      <p className="timeline__meta">
        {formatDateTime(event.occurredAt)}
        {reason ? ` · reason: ${reason}` : ''}
      </p>
    </li>
  );
}
