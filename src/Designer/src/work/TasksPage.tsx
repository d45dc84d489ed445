import { useState } from 'react';
import { Link } from 'react-router';
import type { Viewer } from '../app/permissions';
import { useViewer } from '../app/session';
import { useQuery } from '../app/useQuery';
import { FilterBar } from './FilterBar';
import { formatDateTime, humanize, isOverdue, taskHolder, taskName } from './format';
import { PagedRows } from './PagedRows';
import { PagedTable, type PageSlot } from './PagedTable';
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
  const [version, setVersion] = useState(0);
  const update = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const all = filters.view === 'all';

  return (
    <div className="stack">
      <FilterBar
        label="Task filters"
        controls={[
          {
            kind: 'select',
            name: 'view',
            label: 'Show',
            value: filters.view,
            options: [
              ['inbox', "My inbox (mine and my groups')"],
              ['all', 'Every task I may see'],
            ],
          },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            value: filters.status,
            disabled: !all,
            title: all ? undefined : 'The inbox shows open and claimed tasks',
            options: [
              ['ACTIVE', 'Open or claimed'],
              ['OPEN', 'Open'],
              ['CLAIMED', 'Claimed'],
              ['COMPLETED', 'Completed'],
              ['CANCELLED', 'Cancelled'],
              ['ANY', 'Any'],
            ],
          },
          { kind: 'select', name: 'group', label: 'Group', value: filters.group, disabled: !all, options: [['', 'Any group'], ...viewer.groups.map((group) => [group, group] as const)] },
          { kind: 'text', name: 'processKey', label: 'Process', value: filters.processKey, disabled: !all, placeholder: 'e.g. expense-approval' },
          { kind: 'date', name: 'dueBefore', label: 'Due before', value: filters.dueBefore, disabled: !all },
          {
            kind: 'select',
            name: 'sort',
            label: 'Sort by',
            value: filters.sort,
            disabled: !all,
            options: [
              ['DUE_AT', 'Due date'],
              ['CREATED_AT', 'Created'],
            ],
          },
        ]}
        // Each control's options are values its filter allows, so the string it gives is one of them.
        onChange={(name, value) => update({ [name]: value })}
      >
        <button type="button" className="button" onClick={() => setVersion((value) => value + 1)}>
          Refresh
        </button>
      </FilterBar>
      <PagedTable
        label="Tasks"
        headers={['Task', 'Process', 'Status', 'With', 'Due', <span className="visually-hidden">Actions</span>]}
        resetKey={`${version}:${JSON.stringify(filters)}`}
        page={(slot) => <TaskRows filters={filters} viewer={viewer} {...slot} />}
      />
    </div>
  );
}

function TaskRows({ filters, after, viewer, first, last, onMore }: PageSlot & { readonly filters: Filters; readonly viewer: Viewer }) {
  const request = taskListRequest(filters, after);
  const result = useQuery<{ myTasks?: Connection<TaskSummary>; tasks?: Connection<TaskSummary> }>(request.query, request.variables);
  const now = new Date();

  const connection = result.state.status === 'ready' ? (result.state.data.myTasks ?? result.state.data.tasks ?? null) : null;
  return (
    <PagedRows
      result={result}
      connection={connection}
      columns={6}
      noun={['task', 'tasks']}
      first={first}
      last={last}
      empty={
        filters.view === 'inbox'
          ? { title: 'Your inbox is empty', text: 'Tasks assigned to you or offered to your groups appear here.' }
          : { title: 'No task matches these filters', text: 'Change the filters to see more.' }
      }
      onMore={onMore}
    >
      {(tasks) =>
        tasks.map((task) => (
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
        ))
      }
    </PagedRows>
  );
}
