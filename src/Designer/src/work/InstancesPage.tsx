import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../app/useQuery';
import { FilterBar } from './FilterBar';
import { formatDateTime, humanize } from './format';
import { PagedRows } from './PagedRows';
import { PagedTable, type PageSlot } from './PagedTable';
import { instancesQuery, type Connection, type InstanceSummary } from './workApi';
import './work.css';

interface Filters {
  readonly processKey: string;
  readonly status: string;
  readonly businessKey: string;
  readonly startedBy: string;
  readonly startedAfter: string;
  readonly direction: 'DESC' | 'ASC';
}

const initialFilters: Filters = { processKey: '', status: '', businessKey: '', startedBy: '', startedAfter: '', direction: 'DESC' };
const pageSize = 25;

/** The `instances` variables for one page: only the filters given, translated to SQL by the server. */
export function instanceListVariables(filters: Filters, after: string | null): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const key of ['processKey', 'status', 'businessKey', 'startedBy'] as const) {
    if (filters[key].trim() !== '') {
      filter[key] = filters[key].trim();
    }
  }
  if (filters.startedAfter) {
    filter['startedAfter'] = new Date(`${filters.startedAfter}T00:00:00`).toISOString();
  }
  return { filter, orderBy: { direction: filters.direction }, first: pageSize, after };
}

/** Every instance the viewer may see, filtered, sorted and paged by the server. */
export function InstancesPage() {
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const update = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <div className="stack">
      <FilterBar
        label="Instance filters"
        controls={[
          { kind: 'text', name: 'processKey', label: 'Process', value: filters.processKey, placeholder: 'e.g. expense-approval' },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            value: filters.status,
            options: [
              ['', 'Any'],
              ['running', 'Running'],
              ['completed', 'Completed'],
              ['cancelled', 'Cancelled'],
            ],
          },
          { kind: 'text', name: 'businessKey', label: 'Business key', value: filters.businessKey },
          { kind: 'text', name: 'startedBy', label: 'Started by', value: filters.startedBy, placeholder: 'name@example.com' },
          { kind: 'date', name: 'startedAfter', label: 'Started on or after', value: filters.startedAfter },
          {
            kind: 'select',
            name: 'direction',
            label: 'Order',
            value: filters.direction,
            options: [
              ['DESC', 'Newest first'],
              ['ASC', 'Oldest first'],
            ],
          },
        ]}
        // Each control's options are values its filter allows, so the string it gives is one of them.
        onChange={(name, value) => update({ [name]: value })}
      />
      <PagedTable
        label="Instances"
        headers={['Instance', 'Process', 'Status', 'Waiting at', 'Started']}
        resetKey={JSON.stringify(filters)}
        page={(slot) => <InstanceRows filters={filters} {...slot} />}
      />
    </div>
  );
}

function InstanceRows({ filters, after, first, last, onMore }: PageSlot & { readonly filters: Filters }) {
  const result = useQuery<{ instances: Connection<InstanceSummary> }>(instancesQuery, instanceListVariables(filters, after));
  return (
    <PagedRows
      result={result}
      connection={result.state.status === 'ready' ? result.state.data.instances : null}
      columns={5}
      noun={['instance', 'instances']}
      first={first}
      last={last}
      empty={{ title: 'No instance matches these filters', text: 'Instances appear here once a process is started.' }}
      onMore={onMore}
    >
      {(instances) =>
        instances.map((instance) => (
          <tr key={instance.id}>
            <td>
              <Link to={`/instances/${instance.id}`}>{instance.businessKey ?? `Instance ${instance.id.slice(0, 8)}`}</Link>
            </td>
            <td>
              {humanize(instance.processKey)} <span className="muted">v{instance.processVersion}</span>
            </td>
            <td>
              <span className={`pill pill--${instance.status}`}>{humanize(instance.status)}</span>
              {instance.exceptions.length > 0 ? <span className="pill pill--error">{instance.exceptions.length === 1 ? '1 exception' : `${instance.exceptions.length} exceptions`}</span> : null}
            </td>
            <td>{instance.positions.length > 0 ? instance.positions.map(humanize).join(', ') : <span className="muted">—</span>}</td>
            <td>
              {formatDateTime(instance.startedAt)} <span className="muted">by {instance.startedBy}</span>
            </td>
          </tr>
        ))
      }
    </PagedRows>
  );
}
