import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../app/useQuery';
import { StateMessage } from '../components/StateMessage';
import { formatDateTime, humanize } from './format';
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
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const update = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setCursors([null]);
  };

  return (
    <div className="stack">
      <section className="panel panel--padded" aria-label="Instance filters">
        <div className="filters">
          <label className="field">
            <span>Process</span>
            <input className="input" value={filters.processKey} placeholder="e.g. expense-approval" onChange={(event) => update({ processKey: event.target.value })} />
          </label>
          <label className="field">
            <span>Status</span>
            <select className="input" value={filters.status} onChange={(event) => update({ status: event.target.value })}>
              <option value="">Any</option>
              <option value="running">Running</option>
              <option value="completed">Completed</option>
              <option value="cancelled">Cancelled</option>
            </select>
          </label>
          <label className="field">
            <span>Business key</span>
            <input className="input" value={filters.businessKey} onChange={(event) => update({ businessKey: event.target.value })} />
          </label>
          <label className="field">
            <span>Started by</span>
            <input className="input" value={filters.startedBy} placeholder="name@example.com" onChange={(event) => update({ startedBy: event.target.value })} />
          </label>
          <label className="field">
            <span>Started on or after</span>
            <input className="input" type="date" value={filters.startedAfter} onChange={(event) => update({ startedAfter: event.target.value })} />
          </label>
          <label className="field">
            <span>Order</span>
            <select className="input" value={filters.direction} onChange={(event) => update({ direction: event.target.value as Filters['direction'] })}>
              <option value="DESC">Newest first</option>
              <option value="ASC">Oldest first</option>
            </select>
          </label>
        </div>
      </section>
      <section className="panel" aria-label="Instances">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Instances</caption>
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Process</th>
                <th scope="col">Status</th>
                <th scope="col">Waiting at</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            {cursors.map((after, index) => (
              <InstanceRows key={after ?? 'first'} filters={filters} after={after} first={index === 0} last={index === cursors.length - 1} onMore={(cursor) => setCursors((current) => [...current, cursor])} />
            ))}
          </table>
        </div>
      </section>
    </div>
  );
}

function InstanceRows({ filters, after, first, last, onMore }: { readonly filters: Filters; readonly after: string | null; readonly first: boolean; readonly last: boolean; readonly onMore: (cursor: string) => void }) {
  const result = useQuery<{ instances: Connection<InstanceSummary> }>(instancesQuery, instanceListVariables(filters, after));
  if (result.state.status === 'loading') {
    return (
      <tbody>
        <tr>
          <td colSpan={5} role="status" className="muted">
            Loading instances…
          </td>
        </tr>
      </tbody>
    );
  }
  if (result.state.status === 'error') {
    return (
      <tbody>
        <tr>
          <td colSpan={5}>
            <StateMessage tone="error" title="The instances could not be loaded" action={<button type="button" className="button" onClick={result.refetch}>Try again</button>}>
              <p>{result.state.message}</p>
            </StateMessage>
          </td>
        </tr>
      </tbody>
    );
  }
  const connection = result.state.data.instances;
  return (
    <tbody>
      {first && connection.nodes.length === 0 ? (
        <tr>
          <td colSpan={5}>
            <StateMessage tone="neutral" title="No instance matches these filters">
              <p>Instances appear here once a process is started.</p>
            </StateMessage>
          </td>
        </tr>
      ) : null}
      {connection.nodes.map((instance) => (
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
      ))}
      {last ? (
        <tr>
          <td colSpan={5} className="muted">
            {connection.totalCount} {connection.totalCount === 1 ? 'instance' : 'instances'} in all.{' '}
            {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
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
