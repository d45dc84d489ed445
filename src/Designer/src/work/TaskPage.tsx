import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { requestGraphQL } from '../api/graphqlRequest';
import { usePageTitle } from '../app/pageTitle';
import { deniedReason, type Viewer } from '../app/permissions';
import { useViewer } from '../app/session';
import { mutate, useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { isFormDefinition, type FormData } from '../formRenderer/formState';
import type { Evaluate } from '../formRenderer/useFormEvaluation';
import { DataView } from './DataView';
import { formatDateTime, humanize, isOverdue, taskHolder, taskName } from './format';
import { TaskForm, type CompletionOutcome } from './TaskForm';
import { TaskClaimButton } from './TaskClaimButton';
import { uploadFile } from './uploadFile';
import {
  completeTaskMutation,
  evaluateFormQuery,
  formQuery,
  instanceQuery,
  taskQuery,
  type FormBody,
  type FormEvaluation,
  type InstanceDetail,
  type StepPayload,
  type TaskDetail,
} from './workApi';
import './work.css';

/** One task: its form beside the instance data it is about, and the buttons that complete it. */
export function TaskPage() {
  const { id = '' } = useParams();
  return <TaskView key={id} id={id} />;
}

function TaskView({ id }: { readonly id: string }) {
  const viewer = useViewer();
  const task = useQuery<{ task: TaskDetail | null }>(taskQuery, { id });
  const [completed, setCompleted] = useState<StepPayload | null>(null);
  const loaded = task.state.status === 'ready' ? task.state.data.task : null;
  usePageTitle(loaded ? taskName(loaded) : null);

  if (task.state.status === 'loading') {
    return <Loading what="the task" />;
  }
  if (task.state.status === 'error') {
    return (
      <section className="panel panel--padded">
        <StateMessage tone="error" title="The task could not be opened">
          <p>{task.state.message}</p>
        </StateMessage>
      </section>
    );
  }
  if (!loaded) {
    return (
      <section className="panel panel--padded">
        <StateMessage tone="info" title="There is no such task" action={<Link to="/tasks">Back to your tasks</Link>}>
          <p>It may have been cancelled or the link is wrong.</p>
        </StateMessage>
      </section>
    );
  }
  if (completed) {
    return <Completed payload={completed} task={loaded} />;
  }
  return <TaskWorkspace task={loaded} viewer={viewer} onCompleted={setCompleted} onChanged={task.refetch} />;
}

function Loading({ what }: { readonly what: string }) {
  return (
    <div className="panel panel--padded" role="status">
      <p className="muted">Loading {what}…</p>
    </div>
  );
}

function Completed({ payload, task }: { readonly payload: StepPayload; readonly task: TaskDetail }) {
  return (
    <section className="panel panel--padded" aria-labelledby="completed-title">
      <h2 id="completed-title" className="panel__title">
        Task completed
      </h2>
      <p>
        {taskName(task)} is done.{' '}
        {payload.createdTasks.length > 0
          ? `Next: ${payload.createdTasks.map((next) => `${next.stepName ?? humanize(next.stepKey)} (with ${taskHolder(next)})`).join(', ')}.`
          : payload.instance?.status === 'completed'
            ? 'The process is finished.'
            : ''}
      </p>
      <div className="row">
        <Link className="button button--primary" to="/tasks">
          Back to your tasks
        </Link>
        <Link className="button" to={`/instances/${task.instanceId}`}>
          Open the instance
        </Link>
      </div>
    </section>
  );
}

function reasonNotToWork(task: TaskDetail, viewer: Viewer): string | null {
  if (task.status === 'COMPLETED' || task.status === 'CANCELLED') {
    return `This task is ${task.status.toLowerCase()}; nothing more can be done on it.`;
  }
  if (task.assigneeUser && task.assigneeUser !== viewer.id) {
    return `${task.assigneeUser} holds this task; only they can complete it.`;
  }
  if (!task.assigneeUser && task.assigneeRole && !viewer.groups.includes(task.assigneeRole)) {
    return `This task is offered to the group ${task.assigneeRole}, which you are not in.`;
  }
  return deniedReason(viewer, ['USER'], 'Completing a task');
}

function TaskWorkspace({ task, viewer, onCompleted, onChanged }: { readonly task: TaskDetail; readonly viewer: Viewer; readonly onCompleted: (payload: StepPayload) => void; readonly onChanged: () => void }) {
  const form = useQuery<{ form: FormBody | null }>(formQuery, { key: task.formKey ?? '', version: task.formVersion }, { skip: !task.formKey });
  const instance = useQuery<{ instance: InstanceDetail | null }>(instanceQuery, { id: task.instanceId });
  const disabled = reasonNotToWork(task, viewer);

  const evaluate = useCallback<Evaluate>(
    async (data, signal) => {
      const outcome = await requestGraphQL<{ evaluateForm: FormEvaluation | null }>(evaluateFormQuery, { variables: { key: task.formKey, version: task.formVersion, data }, signal });
      if (outcome.kind === 'aborted') {
        return null;
      }
      if (outcome.kind !== 'data') {
        return { error: outcome.message };
      }
      return outcome.data.evaluateForm ?? { error: `The form ${task.formKey} version ${task.formVersion} is not there any more.` };
    },
    [task.formKey, task.formVersion],
  );

  const complete = useCallback(
    async (data: FormData, outcome: string | null): Promise<CompletionOutcome> => {
      const result = await mutate<{ completeTask: StepPayload }>(completeTaskMutation, { id: task.id, data, outcome, idempotencyKey: crypto.randomUUID() });
      if (!result.ok) {
        return { ok: false, message: result.message, problems: [] };
      }
      const payload = result.data.completeTask;
      if (payload.error) {
        const count = payload.problems.length;
        return { ok: false, message: count > 0 ? `${payload.error.message} ${count === 1 ? 'One problem is' : `${count} problems are`} shown at ${count === 1 ? 'its field' : 'their fields'}.` : payload.error.message, problems: payload.problems };
      }
      onCompleted(payload);
      return { ok: true };
    },
    [task.id, onCompleted],
  );

  const upload = useCallback((field: string, file: File) => uploadFile(task.id, field, file), [task.id]);
  const now = new Date();

  return (
    <div className="task-page">
      <section className="panel panel--padded task-page__summary" aria-label="About this task">
        <dl className="facts">
          <div>
            <dt>Process</dt>
            <dd>{humanize(task.processKey)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`pill pill--${task.status.toLowerCase()}`}>{humanize(task.status)}</span>
            </dd>
          </div>
          <div>
            <dt>With</dt>
            <dd>{taskHolder(task)}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              {task.dueAt ? formatDateTime(task.dueAt) : 'No due date'}
              {isOverdue(task.dueAt, now) && task.status !== 'COMPLETED' ? <span className="pill pill--overdue"> Overdue</span> : null}
            </dd>
          </div>
        </dl>
        <div className="row">
          <TaskClaimButton task={task} viewer={viewer} onDone={onChanged} />
          <Link to={`/instances/${task.instanceId}`}>Open the instance</Link>
        </div>
      </section>
      <div className="task-page__columns">
        <section className="panel panel--padded task-page__form" aria-labelledby="task-form-title">
          <h2 className="panel__title" id="task-form-title">
            {form.state.status === 'ready' && form.state.data.form ? form.state.data.form.name : taskName(task)}
          </h2>
          {task.formKey && form.state.status === 'loading' ? (
            <p className="muted" role="status">
              Loading the form…
            </p>
          ) : task.formKey && form.state.status === 'error' ? (
            <StateMessage tone="error" title="The form could not be loaded">
              <p>{form.state.message}</p>
            </StateMessage>
          ) : task.formKey && form.state.status === 'ready' && !isFormDefinition(form.state.data.form?.body) ? (
            <StateMessage tone="error" title="The form is missing">
              <p>
                The task uses the form {task.formKey} version {task.formVersion}, which the server does not have.
              </p>
            </StateMessage>
          ) : (
            <TaskForm
              taskId={task.id}
              form={form.state.status === 'ready' && isFormDefinition(form.state.data.form?.body) ? form.state.data.form.body : null}
              prefill={task.prefill}
              outcomes={task.outcomes}
              evaluate={evaluate}
              complete={complete}
              upload={upload}
              disabledReason={disabled}
            />
          )}
        </section>
        <section className="panel panel--padded task-page__context" aria-labelledby="task-context-title">
          <h2 className="panel__title" id="task-context-title">
            What this task is about
          </h2>
          {instance.state.status === 'loading' ? (
            <p className="muted" role="status">
              Loading the instance…
            </p>
          ) : instance.state.status === 'error' ? (
            <StateMessage tone="error" title="The instance data could not be loaded">
              <p>{instance.state.message}</p>
            </StateMessage>
          ) : instance.state.data.instance ? (
            <>
              <p className="muted">
                Started by {instance.state.data.instance.startedBy} on {formatDateTime(instance.state.data.instance.startedAt)}
                {instance.state.data.instance.businessKey ? ` · ${instance.state.data.instance.businessKey}` : ''}
              </p>
              <DataView data={instance.state.data.instance.data} label="Instance data" />
            </>
          ) : (
            <p className="muted">The instance is not there any more.</p>
          )}
        </section>
      </div>
    </div>
  );
}
