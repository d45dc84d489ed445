import { useState } from 'react';
import { Link } from 'react-router';
import type { Viewer } from '../app/permissions';
import { useViewer } from '../app/session';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { formatDateTime, humanize, isOverdue, taskHolder, taskName } from './format';
import { TaskClaimButton } from './TaskClaimButton';
import { myTasksQuery, tasksQuery, type Connection, type TaskStatus, type TaskSummary } from './workApi';
import './work.css';

type View = 'inbox' | 'all';

interface Filters {
  readonly view: View;
  readonly status: 'ACTIVE' | TaskStatus | 'ANY';
  readonly group: string;
  readonly processKey: string;
  readonly dueBefore: string;
  readonly sort: 'DUE_AT' | 'CREATED_AT';
}

const initialFilters: Filters = { view: 'inbox', status: 'ACTIVE', group: '', processKey: '', dueBefore: '', sort: 'DUE_AT' };
const pageSize = 20;

/** The variables of one page of the list, as the server filters and sorts it. */
export function taskListRequest(filters: Filters, after: string | null): { query: string; variables: Record<string, unknown> } {
  if (filters.view === 'inbox') {
    return { query: myTasksQuery, variables: { first: pageSize, after } };
  }
  const filter: Record<string, unknown> = {};
  if (filters.status === 'ACTIVE') {
    filter['status'] = ['OPEN', 'CLAIMED'];
  } else if (filters.status !== 'ANY') {
    filter['status'] = [filters.status];
  }
  if (filters.group) {
    filter['group'] = filters.group;
  }
  if (filters.processKey.trim()) {
    filter['processKey'] = filters.processKey.trim();
  }
  if (filters.dueBefore) {
    filter['dueBefore'] = new Date(`${filters.dueBefore}T00:00:00`).toISOString();
  }
  return { query: tasksQuery, variables: { filter, orderBy: { field: filters.sort, direction: 'ASC' }, first: pageSize, after } };
}

/** The inbox: the viewer's tasks and its groups' open tasks, or every task it may see, filtered on the server. */
export function TasksPage() {
  const viewer = useViewer();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const [version, setVersion] = useState(0);
  const update = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setCursors([null]);
  };
  const all = filters.view === 'all';

  return (
    <div className="stack">
      <section className="panel panel--padded" aria-label="Task filters">
        <div className="filters">
          <label className="field">
            <span>Show</span>
            <select className="input" value={filters.view} onChange={(event) => update({ view: event.target.value as View })}>
              <option value="inbox">My inbox (mine and my groups')</option>
              <option value="all">Every task I may see</option>
            </select>
          </label>
          <label className="field">
            <span>Status</span>
            <select className="input" value={filters.status} disabled={!all} title={all ? undefined : 'The inbox shows open and claimed tasks'} onChange={(event) => update({ status: event.target.value as Filters['status'] })}>
              <option value="ACTIVE">Open or claimed</option>
              <option value="OPEN">Open</option>
              <option value="CLAIMED">Claimed</option>
              <option value="COMPLETED">Completed</option>
              <option value="CANCELLED">Cancelled</option>
              <option value="ANY">Any</option>
            </select>
          </label>
          <label className="field">
            <span>Group</span>
            <select className="input" value={filters.group} disabled={!all} onChange={(event) => update({ group: event.target.value })}>
              <option value="">Any group</option>
              {viewer.groups.map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Process</span>
            <input className="input" value={filters.processKey} disabled={!all} placeholder="e.g. expense-approval" onChange={(event) => update({ processKey: event.target.value })} />
          </label>
          <label className="field">
            <span>Due before</span>
            <input className="input" type="date" value={filters.dueBefore} disabled={!all} onChange={(event) => update({ dueBefore: event.target.value })} />
          </label>
          <label className="field">
            <span>Sort by</span>
            <select className="input" value={filters.sort} disabled={!all} onChange={(event) => update({ sort: event.target.value as Filters['sort'] })}>
              <option value="DUE_AT">Due date</option>
              <option value="CREATED_AT">Created</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => setVersion((value) => value + 1)}>
            Refresh
          </button>
        </div>
      </section>
      <section className="panel" aria-label="Tasks">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Tasks</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Process</th>
                <th scope="col">Status</th>
                <th scope="col">With</th>
                <th scope="col">Due</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {cursors.map((after, index) => (
              <TaskRows
                key={`${version}-${after ?? 'first'}`}
                filters={filters}
                after={after}
                viewer={viewer}
                first={index === 0}
                last={index === cursors.length - 1}
                onMore={(cursor) => setCursors((current) => [...current, cursor])}
              />
            ))}
          </table>
        </div>
      </section>
    </div>
  );
}

function TaskRows({ filters, after, viewer, first, last, onMore }: { readonly filters: Filters; readonly after: string | null; readonly viewer: Viewer; readonly first: boolean; readonly last: boolean; readonly onMore: (cursor: string) => void }) {
  const request = taskListRequest(filters, after);
  const result = useQuery<{ myTasks?: Connection<TaskSummary>; tasks?: Connection<TaskSummary> }>(request.query, request.variables);
  const now = new Date();

  if (result.state.status === 'loading') {
    return (
      <tbody>
        <tr>
          <td colSpan={6} role="status" className="muted">
            Loading tasks…
          </td>
        </tr>
      </tbody>
    );
  }
  if (result.state.status === 'error') {
    return (
      <tbody>
        <tr>
          <td colSpan={6}>
            <StateMessage tone="error" title="The tasks could not be loaded" action={<button type="button" className="button" onClick={result.refetch}>Try again</button>}>
              <p>{result.state.message}</p>
            </StateMessage>
          </td>
        </tr>
      </tbody>
    );
  }
  const connection = result.state.data.myTasks ?? result.state.data.tasks;
  const tasks = connection?.nodes ?? [];
  return (
    <tbody>
      {first && tasks.length === 0 ? (
        <tr>
          <td colSpan={6}>
            <StateMessage tone="neutral" title={filters.view === 'inbox' ? 'Your inbox is empty' : 'No task matches these filters'}>
              <p>{filters.view === 'inbox' ? 'Tasks assigned to you or offered to your groups appear here.' : 'Change the filters to see more.'}</p>
            </StateMessage>
          </td>
        </tr>
      ) : null}
      {tasks.map((task) => (
        <tr key={task.id}>
          <td>
            <Link to={`/tasks/${task.id}`}>{taskName(task)}</Link>
          </td>
          <td>{humanize(task.processKey)}</td>
          <td>
            <span className={`pill pill--${task.status.toLowerCase()}`}>{humanize(task.status)}</span>
          </td>
          <td>{taskHolder(task)}</td>
          <td>
            {task.dueAt ? formatDateTime(task.dueAt) : <span className="muted">None</span>}
            {isOverdue(task.dueAt, now) && (task.status === 'OPEN' || task.status === 'CLAIMED') ? <span className="pill pill--overdue">Overdue</span> : null}
          </td>
          <td>
            <TaskClaimButton task={task} viewer={viewer} onDone={result.refetch} />
          </td>
        </tr>
      ))}
      {last ? (
        <tr>
          <td colSpan={6} className="muted">
            {connection ? `${connection.totalCount} ${connection.totalCount === 1 ? 'task' : 'tasks'} in all.` : ''}{' '}
            {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
              <button type="button" className="button" onClick={() => onMore(connection.pageInfo.endCursor!)}>
                Show more
              </button>
            ) : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
